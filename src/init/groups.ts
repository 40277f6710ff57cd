// Gender and school-year values as the config's groups: spellings of one value merged
// ("Flicka", "flicka ", "Tjej" → one value with aliases), labels as reports say them
// ("Flickor", or "Tjejer" when the survey says tjej), "Annat/vill ej ange" kept out of the
// reported groups, and codes whose meaning cannot be told left for the user to name.
import type { LocalizedText } from '../config/schema.js';
import { isMissingWord, normalizeAnswer } from './answers.js';
import { genderClass, schoolYearKey } from './roles.js';

export interface GroupValueProposal {
  code: string;
  aliases: string[];
  /** null: the meaning of the code is unknown (e.g. gender "1"); the user names it. */
  label: LocalizedText | null;
  report: boolean;
}

export interface GroupProposal {
  values: GroupValueProposal[];
  missing: string[];
}

type Gender = 'girl' | 'boy' | 'other';

const GENDER_LABELS: Record<Gender, { match: RegExp; label: { sv: string; en: string } }[]> = {
  girl: [
    { match: /^tjej/, label: { sv: 'Tjejer', en: 'Girls' } },
    { match: /^kvinn/, label: { sv: 'Kvinnor', en: 'Women' } },
    { match: /^/, label: { sv: 'Flickor', en: 'Girls' } },
  ],
  boy: [
    { match: /^kill/, label: { sv: 'Killar', en: 'Boys' } },
    { match: /^(man|män)$/, label: { sv: 'Män', en: 'Men' } },
    { match: /^/, label: { sv: 'Pojkar', en: 'Boys' } },
  ],
  other: [{ match: /^/, label: { sv: 'Annat/vill ej ange', en: 'Other/prefer not to say' } }],
};

/** The labels a gender value gets when the user says what an unknown code means. */
export function genderLabel(kind: Gender, code = ''): { sv: string; en: string } {
  return GENDER_LABELS[kind].find((l) => l.match.test(normalizeAnswer(code)))!.label;
}

export function proposeGender(values: ReadonlyMap<string, number>): GroupProposal {
  const byKind = new Map<Gender, string[]>();
  const unknown: string[] = [];
  const missing: string[] = [];
  for (const v of byFrequency(values)) {
    if (isMissingWord(v)) missing.push(v);
    else {
      const kind = genderClass(v);
      if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), v]);
      else unknown.push(v);
    }
  }
  const out: GroupValueProposal[] = [];
  for (const kind of ['girl', 'boy', 'other'] as const) {
    const spellings = byKind.get(kind);
    if (!spellings) continue;
    // The commonest spelling is the code; "Tjej" in a "Flicka" survey is an alias.
    const [code, ...aliases] = spellings;
    out.push({ code: code!, aliases, label: genderLabel(kind, code), report: kind !== 'other' });
  }
  for (const code of sortCodes(unknown)) out.push({ code, aliases: [], label: null, report: true });
  if (!missing.includes('')) missing.push('');
  return { values: out, missing };
}

/**
 * School years in order (Åk 7, Åk 9, Gy 2). Spellings of one school year are merged: those that
 * differ only by spaces or case, and those that name the same year ("9", "Åk 9", "åk9",
 * "Årskurs 9"; "Gy 2", "GY2", "Gymnasiet år 2"), as files merged from several schools' exports
 * have them; the most frequent spelling is the code, the others its aliases.
 */
export function proposeGrade(values: ReadonlyMap<string, number>): GroupProposal {
  const byName = new Map<string, string[]>();
  const missing: string[] = [];
  for (const v of byFrequency(values)) {
    if (isMissingWord(v)) missing.push(v);
    else {
      const key = schoolYearKey(v) ?? normalizeAnswer(v);
      byName.set(key, [...(byName.get(key) ?? []), v]);
    }
  }
  const groups = [...byName.values()].sort((a, b) => gradeOrder(a[0]!) - gradeOrder(b[0]!) || a[0]!.localeCompare(b[0]!, 'sv'));
  if (!missing.includes('')) missing.push('');
  return {
    values: groups.map(([code, ...aliases]) => ({ code: code!, aliases, label: gradeLabel(code!), report: true })),
    missing,
  };
}

function gradeLabel(code: string): LocalizedText {
  const text = code.trim().replace(/\s+/g, ' ');
  const key = schoolYearKey(text);
  const n = /(\d+)$/.exec(text)?.[1];
  // A school year keeps its written name when it is written the usual way ("Årskurs 9", "Gy 2"),
  // else it is named so ("9", "åk9", "ÅK9" → "Åk 9"; "GY2" → "Gy 2").
  if (key?.startsWith('grade')) return { sv: /^(Åk|Årskurs) \d/.test(text) ? text : `Åk ${Number(n)}`, en: `Year ${Number(n)}` };
  if (key?.startsWith('gy')) return { sv: /^Gy \d$/.test(text) ? text : `Gy ${n}`, en: `Upper secondary year ${n}` };
  if (n && /^(åk|årskurs)/i.test(text)) return { sv: text, en: `Year ${n}` };
  if (n && /^gy/i.test(text)) return { sv: text, en: `Upper secondary year ${n}` };
  return text;
}

/** Compulsory school before upper secondary, then by number. */
function gradeOrder(code: string): number {
  const n = Number(/(\d+)/.exec(code)?.[1] ?? 99);
  return (/^\s*gy/i.test(code) ? 100 : 0) + n;
}

function byFrequency(values: ReadonlyMap<string, number>): string[] {
  return [...values].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv')).map(([v]) => v);
}

function sortCodes(codes: string[]): string[] {
  return [...codes].sort((a, b) => a.localeCompare(b, 'sv', { numeric: true }));
}
