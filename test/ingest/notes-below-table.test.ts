// Notes under the config's tables ("Källa: SCB" on a row of its own, as people write them in
// Excel below their figures): skipped and said where, by both CSV readers and in Excel; a row
// that is not under the table, or a short row that could be a row of the table, is the error it
// always was.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { LagesbildError, type Location } from '../../src/errors.js';
import { loadPopulation } from '../../src/ingest/population.js';
import { loadReferences } from '../../src/references/load.js';
import { loadSources } from '../../src/sources/load.js';
import { MINI_CONFIG, tempDir, writeFile } from '../fixtures/mini-project.js';
import { join } from 'node:path';

const POLICE = 'Område;2019;2021;2023\r\nÄngsby;412,5;455,0;488,9\r\nRiket;395,0;401,7;415,6\r\n';
const ROWS = [
  { label: 'Ängsby', values: [412.5, 455, 488.9] },
  { label: 'Riket', values: [395, 401.7, 415.6] },
];
const POPULATION = 'kommun;år;kön;årskurs;antal\nAby;2023;F;9;40\nAby;2023;P;9;44\n';
const REFERENCES = 'indicator,year,group,estimate,ci_lower,ci_upper,n\nslagen,2023,total,12.0,11.6,12.4,21500\n';

function project(files: Record<string, string | Buffer>, extra: string) {
  const dir = tempDir('lagesbild-notes-');
  for (const [name, text] of Object.entries(files)) writeFile(dir, name, text);
  const path = join(dir, 'lagesbild.yaml');
  writeFile(dir, 'lagesbild.yaml', `${MINI_CONFIG}\n${extra}`);
  return { dir, path, config: parseConfig(`${MINI_CONFIG}\n${extra}`, path) };
}

async function sources(table: string | Buffer, name = 't.csv') {
  const p = project({ [name]: table }, `sources:\n  - { title: Anmälda brott, source: Brå, file: ${name} }\n`);
  const notes: Location[][] = [];
  const [t] = await loadSources(p.config, p.path, (n) => notes.push(n));
  return { rows: t!.rows, notes: notes.flat().map((l) => l.line) };
}

async function failure(load: () => Promise<unknown>): Promise<string> {
  try {
    await load();
  } catch (err) {
    if (err instanceof LagesbildError) return err.toLine();
    throw err;
  }
  return 'no error';
}

