// Figures: a chart, its numbers as a table, a caption and an alt text that states the main
// finding. Every figure is a matrix of estimate records (categories × series).
import type { ChangeRecord, EstimateRecord } from '../analysis/types.js';
import type { Indicator } from '../config/schema.js';
import { figureBlock } from './blocks.js';
import { altValue, cellNotes, cellText, decimalsFor, valueLabel } from './cells.js';
import { areaName, label, presentGenders, presentGrades, waveName, type ReportContext } from './context.js';
import { formatList, formatPercent, formatYearRange, MISSING, percentValue, type Decimals } from './format.js';
import { groupKey, TOTAL } from './groups.js';
import { MARKER_SYMBOLS, type ChartMarkerSet, type ChartSeries, type FigureBlock, type MarkerSymbol, type TableColumn, type TableRow } from './model.js';
import { isShown } from './narrative.js';

interface MatrixSeries {
  label: string;
  cells: (EstimateRecord | undefined)[];
}

interface MatrixSpec {
  type: 'bar' | 'line';
  categoryHeader: string;
  categories: string[];
  series: MatrixSeries[];
  caption: string;
  /** The main finding, for the alt text (after the chart kind and caption). */
  finding: string;
  /** Index of a category row to emphasise in the table (e.g. "Alla årskurser"). */
  emphasis?: number;
  breaksBefore?: number[];
  reference?: { label: string; value: number } | null;
  notes?: string[];
}

/**
 * The chart and its table, or null when fewer than two values may be shown: a chart of `..`
 * says nothing, and a single value is said in the text beside it.
 */
function matrixFigure(ctx: ReportContext, spec: MatrixSpec): FigureBlock | null {
  const all = spec.series.flatMap((s) => s.cells);
  if (all.filter(isShown).length < 2) return null;
  const d = decimalsFor(all);
  const references = spec.type === 'bar' ? referencesOf(ctx, spec.series) : [];
  const pick = (r: EstimateRecord | undefined, v: (r: EstimateRecord) => number | null) => {
    if (!isShown(r)) return null;
    const x = v(r);
    return x === null ? null : percentValue(x);
  };
  const series: ChartSeries[] = spec.series.map((s) => ({
    label: s.label,
    values: s.cells.map((r) => pick(r, (x) => x.estimate)),
    lower: s.cells.map((r) => pick(r, (x) => x.ci_lower)),
    upper: s.cells.map((r) => pick(r, (x) => x.ci_upper)),
    valueLabels: s.cells.map((r) => valueLabel(r, ctx, d)),
  }));
  // A reference column follows each series that has a reference value.
  const referenceColumns = references.flatMap((ref) =>
    spec.series.flatMap((s, i) => (ref.recs[i]!.some((r) => r !== undefined) ? [{ ref, series: i, header: spec.series.length === 1 ? ref.label : ctx.t.words.seriesReference(s.label, ref.label) }] : [])),
  );
  const rows: TableRow[] = spec.categories.map((c, i) => ({
    header: c,
    cells: [
      ...spec.series.map((s) => cellText(s.cells[i], ctx, d)),
      ...referenceColumns.map((col) => referenceText(ctx, col.ref.recs[col.series]![i], d)),
    ],
    ...(spec.emphasis === i ? { emphasis: true } : {}),
  }));
  const markers: ChartMarkerSet[] = references.map((ref) => ({
    label: ref.label,
    symbol: ref.symbol,
    values: ref.recs.map((row) => row.map((r) => (r?.estimate_from == null ? null : percentValue(r.estimate_from)))),
  }));
  const kind = spec.type === 'bar' ? ctx.t.alt.bar : ctx.t.alt.line;
  const finding = [spec.finding, ...references.map((ref) => ctx.t.alt.markers(ref.label))].filter((x) => x !== '').join(' ');
  const block = figureBlock(
    ctx,
    spec.caption,
    finding === '' ? `${kind}: ${spec.caption}.` : `${kind}: ${spec.caption}. ${finding}`,
    {
      type: spec.type,
      categories: spec.categories,
      series,
      axisLabel: ctx.t.words.share,
      ...(spec.breaksBefore && spec.breaksBefore.length > 0 ? { breaksBefore: spec.breaksBefore } : {}),
      ...(spec.reference !== undefined ? { reference: spec.reference } : {}),
      ...(markers.length > 0 ? { markers } : {}),
      lang: ctx.lang,
    },
    {
      columns: [
        { header: spec.categoryHeader, align: 'left' },
        ...spec.series.map((s): TableColumn => ({ header: s.label, align: 'right' })),
        ...referenceColumns.map((col): TableColumn => ({ header: col.header, align: 'right' })),
      ],
      rows,
      notes: [
        ctx.t.notes.cellFormat(ctx.level),
        ...cellNotes(all, ctx),
        ...(spec.notes ?? []),
        ...references.map((ref) => ctx.t.notes.referenceMarker(ref.symbol, ref.label)),
        ...referenceNotes(ctx, referenceColumns.map((col) => ({ label: col.ref.label, recs: col.ref.recs[col.series]! }))),
      ],
    },
  );
  return references.length === 0 ? block : { ...block, source: sourceWithReferences(ctx, references) };
}

