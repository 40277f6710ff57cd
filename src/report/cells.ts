// How one estimate appears in a chart label, a table cell or an alt text. Suppression is
// checked before the value is read, so a suppressed cell is `..` whatever else it holds.
// Two symbols tell the reader why a value is missing: `..` for a value hidden because of its
// own small numbers (too few respondents, or 1–2 yes or no answers), `(..)` for a value hidden
// only so that another hidden value cannot be worked out from a total (secondary suppression).
import { LOW_RESPONSE, type EstimateRecord, type ResponseRecord, type SuppressionReason } from '../analysis/types.js';
import { decimalsForBases, formatCi, formatInteger, formatPercent, MISSING, SUPPRESSED, type Decimals } from './format.js';
import type { ReportContext } from './context.js';
import type { WithheldKind } from './i18n/types.js';
import { isShown } from './narrative.js';

/** Marks an estimate on a small base ("tolka med försiktighet"); explained in the table notes. */
export const CAUTION_MARK = '*';
/** A value hidden to protect another hidden value (secondary suppression). */
export const SECONDARY_SUPPRESSED = `(${SUPPRESSED})`;

/** Why a hidden value is hidden, as the reader may know it (yes and no are not told apart). */
export function withheldKind(reason: SuppressionReason | null): WithheldKind {
  return reason === 'secondary' ? 'secondary' : reason === 'count' || reason === 'complement' ? 'small-count' : 'base';
}

/** Decimals for estimates shown together (see format.ts). */
export function decimalsFor(cells: readonly (EstimateRecord | undefined)[]): Decimals {
  return decimalsForBases(cells.filter(isShown).map((r) => r.n));
}

function mark(rec: EstimateRecord): string {
  return rec.flag === 'caution' ? CAUTION_MARK : '';
}

/** The symbol of a hidden value: `..`, or `(..)` when it is hidden to protect another one. */
export function suppressedSymbol(rec: EstimateRecord): string {
  return withheldKind(rec.suppression) === 'secondary' ? SECONDARY_SUPPRESSED : SUPPRESSED;
}

/** `..` / `(..)` for a suppressed cell, `–` for a missing one, else the formatted value. */
function shown(rec: EstimateRecord | undefined, format: (r: EstimateRecord & { estimate: number }) => string): string {
  if (rec?.suppressed) return suppressedSymbol(rec);
  return isShown(rec) ? format(rec) : MISSING;
}

/** "18 %", "18 %*", "..", "–": the label printed at a bar or point. */
export function valueLabel(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  return shown(rec, (r) => formatPercent(r.estimate, ctx.lang, d) + mark(r));
}

/** "18 (11–28)", "18 (11–28)*", "..", "–": a table cell with the interval. */
export function cellText(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  return shown(rec, (r) => `${formatPercent(r.estimate, ctx.lang, d, false)} (${formatCi(r.ci_lower, r.ci_upper, ctx.lang, d, false)})${mark(r)}`);
}

/** The estimate alone, without unit ("18"), for tables with separate CI and n columns. */
export function shareText(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  return shown(rec, (r) => formatPercent(r.estimate, ctx.lang, d, false) + mark(r));
}

export function ciText(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  return shown(rec, (r) => formatCi(r.ci_lower, r.ci_upper, ctx.lang, d, false));
}

/** A key-figure value: "18 %" (key figures show only values that may be shown). */
export function percentText(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  return shown(rec, (r) => formatPercent(r.estimate, ctx.lang, d));
}

/** The unweighted base is never suppressed (it reveals no answer). */
export function baseText(rec: EstimateRecord | undefined, ctx: ReportContext): string {
  return rec === undefined ? MISSING : formatInteger(rec.n, ctx.lang);
}

/** An alt-text value: "18 %", or the reason in words instead of `..`, which a screen reader cannot say. */
export function altValue(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  if (rec?.suppressed) return ctx.t.alt.withheld[withheldKind(rec.suppression)];
  return isShown(rec) ? formatPercent(rec.estimate, ctx.lang, d) : MISSING;
}

/** Notes under a table: one per symbol that occurs among its cells, with the reason that applies. */
export function cellNotes(cells: readonly (EstimateRecord | undefined)[], ctx: ReportContext): string[] {
  const notes: string[] = [];
  const kinds = new Set(cells.flatMap((r) => (r?.suppressed ? [withheldKind(r.suppression)] : [])));
  const primary = (['base', 'small-count'] as const).filter((k) => kinds.has(k));
  const d = ctx.config.disclosure;
  if (primary.length > 0) notes.push(ctx.t.notes.withheld(primary, formatInteger(d.min_base, ctx.lang), formatInteger(d.max_small_count, ctx.lang)));
  if (kinds.has('secondary')) notes.push(ctx.t.notes.secondary);
  if (cells.some((r) => isShown(r) && r.flag === 'caution')) notes.push(ctx.t.notes.caution(formatInteger(d.caution_base, ctx.lang)));
  if (cells.some((r) => r === undefined || (!r.suppressed && r.estimate === null))) notes.push(ctx.t.notes.missing);
  return notes;
}

/** Whether anything in a set of cells may be shown (a chart of nothing but `..` is left out). */
export function anyShown(cells: readonly (EstimateRecord | undefined)[]): boolean {
  return cells.some(isShown);
}

/**
 * A response rate in whole percent ("67 %"; `unit` false: "67"). A rate flagged as low is
 * never rounded up to the threshold the report names ("färre än hälften" beside "50 %"): it
 * gets the decimals it needs to stay below it (199 of 400: "49,8 %").
 */
export function rateText(rec: ResponseRecord & { rate: number }, ctx: ReportContext, unit = true): string {
  let decimals = 0;
  while (rec.flag === 'low_response' && decimals < 3 && formatPercent(rec.rate, 'en', decimals, false) === formatPercent(LOW_RESPONSE, 'en', decimals, false)) decimals++;
  return formatPercent(rec.rate, ctx.lang, decimals, unit);
}