// Both CSV readers: the byte-level one, and csv-parse (the reference it is checked against).
describe.each(['byte-level', 'csv-parse'])('notes under a table (%s reader)', (reader) => {
  const read = async <T>(f: () => Promise<T>): Promise<T> => {
    if (reader === 'csv-parse') process.env.LAGESBILD_CSV_READER = 'csv-parse';
    try {
      return await f();
    } finally {
      delete process.env.LAGESBILD_CSV_READER;
    }
  };

  it('a source line and a quoted note under a semicolon table, after a blank line', async () => {
    const got = await read(() => sources(`${POLICE}\r\nKälla: Brå, anmälda brott (fiktiva siffror).\r\n"Anm. 2021; preliminära siffror"\r\n`));
    expect(got).toEqual({ rows: ROWS, notes: [5, 6] });
  });

  it('a note as Swedish Excel saves it (padded with semicolons), right under the table', async () => {
    expect(await read(() => sources(`${POLICE}Källa: Brå;;;\r\n`))).toEqual({ rows: ROWS, notes: [4] });
  });

  it('a table without notes has none', async () => {
    expect(await read(() => sources(POLICE))).toEqual({ rows: ROWS, notes: [] });
  });

  it('a row of one value with rows of the table after it is read as a row (and is its error)', async () => {
    const p = project({ 'befolkning.csv': `${POPULATION}Aby;;;;\nAby;2023;F;gy2;25\n` }, 'population: { file: befolkning.csv }\n');
    expect(await read(() => failure(() => loadPopulation(p.config, p.path)))).toBe(`${join(p.dir, 'befolkning.csv')}:4:2: year: "" is not a year. Use the four-digit year of the survey wave, e.g. 2023`);
  });

  it('a short row in the table, or one right under it with more than one value, is the usual error', async () => {
    const middle = await read(() => failure(() => sources(`Område;2019;2021;2023\r\nÄngsby;412,5\r\nRiket;395,0;401,7;415,6\r\n`)));
    expect(middle).toBe('t.csv:2: row has 2 fields, the header has 4. Check for a missing or extra semicolon on this line, or a value with a semicolon that is not in quotes');
    // A comma file: "Källa: Skolverket, 2024" is two fields. Apart from the table it is a note;
    // right under it, it could be a cut-off row.
    const apart = project({ 'ref.csv': `${REFERENCES}\nKälla: Skolverket, 2024\n` }, 'references:\n  - { label: Riket, source: Skolverket, file: ref.csv }\n');
    const notes: Location[][] = [];
    expect(await read(() => loadReferences(apart.config, apart.path, (n) => notes.push(n)))).toHaveLength(1);
    expect(notes.flat().map((l) => l.line)).toEqual([4]);
    const under = project({ 'ref.csv': `${REFERENCES}Källa: Skolverket, 2024\n` }, 'references:\n  - { label: Riket, source: Skolverket, file: ref.csv }\n');
    expect(await read(() => failure(() => loadReferences(under.config, under.path)))).toBe(
      `${join(under.dir, 'ref.csv')}:3: row has 2 fields, the header has 7. Check for a missing or extra comma on this line, or a value with a comma that is not in quotes`,
    );
  });

  it('the population table with a source line under it (as Excel saves it)', async () => {
    const p = project({ 'befolkning.csv': `${POPULATION};;;;\nKälla: SCB, elever per skola;;;;\n` }, 'population: { file: befolkning.csv }\n');
    const notes: Location[][] = [];
    const population = await read(() => loadPopulation(p.config, p.path, {}, (n) => notes.push(n)));
    expect(population.rows.map((r) => r.count)).toEqual([40, 44]);
    expect(notes.flat()).toEqual([{ file: join(p.dir, 'befolkning.csv'), line: 5 }]);
  });
});

describe("a population table's sum rows", () => {
  it('"Totalt" for a gender, a school year or a municipality, and "Summa", are skipped and said where; the counts are the groups\'', async () => {
    const table = `${POPULATION}Aby;2023;Totalt;9;84\nAby;2023;F;Totalt;40\nTotalt;2023;F;9;40\nSumma;;;;84\n`;
    const p = project({ 'befolkning.csv': table }, 'population: { file: befolkning.csv }\n');
    const skipped: [string | undefined, number[]][] = [];
    const population = await loadPopulation(p.config, p.path, {}, (rows, kind) => skipped.push([kind, rows.map((r) => r.line!)]));
    expect(population.rows.map((r) => [r.area, r.gender, r.grade, r.count])).toEqual([
      ['Aby', 0, 0, 40],
      ['Aby', 1, 0, 44],
    ]);
    expect(skipped).toEqual([['sums', [4, 5, 6, 7]]]);
    // In the wide table (a count column per school year) too.
    const wide = project({ 'befolkning.csv': 'kommun;år;kön;9;gy2\nAby;2023;F;40;25\nAby;2023;P;44;30\nAby;2023;Totalt;84;55\n' }, 'population: { file: befolkning.csv }\n');
    const wideSkipped: number[] = [];
    expect((await loadPopulation(wide.config, wide.path, {}, (rows) => wideSkipped.push(...rows.map((r) => r.line!)))).rows).toHaveLength(4);
    expect(wideSkipped).toEqual([4]);
  });
});

describe('notes under a table in Excel', () => {
  it('a note row under the figures is skipped and named by its row', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Brott');
    for (const r of [['Område', 2019, 2021, 2023], ['Ängsby', 412.5, 455, 488.9], ['Riket', 395, 401.7, 415.6], [], ['Källa: Brå']]) ws.addRow(r);
    const got = await sources(Buffer.from(await wb.xlsx.writeBuffer()), 'brott.xlsx');
    expect(got).toEqual({ rows: ROWS, notes: [5] });
  });
});
