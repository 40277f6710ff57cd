// The report document model: what a lägesbild says, independent of how it is drawn.
// src/report builds it from the figures table and the config; src/render/{html,pdf} lay it
// out. Every string here is final text (numbers already formatted for the language), so
// renderers never format or compute figures.

export type Lang = 'sv' | 'en';

export interface ReportDocument {
  lang: Lang;
  /** BCP 47 tag for the document (sv-SE, en-GB). */
  langTag: string;
  title: string;
  subtitle: string;
  /** Municipality (or "Norrbacka län" for the county overview). */
  area: string;
  /** Publication date as shown on the title page (already formatted). */
  dateText: string;
  /** ISO date (YYYY-MM-DD) for metadata; fixed by SOURCE_DATE_EPOCH / --date. */
  dateIso: string;
  publisher: string | null;
  /** Logo image (PNG or JPEG) from the config, or null. */
  logo: { data: Buffer; mime: 'image/png' | 'image/jpeg' } | null;
  /** Accent colour (hex) for headings and rules. */
  accent: string;
  /** Visible on the title page and in every page header when the data are synthetic. */
  syntheticNotice: string | null;
  /** Chrome texts the renderers need ("Innehåll", "Sida", "Figur", "Tabell", "Källa"). */
  labels: RenderLabels;
  chapters: ReportChapter[];
}

export interface RenderLabels {
  contents: string;
  page: string;
  figure: string;
  table: string;
  source: string;
  /** Explains `..` in tables. */
  suppressedLegend: string;
  /** Heading over a chart's numbers (HTML <details> summary). */
  showNumbers: string;
  skipToContent: string;
}

export interface ReportChapter {
  /** Stable anchor id, e.g. "sammanfattning". */
  id: string;
  title: string;
  blocks: Block[];
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | NoticeBlock
  | KeyFiguresBlock
  | FigureBlock
  | TableBlock
  | QuoteBlock
  | OwnTextBlock;

/**
 * A sub-heading inside a chapter (level 2 = section, 3 = subsection, 4 = below that; the
 * report's own texts use 2 and 3, the municipality's own texts may use 4).
 */
export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3 | 4;
  id: string;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** A passage in the other language than the document (e.g. an English question text). */
  lang?: Lang;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: string[];
}

export interface NoticeBlock {
  type: 'notice';
  tone: 'info' | 'caution';
  title: string;
  text: string;
}

export interface QuoteBlock {
  type: 'quote';
  text: string;
  attribution: string | null;
  /** The quote's language when it is not the document's (a Swedish-only definition in an English report). */
  lang?: Lang;
}

export interface KeyFigure {
  /** The figure, formatted ("18 %", ".."). */
  value: string;
  label: string;
  /** One line of context ("95 % KI 11–28 %, flickor åk 9, 2023"). */
  detail: string;
}

export interface KeyFiguresBlock {
  type: 'keyFigures';
  items: KeyFigure[];
}

export interface TableColumn {
  header: string;
  align: 'left' | 'right';
}

export interface TableRow {
  /** The row header (first column, a <th scope="row">). */
  header: string;
  cells: string[];
  /** Visually emphasised row (e.g. "Totalt"). */
  emphasis?: boolean;
  /**
   * Per cell, a tint that repeats what a symbol in the cell's text says (a table-chart such as
   * the county profile: ▲ higher, ▼ lower than the rest of the county); null = none.
   */
  tones?: (CellTone | null)[];
}

export type CellTone = 'high' | 'low';

export interface TableSpec {
  /** Includes the row-header column as the first column. */
  columns: TableColumn[];
  rows: TableRow[];
  /** Notes under the table (legend for `..`, caution marks). */
  notes: string[];
}

/** A numbered table ("Tabell 3. …") with its own caption and source line. */
export interface TableBlock {
  type: 'table';
  id: string;
  number: number;
  caption: string;
  table: TableSpec;
  /** Where the numbers come from, without the "Källa:" label (renderers add it). */
  source: string;
}

/** A numbered chart ("Figur 3. …"): the chart, its alt text, and its numbers as a table. */
export interface FigureBlock {
  type: 'figure';
  id: string;
  number: number;
  caption: string;
  /** Alt text: what the chart shows and its main finding, in one or two sentences. */
  alt: string;
  chart: ChartSpec;
  /** The chart's numbers; HTML shows it under the chart, PDF in a compact table. */
  table: TableSpec;
  source: string;
}

/** One data series: values in percent (0–100); null = not shown (suppressed or missing). */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** Printed at each bar / point ("18 %", ".."), so no value depends on colour or on reading the axis. */
  valueLabels: string[];
}

