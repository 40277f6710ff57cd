// Which answers in a column mean "yes", "no" or "missing", as Swedish surveys phrase them. The
// standard codebook's scale is asked first (its answers spelled as in the file, up to spaces
// and case); then the wording: "Ja …", "Stämmer helt", "Ofta", "Ja, 2–5 gånger", "Mycket
// trygg", "Ganska stort" are yes; "Nej …", "Aldrig", "Sällan", "Stämmer inte alls", "Ganska
// otrygg", "Jag dricker inte alkohol" are no; "Vet inte", "Vill inte svara" and empty cells are
// missing, and so are answers saying the question does not apply ("Jag har inte haft någon
// pojkvän", "Jag går aldrig ut på kvällen"): such pupils are not in the indicator's population.
// Numeric codes mean nothing by themselves: they stay unknown. A "trygg" question feeding an
// "otrygg" indicator swaps yes and no (`inverted`).
import type { AnswerScale } from '../config/schema.js';

export type AnswerClass = 'yes' | 'no' | 'missing';

/** Trimmed, single-spaced, lower case: how two spellings of one answer are compared. */
export function normalizeAnswer(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

const MISSING = new Set([
  '',
  'vill inte svara',
  'vill ej svara',
  'jag vill inte svara',
  'vet inte',
  'vet ej',
  'jag vet inte',
  'vet inte/vill inte svara',
  'minns inte',
  'kommer inte ihåg',
  'jag kommer inte ihåg',
  'ingen åsikt',
  'ingen uppfattning',
  'ej svar',
  'inget svar',
  'saknas',
  'uppgift saknas',
  'ingen uppgift',
  'ej besvarad',
  'ej aktuellt',
  'inte aktuellt',
  '-',
  '.',
  'na',
  'n/a',
  "don't know",
  'dont know',
  'no answer',
  'prefer not to say',
]);

/**
 * The question does not apply to the pupil: not a no, but not in the population either (a
 * partner question without a partner; a follow-up question's "Har inte blivit utsatt").
 */
const NOT_APPLICABLE =
  /((har|haft) (inte|aldrig|ingen)( haft)?( någon| en)? (pojkvän|flickvän|partner|pojk- eller flickvän|kärleksrelation))|^jag har ingen (pojkvän|flickvän|partner)|^(jag )?(går|är) (aldrig|inte) (ut|ute|i centrum|där|i stan)\b|gäller inte mig|inte aktuellt|ej aktuellt|(^|har |jag har )(inte|aldrig) (blivit|varit) utsatt|^inte utsatt|^(det )?har (inte|aldrig) hänt( mig)?$/;
const NO =
  /^(nej|no)(?!\p{L})|^(aldrig|nästan aldrig|sällan|mycket sällan|inte alls|ingen gång|0 gånger|noll gånger|inget|inga|ingen)$|^stämmer (inte|ganska dåligt|dåligt|mindre bra|inte alls|mycket dåligt)|^instämmer inte|^(mycket|ganska) (litet|liten|lite|dåligt|otrygg)|^inget förtroende|^otrygg|^jag (dricker|röker|snusar|använder|har aldrig|har inte|gör inte|gör aldrig|har aldrig)\b/u;
const YES =
  /^(ja|yes)(?!\p{L})|^stämmer (helt|mycket bra|ganska bra|bra|ganska väl|precis)|^instämmer helt|^(mycket|ganska) (stort|stor|bra|trygg)|^trygg$|^(ofta|ibland|alltid|oftast|för det mesta|nästan alltid|mycket ofta|varje dag|dagligen|varje vecka|någon gång|några gånger|flera gånger|en gång|1 gång)$|^(\d+|en|två|tre|fyra|fem|flera|några|fler än \d+|mer än \d+)( ?[–-] ?\d+)?( eller (fler|flera|mer))? gång(er)?\b|^(någon|några|flera|en|ett par) gång(er)? (i|per|om) (veckan|månaden|året|terminen)/u;

export function isMissingWord(raw: string): boolean {
  return MISSING.has(normalizeAnswer(raw));
}

/** The class of one answer, or null when it cannot be told (codes, unfamiliar texts). */
export function classifyAnswer(raw: string, scale?: AnswerScale): AnswerClass | null {
  const a = normalizeAnswer(raw);
  if (scale) {
    for (const cls of ['missing', 'yes', 'no'] as const) {
      if (scale[cls].some((s) => normalizeAnswer(s) === a)) return cls;
    }
  }
  if (MISSING.has(a) || NOT_APPLICABLE.test(a)) return 'missing';
  if (NO.test(a)) return 'no';
  if (YES.test(a)) return 'yes';
  return null;
}

/** A proposed answer scale: every answer in exactly one list; `unknown` still to be decided. */
export interface ScaleProposal {
  yes: string[];
  no: string[];
  missing: string[];
  unknown: string[];
  /** Some answer in the data was told to be a yes or a no (not only codes). */
  understood: boolean;
  /** How many of the rows read gave each answer (answers of the template only have none). */
  counts: Map<string, number>;
}

/**
 * The scale for one column: its observed answers classified (yes and no swapped when the
 * question asks the opposite of the indicator), plus the template scale's own answers when the
 * column uses that scale (the first rows may not hold every answer, e.g. a rare "Ja, flera
 * gånger"), plus the empty cell as missing. Observed answers keep their exact spelling,
 * trailing spaces too, because ingest compares answers character by character.
 */
export function proposeScale(values: ReadonlyMap<string, number>, template?: AnswerScale, inverted = false): ScaleProposal {
  const out: ScaleProposal = { yes: [], no: [], missing: [], unknown: [], understood: false, counts: new Map(values) };
  const byCount = [...values].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  // The template's scale speaks for the column only when the column uses it (and asks the same way round).
  const uses = (t: AnswerScale) => byCount.some((v) => [...t.yes, ...t.no].some((s) => normalizeAnswer(s) === normalizeAnswer(v)));
  const scale = !inverted && template !== undefined && uses(template) ? template : undefined;
  const swap: Record<AnswerClass, AnswerClass> = inverted ? { yes: 'no', no: 'yes', missing: 'missing' } : { yes: 'yes', no: 'no', missing: 'missing' };
  for (const v of byCount) {
    const cls = classifyAnswer(v, scale);
    out[cls === null ? 'unknown' : swap[cls]].push(v);
  }
  out.understood = out.yes.length + out.no.length > 0;
  const seen = new Set(byCount);
  for (const cls of ['yes', 'no', 'missing'] as const) {
    for (const v of scale?.[cls] ?? []) if (!seen.has(v)) out[cls].push(v), seen.add(v);
  }
  if (!seen.has('')) out.missing.push('');
  return out;
}
