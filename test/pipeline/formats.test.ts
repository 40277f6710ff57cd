// The data as it arrives: the bundled example as SPSS (one file per wave, no year column, a
// labelled municipality code) and as one Excel sheet gives byte for byte the figures of the
// CSVs; one file per wave without a year column and one municipality without a municipality
// column give the figures of the combined file; Excel's "sep=;" files, standard input and
// globs; messages that name the Excel cell and the SPSS record.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { runCli } from '../bad-input/run-cli.js';
import { tempDir } from '../fixtures/mini-project.js';
import { dataFile, EXAMPLE_CONFIG_PATH, ROOT, WAVES } from '../examples/norrbacka.js';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const SAV = ['enkat-2019.sav', 'enkat-2021.sav', 'enkat-2023.zsav'].map((f) => join(FORMATS, 'example', f));
const XLSX = join(FORMATS, 'example', 'enkat-2019-2023.xlsx');
const CSVS = WAVES.map((y) => dataFile(y));

type RawConfig = Record<string, any>;
const exampleConfig = (): RawConfig => parseYaml(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8')) as RawConfig;

let dir: string;
/** The example CSVs' figures table: what every other form of the same data must give. */
let reference: string;

function writeConfig(name: string, edit: (c: RawConfig) => void): string {
  const c = exampleConfig();
  // The copy lives elsewhere: its population file and reference values are named from the example's folder.
  c.population.file = join(dirname(EXAMPLE_CONFIG_PATH), c.population.file);
  for (const r of c.references ?? []) r.file = join(dirname(EXAMPLE_CONFIG_PATH), r.file);
  edit(c);
  const path = join(dir, name);
  writeFileSync(path, stringifyYaml(c));
  return path;
}

/** `lagesbild figures` → the figures.csv it wrote (the run must succeed). */
async function figures(files: string[], config: string, ...flags: string[]): Promise<{ csv: string; stderr: string }> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const run = await runCli(['figures', ...files, '-c', config, '-o', out, ...flags]);
  expect(run.stderr.split('\n').filter((l) => l.startsWith('error')), run.stderr).toEqual([]);
  expect(run.code).toBe(EXIT.ok);
  return { csv: readFileSync(join(out, 'figures.csv'), 'utf8'), stderr: run.stderr };
}

/** The example CSVs, rewritten: rows filtered, columns dropped, files named as given. */
function rewrite(year: number, name: string, opts: { drop?: string[]; keep?: (row: Record<string, string>) => boolean; sep?: string } = {}): string {
  const rows = parseCsv(readFileSync(dataFile(year), 'utf8'), { columns: true }) as Record<string, string>[];
  const kept = rows.filter(opts.keep ?? (() => true)).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !(opts.drop ?? []).includes(k))));
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringifyCsv(kept, { header: true, delimiter: opts.sep ?? ',' }));
  return path;
}

beforeAll(async () => {
  dir = tempDir('lagesbild-formats-');
  reference = (await figures(CSVS, EXAMPLE_CONFIG_PATH)).csv;
  expect(reference.split('\n').length).toBeGreaterThan(7000);
});

describe('the example in other formats gives byte-identical figures', () => {
  it('SPSS, one file per wave without a year column (the year from each file name, said in the log)', async () => {
    const config = writeConfig('no-year.yaml', (c) => delete c.columns.year);
    const { csv, stderr } = await figures(SAV, config);
    expect(csv).toBe(reference);
    expect(stderr).toContain(`${SAV[0]}: survey year 2019 (from the file name)\n`);
    expect(stderr).toContain(`${SAV[2]}: survey year 2023 (from the file name)\n`);
  });

  it('SPSS with a config that names only the answer texts (the value labels), not the codes', async () => {
    const config = writeConfig('labels-only.yaml', (c) => {
      delete c.columns.year;
      const texts = (list: unknown[]) => list.filter((v) => typeof v === 'string' && !/^\d+$/.test(v));
      for (const scale of Object.values(c.answer_scales as Record<string, Record<string, unknown[]>>)) for (const k of ['yes', 'no', 'missing']) scale[k] = texts(scale[k]!);
      for (const g of [c.groups.gender, c.groups.grade, ...c.groups.extra]) for (const v of g.values) v.aliases = texts(v.aliases ?? []);
      for (const g of c.groups.extra) g.missing = texts(g.missing);
    });
    expect((await figures(SAV, config)).csv).toBe(reference);
  });

  it('Excel: the three waves in one sheet, saved by LibreOffice', async () => {
    expect((await figures([XLSX], EXAMPLE_CONFIG_PATH)).csv).toBe(reference);
  });
});

