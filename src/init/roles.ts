// Which column is the municipality, the wave, gender, school year, weight and respondent id:
// by name (kommun, år, kön, årskurs, vikt, löpnr … with or without å ä ö) and by values
// (four-digit years, "Flicka"/"Pojke", "Åk 9", decimal weights).
import { UsageError, msg } from '../errors.js';
import { parseSurveyYear } from '../years.js';
import { classifyAnswer, isMissingWord, normalizeAnswer } from './answers.js';
import { isDateValue } from './dates.js';
import type { ColumnProfile, CsvProfile } from './profile.js';

export const ROLES = ['area', 'year', 'gender', 'grade', 'weight', 'id'] as const;
export type Role = (typeof ROLES)[number];
/**
 * Column name per role; null = the data has none. Gender needs a column; without an area or
 * year column the municipality and the survey year are given for the whole file (InitFacts).
 */
export type Roles = Record<Role, string | null>;
export const REQUIRED_ROLES: readonly Role[] = ['gender'];
/** Roles whose value can be given for the whole file when the data has no column for it. */
export const FILE_ROLES = ['area', 'year'] as const;

/** Lower case, å ä ö (and other accents) to plain letters, anything else to "_". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const NAMES: Record<Role, RegExp> = {
  area: /^(kommun\w*|\w+_kommun|municipality\w*|area|omrade)$/,
  year: /^(ar|artal|arstal|year|wave|omgang|undersokningsar|enkatar|enkat_ar|survey_year)$/,
  gender: /^(kon|kon_\w+|\w+_kon|gender|sex)$/,
  grade: /^(arskurs\w*|ak|klass|grade|skolar|stadie)$/,
  weight: /(^|_)(vikt\w*|\w*vikt|weights?|wgt)($|_)/,
  id: /^(lopnr|lopnummer|id|idnr|id_nr|respid|resp_id|respondent|respondent_id|elevid|elev_id)$/,
};

/**
 * A question asking for the municipality, as form tools write headers ("Vilken kommun går du
 * i skola i?", "I vilken kommun bor du?", "Kommun där du går i skolan"). Not any question
 * naming a municipality: "Känner du dig trygg i din kommun?" is an answer to an indicator.
 */
const AREA_QUESTION = /^(i_)?(vilken|vilket|which|what|in_which)_(kommun|municipality)(_|$)|(^|_)kommun_dar_du(_|$)/;

const GIRL = /^(flick(a|or)|tjej(er)?|kvinn(a|or)|girls?|female|f)$/;
const BOY = /^(pojk(e|ar)|kill(e|ar)|män|man|boys?|male|p|m)$/;
const OTHER = /^((annat|annan|annat kön|icke-?binär)( ?\/ ?vill (ej|inte) (ange|säga|svara|uppge))?|vill (ej|inte) (ange|säga|uppge)|other|non-?binary)$/;
/** A school year: its prefix and number, or upper secondary's with "år", or a bare number. */
const GRADE = /^(?:(åk|ak|årskurs|arskurs|klass|år|gy|gymnasiet?|grade|year)\s*(\d{1,2})|(?:gy|gymnasiet?)\s*(?:år|åk|årskurs)\s*(\d{1,2})|(\d{1,2}))$/;

export function genderClass(raw: string): 'girl' | 'boy' | 'other' | null {
  const v = normalizeAnswer(raw);
  return GIRL.test(v) ? 'girl' : BOY.test(v) ? 'boy' : OTHER.test(v) ? 'other' : null;
}

export function isGradeValue(raw: string): boolean {
  return schoolYearKey(raw) !== null;
}

/**
 * Which school year a value names, the same for each way of writing it: "grade 9" for "9",
 * "Åk 9", "åk9", "Årskurs 9"; "gy 2" for "Gy 2", "GY2", "Gymnasiet år 2"; null for anything
 * else ("9A" is a class).
 */
export function schoolYearKey(raw: string): string | null {
  const m = GRADE.exec(normalizeAnswer(raw));
  if (!m) return null;
  if (m[1] !== undefined) return `${/^gy/.test(m[1]) ? 'gy' : 'grade'} ${Number(m[2])}`;
  return m[3] !== undefined ? `gy ${Number(m[3])}` : `grade ${Number(m[4])}`;
}

/**
 * Year values a config reads: "2023", a term ("VT23"), or a school year ("2023/24", read once
 * columns.answered_in says when it was answered). From 1990 on: earlier ones are birth years.
 */
