// A small municipality's own files with a population file (data this feature was not designed
// on): the Lillby export (test/fixtures/lillby: Windows-1252, semicolons, question texts as
// headers, about 25 pupils in åk 9, no weights, one "Annat/vill inte säga" per wave) and a
// coordinator's befolkning.csv (Windows-1252, semicolons, CRLF, Swedish headers, zero rows for
// Gy 2). Post-stratified estimates equal R (lillby-poststratified.R); response rates are
// counted from the files; a missing or mistaken file stops with one exact line.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { EstimateRecord, FiguresTable, ResponseRecord } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { EXIT } from '../../src/errors.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';
import { tempDir } from '../fixtures/mini-project.js';
import { referencePath } from '../stats/reference-data.js';

const DIR = fileURLToPath(new URL('../fixtures/lillby/', import.meta.url));
const FILES = [`${DIR}Lillby skolenkät 2022.csv`, `${DIR}Lillby skolenkät 2024.csv`];
const CONFIG = readFileSync(`${DIR}lagesbild.yaml`, 'utf8');
const TOL = 1e-8;

interface Expected {
  indicator: string;
  year: number;
  group: string;
  n: number;
  x: number;
  estimate: number;
  se: number;
  deff: number | null;
  df: number;
}
const expected: Expected[] = JSON.parse(readFileSync(referencePath('expected-lillby.json'), 'utf8')).estimates;

/** The Lillby config with its population file; every figure shown (the suppression rules are tested elsewhere). */
async function lillbyFigures(poststratify: boolean, showAll: boolean): Promise<FiguresTable> {
  const extra = `\npopulation: { file: befolkning.csv, poststratify: ${poststratify} }\n${showAll ? 'disclosure: { min_base: 1, caution_base: 1, max_small_count: 0, secondary: false }\n' : ''}`;
  const configPath = `${DIR}lagesbild.yaml`;
  const config = parseConfig(CONFIG + extra, configPath);
  const { sums } = await ingestFiles(FILES, config, { configPath });
  return computeFigures(sums, config);
}

describe('Lillby post-stratified to its pupils', () => {
  let table: FiguresTable;
  beforeAll(async () => {
    table = await lillbyFigures(true, true);
  });

  it('every estimate equals R postStratify: n, x, p̂, SE, deff and df', () => {
    const diffs: string[] = [];
    const close = (a: number | null, b: number | null, what: string) => {
      if (b === null ? a !== null : a === null || !(Math.abs(a - b) < TOL)) diffs.push(`${what}: expected ${b}, got ${a}`);
    };
    for (const e of expected) {
      const what = `${e.indicator} ${e.year} ${e.group}`;
      const rec = table.records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === e.indicator && r.year === e.year && r.group === e.group && r.area === 'Lillby');
      if (!rec) {
        diffs.push(`${what}: missing`);
        continue;
      }
      if (rec.n !== e.n || rec.x !== e.x || rec.df !== e.df) diffs.push(`${what}: n, x, df ${rec.n} ${rec.x} ${rec.df}, expected ${e.n} ${e.x} ${e.df}`);
      close(rec.estimate, e.estimate, `${what} estimate`);
      close(rec.se, e.se, `${what} se`);
      close(rec.deff, e.deff, `${what} deff`);
    }
    expect(diffs).toEqual([]);
    expect(expected).toHaveLength(30);
  });

  it('differs from the unweighted estimate where girls and boys answered at different rates', async () => {
    const plain = await lillbyFigures(false, true);
    const p = (t: FiguresTable) => t.records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === 'fysiskt_vald' && r.year === 2022 && r.group === 'total')!.estimate!;
    // 2022: 4 of 24 unweighted; post-stratified the boys (11 of 19 pupils answered) weigh more.
    expect(p(plain)).toBeCloseTo(4 / 24, 12);
    expect(p(table)).toBeCloseTo(0.1868047564250096, 12);
  });
});

describe('Lillby response rates', () => {
  it('are counted from the files: respondents with a reported gender over the pupils of befolkning.csv', async () => {
    const table = await lillbyFigures(false, false);
    const rows = table.records
      .filter((r): r is ResponseRecord => r.kind === 'response' && r.area === 'Lillby')
      .map((r) => `${r.year} ${r.group} ${r.n ?? '..'}/${r.population} ${r.suppression ?? ''} ${r.flag ?? ''}`.trim());
    expect(rows).toEqual([
      // 2022: 14 girls of 16 (2 did not answer: hidden), 11 boys of 19 (hidden with them), 25 of 35.
      '2022 total 25/35',
      '2022 gender=Tjej ../16 complement',
      '2022 gender=Kille ../19 secondary',
      '2022 grade=Åk 9 25/35',
      '2022 gender=Tjej;grade=Åk 9 ../16 complement',
      '2022 gender=Kille;grade=Åk 9 ../19 secondary',
      // 2024: 12 of 26 girls, 10 of 30 boys: all under half. The zero rows for Gy 2 give no rate.
      '2024 total 22/56  low_response',
      '2024 gender=Tjej 12/26  low_response',
      '2024 gender=Kille 10/30  low_response',
      '2024 grade=Åk 9 22/56  low_response',
      '2024 gender=Tjej;grade=Åk 9 12/26  low_response',
      '2024 gender=Kille;grade=Åk 9 10/30  low_response',
    ]);
  });
});

describe('Lillby through the CLI', () => {
  /** A copy of the fixture with the population file edited. */
  function project(population: (text: string) => string) {
    const dir = tempDir('lagesbild-lillby-');
    for (const f of FILES) copyFileSync(f, join(dir, f.slice(DIR.length)));
    writeFileSync(join(dir, 'lagesbild.yaml'), `${CONFIG}\npopulation: { file: befolkning.csv }\n`);
    const text = new TextDecoder('windows-1252').decode(readFileSync(`${DIR}befolkning.csv`));
    writeFileSync(join(dir, 'befolkning.csv'), Buffer.from(population(text), 'latin1'));
    return { dir, files: FILES.map((f) => join(dir, f.slice(DIR.length))), config: join(dir, 'lagesbild.yaml'), out: join(dir, 'out') };
  }

  it('a group with respondents missing from the population file: exit 3, the group, its respondents, a row to add as the file writes it', async () => {
    const p = project((t) => t.replace('Lillby;2024;Kille;Åk 9;30\r\n', ''));
    const run = await runCli(['figures', ...p.files, '-c', p.config, '-o', p.out]);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toBe(
      `error: ${join(p.dir, 'befolkning.csv')}: no count of pupils for a group with respondents: Lillby 2024 Kille Åk 9 (10 respondents). Add a row for each to the population file (e.g. "Lillby;2024;Kille;Åk 9;<pupils>"), or check that municipality, year, gender and school year are written as in the survey data\n`,
    );
    expect(run.code).toBe(EXIT.config);
    expect(existsSync(p.out)).toBe(false);
  });

  it('the population file among the survey files (report *.csv in its folder): left out with a note, the figures as without it', async () => {
    const p = project((t) => t);
    const alone = await runCli(['figures', ...p.files, '-c', p.config, '--json']);
    const run = await runCli(['figures', ...p.files, join(p.dir, 'befolkning.csv'), '-c', p.config, '--json']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr.split('\n')[0]).toBe(`${join(p.dir, 'befolkning.csv')} is the table the config names as population.file: it is not read as survey data`);
    expect(run.stdout).toBe(alone.stdout);
  });
});