describe('data without a year or a municipality column', () => {
  it('one CSV per wave without a year column: the year from the file name, from the config, or from --year', async () => {
    const named = WAVES.map((y) => rewrite(y, `elevenkat-${y}.csv`, { drop: ['ar'] }));
    const noYear = writeConfig('no-year-csv.yaml', (c) => delete c.columns.year);
    expect((await figures(named, noYear)).csv).toBe(reference);

    const unnamed = WAVES.map((y, i) => rewrite(y, `omgang-${'abc'[i]}.csv`, { drop: ['ar'] }));
    const listed = writeConfig('year-by-file.yaml', (c) => {
      delete c.columns.year;
      c.columns.year_by_file = { 'omgang-a.csv': 2019, 'omgang-b.csv': 2021, 'omgang-c.csv': 2023 };
    });
    const { csv, stderr } = await figures(unnamed, listed);
    expect(csv).toBe(reference);
    expect(stderr).toContain(`${unnamed[1]}: survey year 2021 (from columns.year_by_file in the config)\n`);

    const single = await figures([unnamed[2]!], noYear, '--year', '2023');
    expect(single.csv).toBe((await figures([CSVS[2]!], EXAMPLE_CONFIG_PATH)).csv);
    expect(single.stderr).toContain(`${unnamed[2]}: survey year 2023 (from --year)\n`);
  });

  it('a file whose year is nowhere: one line that says the three ways to give it', async () => {
    const file = rewrite(2023, 'host.csv', { drop: ['ar'] });
    const noYear = writeConfig('no-year-2.yaml', (c) => delete c.columns.year);
    const run = await runCli(['figures', file, '-c', noYear, '-o', join(dir, 'never')]);
    expect(run.code).toBe(EXIT.config);
    expect(run.stderr).toBe(
      `error: ${file}: the survey year of ${file} is not known: the config names no year column and the file name holds no single four-digit year. Pass --year <year>, list the file under columns.year_by_file in the config, or name the file with its year (e.g. enkat-2023.csv)\n`,
    );
    const both = await runCli(['figures', CSVS[0]!, '-c', EXAMPLE_CONFIG_PATH, '--year', '2019', '-o', join(dir, 'never')]);
    expect(both.code).toBe(EXIT.usage);
    expect(both.stderr).toBe('error: --year is for data without a year column, but the config reads it from column "ar". Leave out --year, or remove columns.year from the config\n');
  });

  it('one municipality without a municipality column gives the figures of the same pupils with it', async () => {
    const angsby = (r: Record<string, string>) => r.kommun === 'Ängsby';
    const withArea = WAVES.map((y) => rewrite(y, `angsby-${y}.csv`, { keep: angsby }));
    const without = WAVES.map((y) => rewrite(y, `utan-kommun-${y}.csv`, { keep: angsby, drop: ['kommun'] }));
    const combined = (await figures(withArea, EXAMPLE_CONFIG_PATH)).csv;
    expect(combined).toContain('\nestimate,,fysiskt_vald,,Ängsby,2023,');
    const noArea = writeConfig('no-area.yaml', (c) => {
      delete c.columns.area;
      delete c.design.strata;
      c.project.area = 'Ängsby';
    });
    expect((await figures(without, noArea)).csv).toBe(combined);
    // Or named on the command line.
    const unnamed = writeConfig('no-area-2.yaml', (c) => {
      delete c.columns.area;
      delete c.design.strata;
    });
    expect((await figures(without, unnamed, '--area-name', 'Ängsby')).csv).toBe(combined);
    const run = await runCli(['figures', ...without, '-c', unnamed, '-o', join(dir, 'never')]);
    expect(run.code).toBe(EXIT.config);
    expect(run.stderr).toBe(
      `error: ${without[0]}: the config names no municipality column (columns.area) and no municipality. Add \`area: <name>\` under project in the config, or pass --area-name <name> (or name the column under columns.area)\n`,
    );
  });
});

