// The population file and design.fpc through the real CLI (`lagesbild figures`): what a
// coordinator's files look like (Windows-1252, semicolons, Swedish headers, spaces between
// thousands), and every mistake as one exact line with its documented exit code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { csv, MINI_CONFIG, MINI_HEADER, tempDir, writeFile } from '../fixtures/mini-project.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';
import { runCli as runBuilt } from '../e2e/cli.js';

/** 40 girls and 30 boys in Åk 9 and 20 girls in Gy 2 in Aby; 12 girls in Åk 9 in Bby; one pupil without gender. */
function survey(fpc?: (area: string, row: number) => string): string {
  const rows: (string | number)[][] = [];
  const add = (area: string, gender: string, grade: string, count: number) => {
    for (let i = 0; i < count; i++) rows.push([area, 2023, gender, grade, 1, i % 3 === 0 ? 1 : 2, i % 4 === 0 ? 1 : 2, ...(fpc ? [fpc(area, rows.length)] : [])]);
  };
  add('Aby', 'F', '9', 40);
  add('Aby', 'P', '9', 30);
  add('Aby', 'F', 'gy2', 20);
  add('Bby', 'F', '9', 12);
  add('Aby', '', '9', 1);
  return csv([[...MINI_HEADER, ...(fpc ? ['fpc'] : [])], ...rows]);
}

const POPULATION = ['kommun;år;kön;årskurs;antal', 'Aby;2023;F;9;50', 'Aby;2023;P;9;1 060', 'Aby;2023;F;gy2;25', 'Bby;2023;F;9;15', ''].join('\r\n');

function project(opts: { population?: string | Buffer; config?: (c: string) => string; survey?: string } = {}) {
  const dir = tempDir('lagesbild-population-');
  const config = (opts.config ?? ((c) => c))(`${MINI_CONFIG}\npopulation: { file: befolkning.csv }\n`);
  writeFile(dir, 'lagesbild.yaml', config);
  if (opts.population !== undefined) writeFile(dir, 'befolkning.csv', opts.population);
  const data = writeFile(dir, 'enkat.csv', opts.survey ?? survey());
  return { dir, data, config: join(dir, 'lagesbild.yaml'), out: join(dir, 'out') };
}

async function figures(p: ReturnType<typeof project>) {
  return runCli(['figures', p.data, '-c', p.config, '-o', p.out]);
}

/** The run failed with exactly this line (POP: the population file beside the config) and wrote nothing. */
function expectError(run: Awaited<ReturnType<typeof figures>>, p: ReturnType<typeof project>, exit: number, line: string) {
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr).toBe(`error: ${line.replace(/^POP/, join(p.dir, 'befolkning.csv'))}\n`);
  expect(run.code).toBe(exit);
  expect(existsSync(p.out)).toBe(false);
}

function responseRows(path: string): string[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));
  const col = (name: string) => header!.indexOf(name);
  return rows
    .filter((r) => r[col('kind')] === 'response')
    .map((r) => ['area', 'year', 'group', 'n', 'population', 'rate', 'suppression'].map((c) => r[col(c)]).join(' '));
}

