// Figures: a chart, its numbers as a table, a caption and an alt text that states the main
// finding. Every figure is a matrix of estimate records (categories × series).
import type { ChangeRecord, EstimateRecord } from '../analysis/types.js';
import type { Indicator } from '../config/schema.js';
import { figureBlock } from './blocks.js';
import { altValue, cellNotes, cellText, decimalsFor, valueLabel } from './cells.js';
import { areaName, label, presentGenders, presentGrades, waveName, type ReportContext } from './context.js';
import { formatInteger, formatList, formatPercent, formatYearRange, MISSING, percentValue, type Decimals } from './format.js';
import { groupKey, TOTAL } from './groups.js';
import { chartTop, MARKER_SYMBOLS, type ChartMarkerSet, type ChartSeries, type FigureBlock, type MarkerSymbol, type TableColumn, type TableRow } from './model.js';
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
  /**
   * The main finding, for the alt text (after the chart kind and caption), of the categories
   * `rows` (indices into `categories`): all of them, or one part's (`inPart`) when the
   * figure is split, so that the sentence is true of the chart it describes.
   */
  finding: (rows: readonly number[], inPart: boolean) => string;
  /** Index of a category row to emphasise in the table (e.g. "Alla årskurser"). */
  emphasis?: number;
  breaksBefore?: number[];
  reference?: { label: string; value: number } | null;
  /** Notes on the whole figure: under its first part only when it is split. */
  notes?: string[];
  /** Notes on one category (a pooled area): under the part that shows it. */
  categoryNotes?: (i: number) => string[];
}

/**
 * Most categories in one bar-chart figure: with one series, and in bars (categories × series)
 * with several. A bar chart grows with its categories (render/charts/layout.ts: one series
 * takes a 20 px slot in 82 % of a category's pitch, 24.4 px a category; several take 12 px
 * each, 14.6 px a bar; legend and value axis add 66 px). The PDF prints the chart's 640 px at
 * its text width, 459 pt (×0.72), and a page has 674 pt of text height. The first part shares
 * its page with what is kept with it: the chapter title (45 pt; first section), the section
 * heading (44), a two-line lead-in (38), the caption (41 with its space) and the first rows of
 * the chart's numbers (about 50): 218 pt, measured on rendered pages. That leaves 456 pt,
 * 635 px, of which 569 px for bars: 23 categories of one series; 21 keep room for a caption or
 * legend of two lines; 35 bars of several series take the same height. A chart with more is
 * split into parts of nearly equal size (50 municipalities: 3 parts of 16–17; 290: 14 of 20–21).
 */
export const BAR_PART = { categories: 21, bars: 35 } as const;

/**
 * The categories (indices) of each part of a bar chart: one part when it fits a page (see
 * BAR_PART), else consecutive parts whose sizes differ by one at most.
 */
export function barChartParts(categories: number, series: number): number[][] {
  const most = series > 1 ? Math.max(1, Math.floor(BAR_PART.bars / series)) : BAR_PART.categories;
  const count = Math.max(1, Math.ceil(categories / most));
  const parts: number[][] = [];
  let from = 0;
  for (let k = 0; k < count; k++) {
    const size = Math.floor(categories / count) + (k < categories % count ? 1 : 0);
    parts.push(Array.from({ length: size }, (_, i) => from + i));
    from += size;
  }
  return parts;
}

/** Which part of a split figure a block is (1-based), and the whole's largest value for the shared scale. */
export interface FigurePart {
  index: number;
  count: number;
  sharedTop: number;
}

/** A part's caption: "…, 2023 (del 2 av 10)"; the caption itself when the figure is whole. */
export function partCaption(ctx: ReportContext, caption: string, part: FigurePart | null): string {
  return part === null ? caption : ctx.t.captions.part(caption, formatInteger(part.index, ctx.lang), formatInteger(part.count, ctx.lang));
}

/**
 * The chart and its table, as one figure or, for a bar chart longer than a page, as
 * consecutive parts on one scale (see barChartParts); nothing when fewer than two values may
 * be shown: a chart of `..` says nothing, and a single value is said in the text beside it.
 */