describe('CSV as Excel writes it, standard input and globs', () => {
  it('a semicolon file with Excel\'s "sep=;" first line reads as the same file without it', async () => {
    const plain = rewrite(2023, 'semi-2023.csv', { sep: ';' });
    const withSep = join(dir, 'sep-2023.csv');
    writeFileSync(withSep, `sep=;\r\n${readFileSync(plain, 'utf8')}`);
    expect((await figures([withSep], EXAMPLE_CONFIG_PATH)).csv).toBe((await figures([CSVS[2]!], EXAMPLE_CONFIG_PATH)).csv);
  });

  it('"-" reads the data from standard input (the built CLI, data piped in)', async () => {
    const out = join(dir, 'stdin-out');
    // Asynchronous, so the test worker stays responsive while the child runs.
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'lagesbild.js'), 'figures', '-', '-c', EXAMPLE_CONFIG_PATH, '-o', out], {
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(readFileSync(XLSX));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe(`wrote ${join(out, 'figures.csv')} (18,750 figures)\n`);
    expect(code).toBe(EXIT.ok);
    expect(readFileSync(join(out, 'figures.csv'), 'utf8')).toBe(reference);
  });

  it('each glob form, quoted (expanded by lagesbild, the same for every command)', async () => {
    for (const y of WAVES) rewrite(y, `glob/${y}/Enkat-${y}.csv`);
    for (const pattern of [`${dir}/glob/**/*.csv`, `${dir}/glob/{2019,2021,2023}/Enkat-*.csv`, `${dir}/glob/20[12][139]/*.csv`]) {
      expect((await figures([pattern], EXAMPLE_CONFIG_PATH)).csv, pattern).toBe(reference);
      const run = await runCli(['validate', pattern, '-c', EXAMPLE_CONFIG_PATH, '--json']);
      expect(JSON.parse(run.stdout).files.map((f: { file: string }) => f.file.slice(dir.length + 1))).toEqual(WAVES.map((y) => `glob/${y}/Enkat-${y}.csv`));
    }
  });
});

describe('messages name the Excel cell and the SPSS record', () => {
  it('an answer the config does not know, in a sheet and in an SPSS file', async () => {
    const narrow = writeConfig('narrow.yaml', (c) => (c.answer_scales.frekvens.yes = ['Ja, en gång', 2]));
    const xlsx = await runCli(['figures', XLSX, '-c', narrow, '-o', join(dir, 'never')]);
    expect(xlsx.code).toBe(EXIT.data);
    expect(xlsx.stderr).toMatch(/^error: .*enkat-2019-2023\.xlsx:Blad1![G-Z]\d+: F\d+\w*: "3" is not an answer of \w+\. Expected one of: /);
    const narrowSav = writeConfig('narrow-sav.yaml', (c) => {
      delete c.columns.year;
      c.answer_scales.frekvens.yes = ['Ja, en gång', 2];
    });
    const sav = await runCli(['figures', ...SAV, '-c', narrowSav, '-o', join(dir, 'never')]);
    expect(sav.code).toBe(EXIT.data);
    expect(sav.stderr).toMatch(/^error: .*enkat-2019\.sav:record \d+: F\d+\w*: "3" is not an answer of \w+\. /);
  });
});
