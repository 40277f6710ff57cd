// renderDocx: the report as an editable, accessible Word document (.docx), from the same
// document model as the PDF and the HTML. Headings are Word heading styles (navigation pane,
// table of contents), charts are pictures with alt text followed by their numbers as a real
// table, tables have repeating header rows, and the document language is set for spelling
// and screen readers. The charts are the PNGs the PDF embeds (the same renderer and cache).

import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TableOfContents,
  TextRun,
} from 'docx';
import type { ChartSpec, FigureBlock, ReportDocument } from '../../report/model.js';
import { imageSize, pngSize } from '../image-size.js';
import { corePropertiesXml, reproducibleZip } from '../office-package.js';
import { BuildContext, type ChartImage, chapterChildren, type TocEntry } from './blocks.js';
import { docxTheme, documentNumbering, documentStyles, PAGE, STYLE, TEXT_WIDTH_TWIPS } from './styles.js';

/** Draws a chart as PNG (the default: the chart renderer at the PDF's size and density). */
export type ChartPng = (spec: ChartSpec) => Promise<Buffer>;

export interface RenderDocxOptions {
  chartPng?: ChartPng;
}

/** The logo on the title page fits this box (pixels at 96 dpi: about 6 × 2 cm). */
const LOGO_BOX = { width: 227, height: 75 };

export async function renderDocx(report: ReportDocument, opts: RenderDocxOptions = {}): Promise<Buffer> {
  const charts = await drawCharts(report, opts.chartPng ?? (await defaultChartPng()));
  const theme = docxTheme(report.accent);
  const ctx = new BuildContext(report.lang, report.labels, theme, charts);
  // The body first: its headings fill the table of contents.
  const body = report.chapters.flatMap((chapter) => chapterChildren(ctx, chapter));

  const doc = new Document({
    title: report.title,
    subject: report.subtitle,
    creator: report.publisher ?? report.area,
    lastModifiedBy: 'lagesbild',
    styles: documentStyles(theme, report.lang, report.langTag),
    numbering: documentNumbering(),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.headerFooter, footer: PAGE.headerFooter },
          },
        },
        headers: { default: pageHeader(report), first: new Header({ children: [] }) },
        footers: { default: pageFooter(report), first: new Footer({ children: [] }) },
        children: [...titlePage(report, ctx), ...contents(report, ctx.toc), ...body],
      },
    ],
  });
  const packed = await Packer.toBuffer(doc);
  const core = corePropertiesXml({
    title: report.title,
    subject: report.subtitle,
    creator: report.publisher ?? report.area,
    language: report.langTag,
    dateIso: report.dateIso,
  });
  // The library names hyperlink relationships at random: renamed in order of first use.
  const links = new Map<string, string>();
  const stable = (xml: string) => xml.replace(/\b(?:r:)?[Ii]d="(rId[a-z0-9_-]{12,})"/g, (attr, id: string) => {
    let name = links.get(id);
    if (name === undefined) {
      name = `rIdLink${links.size + 1}`;
      links.set(id, name);
    }
    return attr.replace(id, name);
  });
  return reproducibleZip(packed, report.dateIso, { 'docProps/core.xml': core, 'word/document.xml': stable, 'word/_rels/document.xml.rels': stable });
}

async function defaultChartPng(): Promise<ChartPng> {
  const { renderChartPng } = await import('../charts/index.js');
  return (spec) => renderChartPng(spec);
}

/** All charts are asked for at once (the chart renderer draws them in turn, on its thread). */
async function drawCharts(report: ReportDocument, chartPng: ChartPng): Promise<Map<string, ChartImage>> {
  const figures = report.chapters.flatMap((c) => c.blocks).filter((b): b is FigureBlock => b.type === 'figure');
  const drawn = figures.map((f) => ({ id: f.id, png: chartPng(f.chart) }));
  const charts = new Map<string, ChartImage>();
  for (const { id, png } of drawn) {
    const data = await png;
    charts.set(id, { png: data, ...pngSize(data) });
  }
  return charts;
}

function titlePage(report: ReportDocument, ctx: BuildContext): Paragraph[] {
  const out: Paragraph[] = [];
  if (report.logo) {
    const { width, height } = imageSize(report.logo.data, report.logo.mime);
    const scale = Math.min(LOGO_BOX.width / width, LOGO_BOX.height / height, 1);
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: report.logo.mime === 'image/png' ? 'png' : 'jpg',
            data: report.logo.data,
            transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
            altText: { id: ctx.nextDrawingId(), name: 'Logo', description: report.publisher ?? report.area },
          }),
        ],
      }),
    );
  }
  out.push(
    new Paragraph({ style: STYLE.area, children: [new TextRun(report.area)] }),
    new Paragraph({ style: STYLE.title, children: [new TextRun(report.title)] }),
    new Paragraph({ style: STYLE.subtitle, children: [new TextRun(report.subtitle)] }),
  );
  if (report.syntheticNotice) out.push(new Paragraph({ style: STYLE.synthetic, children: [new TextRun(report.syntheticNotice)] }));
  out.push(new Paragraph({ style: STYLE.dateline, children: [new TextRun(report.dateText)] }));
  if (report.publisher) out.push(new Paragraph({ style: STYLE.dateline, spacing: { before: 0 }, children: [new TextRun(report.publisher)] }));
  return out;
}

/**
 * "Innehåll" and a table of contents field (chapters and sections, linked to their headings).
 * Its entries are written with the document, without page numbers: Word adds them when the
 * reader updates the table (F9), and never asks to on opening.
 */
function contents(report: ReportDocument, entries: readonly TocEntry[]): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ style: STYLE.tocHeading, pageBreakBefore: true, children: [new TextRun(report.labels.contents)] }),
    new TableOfContents(report.labels.contents, {
      hyperlink: true,
      headingStyleRange: '1-2',
      beginDirty: false,
      contentChildren: entries.map(
        (e) =>
          new Paragraph({
            style: e.level === 1 ? STYLE.toc1 : STYLE.toc2,
            children: [new InternalHyperlink({ anchor: e.bookmark, children: [new TextRun(e.title)] })],
          }),
      ),
    }),
  ];
}

/** Title and synthetic-data notice on every page after the title page. */
function pageHeader(report: ReportDocument): Header {
  const children = [new Paragraph({ style: STYLE.header, children: [new TextRun(report.title)] })];
  if (report.syntheticNotice) {
    children.push(new Paragraph({ style: STYLE.header, children: [new TextRun({ text: report.syntheticNotice, bold: true, color: docxTheme(report.accent).caution })] }));
  }
  return new Header({ children });
}

/** The area at the left, "Sida N" at the right. */
function pageFooter(report: ReportDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ children: [report.area, '\t', `${report.labels.page} `, PageNumber.CURRENT] })],
      }),
    ],
  });
}