/** A reference set and its comparison records, one per cell of a matrix (series × category). */
interface MatrixReference {
  symbol: MarkerSymbol;
  label: string;
  source: string;
  recs: (ChangeRecord | undefined)[][];
}

/**
 * The reference sets with a value for any shown cell of the matrix: a reference value is shown
 * beside the municipality's own value, never in place of a hidden one.
 */
function referencesOf(ctx: ReportContext, series: MatrixSeries[]): MatrixReference[] {
  return ctx.fig.meta.references.flatMap((ref, set) => {
    const recs = series.map((s) => s.cells.map((c) => (isShown(c) ? ctx.fig.reference(set, c.indicator, c.area, c.group, c.year) : undefined)));
    const symbol = MARKER_SYMBOLS[set % MARKER_SYMBOLS.length]!;
    return recs.some((row) => row.some((r) => r !== undefined)) ? [{ symbol, label: ref.label[ctx.lang], source: ref.source[ctx.lang], recs }] : [];
  });
}

/** A reference value in a table: "55", or "21 (2021)" when it is from an earlier year than the wave it is set beside. */
export function referenceText(ctx: ReportContext, rec: ChangeRecord | undefined, d: Decimals): string {
  if (rec?.estimate_from == null) return MISSING;
  const value = formatPercent(rec.estimate_from, ctx.lang, d, false);
  return rec.year_from === rec.year_to ? value : `${value} (${rec.year_from})`;
}

/** Under a table with reference values from an earlier year than the wave: what the year in parentheses means. */
function referenceYearNote(ctx: ReportContext, recs: readonly (ChangeRecord | undefined)[]): string[] {
  return recs.some((r) => r?.estimate_from != null && r.year_from !== r.year_to) ? [ctx.t.notes.referenceYear] : [];
}

/**
 * Under a table with reference columns: what a year in parentheses means, and that `–` in a
 * reference column is a value the reference set does not have (not a missing survey figure).
 */
export function referenceNotes(ctx: ReportContext, columns: readonly { label: string; recs: readonly (ChangeRecord | undefined)[] }[]): string[] {
  const missing = [...new Set(columns.filter((c) => c.recs.some((r) => r?.estimate_from == null)).map((c) => c.label))];
  return [...referenceYearNote(ctx, columns.flatMap((c) => c.recs)), ...(missing.length > 0 ? [ctx.t.notes.referenceMissing(missing)] : [])];
}

/** The source line of a figure or table that shows reference values: the survey's, then each reference's. */
export function sourceWithReferences(ctx: ReportContext, refs: { label: string; source: string }[]): string {
  return [ctx.source, ...refs.map((ref) => ctx.t.words.referenceSource(ref.label, ref.source))].join('; ');
}

