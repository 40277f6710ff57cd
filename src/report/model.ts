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
  | QuoteBlock;

/** A sub-heading inside a chapter (level 2 = section, 3 = subsection). */
export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3;
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
}

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
  /** Line charts: the line is not drawn across these category indices (series break before index i). */
  breaksBefore?: number[];
  /** A reference line, e.g. the county value (bar charts). */
  reference?: { label: string; value: number } | null;
  /** Decimal comma and "12 %" on the axis for Swedish. */
  lang: Lang;
}
