// Other sources (config `sources`): small tables read as written (Swedish numbers, missing
// values), refused with file, line and column when a cell is no number; shown as a chart with
// its table, its source and the note that they are counts of cases, not prevalence, in the
// chapter "Andra källor" (listed in the introduction) or at the end of the chapter named.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { LagesbildError } from '../../src/errors.js';
import { buildMunicipalityReport } from '../../src/report/index.js';
import type { FigureBlock, ReportDocument, TableBlock } from '../../src/report/model.js';
import { loadSources, parseNumber } from '../../src/sources/load.js';
import { project } from '../owntext/fixture.js';
import { config as fixtureConfig, figures } from '../report/fixtures.js';

const BASE = `columns: { area: kommun, year: ar }
groups:
  gender: { column: kon, label: Kön, values: [{ code: "1", label: Flickor }] }
indicators:
  - { id: hot, label: Hot, chapter: utsatthet, column: f1, answers: { yes: [Ja] } }
`;

const POLICE = 'Område;2019;2021;2023\r\nÄngsby;412,5;455,0;488,9\r\nNorrbacka län;380,2;..;410,3\r\nRiket;1 395,0;401,7;415,6\r\n';

async function load(sources: string, files: Record<string, string>) {
  const p = project(files);
  const config = parseConfig(`${BASE}sources:\n${sources}`, p.config);
  return loadSources(config, p.config);
}

async function error(table: string): Promise<string> {
  try {
    await load('  - { title: Anmälda brott, source: Brå, file: t.csv }\n', { 't.csv': table });
  } catch (err) {
    if (err instanceof LagesbildError) return err.toLine();
    throw err;
  }
  return 'no error';
}

describe('reading a source table', () => {
  it('reads numbers as people write them, and missing values', () => {
    expect(['12', '12,5', '12.5', '1 234', '1\u00a0234,5', '−3', '-3,25', '1.234,5', '1,234.5', '', '..', '–'].map(parseNumber)).toEqual([
      12, 12.5, 12.5, 1234, 1234.5, -3, -3.25, 1234.5, 1234.5, null, null, null,
    ]);
    for (const bad of ['12 %', 'abc', '1,2,3', '12a']) expect(parseNumber(bad), bad).toBeUndefined();
  });

  it('a label column and a column per year: a line chart, decimals as written', async () => {
    const [t] = await load('  - { title: Anmälda misshandelsbrott, unit: per 100 000 invånare, source: Brå, file: polis.csv }\n', { 'polis.csv': POLICE });
    expect(t).toMatchObject({
      labelHeader: 'Område',
      columns: ['2019', '2021', '2023'],
      rows: [
        { label: 'Ängsby', values: [412.5, 455, 488.9] },
        { label: 'Norrbacka län', values: [380.2, null, 410.3] },
        { label: 'Riket', values: [1395, 401.7, 415.6] },
      ],
      decimals: 1,
      chart: 'line',
    });
  });

  it('reads an Excel workbook as Swedish Excel saves it: numbers, years as numbers, `..` as text, an empty row; a bad cell named by sheet and cell', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Anmälda brott');
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const good = await workbook([['Område', 2019, 2021, 2023], ['Ängsby', 412.5, 455, 488.9], [], ['Norrbacka län', 380.2, '..', 410.3]]);
    const p = project({ 'kallor/polis.xlsx': good });
    const [t] = await loadSources(parseConfig(`${BASE}sources:\n  - { title: Anmälda brott, source: Brå, file: kallor/polis.xlsx }\n`, p.config), p.config);
    expect(t).toMatchObject({
      labelHeader: 'Område',
      columns: ['2019', '2021', '2023'],
      rows: [
        { label: 'Ängsby', values: [412.5, 455, 488.9] },
        { label: 'Norrbacka län', values: [380.2, null, 410.3] },
      ],
      decimals: 1,
      chart: 'line',
    });
    const bad = project({ 'b.xlsx': (await workbook([['Område', 2019, 2021], ['Ängsby', 412.5, '45 %']])) });
    const err = await loadSources(parseConfig(`${BASE}sources:\n  - { title: Anmälda brott, source: Brå, file: b.xlsx }\n`, bad.config), bad.config).catch((e: unknown) => e as LagesbildError);
    expect((err as LagesbildError).toLine()).toBe(
      "b.xlsx:'Anmälda brott'!C2: 2021: \"45 %\" in column 2021 is not a number. Write numbers as 12, 12,5 or 1 234; leave the cell empty (or ..) where the source has no value",
    );
    expect((err as LagesbildError).toLine('sv')).toBe(
      "b.xlsx:'Anmälda brott'!C2: 2021: \"45 %\" i kolumnen 2021 är inget tal. Skriv tal som 12, 12,5 eller 1 234; lämna cellen tom (eller ..) där källan saknar värde",
    );
  });

  it('columns that are not years make a bar chart', async () => {
    const [t] = await load('  - { title: Ärenden, source: Socialtjänsten, file: s.csv }\n', { 's.csv': 'Ärende;Flickor;Pojkar\nOro för barn;41;37\nVåld i nära relation;12;4\n' });
    expect(t!.chart).toBe('bar');
  });

  it('says which cell is not a number, with line and column', async () => {
    expect(await error('Område;2019;2021\nÄngsby;412;45 %\n')).toBe(
      't.csv:2:3: 2021: "45 %" in column 2021 is not a number. Write numbers as 12, 12,5 or 1 234; leave the cell empty (or ..) where the source has no value',
    );
    expect(await error('Område;2019\nÄngsby;1\nÄngsby;2\n')).toBe('t.csv:3:1: the label "Ängsby" is also on line 2. Give every row its own label');
    expect(await error(`Område;2019\n${Array.from({ length: 31 }, (_, i) => `Rad ${i};1`).join('\n')}\n`)).toMatch(/^t\.csv:32: the source table has more than 30 rows/);
  });
});

