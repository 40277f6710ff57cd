// The figures table for Swedish spreadsheet users: Swedish column headers and words, group
// labels instead of codes, Ja/Nej for booleans, `..` where a figure is suppressed, and for
// each column the kind of number it holds. One definition serves the Excel workbook (real
// number formats) and the semicolon CSV for Swedish Excel (rounded decimal-comma numbers).
import type { FigureRecord, FiguresStream } from '../../analysis/types.js';
import { MISSING, SUPPRESSED } from '../../report/format.js';

/** What a column holds: its Excel number format and its rounding in the CSV follow from it. */
export type ValueKind = 'text' | 'integer' | 'percent' | 'percentPrecise' | 'pValue' | 'ratio' | 'decimal1' | 'decimal2';

/** A cell: a number, a text (including `..`, Ja, Nej) or empty. */
export type Cell = number | string | null;

export { MISSING, SUPPRESSED };
/** As in the reports: a value hidden only so that another hidden value cannot be worked out. */
export const SECONDARY_SUPPRESSED = `(${SUPPRESSED})`;
export const YES = 'Ja';
export const NO = 'Nej';

export interface SvColumn {
  header: string;
  kind: ValueKind;
  value: (r: FigureRecord) => Cell;
}

/** Swedish names of the table's codes. */
const KIND: Record<FigureRecord['kind'], string> = { estimate: 'andel', change: 'förändring', trend: 'trend', follow_up: 'uppföljning', goal: 'mål', response: 'svarsfrekvens', association: 'samband' };
/** A goal's status in the reports' words. */
const GOAL_STATUS: Record<string, string> = {
  reached: 'målet är nått',
  on_track: 'på väg mot målet',
  not_on_track: 'inte i takt med målet',
  not_reached: 'målet är inte nått',
  uncertain: 'ännu inte möjligt att säga',
};
const COMPARISON: Record<string, string> = {
  previous: 'föregående mätning',
  baseline: 'första mätningen',
  gender: 'kön',
  rest_of_county: 'övriga länet',
  reference: 'referensvärde',
};
const SUPPRESSION: Record<string, string> = {
  base: 'för få svarande',
  count: 'för få ja-svar',
  complement: 'för få nej-svar',
  secondary: 'sekundär (skyddar en annan cell)',
};
/** A response rate's base is the group's pupils and its count the respondents. */
const RESPONSE_SUPPRESSION: Record<string, string> = {
  base: 'för få elever',
  count: 'för få svarande',
  complement: 'för få som inte svarat',
  secondary: SUPPRESSION.secondary!,
};

/** The sign of a suppressed record's missing values: `(..)` for secondary suppression, else `..`. */
export function suppressedSign(r: FigureRecord): string {
  return (r.kind === 'estimate' || r.kind === 'response') && r.suppression === 'secondary' ? SECONDARY_SUPPRESSED : SUPPRESSED;
}

export interface SvContext {
  /** Swedish label per indicator id (from the config); the id when missing. */
  indicatorLabels: Readonly<Record<string, string>>;
  table: FiguresStream;
}

/**
 * The columns, in the order of the CSV export (README, "The figures table"), with the
 * indicator's label beside its id, and a response row's flag in a column of its own. A record's own values that are empty because it is
 * suppressed show `..` (or `(..)`); values a record does not have (a trend's estimate) stay
 * empty.
 */
