// Number formatting for report text, tables and chart labels in Swedish and English.
// Intl is deliberately not used: its separators and minus sign depend on the ICU build,
// and reports must be byte-identical on every machine.
import { UsageError, msg } from '../errors.js';
import type { Lang } from './model.js';

/** A value hidden by disclosure control. */
export const SUPPRESSED = '..';
/** A value that cannot exist (e.g. a comparison with no earlier wave). */
export const NOT_APPLICABLE = '.';
/** A value that could exist but is absent from the data. */
export const MISSING = '–';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const EN_DASH = '–';

/**
 * Decimal rule: whole percent by default. One decimal only when every estimate shown
 * together (a sentence, a chart, a table) rests on an unweighted base of at least
 * LARGE_BASE respondents: below that the 95 % interval is wider than ±3 percentage
 * points, so a decimal would suggest precision the data do not have.
 */
export const LARGE_BASE = 1000;
export type Decimals = 0 | 1;

export function decimalsForBases(bases: readonly number[]): Decimals {
  return bases.length > 0 && bases.every((n) => n >= LARGE_BASE) ? 1 : 0;
}

/** Half away from zero, after removing binary noise (0.185 * 100 = 18.499999999999996). */
function round(x: number, decimals: number): number {
  const clean = Number(x.toPrecision(12));
  const f = 10 ** decimals;
  const r = (Math.sign(clean) * Math.round(Math.abs(clean) * f)) / f;
  return r === 0 ? 0 : r; // no "−0"
}

