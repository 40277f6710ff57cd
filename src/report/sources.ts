// Figures from other sources (config `sources`): each table as a chart (unless `chart: none`)
// with its numbers, notes and "Källa: …", in the chapter "Andra källor" or the chapter the
// config names. They are counts of reported cases, not prevalence: the chapter and every
// table say so, and no interval or test is computed for them (src/sources reads them as written).
import { localize, type ProjectConfig } from '../config/schema.js';
import type { SourceTable } from '../sources/load.js';
import { heading, paragraph } from './blocks.js';
import type { ReportContext } from './context.js';
import { formatNumber, MISSING } from './format.js';
import { barChartParts, partCaption, type FigurePart } from './charts.js';
import { chartTop, type Block, type ChartSpec, type ReportChapter, type TableSpec } from './model.js';

export function sourcesChapter(ctx: ReportContext, tables: readonly SourceTable[]): ReportChapter | null {
  const own = tables.filter((t) => t.spec.chapter === 'andra-kallor');
  if (own.length === 0) return null;
  return { id: 'andra-kallor', title: ctx.t.sources.chapter, blocks: [paragraph(ctx.t.sources.intro), ...own.flatMap((t, i) => sourceBlocks(ctx, t, i))] };
}

/** The tables the config places in another chapter, for its end. */
export function sourcesIn(ctx: ReportContext, chapter: ProjectConfig['sources'][number]['chapter'], tables: readonly SourceTable[]): Block[] {
  return tables.flatMap((t, i) => (t.spec.chapter === chapter ? sourceBlocks(ctx, t, i) : []));
}

/** A source: its heading, the chart with its numbers (or the table alone), the note and the source. */
function sourceBlocks(ctx: ReportContext, table: SourceTable, index: number): Block[] {
  const lang = ctx.lang;
  const title = localize(table.spec.title, lang);
  const unit = table.spec.unit === undefined ? null : localize(table.spec.unit, lang);
  const caption = ctx.t.sources.caption(title, unit);
  const number = (v: number | null) => (v === null ? MISSING : formatNumber(v, lang, table.decimals));
  const notesOf = (rows: SourceTable['rows'], first: boolean) => [
    ...(first && table.spec.note !== undefined ? [localize(table.spec.note, lang)] : []),
    ...(first ? [ctx.t.sources.note] : []),
    ...(rows.some((r) => r.values.includes(null)) ? [ctx.t.notes.missing] : []),
  ];
  const tableOf = (rows: SourceTable['rows'], first: boolean): TableSpec => ({
    columns: [{ header: table.labelHeader, align: 'left' }, ...table.columns.map((c) => ({ header: c, align: 'right' as const }))],
    rows: rows.map((r) => ({ header: r.label, cells: r.values.map(number) })),
    notes: notesOf(rows, first),
  });
  const source = localize(table.spec.source, lang);
  const blocks: Block[] = [heading(2, `andra-kallor-${index + 1}`, title)];
  if (table.chart === 'none') {
    blocks.push({ type: 'table', id: '', number: 0, caption, table: tableOf(table.rows, true), source });
    return blocks;
  }
  const line = table.chart === 'line';
  const chartOf = (rows: SourceTable['rows']): ChartSpec => {
    // Line: the columns (years) along the axis, a line per row; bar: a group per row, a bar per column.
    const series = line
      ? rows.map((r) => ({ label: r.label, values: r.values }))
      : table.columns.map((c, j) => ({ label: c, values: rows.map((r) => r.values[j] ?? null) }));
    return {
      type: line ? 'line' : 'bar',
      categories: line ? table.columns : rows.map((r) => r.label),
      series: series.map((s) => ({
        label: s.label,
        values: s.values,
        lower: s.values.map(() => null),
        upper: s.values.map(() => null),
        valueLabels: s.values.map(number),
      })),
      axisLabel: unit ?? ctx.t.sources.axis,
      lang,
      unit: 'number',
    };
  };
  // A bar chart longer than a page comes in parts on one scale (see barChartParts); the notes on the whole table under the first.
  const parts = line ? [table.rows.map((_, i) => i)] : barChartParts(table.rows.length, table.columns.length);
  const sharedTop = parts.length > 1 ? chartTop(chartOf(table.rows)) : 0;
  parts.forEach((indices, k) => {
    const rows = indices.map((i) => table.rows[i]!);
    const part: FigurePart | null = parts.length === 1 ? null : { index: k + 1, count: parts.length, sharedTop };
    const partTitle = partCaption(ctx, caption, part);
    const alt = `${line ? ctx.t.alt.line : ctx.t.alt.bar}: ${partTitle}. ${rows
      .map((r) => `${r.label}: ${table.columns.map((c, j) => `${c} ${number(r.values[j] ?? null)}`).join(', ')}`)
      .join('. ')}.`;
    const chart = chartOf(rows);
    blocks.push({ type: 'figure', id: '', number: 0, caption: partTitle, alt, chart: part === null ? chart : { ...chart, sharedTop }, table: tableOf(rows, k === 0), source });
  });
  return blocks;
}
