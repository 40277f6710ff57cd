// The Word report as a coordinator gets it, for the smallest municipality of the example
// (about 25 pupils a year: many `..`): written by `report --format docx` and by `batch`, byte
// for byte the same in any time zone, and read back by LibreOffice, whose tagged PDF shows
// the headings, header rows and alt texts Word's navigation pane and screen readers use.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipalityReport } from '../../src/report/index.js';
import { loadOwnTexts } from '../../src/owntext/load.js';
import { loadSources } from '../../src/sources/load.js';
import type { Block, ReportDocument } from '../../src/report/model.js';
import type { FiguresTable } from '../../src/analysis/types.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { renderFiguresFile } from '../../src/cli/figures-files.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV, exampleFigures, poppler, runCli } from './cli.js';
import { headingOutline } from '../fixtures/ooxml.js';
import { figureAltTexts, libreOfficeConvert, type StructElement, structElements, TAGGED_PDF, tableRows } from './office.js';

const AREA = 'Lövåsen';
const DATE = '2024-05-31';
const out = mkdtempSync(join(tmpdir(), 'lagesbild-word-'));
const docx = join(out, 'report', `${AREA}-2019-2023.docx`);
let doc: ReportDocument;
let figures: FiguresTable;
let projectConfig: ProjectConfig;
let pdf: string;
let elements: StructElement[];
let text: string;

beforeAll(async () => {
  // The same report from `report` (in Auckland) and from one shard of `batch` (in UTC).
  const [report, batch] = await Promise.all([
    runCli(['report', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--area', AREA, '-o', join(out, 'report'), '--format', 'docx', '--date', DATE], { TZ: 'Pacific/Auckland' }),
    runCli(['batch', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', join(out, 'batch'), '--format', 'docx', '--xlsx', '--shard', '2/5', '--no-county', '--jobs', '1'], {
      TZ: 'UTC',
      SOURCE_DATE_EPOCH: String(Date.parse(`${DATE}T15:00:00Z`) / 1000),
    }),
  ]);
  expect(report.stderr).toBe(`wrote ${docx}\n`);
  expect(report.code).toBe(0);
  expect(batch.code, batch.stderr).toBe(0);

  ({ config: projectConfig, figures } = await exampleFigures());
  // As the CLI builds it, with the example's own text and other source (both limited to Ängsby: none here).
  const ownTexts = (await loadOwnTexts(projectConfig, EXAMPLE_CONFIG, 'sv')).texts;
  const sources = await loadSources(projectConfig, EXAMPLE_CONFIG);
  doc = buildMunicipalityReport({ figures, config: projectConfig, area: AREA, lang: 'sv', dateIso: DATE, logo: null, ownTexts, sources });
  pdf = libreOfficeConvert(docx, TAGGED_PDF, out);
  elements = structElements(poppler('pdfinfo', ['-struct', pdf]));
  text = poppler('pdftotext', [pdf, '-']);
}, 300_000);

const blocks = (): Block[] => doc.chapters.flatMap((c) => c.blocks);

describe('report --format docx', () => {
  it('writes the same bytes from report and batch, in any time zone', () => {
    expect(readFileSync(docx).equals(readFileSync(join(out, 'batch', AREA, `${AREA}-2019-2023.docx`)))).toBe(true);
  });

  it('batch --xlsx writes the figures workbook of the whole table', async () => {
    const written = readFileSync(join(out, 'batch', 'figures-2-of-5.xlsx'));
    expect(written.equals(await renderFiguresFile(figures, projectConfig, 'xlsx', DATE))).toBe(true);
  });

  it('opens in LibreOffice with the chapters and sections as headings (H1–H3), in order', () => {
    const expected = headingOutline(doc);
    expect(elements.filter((e) => /^H\d$/.test(e.type)).map((e) => e.type)).toEqual(expected.map(([level]) => `H${level}`));
    // The contents list chapters and sections; the headings follow after it, in order.
    expect(elements.filter((e) => e.type === 'TOC')).toHaveLength(1);
    const flat = text.replace(/\s+/g, ' ');
    let at = flat.indexOf(doc.labels.contents);
    for (const [, heading] of [...expected.filter(([level]) => level !== 3), ...expected]) {
      at = flat.indexOf(heading, at);
      expect(at, heading).toBeGreaterThan(0);
    }
  });

  it("has every table and every chart's numbers as a table: a row of column headers, then one row per row of the model", () => {
    const tables = elements.filter((e) => e.type === 'Table');
    const specs = blocks().flatMap((b) => (b.type === 'table' || b.type === 'figure' ? [b.table] : []));
    expect(tables).toHaveLength(specs.length);
    tables.forEach((t, i) => {
      const spec = specs[i]!;
      expect(tableRows(t)).toEqual([
        spec.columns.map(() => 'TH Column'),
        ...spec.rows.map(() => spec.columns.map(() => 'TD')),
      ]);
    });
  });

  it('has every chart as a figure with its alt text', () => {
    const figures = blocks().filter((b) => b.type === 'figure');
    // A small municipality: charts with fewer than two values that may be shown are not drawn.
    expect(figures.length).toBeGreaterThan(3);
    expect(figureAltTexts(readFileSync(pdf))).toEqual(figures.map((f) => (f.type === 'figure' ? f.alt : '')));
    expect(poppler('pdfimages', ['-list', pdf]).trim().split('\n').slice(2)).toHaveLength(figures.length);
  });

  it('shows the synthetic-data notice, captions, sources and `..` for the small groups', () => {
    const flat = text.replace(/\s+/g, ' ');
    expect(text.split(doc.syntheticNotice!).length - 1).toBeGreaterThan(10); // title page and page headers
    for (const b of blocks()) {
      if (b.type === 'figure') expect(flat).toContain(`Figur ${b.number}. ${b.caption}`.replace(/\s+/g, ' '));
      if (b.type === 'table') expect(flat).toContain(`Tabell ${b.number}. ${b.caption}`.replace(/\s+/g, ' '));
    }
    const sources = new Set(blocks().flatMap((b) => (b.type === 'figure' || b.type === 'table' ? [b.source] : [])));
    for (const source of sources) expect(flat).toContain(`Källa: ${source}`);
    expect(text).toMatch(/(^|\s)\.\.(\s|$)/m);
    expect(text).not.toMatch(/Ã|Â|�/);
  });
});