function matrixFigure(ctx: ReportContext, spec: MatrixSpec): FigureBlock[] {
  const all = spec.series.flatMap((s) => s.cells);
  if (all.filter(isShown).length < 2) return [];
  // One number format for the whole figure, so parts print alike.
  const d = decimalsFor(all);
  const parts = spec.type === 'bar' ? barChartParts(spec.categories.length, spec.series.length) : [spec.categories.map((_, i) => i)];
  if (parts.length === 1) return [matrixPart(ctx, spec, parts[0]!, d, null)];
  const sharedTop = chartTop(matrixPart(ctx, spec, spec.categories.map((_, i) => i), d, null).chart);
  return parts.map((rows, k) => matrixPart(ctx, spec, rows, d, { index: k + 1, count: parts.length, sharedTop }));
}

/** The figure of the categories `rows` (all of them, or one part's). */
function matrixPart(ctx: ReportContext, whole: MatrixSpec, rows: readonly number[], d: Decimals, part: FigurePart | null): FigureBlock {
  const spec: MatrixSpec = {
    ...whole,
    categories: rows.map((i) => whole.categories[i]!),
    series: whole.series.map((s) => ({ label: s.label, cells: rows.map((i) => s.cells[i]) })),
  };
  const all = spec.series.flatMap((s) => s.cells);
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
  const tableRows: TableRow[] = spec.categories.map((c, i) => ({
    header: c,
    cells: [
      ...spec.series.map((s) => cellText(s.cells[i], ctx, d)),
      ...referenceColumns.map((col) => referenceText(ctx, col.ref.recs[col.series]![i], d)),
    ],
    ...(whole.emphasis === rows[i] ? { emphasis: true } : {}),
  }));
  const markers: ChartMarkerSet[] = references.map((ref) => ({
    label: ref.label,
    symbol: ref.symbol,
    values: ref.recs.map((row) => row.map((r) => (r?.estimate_from == null ? null : percentValue(r.estimate_from)))),
  }));
  const kind = spec.type === 'bar' ? ctx.t.alt.bar : ctx.t.alt.line;
  const caption = partCaption(ctx, spec.caption, part);
  const finding = [whole.finding(rows, part !== null), ...references.map((ref) => ctx.t.alt.markers(ref.label))].filter((x) => x !== '').join(' ');
  const block = figureBlock(
    ctx,
    caption,
    finding === '' ? `${kind}: ${caption}.` : `${kind}: ${caption}. ${finding}`,
    {
      type: spec.type,
      categories: spec.categories,
      series,
      axisLabel: ctx.t.words.share,
      ...(spec.breaksBefore && spec.breaksBefore.length > 0 ? { breaksBefore: spec.breaksBefore } : {}),
      ...(spec.reference !== undefined ? { reference: spec.reference } : {}),
      ...(markers.length > 0 ? { markers } : {}),
      ...(part === null ? {} : { sharedTop: part.sharedTop }),
      lang: ctx.lang,
    },
    {
      columns: [
        { header: spec.categoryHeader, align: 'left' },
        ...spec.series.map((s): TableColumn => ({ header: s.label, align: 'right' })),
        ...referenceColumns.map((col): TableColumn => ({ header: col.header, align: 'right' })),
      ],
      rows: tableRows,
      notes: [
        ctx.t.notes.cellFormat(ctx.level),
        ...cellNotes(all, ctx),
        ...(part === null || part.index === 1 ? (spec.notes ?? []) : []),
        ...rows.flatMap((i) => spec.categoryNotes?.(i) ?? []),
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
export function genderGradeFigure(ctx: ReportContext, ind: Indicator, area: string, year: number): FigureBlock[] {
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
    // Said of the last row (all school years), in the part that shows it.
    finding: (rows) =>
      rows.includes(last)
        ? seriesFinding(
            ctx,
            [total, ...series.slice(0, -1)].map((s) => ({ label: s.label, cell: s.cells[last] })),
            true,
          )
        : '',
    ...(byGrade ? { emphasis: last } : {}),
  });
}

/** Several indicators side by side in one wave (förändringsfaktorer), by gender and total. */
export function indicatorsFigure(ctx: ReportContext, inds: Indicator[], area: string, year: number, caption: (byGender: boolean) => string): FigureBlock[] {
  const cell = (ind: Indicator, gender: string | null) => ctx.fig.estimate(ind.id, area, year, groupKey({ gender, grade: null }));
  const series = genderSeries(ctx, area, [year], (g) => inds.map((i) => cell(i, g)));
  return matrixFigure(ctx, {
    type: 'bar',
    categoryHeader: ctx.t.words.indicator,
    categories: inds.map((i) => label(ctx, i, true)),
    series,
    caption: caption(series.length > 1),
    finding: (rows) =>
      `${ctx.t.words.total}: ${seriesFinding(
        ctx,
        rows.map((r) => ({ label: label(ctx, inds[r]!, true), cell: cell(inds[r]!, null) })),
        false,
      )}`,
  });
}

/** Several indicators (categories) for each value of a breakdown (series) in one wave: the Grupper chapter. */
export function groupValuesFigure(ctx: ReportContext, inds: Indicator[], values: { key: string; label: string }[], variable: string, area: string, year: number): FigureBlock[] {
  const series = values.map((v) => ({ label: v.label, cells: inds.map((i) => ctx.fig.estimate(i.id, area, year, v.key)) }));
  return matrixFigure(ctx, {
    type: 'bar',
    categoryHeader: ctx.t.words.indicator,
    categories: inds.map((i) => label(ctx, i, true)),
    series,
    caption: ctx.t.captions.groups(variable.toLowerCase(), areaName(ctx, area), waveName(ctx, area, year)),
    // Said of the first indicator the figure (or part) shows.
    finding: (rows) =>
      `${label(ctx, inds[rows[0]!]!, true)}: ${seriesFinding(
        ctx,
        series.map((s) => ({ label: s.label, cell: s.cells[rows[0]!] })),
        false,
      )}`,
  });
}

/** One indicator over the area's waves: a line per gender and the total, broken where the question changed. */
export function trendFigure(ctx: ReportContext, ind: Indicator, area: string, years: number[]): FigureBlock[] {
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
    finding: () => `${ctx.t.words.total}: ${years.map((y, i) => `${altValue(total.cells[i], ctx, d)} (${y})`).join(', ')}.`,
    breaksBefore,
  });
}