/** "Totalt 18 %, flickor 24 %, pojkar 12 %." from one cell per series (group labels lower-cased after the first). */
function seriesFinding(ctx: ReportContext, items: { label: string; cell: EstimateRecord | undefined }[], lowerRest: boolean): string {
  const d = decimalsFor(items.map((i) => i.cell));
  const name = (l: string, i: number) => (lowerRest && i > 0 ? l.charAt(0).toLowerCase() + l.slice(1) : l);
  return `${items.map((x, i) => ctx.t.alt.value(name(x.label, i), altValue(x.cell, ctx, d))).join(', ')}.`;
}

/**
 * A series per gender the area has in these waves, plus the total, for cells addressed by a
 * gender code or null (everyone). A gender whose every value is hidden gets no series (no bar,
 * no legend entry); the text beside the figure says why.
 */
function genderSeries(ctx: ReportContext, area: string, years: readonly number[], cellsOf: (gender: string | null) => (EstimateRecord | undefined)[]): MatrixSeries[] {
  const genders = presentGenders(ctx, area, years)
    .map((g) => ({ label: ctx.groups.label(groupKey({ gender: g, grade: null })), cells: cellsOf(g) }))
    .filter((s) => s.cells.some(isShown));
  return [...genders, { label: ctx.t.words.total, cells: cellsOf(null) }];
}

/** One indicator in one wave: bars for each gender and the total, per school year (when the area has several) and for all years. */
export function genderGradeFigure(ctx: ReportContext, ind: Indicator, area: string, year: number): FigureBlock | null {
  const grades = presentGrades(ctx, area, [year]);
  const byGrade = grades.length > 1;
  const wave = waveName(ctx, area, year);
  const gradeCodes: (string | null)[] = byGrade ? [...grades, null] : [null];
  const cell = (gender: string | null, grade: string | null) => ctx.fig.estimate(ind.id, area, year, groupKey({ gender, grade }));
  const series = genderSeries(ctx, area, [year], (g) => gradeCodes.map((k) => cell(g, k)));
  const byGender = series.length > 1;
  const last = gradeCodes.length - 1;
  const total = series[series.length - 1]!;
  const caption = byGender ? (byGrade ? ctx.t.captions.byGenderGrade : ctx.t.captions.byGender) : byGrade ? ctx.t.captions.byGrade : ctx.t.captions.total;
  return matrixFigure(ctx, {
    type: 'bar',
    categoryHeader: byGrade ? ctx.t.words.grade : ctx.t.words.wave,
    categories: byGrade ? [...grades.map((k) => ctx.groups.label(groupKey({ gender: null, grade: k }))), ctx.t.words.allGrades] : [wave],
    series,
    caption: caption(label(ctx, ind), areaName(ctx, area), wave),
    finding: seriesFinding(
      ctx,
      [total, ...series.slice(0, -1)].map((s) => ({ label: s.label, cell: s.cells[last] })),
      true,
    ),
    ...(byGrade ? { emphasis: last } : {}),
  });
}

/** Several indicators side by side in one wave (förändringsfaktorer), by gender and total. */
export function indicatorsFigure(ctx: ReportContext, inds: Indicator[], area: string, year: number, caption: (byGender: boolean) => string): FigureBlock | null {
  const cell = (ind: Indicator, gender: string | null) => ctx.fig.estimate(ind.id, area, year, groupKey({ gender, grade: null }));
  const series = genderSeries(ctx, area, [year], (g) => inds.map((i) => cell(i, g)));
  return matrixFigure(ctx, {
    type: 'bar',
    categoryHeader: ctx.t.words.indicator,
    categories: inds.map((i) => label(ctx, i, true)),
    series,
    caption: caption(series.length > 1),
    finding: `${ctx.t.words.total}: ${seriesFinding(
      ctx,
      inds.map((i) => ({ label: label(ctx, i, true), cell: cell(i, null) })),
      false,
    )}`,
  });
}