describe('population file', () => {
  it('reads Windows-1252 with semicolons, Swedish headers and spaces between thousands', async () => {
    const p = project({ population: Buffer.from(POPULATION.replace('kön;årskurs', 'kön;årskurs'), 'latin1') });
    const run = await figures(p);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(EXIT.ok);
    const rows = responseRows(join(p.out, 'figures.csv'));
    expect(rows).toContain('Aby 2023 gender=F;grade=9 40 50 0.8 ');
    expect(rows).toContain('Aby 2023 gender=P;grade=9 30 1060 0.02830188679245283 ');
    expect(rows).toContain('Aby 2023 total 90 1135 0.07929515418502203 ');
  });

  it('reads UTF-8 with commas and English headers', async () => {
    const text = POPULATION.replace('kommun;år;kön;årskurs;antal', 'area,year,gender,grade,count').replace('1 060', '"1 060"').replaceAll(';', ',');
    const p = project({ population: text });
    const run = await figures(p);
    expect(run.code).toBe(EXIT.ok);
    expect(responseRows(join(p.out, 'figures.csv'))).toContain('Bby 2023 gender=F 12 15 0.8 ');
  });

  it('reads a wide table (a count column per school year, or per gender), as the long one', async () => {
    const long = project({ population: POPULATION });
    expect((await figures(long)).code).toBe(EXIT.ok);
    const expected = readFileSync(join(long.out, 'figures.csv'), 'utf8');
    // School years by their labels and codes; an empty cell is no count, as a missing row is.
    const byGrade = ['Kommun;År;Kön;Åk 9;gy2', 'Aby;2023;F;50;25', 'Aby;2023;P;1 060;', 'Bby;2023;F;15;', ''].join('\r\n');
    const wideGrade = project({ population: byGrade });
    const run = await figures(wideGrade);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(readFileSync(join(wideGrade.out, 'figures.csv'), 'utf8')).toBe(expected);
    // Genders by their labels.
    const byGender = ['kommun;år;årskurs;Flickor;Pojkar', 'Aby;2023;9;50;1060', 'Aby;2023;gy2;25;', 'Bby;2023;9;15;', ''].join('\r\n');
    const wideGender = project({ population: byGender });
    expect((await figures(wideGender)).code).toBe(EXIT.ok);
    expect(readFileSync(join(wideGender.out, 'figures.csv'), 'utf8')).toBe(expected);
    // A column for a value the tables do not report: named at its header cell.
    const other = project({ population: byGender.replace('Flickor;Pojkar', 'Flickor;Pojkar;Annat').replace('Aby;2023;9;50;1060', 'Aby;2023;9;50;1060;4') });
    expectError(
      await figures(other),
      other,
      EXIT.data,
      'POP:1:6: gender: "Annat" is a value of gender with report: false. Population counts are given for the values reported in the tables (respondents with other values keep their area\'s average weight): remove the column',
    );
  });

  it('respondents without a population count: exit 3 naming the groups, their respondents and the fix', async () => {
    const p = project({ population: POPULATION.replace('Aby;2023;F;gy2;25\r\n', '').replace('Bby;2023;F;9;15', 'Bby;2023;F;9;0') });
    expectError(
      await figures(p),
      p,
      EXIT.config,
      'POP: no count of pupils for 2 groups with respondents (32 respondents in all): Aby 2023 F gy2 (20 respondents), Bby 2023 F 9 (12 respondents). Add a row for each to the population file (e.g. "Aby;2023;F;gy2;<pupils>"), or check that municipality, year, gender and school year are written as in the survey data',
    );
  });

  it.each([
    ['a code that is not in groups', POPULATION.replace('Aby;2023;P;9', 'Aby;2023;Pojkar;9'), EXIT.data, 'POP:3:3: gender: "Pojkar" is not a value of gender. Use the codes of groups in the config: F, P'],
    ['a value with report: false', `${POPULATION}Aby;2023;A;9;3\r\n`, EXIT.data, 'POP:6:3: gender: "A" is a value of gender with report: false. Population counts are given for the values reported in the tables (respondents with other values keep their area\'s average weight): remove the row'],
    ['a count that is no whole number', POPULATION.replace(';50', ';50,5'), EXIT.data, 'POP:2:5: count: "50,5" is not a number of pupils. Write a whole number of pupils, e.g. 212 or 1 212'],
    ['a cell twice', `${POPULATION}Aby;2023;F;9;51\r\n`, EXIT.data, 'POP:6: the same municipality, year, gender and school year are on line 2. Give each cell one row (sum the counts if they come from several sources)'],
    ['no count column', POPULATION.replace(';antal', ';elever'), EXIT.data, 'POP:1: the population file has no column count. Its header must name the columns area, year, gender, grade, count (or in Swedish kommun, år, kön, årskurs, antal)'],
    ['a year that is not a year', POPULATION.replace('Bby;2023', 'Bby;23'), EXIT.data, 'POP:5:2: year: "23" is not a year. Use the four-digit year of the survey wave, e.g. 2023'],
  ])('%s: one line with file, line and column', async (_name, population, exit, line) => {
    const p = project({ population });
    expectError(await figures(p), p, exit, line);
  });

  it('a missing file names the config key', async () => {
    const p = project();
    expectError(await figures(p), p, EXIT.config, `${p.config}: population.file: the population file befolkning.csv does not exist. The path is relative to the config file`);
  });

  it('a grade column without groups.grade', async () => {
    const noGrade = (c: string) => c.replace(/  grade:\n(.*\n){5}/, '');
    const p = project({ config: noGrade, population: POPULATION });
    expectError(
      await figures(p),
      p,
      EXIT.config,
      'POP:1:4: the population file has a column grade but the config has no groups.grade. Remove the column and sum the counts over school years, or add groups.grade to the config',
    );
  });
});

