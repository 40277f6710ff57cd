// Layout decisions of the PDF renderer, checked on flowables (no drawing): the contents on
// one page, figures compact enough for two a page, short lead-ins kept with their figure,
// table columns that never break a word, and which tables may split.
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSize } from '../../../src/render/charts/layout.js';
import { type BuildContext, chapterFlowables } from '../../../src/render/pdf/blocks.js';
import type { ChartImage } from '../../../src/render/pdf/figure.js';
import { type Anchor, paginate } from '../../../src/render/pdf/flow.js';
import { registerFonts } from '../../../src/render/pdf/fonts.js';
import { planToc } from '../../../src/render/pdf/frontmatter.js';
import { createElement } from '../../../src/render/pdf/struct.js';
import { layoutTable, TableFlowable } from '../../../src/render/pdf/table.js';
import type { Doc } from '../../../src/render/pdf/text.js';
import { makeTheme } from '../../../src/render/pdf/theme.js';
import { Slot } from '../../../src/render/pdf/struct.js';
import type { Block, FigureBlock, TableSpec } from '../../../src/report/model.js';
import { sampleDocument } from '../../fixtures/sample-document.js';

const report = sampleDocument('sv');
const theme = makeTheme(report.accent);
let doc: Doc;
let build: BuildContext;

const fixtureFigure = report.chapters.flatMap((c) => c.blocks).find((b): b is FigureBlock => b.type === 'figure' && b.chart.type === 'bar')!;

/** A figure like the municipality report's: 3 school years × girls, boys, total, with its numbers. */
function figure(id: string): FigureBlock {
  const categories = ['Åk 9', 'Gy 2', 'Alla årskurser'];
  const cut = <T,>(xs: T[]) => xs.slice(0, 3);
  return {
    ...fixtureFigure,
    id,
    chart: {
      ...fixtureFigure.chart,
      categories,
      reference: null,
      series: fixtureFigure.chart.series.map((s) => ({ ...s, values: cut(s.values), lower: cut(s.lower), upper: cut(s.upper), valueLabels: cut(s.valueLabels) })),
    },
    table: {
      columns: [{ header: 'Årskurs', align: 'left' }, ...['Flickor', 'Pojkar', 'Totalt'].map((h) => ({ header: h, align: 'right' as const }))],
      rows: categories.map((c, i) => ({ header: c, cells: ['17 (12–23)', '18 (13–24)', '18 (14–22)'], emphasis: i === 2 })),
      notes: ['Andel i procent med 95 % konfidensintervall inom parentes.'],
    },
  };
}

const paragraph = (words: number): Block => ({ type: 'paragraph', text: Array.from({ length: words }, (_, i) => `ord${i}`).join(' ') });
const heading = (id: string): Block => ({ type: 'heading', level: 2, id, text: `Rubrik ${id}` });

function flowables(blocks: Block[]) {
  const charts = new Map<string, ChartImage>();
  for (const b of blocks) if (b.type === 'figure') charts.set(b.id, { ...chartSize(b.chart), png: () => Buffer.alloc(0) });
  // Without the chapter title, so a test controls what starts the page.
  return chapterFlowables({ ...build, charts }, { id: 'kapitel', title: 'Kapitel', blocks }).slice(1);
}

beforeAll(() => {
  doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  registerFonts(doc);
  const root = createElement(doc, 'Document');
  build = { doc, theme, report, root, charts: new Map(), onAnchor: () => undefined };
});

describe('table of contents', () => {
  const anchors = (chapters: number, sections: number): Anchor[] =>
    Array.from({ length: chapters }, (_, c) => [
      { id: `k${c}`, level: 1 as const, title: `Kapitel ${c}` },
      ...Array.from({ length: sections }, (_, s) => ({ id: `k${c}-${s}`, level: 2 as const, title: `Avsnitt ${c}.${s}` })),
    ]).flat();

  it('lists chapters and sections at normal spacing when they fit on one page', () => {
    const plan = planToc(doc, theme, report, build.root, anchors(6, 3));
    expect(plan).toMatchObject({ compact: false });
    expect(plan.anchors).toHaveLength(24);
  });

  it('sets a long contents compactly rather than spill onto a second page', () => {
    // The example municipality's report: 12 chapters, 24 sections.
    const plan = planToc(doc, theme, report, build.root, anchors(12, 2));
    expect(plan).toMatchObject({ compact: true });
    expect(plan.anchors).toHaveLength(36);
  });

  it('lists chapters only when even the compact contents would not fit', () => {
    const plan = planToc(doc, theme, report, build.root, anchors(12, 6));
    expect(plan.anchors.map((a) => a.level)).toEqual(Array(12).fill(1));
  });
});

describe('figures', () => {
  it('fit two to a page with a heading and a three-line paragraph between them', () => {
    const blocks = [figure('a'), heading('h'), paragraph(45), figure('b')];
    const fs = flowables(blocks);
    expect(fs[3]?.height()).toBeGreaterThanOrEqual(3 * theme.body.leading); // really three lines
    expect(paginate([fs])).toHaveLength(1);
  });

  it('keep a short lead-in after a heading with their figure, but not a long one', () => {
    const short = flowables([heading('h'), paragraph(8), figure('a')]);
    expect(short.map((f) => f.keepWithNext)).toEqual([true, true, true, false]);
    const long = flowables([heading('h'), paragraph(45), figure('a')]);
    expect(long[1]?.keepWithNext).toBe(false);
    const noHeading = flowables([paragraph(40), paragraph(8), figure('a')]);
    expect(noHeading[1]?.keepWithNext).toBe(false);
  });
});

describe('tables', () => {
  const spec = (rows: number): TableSpec => ({
    columns: [
      { header: 'Kommun', align: 'left' },
      ...['Andel % (95 % KI)', 'Antal svarande', 'Övriga länet (%)', 'Skillnad (procentenheter)', 'p-värde', 'Statistiskt säkerställd'].map(
        (header) => ({ header, align: 'right' as const }),
      ),
    ],
    rows: Array.from({ length: rows }, (_, i) => ({ header: `Kommun ${i}`, cells: ['12 (7–19)', '116', '14', '−2', '0,46', 'Nej'] })),
    notes: ['Andel i procent med 95 % konfidensintervall inom parentes.'],
  });
  const table = (rows: number) => layoutTable(doc, theme, { spec: spec(rows), caption: 'Tabell 1. Test', source: 'Källa: test', group: new Slot('Div', () => build.root) });

  it('gives a column at least its longest word, so no word is broken', () => {
    const t = table(6);
    t.header.cells.forEach((cell, i) => {
      const words = (spec(6).columns[i]?.header ?? '').split(' ');
      expect(cell.lines.map((l) => l.trim()).join(' ').split(' ')).toEqual(words);
    });
    expect(t.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(459.28, 1);
  });

  it('keeps a table of up to about half a page whole, and splits a longer one with three rows a side', () => {
    const short = new TableFlowable(table(12), 0);
    expect(short.split(200)).toBeNull();
    expect(short.minHeight()).toBe(short.height());
    const long = new TableFlowable(table(40), 0);
    expect(long.split(80)).toBeNull(); // not even three rows fit
    const parts = long.split(300);
    expect(parts).not.toBeNull();
    const [first, rest] = parts!;
    expect(first.height()).toBeLessThanOrEqual(300);
    // Rows per part, from the heights: both parts hold at least three rows.
    expect(rest.height()).toBeGreaterThan(3 * 16);
    expect(first.height() + rest.height()).toBeGreaterThan(long.height());
  });
});