export function svColumns(ctx: SvContext): SvColumn[] {
  const field = (r: FigureRecord, name: string): unknown => (r as unknown as Record<string, unknown>)[name];
  const groupLabel = (key: string) => ctx.table.meta.group_labels[key]?.sv ?? key;
  /** A number (or `..` when the record is suppressed and the value therefore empty). */
  const num = (name: string) => (r: FigureRecord): Cell => {
    if (!(name in r)) return null;
    const v = field(r, name);
    if (typeof v === 'number') return v;
    return r.suppressed ? suppressedSign(r) : null;
  };
  const bool = (name: string) => (r: FigureRecord): Cell => {
    if (!(name in r)) return null;
    const v = field(r, name);
    if (typeof v === 'boolean') return v ? YES : NO;
    return r.suppressed ? suppressedSign(r) : null;
  };
  const text = (get: (r: FigureRecord) => unknown) => (r: FigureRecord): Cell => {
    const v = get(r);
    return v === null || v === undefined || v === '' ? null : String(v);
  };
  const years = (name: string) => text((r) => (field(r, name) as number[] | null | undefined)?.join(', '));
  /** A change compares waves (years), groups (keys) or an area with the rest of the county. */
  const compared = (name: 'from' | 'to') =>
    text((r) => {
      if (r.kind !== 'change') return null;
      const v = r[name];
      if (v === 'rest_of_county') return COMPARISON.rest_of_county;
      return r.comparison === 'gender' ? groupLabel(v) : v;
    });

  return [
    { header: 'Typ', kind: 'text', value: (r) => KIND[r.kind] },
    { header: 'Jämförelse', kind: 'text', value: text((r) => (r.kind === 'change' ? COMPARISON[r.comparison] : null)) },
    { header: 'Indikator', kind: 'text', value: (r) => ('indicator' in r ? (ctx.indicatorLabels[r.indicator] ?? r.indicator) : null) },
    { header: 'Indikator-id', kind: 'text', value: (r) => ('indicator' in r ? r.indicator : null) },
    { header: 'Förändringsfaktor', kind: 'text', value: text((r) => (r.kind === 'association' ? (ctx.indicatorLabels[r.factor] ?? r.factor) : null)) },
    { header: 'Förändringsfaktor-id', kind: 'text', value: text((r) => (r.kind === 'association' ? r.factor : null)) },
    { header: 'Område', kind: 'text', value: (r) => r.area },
    { header: 'År', kind: 'integer', value: num('year') },
    { header: 'Sammanslagna år', kind: 'text', value: years('pooled_years') },
    { header: 'Grupp', kind: 'text', value: (r) => groupLabel(r.group) },
    { header: 'Svarande (n)', kind: 'integer', value: num('n') },
    { header: 'Ja-svar (x)', kind: 'integer', value: num('x') },
    { header: 'Andel', kind: 'percent', value: num('estimate') },
    { header: 'Standardfel', kind: 'percentPrecise', value: num('se') },
    { header: 'KI nedre', kind: 'percent', value: num('ci_lower') },
    { header: 'KI övre', kind: 'percent', value: num('ci_upper') },
    { header: 'KI-metod', kind: 'text', value: text((r) => field(r, 'ci_method')) },
    { header: 'Frihetsgrader', kind: 'integer', value: num('df') },
    { header: 'Designeffekt', kind: 'decimal2', value: num('deff') },
    { header: 'Effektivt n', kind: 'decimal1', value: num('n_eff') },
    { header: 'Undertryckt', kind: 'text', value: (r) => (r.suppressed ? YES : NO) },
    {
      header: 'Skäl till undertryckning',
      kind: 'text',
      value: text((r) => (r.kind === 'estimate' && r.suppression ? SUPPRESSION[r.suppression] : r.kind === 'response' && r.suppression ? RESPONSE_SUPPRESSION[r.suppression] : null)),
    },
    { header: 'Tolka med försiktighet', kind: 'text', value: (r) => (r.kind === 'estimate' || r.kind === 'association' ? (r.flag === 'caution' ? YES : NO) : null) },
    { header: 'Från år', kind: 'integer', value: num('year_from') },
    { header: 'Till år', kind: 'integer', value: num('year_to') },
    { header: 'Från', kind: 'text', value: compared('from') },
    { header: 'Till', kind: 'text', value: compared('to') },
    { header: 'Andel från', kind: 'percent', value: num('estimate_from') },
    { header: 'Andel till', kind: 'percent', value: num('estimate_to') },
    { header: 'Skillnad (procentenheter)', kind: 'percent', value: num('diff') },
    { header: 'Skillnad KI nedre', kind: 'percent', value: num('diff_ci_lower') },
    { header: 'Skillnad KI övre', kind: 'percent', value: num('diff_ci_upper') },
    { header: 'p-värde', kind: 'pValue', value: num('p') },
    { header: 'Justerat p-värde (q)', kind: 'pValue', value: num('q') },
    { header: 'Statistiskt säkerställd', kind: 'text', value: bool('significant') },
    { header: 'År i trenden', kind: 'text', value: years('years') },
    { header: 'Oddskvot per år', kind: 'ratio', value: num('odds_ratio_per_year') },
    { header: 'Oddskvot KI nedre', kind: 'ratio', value: num('or_ci_lower') },
    { header: 'Oddskvot KI övre', kind: 'ratio', value: num('or_ci_upper') },
    { header: 'p-värde Cochran–Armitage', kind: 'pValue', value: num('cochran_armitage_p') },
    { header: 'Minsta upptäckbara förändring (procentenheter)', kind: 'percent', value: num('mdc') },
    { header: 'Målvärde', kind: 'percent', value: num('target') },
    { header: 'Målår', kind: 'integer', value: num('target_year') },
    { header: 'Förändring som en jämn takt kräver (procentenheter)', kind: 'percent', value: num('required_change') },
    { header: 'Kvar till målet (procentenheter)', kind: 'percent', value: num('remaining') },
    { header: 'Kvarvarande förändring går att belägga', kind: 'text', value: bool('detectable') },
    { header: 'Målets status', kind: 'text', value: text((r) => (r.kind === 'goal' && r.status !== null ? GOAL_STATUS[r.status] : null)) },
    { header: 'Elever i populationen', kind: 'integer', value: num('population') },
    { header: 'Svarsfrekvens', kind: 'percent', value: num('rate') },
    { header: 'Låg svarsfrekvens (under hälften)', kind: 'text', value: (r) => (r.kind === 'response' && !r.suppressed ? (r.flag === 'low_response' ? YES : NO) : null) },
    { header: 'Andel med faktorn', kind: 'percent', value: num('estimate_with') },
    { header: 'Andel utan faktorn', kind: 'percent', value: num('estimate_without') },
    { header: 'Kvot (med/utan)', kind: 'ratio', value: num('ratio') },
    { header: 'Kvot KI nedre', kind: 'ratio', value: num('ratio_ci_lower') },
    { header: 'Kvot KI övre', kind: 'ratio', value: num('ratio_ci_upper') },
  ];
}

/** Decimals a number keeps in the CSV (the workbook keeps full precision and formats it). */
export const CSV_DECIMALS: Record<Exclude<ValueKind, 'text'>, number> = {
  integer: 0,
  percent: 4,
  percentPrecise: 4,
  pValue: 4,
  ratio: 3,
  decimal1: 1,
  decimal2: 2,
};

/** Excel number formats (written in Excel's invariant syntax; Swedish Excel shows decimal commas). */
export const EXCEL_FORMATS: Record<Exclude<ValueKind, 'text'>, string> = {
  integer: '0',
  percent: '0.0%',
  percentPrecise: '0.00%',
  pValue: '0.000',
  ratio: '0.000',
  decimal1: '0.0',
  decimal2: '0.00',
};

/** A number as the Swedish CSV writes it: rounded, decimal comma, ASCII minus, never "-0". */
export function csvNumber(x: number, kind: Exclude<ValueKind, 'text'>): string {
  const s = x.toFixed(CSV_DECIMALS[kind]);
  return (/^-0(\.0*)?$/.test(s) ? s.slice(1) : s).replace('.', ',');
}