/**
 * County overview: each municipality's total with its interval, the whole county as reference
 * line. With many municipalities the chart comes in parts (see barChartParts): the alt text
 * names the highest and lowest of its own part.
 */
export function areasFigure(ctx: ReportContext, ind: Indicator, areas: string[], year: number): FigureBlock[] {
  const county = ctx.fig.meta.county;
  const cells = areas.map((a) => ctx.fig.estimate(ind.id, a, year, TOTAL));
  const countyCell = ctx.fig.estimate(ind.id, county, year, TOTAL);
  const d = decimalsFor(cells);
  const finding = (rows: readonly number[], inPart: boolean): string => {
    const said: string[] = [];
    if (isShown(countyCell)) said.push(ctx.t.alt.reference(county, formatPercent(countyCell.estimate, ctx.lang, decimalsFor([countyCell]))));
    const shown = rows.flatMap((i) => {
      const cell = cells[i];
      return isShown(cell) ? [{ area: areas[i]!, cell }] : [];
    });
    // Ties by name in code-point order (not locale collation, which varies with the ICU build).
    const sorted = shown.sort((x, y) => y.cell.estimate - x.cell.estimate || (x.area < y.area ? -1 : x.area > y.area ? 1 : 0));
    const high = sorted[0];
    const low = sorted[sorted.length - 1];
    if (high && low && sorted.length > 1) {
      const sentence = inPart ? ctx.t.alt.highestLowestInPart : ctx.t.alt.highestLowest;
      said.push(sentence(`${high.area} (${altValue(high.cell, ctx, d)})`, `${low.area} (${altValue(low.cell, ctx, d)})`));
    }
    return said.join(' ');
  };
  return matrixFigure(ctx, {
    type: 'bar',
    categoryHeader: ctx.t.words.area,
    categories: areas.map((a) => areaName(ctx, a)),
    series: [{ label: waveName(ctx, county, year), cells }],
    caption: ctx.t.captions.areas(label(ctx, ind), waveName(ctx, county, year)),
    finding,
    reference: isShown(countyCell) ? { label: county, value: percentValue(countyCell.estimate) } : null,
    notes: isShown(countyCell) ? [ctx.t.text.countyComparisonNote(county)] : [ctx.t.text.countyMissing(county)],
    categoryNotes: (i) => {
      const members = ctx.fig.pooledArea(areas[i]!);
      return members ? [ctx.t.notes.pooledArea(areas[i]!, formatList(members, ctx.lang))] : [];
    },
  });
}
