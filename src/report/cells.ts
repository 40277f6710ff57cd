// How one estimate appears in a chart label, a table cell or an alt text. Suppression is
// checked before the value is read, so a suppressed cell is `..` whatever else it holds.
import type { EstimateRecord } from '../analysis/types.js';
import { decimalsForBases, formatCi, formatInteger, formatPercent, MISSING, SUPPRESSED, type Decimals } from './format.js';
import type { ReportContext } from './context.js';
import { isShown } from './narrative.js';

/** Marks an estimate on a small base ("tolka med försiktighet"); explained in the table notes. */
export const CAUTION_MARK = '*';

/** Decimals for estimates shown together (see format.ts). */
export function decimalsFor(cells: readonly (EstimateRecord | undefined)[]): Decimals {
  return decimalsForBases(cells.filter(isShown).map((r) => r.n));
}

function mark(rec: EstimateRecord): string {
  return rec.flag === 'caution' ? CAUTION_MARK : '';
}

/** `..` for a suppressed cell, `–` for a missing one, else the formatted value. */
function shown(rec: EstimateRecord | undefined, format: (r: EstimateRecord & { estimate: number }) => string): string {
  if (rec?.suppressed) return SUPPRESSED;
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

/** A key-figure value: "18 %", "..", "–" (no caution mark: the detail line carries the interval). */
export function percentText(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  return shown(rec, (r) => formatPercent(r.estimate, ctx.lang, d));
}

/** The unweighted base is never suppressed (it reveals no answer). */
export function baseText(rec: EstimateRecord | undefined, ctx: ReportContext): string {
  return rec === undefined ? MISSING : formatInteger(rec.n, ctx.lang);
}

/** An alt-text value: "18 %", or "för få svarande" instead of `..`, which a screen reader cannot say. */
export function altValue(rec: EstimateRecord | undefined, ctx: ReportContext, d: Decimals): string {
  if (rec?.suppressed) return ctx.t.alt.tooFew;
  return isShown(rec) ? formatPercent(rec.estimate, ctx.lang, d) : MISSING;
}

/** Notes under a table: the `..` legend and the caution mark, only when they occur. */
export function cellNotes(cells: readonly (EstimateRecord | undefined)[], ctx: ReportContext): string[] {
  const notes: string[] = [];
  if (cells.some((r) => r?.suppressed)) notes.push(ctx.t.notes.suppressed);
  if (cells.some((r) => isShown(r) && r.flag === 'caution')) notes.push(ctx.t.notes.caution(formatInteger(ctx.config.disclosure.caution_base, ctx.lang)));
  return notes;
}
