// renderPdf: a tagged, accessible A4 PDF (PDF 1.7) of a report document. The charts are
// started first (at the default 640 CSS px × 2, about 200 dpi at the text width: the same
// images the HTML shows, so a process draws each once), every page is laid out meanwhile
// (so the table of contents knows its page numbers), then all is drawn in one pass.

import type { FigureBlock, ReportDocument } from '../../report/model.js';
import { chartSize, renderChartPng } from '../charts/index.js';
import { chapterFlowables } from './blocks.js';
import { drawPageChrome } from './chrome.js';
import { registerFonts } from './fonts.js';
import type { ChartImage } from './figure.js';
import { type Anchor, anchorPages, type DrawContext, type PageLayout, paginate } from './flow.js';
import { drawTitlePage, planToc, tocFlowables } from './frontmatter.js';
import { createElement } from './struct.js';
import { makeTheme } from './theme.js';
import type { Doc } from './text.js';

/**
 * Starts drawing every chart (on the chart thread, where there is one, while the pages are
 * laid out here); `ready` waits for them all before anything is drawn.
 */
function startCharts(report: ReportDocument): { charts: Map<string, ChartImage>; ready: () => Promise<void> } {
  const figures = report.chapters.flatMap((c) => c.blocks).filter((b): b is FigureBlock => b.type === 'figure');
  const started = figures.map((f) => ({ id: f.id, png: renderChartPng(f.chart) }));
  const drawn = new Map<string, Buffer>();
  const charts = new Map<string, ChartImage>(
    figures.map((f) => [
      f.id,
      {
        ...chartSize(f.chart),
        png: () => {
          const png = drawn.get(f.id);
          if (!png) throw new Error(`chart for figure ${f.id} is not drawn yet`);
          return png;
        },
      },
    ]),
  );
  const ready = async () => {
    for (const s of started) drawn.set(s.id, await s.png);
  };
  return { charts, ready };
}

/**
 * Named destinations for headings, created as they are drawn, and the outline (bookmarks)
 * pointing at them, so a bookmark opens at its heading like a contents link does.
 */
function outlineBuilder(doc: Doc) {
  type OutlineItem = PDFKit.PDFOutline;
  const add = (parent: OutlineItem, anchor: Anchor, expanded: boolean): OutlineItem => {
    const item = (parent.addItem as (t: string, o: object) => OutlineItem).call(parent, anchor.title, { expanded });
    // pdfkit only writes explicit destinations; a string names one (PDF 32000 12.3.2.3).
    (item as unknown as { outlineData: { Dest: unknown } }).outlineData.Dest = new String(anchor.id);
    return item;
  };
  let chapter: OutlineItem | null = null;
  return (ctx: DrawContext, anchor: Anchor, top: number) => {
    ctx.doc.addNamedDestination(anchor.id, 'XYZ', 0, Math.max(0, top - 12), 0);
    if (anchor.level === 1 || !chapter) chapter = add(doc.outline, anchor, true);
    else add(chapter, anchor, false);
  };
}

export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const { charts, ready } = startCharts(report);
  const { default: PDFDocument } = await import('pdfkit');
  const date = new Date(`${report.dateIso}T00:00:00Z`);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    // Declares PDF/UA-1 (ISO 14289-1) in the XMP metadata (pdfuaid:part); the structure tree,
    // alt texts, language, title shown and artifacts are what the declaration promises.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    lang: report.langTag,
    displayTitle: true,
    // No default font: pdfkit would open Helvetica (a non-embedded standard font).
    font: null as unknown as string,
    // Fixed dates make the bytes, and the /ID pdfkit hashes from this dictionary, repeatable.
    info: {
      Title: report.title,
      Subject: report.subtitle,
      Author: report.publisher ?? report.area,
      Creator: 'lagesbild',
      Producer: 'lagesbild (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  registerFonts(doc);
  escapeXmpInfo(doc);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const theme = makeTheme(report.accent);
  const root = createElement(doc, 'Document', { lang: report.langTag });
  doc.addStructure(root);

  // Layout: body first (its pages are numbered after the title page and the contents).
  const build = { doc, theme, report, root, charts, onAnchor: outlineBuilder(doc) };
  const body = paginate(report.chapters.map((c) => chapterFlowables(build, c)));
  const anchors: Anchor[] = body.flatMap((p) => p.flatMap((pl) => (pl.flowable.anchor ? [pl.flowable.anchor] : [])));
  const bodyPage = anchorPages(body);
  const tocPlan = planToc(doc, theme, report, root, anchors);
  const tocPageCount = paginate([tocFlowables(doc, theme, report, root, tocPlan, () => 0)]).length;
  const pageOf = (id: string) => 2 + tocPageCount + (bodyPage.get(id) ?? 0);
  const toc = paginate([tocFlowables(doc, theme, report, root, tocPlan, pageOf)]);

  // Draw.
  await ready();
  doc.addPage();
  drawTitlePage(doc, theme, report, root);
  const ctx: DrawContext = { doc, theme };
  const drawPages = (pages: PageLayout[], firstNumber: number) =>
    pages.forEach((page, i) => {
      doc.addPage();
      drawPageChrome(doc, theme, report, firstNumber + i);
      for (const { flowable, top } of page) flowable.draw(ctx, top);
    });
  drawPages(toc, 2);
  drawPages(body, 2 + toc.length);

  root.end();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/**
 * pdfkit writes the title, author and subject into the XMP metadata as they are; a name with
 * "&" or "<" (a municipality or publisher) would make that XML invalid, and PDF/UA requires
 * valid metadata. They are escaped while the metadata is written (the Info dictionary, written
 * before, keeps the plain text).
 */
function escapeXmpInfo(doc: Doc): void {
  const target = doc as unknown as { info: Record<string, unknown>; endMetadata: () => void };
  const endMetadata = target.endMetadata.bind(doc);
  const xml = (v: unknown) => (typeof v === 'string' ? v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : v);
  target.endMetadata = () => {
    const plain = target.info;
    target.info = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, xml(v)]));
    try {
      endMetadata();
    } finally {
      target.info = plain;
    }
  };
}