export interface ChartSpec {
  /**
   * `bar`: horizontal bars per category with CI whiskers, one bar per series (e.g. flickor,
   * pojkar, totalt). `line`: waves on the x axis, one line per series with CI whiskers.
   */
  type: 'bar' | 'line';
  /** Bar: category labels (indicators or areas); line: the waves ("2019", "2021", "2023"). */
  categories: string[];
  series: ChartSeries[];
  /** Axis title ("Andel (%)"). */
  axisLabel: string;
  /** Upper end of the value axis in percent (default: fitted to the data, at most 100). */
  max?: number;
  /**
   * The largest value of the whole figure when this chart is one part of it (see
   * barChartParts): the value axis reaches at least this far, so every part has the same scale.
   */
  sharedTop?: number;
  /** Line charts: the line is not drawn across these category indices (series break before index i). */
  breaksBefore?: number[];
  /** A reference line, e.g. the county value (bar charts). */
  reference?: { label: string; value: number } | null;
  /**
   * Reference values (config `references`) as markers at the bars they belong to (bar charts):
   * per set, `values[series][category]` in percent, null where the set has none.
   */
  markers?: ChartMarkerSet[];
  /** Decimal comma and "12 %" on the axis for Swedish. */
  lang: Lang;
  /**
   * What the values are: percent (0–100, the default: the axis ends at 100 at most and its
   * ticks read "12 %") or plain numbers (other sources: counts, rates per 100 000).
   */
  unit?: 'percent' | 'number';
}

// ── The municipality's own texts ──────────────────────────────────────────────────────────
// Markdown files from the config (`texts`), read and checked by src/owntext: every string is
// text (raw HTML stays visible text), links are http(s) or mailto, images are local PNG/JPEG
// files already read. Renderers draw them with the report's typography, marked as written
// by the municipality, not generated.

/** A piece of running text with its inline formatting. */
export interface TextRun {
  text: string;
  strong?: boolean;
  emphasis?: boolean;
  /** An http(s) or mailto URL (checked when the text was read). */
  href?: string;
  /** A hard line break follows this run. */
  breakAfter?: boolean;
}

/** The municipality's own text, in a frame labelled as such in every format. */
export interface OwnTextBlock {
  type: 'ownText';
  /** Unique within the document ("egen-text-1"). */
  id: string;
  /** The visible label ("Kommunens egen text"), so a reader can tell written from generated. */
  label: string;
  /** The text's language when it is not the document's (a Swedish text in an English report). */
  lang?: Lang;
  blocks: OwnBlock[];
}

export type OwnBlock = HeadingBlock | OwnParagraph | OwnList | OwnTable | OwnImage | OwnQuote;

export interface OwnParagraph {
  type: 'ownParagraph';
  runs: TextRun[];
}

export interface OwnListItem {
  /** The item's paragraphs (usually one). */
  paragraphs: TextRun[][];
  /** A list nested in the item. */
  sublist: OwnList | null;
}

export interface OwnList {
  type: 'ownList';
  ordered: boolean;
  /** Number of the first item of an ordered list. */
  start: number;
  items: OwnListItem[];
}

/** A simple table: a header row, then rows whose first cell heads the row. */
export interface OwnTable {
  type: 'ownTable';
  table: TableSpec;
}

/** A picture from the project folder, with its required alt text and optional caption. */
export interface OwnImage {
  type: 'ownImage';
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
  /** Pixel size. */
  width: number;
  height: number;
  alt: string;
  caption: string | null;
}

export interface OwnQuote {
  type: 'ownQuote';
  paragraphs: TextRun[][];
}

export interface ChartMarkerSet {
  /** The legend entry: the reference's label ("Riket"). */
  label: string;
  /** The marker's shape, as notes under the chart name it. */
  symbol: MarkerSymbol;
  values: (number | null)[][];
}

/**
 * The largest value a chart draws: bar or point, the upper end of an interval, the reference
 * line, a marker (the value axis reaches it; parts of a split figure share the whole's).
 */
export function chartTop(spec: Pick<ChartSpec, 'series' | 'reference' | 'markers' | 'sharedTop'>): number {
  const values = spec.series.flatMap((s) => [...s.values, ...s.upper]);
  if (spec.reference) values.push(spec.reference.value);
  for (const m of spec.markers ?? []) values.push(...m.values.flat());
  if (spec.sharedTop !== undefined) values.push(spec.sharedTop);
  return Math.max(...values.filter((v): v is number => v !== null));
}

/** Marker shapes for reference sets, in config order (charts draw the same shape). */
export const MARKER_SYMBOLS = ['◆', '■', '●'] as const;
export type MarkerSymbol = (typeof MARKER_SYMBOLS)[number];