describe('other sources in the report', () => {
  async function report(extra: string): Promise<ReportDocument> {
    const p = project({ 'polis.csv': POLICE });
    const config = parseConfig(`${BASE}sources:\n${extra}`, p.config);
    const sources = await loadSources(config, p.config);
    return buildMunicipalityReport({ figures, config: fixtureConfig, area: 'Ängsby', lang: 'sv', dateIso: '2024-03-05', sources });
  }

  it('a chapter "Andra källor" after the results, with the chart, its numbers, the note and the source', async () => {
    const doc = await report('  - { title: Anmälda misshandelsbrott, unit: per 100 000 invånare, source: "Brå, anmälda brott", file: polis.csv, note: Fiktiva siffror. }\n');
    const ids = doc.chapters.map((c) => c.id);
    expect(ids.slice(ids.indexOf('otrygghet'), ids.indexOf('otrygghet') + 3)).toEqual(['otrygghet', 'andra-kallor', 'utveckling']);
    const chapter = doc.chapters.find((c) => c.id === 'andra-kallor')!;
    expect(chapter.title).toBe('Andra källor');
    expect(chapter.blocks[0]).toMatchObject({ type: 'paragraph' });
    expect((chapter.blocks[0] as { text: string }).text).toContain('visar inte hur många som har utsatts för våld. Fler fall kan betyda att mer våld upptäcks och anmäls');
    const figure = chapter.blocks.find((b): b is FigureBlock => b.type === 'figure')!;
    expect(figure.caption).toBe('Anmälda misshandelsbrott, per 100 000 invånare');
    expect(figure.source).toBe('Brå, anmälda brott');
    expect(figure.chart).toMatchObject({ type: 'line', categories: ['2019', '2021', '2023'], unit: 'number', axisLabel: 'per 100 000 invånare' });
    expect(figure.chart.series.map((s) => [s.label, s.valueLabels])).toEqual([
      ['Ängsby', ['412,5', '455,0', '488,9']],
      ['Norrbacka län', ['380,2', '–', '410,3']],
      ['Riket', ['1\u00a0395,0', '401,7', '415,6']],
    ]);
    expect(figure.chart.series.every((s) => s.lower.every((v) => v === null) && s.upper.every((v) => v === null))).toBe(true);
    expect(figure.table.rows[1]).toEqual({ header: 'Norrbacka län', cells: ['380,2', '–', '410,3'] });
    expect(figure.table.notes).toEqual([
      'Fiktiva siffror.',
      'Fall som kommit till kännedom, inte hur många som utsatts: fler fall kan betyda att mer våld upptäcks och anmäls.',
      '– = uppgift saknas.',
    ]);
    expect(figure.alt).toBe('Linjediagram: Anmälda misshandelsbrott, per 100 000 invånare. Ängsby: 2019 412,5, 2021 455,0, 2023 488,9. Norrbacka län: 2019 380,2, 2021 –, 2023 410,3. Riket: 2019 1\u00a0395,0, 2021 401,7, 2023 415,6.');
    const intro = doc.chapters.find((c) => c.id === 'inledning')!;
    expect(intro.blocks.some((b) => b.type === 'list' && b.items.includes('Andra källor: uppgifter från andra källor än enkäten, till exempel anmälda brott.'))).toBe(true);
  });

  it('a source placed in a result chapter stands at its end; chart: none gives a numbered table', async () => {
    const doc = await report('  - { title: Anmälda misshandelsbrott, source: Brå, file: polis.csv, chapter: utsatthet, chart: none }\n');
    expect(doc.chapters.some((c) => c.id === 'andra-kallor')).toBe(false);
    const utsatthet = doc.chapters.find((c) => c.id === 'utsatthet')!;
    const last = utsatthet.blocks[utsatthet.blocks.length - 1] as TableBlock;
    expect(last).toMatchObject({ type: 'table', caption: 'Anmälda misshandelsbrott', source: 'Brå' });
    expect(last.number).toBeGreaterThan(0);
  });
});