/** Several indicators (categories) for each value of a breakdown (series) in one wave: the Grupper chapter. */
export function groupValuesFigure(ctx: ReportContext, inds: Indicator[], values: { key: string; label: string }[], variable: string, area: string, year: number): FigureBlock | null {
  const series = values.map((v) => ({ label: v.label, cells: inds.map((i) => ctx.fig.estimate(i.id, area, year, v.key)) }));
  const first = inds[0]!;
  return matrixFigure(ctx, {
    type: 'bar',
    categoryHeader: ctx.t.words.indicator,
    categories: inds.map((i) => label(ctx, i, true)),
    series,
    caption: ctx.t.captions.groups(variable.toLowerCase(), areaName(ctx, area), waveName(ctx, area, year)),
    finding: `${label(ctx, first, true)}: ${seriesFinding(
      ctx,
      series.map((s) => ({ label: s.label, cell: s.cells[0] })),
      false,
    )}`,
  });
}

/** One indicator over the area's waves: a line per gender and the total, broken where the question changed. */
export function trendFigure(ctx: ReportContext, ind: Indicator, area: string, years: number[]): FigureBlock | null {
  const cell = (gender: string | null, y: number) => ctx.fig.estimate(ind.id, area, y, groupKey({ gender, grade: null }));
  const series = genderSeries(ctx, area, years, (g) => years.map((y) => cell(g, y)));
  const breaksBefore = [...new Set(ind.series_breaks.map((b) => years.findIndex((y) => y >= b)).filter((i) => i > 0))].sort((a, b) => a - b);
  const total = series[series.length - 1]!;
  const d = decimalsFor(total.cells);
  return matrixFigure(ctx, {
    type: 'line',
    categoryHeader: ctx.t.words.wave,
    categories: years.map((y) => waveName(ctx, area, y)),
    series,
    caption: ctx.t.captions.trend(label(ctx, ind), areaName(ctx, area), formatYearRange(years)),
    finding: `${ctx.t.words.total}: ${years.map((y, i) => `${altValue(total.cells[i], ctx, d)} (${y})`).join(', ')}.`,
    breaksBefore,
  });
}

/** County overview: each municipality's total with its interval, the whole county as reference line. */
export function areasFigure(ctx: ReportContext, ind: Indicator, areas: string[], year: number): FigureBlock | null {
  const county = ctx.fig.meta.county;
  const cells = areas.map((a) => ctx.fig.estimate(ind.id, a, year, TOTAL));
  const countyCell = ctx.fig.estimate(ind.id, county, year, TOTAL);
  const d = decimalsFor(cells);
  const shown = areas.flatMap((area, i) => {
    const cell = cells[i];
    return isShown(cell) ? [{ area, cell }] : [];
  });
  // Ties by name in code-point order (not locale collation, which varies with the ICU build).
  const sorted = shown.sort((x, y) => y.cell.estimate - x.cell.estimate || (x.area < y.area ? -1 : x.area > y.area ? 1 : 0));
  const finding: string[] = [];
  if (isShown(countyCell)) finding.push(ctx.t.alt.reference(county, formatPercent(countyCell.estimate, ctx.lang, decimalsFor([countyCell]))));
  const high = sorted[0];
  const low = sorted[sorted.length - 1];
  if (high && low && sorted.length > 1) {
    finding.push(ctx.t.alt.highestLowest(`${high.area} (${altValue(high.cell, ctx, d)})`, `${low.area} (${altValue(low.cell, ctx, d)})`));
  }
  const pooled = areas.filter((a) => ctx.fig.pooledArea(a));
  return matrixFigure(ctx, {
    type: 'bar',
    categoryHeader: ctx.t.words.area,
    categories: areas.map((a) => areaName(ctx, a)),
    series: [{ label: waveName(ctx, county, year), cells }],
    caption: ctx.t.captions.areas(label(ctx, ind), waveName(ctx, county, year)),
    finding: finding.join(' '),
    reference: isShown(countyCell) ? { label: county, value: percentValue(countyCell.estimate) } : null,
    notes: [
      ...(isShown(countyCell) ? [ctx.t.text.countyComparisonNote(county)] : [ctx.t.text.countyMissing(county)]),
      ...pooled.map((a) => ctx.t.notes.pooledArea(a, formatList(ctx.fig.pooledArea(a) ?? [], ctx.lang))),
    ],
  });
}