describe('design.fpc', () => {
  const withFpc = (c: string) => c.replace('  weight: vikt', '  weight: vikt\n  fpc: fpc\n  strata: kommun').replace('\npopulation: { file: befolkning.csv }\n', '\n');

  it('is read with the design (sizes per stratum) and accepted', async () => {
    const p = project({ config: withFpc, survey: survey((area) => (area === 'Aby' ? '200' : '12')) });
    const run = await figures(p);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(EXIT.ok);
  });

  it('a value that differs within a stratum: its line and column', async () => {
    const p = project({ config: withFpc, survey: survey((area, row) => (area === 'Aby' && row === 17 ? '201' : area === 'Aby' ? '200' : '12')) });
    expectError(
      await figures(p),
      p,
      EXIT.data,
      `${p.data}:19: fpc: design.fpc is 201 here but 200 on an earlier row of stratum "Aby" in 2023. The population size (or sampled fraction) belongs to the stratum: give every row of a stratum the same value`,
    );
  });

  it('sizes and fractions mixed', async () => {
    const p = project({ config: withFpc, survey: survey((area) => (area === 'Aby' ? '200' : '0.5')) });
    expectError(
      await figures(p),
      p,
      EXIT.config,
      'design.fpc mixes population sizes (above 1) and sampled fractions (below 1) in 2023. Give every stratum its population size (its number of PSUs, or of pupils without design.cluster), or every stratum its sampled fraction',
    );
  });

  it('a population smaller than its sample', async () => {
    const p = project({ config: withFpc, survey: survey((area) => (area === 'Aby' ? '200' : '10')) });
    expectError(
      await figures(p),
      p,
      EXIT.config,
      'design.fpc says stratum "Bby" in 2023 has a population of 10 but the data has 12 sampled units in it. design.fpc is the population size of the stratum in the same units as the sample (PSUs with design.cluster, pupils without), or its sampled fraction',
    );
  });

  it('a census stratum with one PSU does not fail under lonely_psu: fail, and has no variance', async () => {
    const cluster = (c: string) => withFpc(c).replace('  fpc: fpc', '  fpc: fpc\n  cluster: skola');
    const rows = survey((area) => (area === 'Aby' ? '3' : '1')).split('\n');
    // Aby: three schools of three; Bby: its one school.
    const data = [`${rows[0]},skola`, ...rows.slice(1, -1).map((r, i) => `${r},${r.startsWith('Aby') ? `S${i % 3}` : 'B1'}`), ''].join('\n');
    const p = project({ config: cluster, survey: data });
    const run = await figures(p);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(EXIT.ok);
    const [header, ...lines] = readFileSync(join(p.out, 'figures.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (name: string) => header!.indexOf(name);
    const bby = lines.find((r) => r[col('kind')] === 'estimate' && r[col('area')] === 'Bby' && r[col('group')] === 'total' && r[col('indicator')] === 'slagen')!;
    expect(Number(bby[col('se')])).toBe(0);
    // Without the fpc the same design stops at Bby's lonely school.
    writeFileSync(p.config, readFileSync(p.config, 'utf8').replace('  fpc: fpc\n', ''));
    const lonely = await runCli(['figures', p.data, '-c', p.config, '-o', join(p.dir, 'out2')]);
    expect(lonely.code).toBe(EXIT.config);
    expect(lonely.stderr).toContain('stratum "Bby" has only one PSU');
  });
});

describe('the bundled example', () => {
  it('`lagesbild example` copies the population file, and the figures in that folder have response rates', async () => {
    const dir = tempDir('lagesbild-example-');
    const copy = await runBuilt(['example', join(dir, 'mitt-test')]);
    expect(copy.code, copy.stderr).toBe(EXIT.ok);
    const cwd = join(dir, 'mitt-test');
    const run = await runBuilt(['figures', ...['2019', '2021', '2023'].map((y) => `data/enkat-${y}.csv`), '-o', 'ut'], {}, cwd);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(responseRows(join(cwd, 'ut', 'figures.csv'))).toContain(`Lövåsen 2023 total 25 29 ${25 / 29} `);
  });
});

describe('in Swedish (LC_ALL=sv_SE.UTF-8)', () => {
  it.each([
    [
      'counts missing',
      POPULATION.replace('Aby;2023;F;gy2;25\r\n', ''),
      EXIT.config,
      'POP: elevantal saknas för en grupp med svarande: Aby 2023 F gy2 (20 svarande). Lägg till en rad för var och en i filen med elevantal (t.ex. "Aby;2023;F;gy2;<antal elever>"), eller kontrollera att kommun, år, kön och årskurs är skrivna som i enkätdata',
    ],
    ['a code that is not in groups', POPULATION.replace('Aby;2023;P;9', 'Aby;2023;Pojkar;9'), EXIT.data, 'POP:3:3: gender: "Pojkar" är inget värde för kön. Använd koderna under groups i konfigurationen: F, P'],
  ])('%s', async (_name, population, exit, line) => {
    const p = project({ population });
    const run = await runCli(['figures', p.data, '-c', p.config, '-o', p.out], 'sv_SE.UTF-8');
    expect(run.stderr).toBe(`fel: ${line.replace(/^POP/, join(p.dir, 'befolkning.csv'))}\n`);
    expect(run.code).toBe(exit);
  });
});
