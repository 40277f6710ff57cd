// Figures from other sources (config `sources`): each table as a chart (unless `chart: none`)
// with its numbers, notes and "Källa: …", in the chapter "Andra källor" or the chapter the
// config names. They are counts of reported cases, not prevalence: the chapter and every
// table say so, and no interval or test is computed for them (src/sources reads them as written).
import { localize, type ProjectConfig } from '../config/schema.js';
import type { SourceTable } from '../sources/load.js';
import { heading, paragraph } from './blocks.js';
import type { ReportContext } from './context.js';
import { formatNumber, MISSING } from './format.js';
import type { Block, ChartSpec, ReportChapter, TableSpec } from './model.js';

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
  const missing = table.rows.some((r) => r.values.includes(null));
  const notes = [
    ...(table.spec.note === undefined ? [] : [localize(table.spec.note, lang)]),
    ctx.t.sources.note,
    ...(missing ? [ctx.t.notes.missing] : []),
  ];
  const spec: TableSpec = {
    columns: [{ header: table.labelHeader, align: 'left' }, ...table.columns.map((c) => ({ header: c, align: 'right' as const }))],
    rows: table.rows.map((r) => ({ header: r.label, cells: r.values.map(number) })),
    notes,
  };
  const source = localize(table.spec.source, lang);
  const blocks: Block[] = [heading(2, `andra-kallor-${index + 1}`, title)];
  if (table.chart === 'none') {
    blocks.push({ type: 'table', id: '', number: 0, caption, table: spec, source });
    return blocks;
  }
  const line = table.chart === 'line';
  // Line: the columns (years) along the axis, a line per row; bar: a group per row, a bar per column.
  const series = line
    ? table.rows.map((r) => ({ label: r.label, values: r.values }))
    : table.columns.map((c, j) => ({ label: c, values: table.rows.map((r) => r.values[j] ?? null) }));
  const chart: ChartSpec = {
    type: line ? 'line' : 'bar',
    categories: line ? table.columns : table.rows.map((r) => r.label),
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
  const alt = `${line ? ctx.t.alt.line : ctx.t.alt.bar}: ${caption}. ${table.rows
    .map((r) => `${r.label}: ${table.columns.map((c, j) => `${c} ${number(r.values[j] ?? null)}`).join(', ')}`)
    .join('. ')}.`;
  blocks.push({ type: 'figure', id: '', number: 0, caption, alt, chart, table: spec, source });
  return blocks;
}