function groupThousands(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function minusSign(lang: Lang): string {
  return lang === 'sv' ? MINUS : '-';
}

/** A number with the language's decimal mark and thousands separator. */
export function formatNumber(x: number, lang: Lang, decimals = 0): string {
  const r = round(x, decimals);
  const [int = '0', frac] = Math.abs(r).toFixed(decimals).split('.');
  const body = groupThousands(int, lang === 'sv' ? NBSP : ',') + (frac ? (lang === 'sv' ? ',' : '.') + frac : '');
  return r < 0 ? minusSign(lang) + body : body;
}

/** Counts: "1 234" (sv, non-breaking space), "1,234" (en). */
export function formatInteger(n: number, lang: Lang): string {
  return formatNumber(n, lang, 0);
}

function percentUnit(lang: Lang): string {
  return lang === 'sv' ? `${NBSP}%` : '%';
}

/** A proportion as percent: "18 %", "18,4 %" (sv); "18%", "18.4%" (en). Null → `–`. */
export function formatPercent(p: number | null, lang: Lang, decimals = 0, unit = true): string {
  if (p === null) return MISSING;
  return formatNumber(p * 100, lang, decimals) + (unit ? percentUnit(lang) : '');
}

/** A confidence interval of proportions: "11–28 %" (sv), "11–28%" (en); without unit "11–28". */
export function formatCi(lower: number | null, upper: number | null, lang: Lang, decimals: Decimals = 0, unit = true): string {
  if (lower === null || upper === null) return MISSING;
  return `${formatNumber(lower * 100, lang, decimals)}${EN_DASH}${formatNumber(upper * 100, lang, decimals)}${unit ? percentUnit(lang) : ''}`;
}

export interface DiffOptions {
  /** "+5" / "−5" (tables); without sign the size only (sentences, where the verb gives the direction). */
  signed: boolean;
  /** Append "procentenheter" / "percentage points". */
  unit: boolean;
}

/**
 * Differences are stated from the values as shown: to − from of the two percentages rounded
 * to the decimals printed beside them, so "10 och 17 procent" always comes with "7
 * procentenheter" (the unrounded difference, 6,4, would contradict the parts). One rule for
 * sentences, tables and the county overview; the README and the reading guide say so.
 */
export function shownDifference(from: number, to: number, decimals: Decimals): number {
  return (round(to * 100, decimals) - round(from * 100, decimals)) / 100;
}

/**
 * Decimals for two compared values: theirs, or one more when they would round to the same
 * number although the difference is statistically significant ("1 och 1 procent … skillnaden
 * på 0 procentenheter är statistiskt säkerställd" would contradict itself).
 */
export function comparisonDecimals(from: number, to: number, significant: boolean, decimals: Decimals): Decimals {
  return significant && decimals === 0 && round(from * 100, 0) === round(to * 100, 0) ? 1 : decimals;
}

/** A difference of proportions in percentage points: "+5 procentenheter", "−1 procentenhet", "-5 percentage points". */
export function formatDiff(d: number | null, lang: Lang, decimals: Decimals = 0, opts: DiffOptions = { signed: true, unit: true }): string {
  if (d === null) return MISSING;
  const r = round(d * 100, decimals);
  const size = formatNumber(opts.signed ? r : Math.abs(r), lang, decimals);
  const text = opts.signed && r > 0 ? `+${size}` : size;
  if (!opts.unit) return text;
  const one = Math.abs(r) === 1 && decimals === 0;
  const unitText = lang === 'sv' ? (one ? 'procentenhet' : 'procentenheter') : one ? 'percentage point' : 'percentage points';
  return `${text} ${unitText}`;
}

/**
 * A prevalence ratio with its interval, two decimals: "1,17 (1,03–1,32)". Without an interval
 * (the null-score rule) the ratio alone; null → `–`.
 */
export function formatRatio(ratio: number | null, lower: number | null, upper: number | null, lang: Lang): string {
  if (ratio === null) return MISSING;
  const r = formatNumber(ratio, lang, 2);
  return lower === null || upper === null ? r : `${r} (${formatNumber(lower, lang, 2)}${EN_DASH}${formatNumber(upper, lang, 2)})`;
}

/**
 * A p-value without "p" (for a p-value column): "< 0,001", else two significant digits
 * ("0,048", "0,23", "0,0012", "1,0"). More digits only when two would put p on the other
 * side of alpha (0,0496, not 0,050), so the number never contradicts "statistiskt säkerställd".
 */
export function formatPValue(p: number, lang: Lang, alpha = 0.05): string {
  if (p < 0.001) return `< ${formatNumber(0.001, lang, 3)}`;
  let digits = 2;
  let shown = Number(p.toPrecision(digits));
  while (shown < alpha !== p < alpha && digits < 6) shown = Number(p.toPrecision(++digits));
  // Decimals that show `digits` significant digits of the rounded value (0.1 → 2, 1.0 → 1).
  return formatNumber(shown, lang, Math.max(0, digits - 1 - Math.floor(Math.log10(shown))));
}

/** A p-value in running text: "p = 0,03", "p < 0,001" (sv); "p = 0.03" (en); `name` e.g. "justerat p". */
export function formatP(p: number, lang: Lang, alpha = 0.05, name = 'p'): string {
  const v = formatPValue(p, lang, alpha);
  return v.startsWith('<') || v.startsWith('>') ? `${name} ${v}` : `${name} = ${v}`;
}

/** The confidence level as a bare number: "95", "99,5". */
export function formatLevelNumber(level: number, lang: Lang): string {
  const pct = round(level * 100, 1);
  return formatNumber(pct, lang, Number.isInteger(pct) ? 0 : 1);
}

/** The confidence level: "95 %" (sv), "95%" (en). */
export function formatLevel(level: number, lang: Lang): string {
  return formatLevelNumber(level, lang) + percentUnit(lang);
}

/** A significance threshold as p-values are written: "0,05", "0,10", "0,005". */
export function formatAlpha(alpha: number, lang: Lang): string {
  const clean = String(Number(alpha.toPrecision(6)));
  const decimals = Math.max(2, clean.split('.')[1]?.length ?? 0);
  return formatNumber(alpha, lang, decimals);
}

/** Chart values are percent (0–100), kept to two decimals so exports carry no binary noise. */
export function percentValue(p: number): number {
  return round(p * 100, 2);
}

/** "2023", or "2019–2023" for several waves. */
export function formatYearRange(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? String(first) : `${first}${EN_DASH}${last}`;
}

// In text.ts: the CLI's messages list things too, and must not load the report's modules.
export { formatList } from '../text.js';

const MONTHS: Record<Lang, string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "5 mars 2024" / "5 March 2024" from "2024-03-05" (parsed as text: no time zone can shift it). */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) throw new UsageError(msg('report.date', { value: iso }), msg('report.date.hint'));
  return `${Number(m[3])} ${month} ${m[1]}`;
}
