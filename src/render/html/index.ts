// renderHtml: the report as one self-contained, accessible HTML file. Styles, fonts, charts
// and the logo are inlined; a Content-Security-Policy forbids every other load.
import { createHash } from 'node:crypto';
import type { ChartSpec, FigureBlock, ReportDocument } from '../../report/model.js';
import { fontFaceCss, loadHtmlAssets } from './assets.js';
import { renderBlocks, type BlockContext } from './blocks.js';
import { esc } from './escape.js';
import { pngSize } from '../image-size.js';
import { themeCss, themeFor } from './theme.js';

/** Draws a chart as PNG, `width` CSS pixels wide (the height follows from the chart). */
export type ChartPng = (spec: ChartSpec, size: { width: number }) => Promise<Buffer>;

export interface RenderHtmlOptions {
  /** Defaults to the chart renderer (src/render/charts) at its default pixel density (2). */
  chartPng?: ChartPng;
}

/**
 * Each chart is drawn twice: at the text column's width, and narrow for phones, where the
 * wide image would shrink its labels below legibility. The narrow one is used up to
 * NARROW_MEDIA.
 */
const WIDE_CHART = 640;
const NARROW_CHART = 360;
const NARROW_MEDIA = '(max-width: 35em)';

export async function renderHtml(doc: ReportDocument, opts: RenderHtmlOptions = {}): Promise<string> {
  const chartPng = opts.chartPng ?? (await defaultChartPng());
  const assets = await loadHtmlAssets();
  const drawing = renderCharts(doc, chartPng);

  // The fonts hold the characters of the page (its charts by their alt text, which the
  // <img> carries) and of the stylesheet's generated content. They are subset while the
  // charts are drawn.
  const css = [themeCss(themeFor(doc.accent)), assets.css].join('\n');
  const text = renderBody(doc, { labels: doc.labels, chartImage: (b) => esc(b.alt) }) + css;
  const style = [fontFaceCss(assets, text), css].join('\n');

  const charts = await drawing;
  const body = renderBody(doc, { labels: doc.labels, chartImage: (b) => charts.get(b) ?? '' });
  const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    'img-src data:',
    'font-src data:',
    `style-src 'sha256-${styleHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(doc.langTag)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${esc(doc.title)}</title>`,
    `<meta name="description" content="${esc(doc.subtitle)}">`,
    `<meta name="dcterms.date" content="${esc(doc.dateIso)}">`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderBody(doc: ReportDocument, ctx: BlockContext): string {
  return [
    `<a class="skip-link" href="#lb-main">${esc(doc.labels.skipToContent)}</a>`,
    '<div class="page">',
    renderMasthead(doc),
    renderContents(doc),
    '<main id="lb-main" tabindex="-1">',
    ...doc.chapters.map(
      (ch) =>
        `<section class="chapter">\n<h2 id="${esc(ch.id)}">${esc(ch.title)}</h2>\n` +
        `${renderBlocks(ch.blocks, ctx)}\n</section>`,
    ),
    '</main>',
    renderFooter(doc),
    '</div>',
  ].join('\n');
}

/**
 * Loaded on first use so that callers passing their own chartPng never load the canvas.
 * The default scale (2) is sharp on high-density screens, and the wide chart is the very
 * image the PDF embeds.
 */
async function defaultChartPng(): Promise<ChartPng> {
  const { renderChartPng } = await import('../charts/index.js');
  return (spec, { width }) => renderChartPng(spec, { width });
}

/** All charts are asked for at once (the chart renderer draws them in turn). */
async function renderCharts(doc: ReportDocument, chartPng: ChartPng): Promise<Map<FigureBlock, string>> {
  const figures = doc.chapters.flatMap((c) => c.blocks).filter((b): b is FigureBlock => b.type === 'figure');
  const drawn = figures.map((block) => ({
    block,
    wide: chartPng(block.chart, { width: WIDE_CHART }),
    narrow: chartPng(block.chart, { width: NARROW_CHART }),
  }));
  const images = new Map<FigureBlock, string>();
  for (const { block, wide: widePng, narrow: narrowPng } of drawn) {
    const [wide, narrow] = await Promise.all([widePng, narrowPng]);
    const img = `<img class="chart" ${imageAttrs(wide)} alt="${esc(block.alt)}">`;
    images.set(
      block,
      narrow.equals(wide)
        ? img
        : `<picture><source media="${NARROW_MEDIA}" ${imageAttrs(narrow, 'srcset')}>${img}</picture>`,
    );
  }
  return images;
}

/** src (or srcset) as a data URI, and the pixel size so the browser reserves the space. */
function imageAttrs(png: Buffer, attr: 'src' | 'srcset' = 'src'): string {
  const { width, height } = pngSize(png);
  return `${attr}="data:image/png;base64,${png.toString('base64')}" width="${width}" height="${height}"`;
}

function renderMasthead(doc: ReportDocument): string {
  const logo = doc.logo
    ? // Decorative: the publisher (or area) is written next to it as text.
      `<img class="logo" src="data:${doc.logo.mime};base64,${doc.logo.data.toString('base64')}" alt="">`
    : '';
  return [
    '<header class="masthead">',
    syntheticNotice(doc),
    `<div class="brand">${logo}<p class="publisher">${esc(doc.publisher ?? doc.area)}</p></div>`,
    `<h1>${esc(doc.title)}</h1>`,
    `<p class="subtitle">${esc(doc.subtitle)}</p>`,
    `<p class="dateline"><time datetime="${esc(doc.dateIso)}">${esc(doc.dateText)}</time></p>`,
    '</header>',
  ].join('\n');
}

function renderContents(doc: ReportDocument): string {
  const items = doc.chapters.map((ch) => `<li><a href="#${esc(ch.id)}">${esc(ch.title)}</a></li>`);
  return (
    `<nav class="toc" aria-labelledby="lb-toc-title">\n` +
    `<h2 id="lb-toc-title">${esc(doc.labels.contents)}</h2>\n<ol>${items.join('')}</ol>\n</nav>`
  );
}

function renderFooter(doc: ReportDocument): string {
  const parts = [doc.publisher ?? doc.area, doc.title, doc.dateText].map(esc);
  return [
    '<footer class="colophon">',
    syntheticNotice(doc),
    `<p>${parts.join(' · ')}</p>`,
    '</footer>',
  ].join('\n');
}

function syntheticNotice(doc: ReportDocument): string {
  return doc.syntheticNotice
    ? `<p class="synthetic-notice" role="note">${esc(doc.syntheticNotice)}</p>`
    : '';
}
