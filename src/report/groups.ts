// Group keys ("total", "gender=1", "gender=1;grade=9"): parsing, labels, and which groups
// a report shows (a value with `report: false` is shown only where it is not suppressed).
import type { FiguresMeta, GroupKey } from '../analysis/types.js';
import type { GroupVariable, ProjectConfig } from '../config/schema.js';
import type { Lang } from './model.js';

export interface GroupParts {
  gender: string | null;
  grade: string | null;
  /** An extra breakdown's value (groups.extra): its id and the value's code. */
  extra?: { id: string; code: string } | null;
}

export const TOTAL: GroupKey = 'total';
/** Respondent counts only: every respondent, also those outside "Totalt". */
export const ALL: GroupKey = 'all';

const VARIABLE_ORDER = ['gender', 'grade'];

function partsOf(key: GroupKey): [string, string][] {
  if (key === TOTAL || key === ALL || key === '') return [];
  return key.split(';').map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i), p.slice(i + 1)];
  });
}

/** The same key whatever the order of its parts ("grade=9;gender=1" → "gender=1;grade=9"). */
export function canonicalGroup(key: GroupKey): GroupKey {
  const rank = (v: string) => {
    const i = VARIABLE_ORDER.indexOf(v);
    return i < 0 ? VARIABLE_ORDER.length : i;
  };
  const parts = partsOf(key).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  if (key === ALL) return ALL;
  return parts.length === 0 ? TOTAL : parts.map(([v, c]) => `${v}=${c}`).join(';');
}

export function parseGroup(key: GroupKey): GroupParts {
  const parts = partsOf(key);
  const map = new Map(parts);
  const other = parts.find(([v]) => !VARIABLE_ORDER.includes(v));
  return { gender: map.get('gender') ?? null, grade: map.get('grade') ?? null, extra: other ? { id: other[0], code: other[1] } : null };
}

export function groupKey(parts: GroupParts): GroupKey {
  const out: string[] = [];
  if (parts.gender !== null) out.push(`gender=${parts.gender}`);
  if (parts.grade !== null) out.push(`grade=${parts.grade}`);
  if (parts.extra) out.push(`${parts.extra.id}=${parts.extra.code}`);
  return out.length === 0 ? TOTAL : out.join(';');
}

/** Labels from the figures table, canonical keys, in the report's language. */
export function groupLabels(meta: FiguresMeta, lang: Lang): Map<GroupKey, string> {
  const map = new Map<GroupKey, string>();
  for (const [k, v] of Object.entries(meta.group_labels)) map.set(canonicalGroup(k), v[lang]);
  return map;
}

export class GroupCatalog {
  /** Gender codes in display order. */
  readonly genders: string[];
  /** School-year codes in display order (empty when grades are pooled or not configured). */
  readonly grades: string[];
  private readonly labels: Map<GroupKey, string>;

  constructor(
    meta: FiguresMeta,
    private readonly config: ProjectConfig,
    lang: Lang,
  ) {
    this.labels = groupLabels(meta, lang);
    const parsed = meta.groups.map((k) => parseGroup(k));
    this.genders = parsed.filter((p) => p.gender !== null && p.grade === null && !p.extra).map((p) => p.gender!);
    this.grades = parsed.filter((p) => p.grade !== null && p.gender === null).map((p) => p.grade!);
  }

  label(key: GroupKey): string {
    return this.labels.get(canonicalGroup(key)) ?? key;
  }

  /** False when any part of the group is a value configured with `report: false`. */
  reported(key: GroupKey): boolean {
    const { gender, grade, extra } = parseGroup(key);
    const variable = extra ? this.config.groups.extra.find((e) => e.id === extra.id) : undefined;
    return isReported(this.config.groups.gender, gender) && isReported(this.config.groups.grade, grade) && isReported(variable, extra?.code ?? null);
  }

  /**
   * Gender codes to show in charts, key figures and sentences: the reported values only. An
   * unreported one ("vill ej ange", config `report: false`) is not a group of its own there;
   * its figures, where not suppressed, are in the appendix tables and the figures export.
   */
  visibleGenders(): string[] {
    return this.genders.filter((g) => this.reported(groupKey({ gender: g, grade: null })));
  }
}

function isReported(variable: GroupVariable | undefined, code: string | null): boolean {
  if (code === null || variable === undefined) return true;
  return variable.values.find((v) => v.code === code)?.report ?? true;
}