export function isYearValue(raw: string): boolean {
  const year = parseSurveyYear(raw.trim(), 'autumn');
  return year !== null && year >= 1990;
}

const STRONG = 2;
const NAME = 3;
const CONTRADICTS = -10;

/** How well the values fit the role: STRONG, 0 (no opinion) or CONTRADICTS. */
function valueScore(role: Role, c: ColumnProfile): number {
  const given = c.values ? [...c.values.keys()].filter((v) => !isMissingWord(v)) : null;
  const all = (test: (v: string) => boolean) => given !== null && given.length > 0 && given.every(test);
  switch (role) {
    case 'year':
      return all(isYearValue) ? STRONG : c.filled === 0 ? 0 : CONTRADICTS;
    case 'gender':
      if (c.long || (c.values === null && !c.numeric)) return CONTRADICTS;
      return all((v) => genderClass(v) !== null) ? STRONG : 0;
    case 'grade':
      if (c.long || c.values === null) return CONTRADICTS;
      return all(isGradeValue) && given!.some((v) => /\p{L}/u.test(v)) ? STRONG : 0;
    case 'weight':
      if (!c.numeric || c.min <= 0) return CONTRADICTS;
      return c.integer ? 0 : STRONG;
    case 'id':
      return c.numeric && c.integer && (c.values === null || c.values.size === c.filled) ? 0 : CONTRADICTS;
    case 'area':
      // Yes and no answers are a question's, not municipalities.
      return c.long || c.numeric || (given ?? []).some((v) => classifyAnswer(v) === 'yes' || classifyAnswer(v) === 'no') ? CONTRADICTS : 0;
  }
}

/**
 * A column named like a weight ("Vikt") that was not taken as the weight because its values
 * cannot be weights: left unsaid, the figures would be unweighted without anyone deciding so.
 */
export function weightLookalike(profile: CsvProfile, roles: Roles): { column: string; why: 'not-numbers' | 'not-positive' } | null {
  if (roles.weight !== null) return null;
  const taken = new Set(Object.values(roles));
  const c = profile.columns.find((col) => !taken.has(col.name) && NAMES.weight.test(normalizeName(col.name)) && col.filled > 0);
  if (c === undefined) return null;
  return { column: c.name, why: c.numeric ? 'not-positive' : 'not-numbers' };
}

/**
 * A date column is not the survey year: read as one, every row would be rejected, and a
 * school-year survey answered from autumn to spring would even straddle two years.
 */
function refuseDates(c: ColumnProfile): void {
  const given = c.values ? [...c.values.keys()].filter((v) => v.trim() !== '') : [];
  const example = given.find(isDateValue);
  if (example === undefined) return;
  throw new UsageError(
    msg('init.dateColumn', { column: c.name, example }),
    msg('init.dateColumn.hint'),
  );
}

/**
 * The proposed column for every role. `fixed` (from flags or answers) is taken as given; the
 * others go to the best-scoring free column, best scores first. A role needs its name to
 * match, or values that can mean nothing else (years, gender words, "Åk 9", decimal weights).
 */
export function proposeRoles(profile: CsvProfile, fixed: Partial<Roles> = {}): Roles {
  const roles: Roles = { area: null, year: null, gender: null, grade: null, weight: null, id: null };
  const taken = new Set<string>();
  for (const role of ROLES) {
    const name = fixed[role];
    if (name === undefined) continue;
    if (name !== null && !profile.columns.some((c) => c.name === name)) {
      throw new UsageError(msg('init.noColumn', { column: name, file: profile.file }), msg('init.noColumn.hint', { columns: profile.columns.map((c) => c.name) }));
    }
    if (role === 'year' && name !== null) refuseDates(profile.columns.find((c) => c.name === name)!);
    roles[role] = name;
    if (name !== null) taken.add(name);
  }
  const candidates: { role: Role; column: string; score: number; order: number }[] = [];
  ROLES.forEach((role, r) => {
    if (fixed[role] !== undefined) return;
    for (const c of profile.columns) {
      if (c.duplicateName || taken.has(c.name)) continue;
      const name = normalizeName(c.name);
      const named = NAMES[role].test(name) || (role === 'area' && AREA_QUESTION.test(name));
      const score = (named ? NAME : 0) + valueScore(role, c);
      if (score >= STRONG) candidates.push({ role, column: c.name, score, order: r * 10_000 + c.index });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const { role, column } of candidates) {
    if (roles[role] !== null || taken.has(column)) continue;
    roles[role] = column;
    taken.add(column);
  }
  return roles;
}
