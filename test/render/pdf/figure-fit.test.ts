// A chart taller than a page is scaled to fit under its caption, never drawn past the bottom
// margin (the report splits long bar charts into parts; this is the renderer's own guard).
import { beforeAll, describe, expect, it } from 'vitest';
import { fitImage } from '../../../src/render/pdf/figure.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { CONTENT, PAGE } from '../../../src/render/pdf/theme.js';
import type { FigureBlock, ReportDocument } from '../../../src/report/model.js';
import { sampleDocument } from '../../fixtures/sample-document.js';
import { poppler, savePdf } from './poppler.js';

/** A bar chart of `count` municipalities in one figure, as no report builds it any more. */
function tallFigure(count: number): FigureBlock {
  const categories = Array.from({ length: count }, (_, i) => `Kommun ${i + 1}`);
  const values = categories.map((_, i) => 10 + (i % 30));
  return {
    type: 'figure',
    id: 'figur-lang',
    number: 99,
    caption: `Utsatt för fysiskt våld, per kommun, 2023 (${count} kommuner i en figur)`,
    alt: `Stapeldiagram: ${count} kommuner.`,
    chart: {
      type: 'bar',
      categories,
      series: [{ label: '2023', values, lower: values.map((v) => v - 4), upper: values.map((v) => v + 4), valueLabels: values.map((v) => `${v}\u00a0%`) }],
      axisLabel: 'Andel (%)',
      reference: { label: 'Norrbacka län', value: 22 },
      lang: 'sv',
    },
    table: { columns: [{ header: 'Kommun', align: 'left' }, { header: '2023', align: 'right' }], rows: categories.slice(0, 3).map((c, i) => ({ header: c, cells: [String(values[i])] })), notes: [] },
    source: 'Skolenkät om våld 2023 (syntetiska exempeldata)',
  };
}

describe('fitImage', () => {
  it('keeps a chart at the text width when it fits, and scales a taller one to the room, aspect kept', () => {
    const wide = fitImage({ width: 640, height: 320 }, 600);
    expect(wide.width).toBe(CONTENT.width);
    expect(wide.height).toBeCloseTo(CONTENT.width / 2, 10);
    const tall = fitImage({ width: 640, height: 3200 }, 600);
    expect(tall.height).toBe(600);
    expect(tall.width).toBeCloseTo(120, 10);
  });
});

describe('a chart taller than a page in the PDF', () => {
  const base = sampleDocument('sv');
  const figures = base.chapters.flatMap((c) => c.blocks).filter((b) => b.type === 'figure').length;
  let bboxes: number[][];
  let words: { page: number; text: string; yMax: number }[];

  beforeAll(async () => {
    const doc: ReportDocument = {
      ...base,
      chapters: [...base.chapters, { id: 'kommunerna', title: 'Kommunerna jämförda', blocks: [{ type: 'paragraph', text: 'En mening före figuren.' }, tallFigure(80)] }],
    };
    const file = savePdf(await renderPdf(doc));
    // The Figure elements' bounding boxes, in PDF space (y upwards from the page's foot).
    bboxes = [...poppler('pdfinfo', ['-struct-text', file]).matchAll(/\/BBox \[([^\]]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    words = poppler('pdftotext', ['-bbox', file, '-'])
      .split('<page ')
      .slice(1)
      .flatMap((page, i) => [...page.matchAll(/yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ page: i + 1, text: m[2]!, yMax: Number(m[1]) })));
  });

  it('draws every chart between the margins, the 80-bar one scaled down to the page', () => {
    expect(bboxes).toHaveLength(figures + 1);
    for (const [x1, y1, x2, y2] of bboxes) {
      expect(x1).toBe(CONTENT.left);
      expect(x2).toBeLessThanOrEqual(CONTENT.right + 1e-9);
      expect(y1).toBeGreaterThanOrEqual(PAGE.height - CONTENT.bottom - 1e-9);
      expect(y2).toBeLessThanOrEqual(PAGE.height - CONTENT.top + 1e-9);
    }
    // The tall one: narrower than the text, as tall as a page leaves under a one-line caption.
    const tall = bboxes.at(-1)!;
    expect(tall[2]! - tall[0]!).toBeLessThan(CONTENT.width / 2);
    expect(tall[3]! - tall[1]!).toBeCloseTo(CONTENT.bottom - CONTENT.top - 14.5 - 4 - 4, 6);
  });

  it('starts the chart on a new page (it does not fit under the paragraph) and prints nothing below the bottom margin but the footer', () => {
    const pageOf = (text: string) => words.find((w) => w.text === text)!.page;
    expect(pageOf('99.')).toBe(pageOf('figuren.') + 1);
    const low = words.filter((w) => w.yMax > CONTENT.bottom);
    expect(low.length).toBeGreaterThan(0);
    // The footer (area and page number) sits in the margin, 20 pt and more below the text.
    for (const w of low) expect(w.yMax).toBeGreaterThan(CONTENT.bottom + 20);
  });
});
