// Which answers in a column mean "yes", "no" or "missing". The standard codebook's scale is
// asked first (its answers spelled as in the file, up to spaces and case); then Swedish
// survey phrasing: texts starting with "Ja" are yes, "Nej" no, "Vill inte svara", "Vet inte"
// and empty cells missing. Numeric codes mean nothing by themselves: they stay unknown.
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
  'vet inte',
  'vet ej',
  'ej svar',
  'inget svar',
  'saknas',
  'uppgift saknas',
  'ingen uppgift',
  'ej besvarad',
  'ej aktuellt',
  '-',
  '.',
  'na',
  'n/a',
  "don't know",
  'dont know',
  'no answer',
  'prefer not to say',
]);
const YES = /^(ja|yes)(?!\p{L})|^(stämmer (helt|ganska bra|mycket bra|bra)|ofta|ibland|alltid|mycket ofta|varje dag|flera gånger|en gång)$/u;
const NO = /^(nej|no)(?!\p{L})|^(stämmer (inte alls|ganska dåligt|dåligt)|inte alls|aldrig|nästan aldrig|sällan)$/u;

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
  if (MISSING.has(a)) return 'missing';
  if (YES.test(a)) return 'yes';
  if (NO.test(a)) return 'no';
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
}

/**
 * The scale for one column: its observed answers classified, plus the template scale's own
 * answers (the first rows may not hold every answer, e.g. a rare "Ja, flera gånger"), plus
 * the empty cell as missing. Observed answers keep their exact spelling, trailing spaces too,
 * because ingest compares answers character by character.
 */
export function proposeScale(values: ReadonlyMap<string, number>, template?: AnswerScale): ScaleProposal {
  const out: ScaleProposal = { yes: [], no: [], missing: [], unknown: [], understood: false };
  const byCount = [...values].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  for (const v of byCount) out[classifyAnswer(v, template) ?? 'unknown'].push(v);
  out.understood = out.yes.length + out.no.length > 0;
  const seen = new Set(byCount);
  for (const cls of ['yes', 'no', 'missing'] as const) {
    for (const v of template?.[cls] ?? []) if (!seen.has(v)) out[cls].push(v), seen.add(v);
  }
  if (!seen.has('')) out.missing.push('');
  return out;
}
