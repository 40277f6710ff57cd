// The benchmark data sets, generated on first use into bench/.data (git-ignored) and reused
// while the generator, the example config and the parameters stay the same.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { areaNames, widenConfig, writeSurvey, zipfSizes } from './generate.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA = join(ROOT, 'bench', '.data');
/** The built CLI, and its environment in every run: fixed report date, no colour or progress bars. */
export const CLI = join(ROOT, 'bin', 'lagesbild.js');
export const CLI_ENV = { SOURCE_DATE_EPOCH: '1717200000', NO_COLOR: '1', CI: '1' };
export const EXAMPLE_CONFIG = join(ROOT, 'examples', 'norrbacka', 'lagesbild.yaml');
export const EXAMPLE_FILES = [2019, 2021, 2023].map((y) => join(ROOT, 'examples', 'norrbacka', 'data', `enkat-${y}.csv`));
export const WAVES = [2019, 2021, 2023];

/** The example's 23 indicators plus this many clones: 40 in all. */
const EXTRA_INDICATORS = 17;
const MUNICIPALITIES = 50;

function stamp(params) {
  const h = createHash('sha256');
  h.update(readFileSync(new URL('./generate.js', import.meta.url)));
  h.update(readFileSync(new URL(import.meta.url)));
  h.update(readFileSync(EXAMPLE_CONFIG));
  h.update(JSON.stringify(params));
  return h.digest('hex').slice(0, 16);
}

/** Run `make(dir)` unless `dir` already holds the output of the same stamp. */
function cached(dir, params, make) {
  const file = join(dir, '.stamp');
  const want = stamp(params);
  if (existsSync(file) && readFileSync(file, 'utf8') === want) return false;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  make(dir);
  writeFileSync(file, want);
  return true;
}

/**
 * The example's config for generated data: without `population` (the generated municipalities
 * have no population counts), and with the files it names (reference values, own texts, other
 * sources) by their place in the example, so that the config can be written beside the data.
 */
function exampleRaw() {
  const { population, ...raw } = parse(readFileSync(EXAMPLE_CONFIG, 'utf8'));
  const beside = (file) => resolve(dirname(EXAMPLE_CONFIG), file);
  for (const ref of raw.references ?? []) ref.file = beside(ref.file);
  for (const text of Object.values(raw.texts ?? {})) if (text.file) text.file = beside(text.file);
  for (const source of raw.sources ?? []) if (source.file) source.file = beside(source.file);
  return raw;
}

/**
 * One CSV of `rows` respondents × 40 indicators, 50 municipalities (a few large, many
 * small), 3 waves, value texts; and its config (JSON, which the YAML loader reads).
 */
export function bigSurvey(rows, log) {
  const dir = join(DATA, `survey-${rows}`);
  const config = join(dir, 'lagesbild.json');
  const file = join(dir, 'survey.csv');
  const made = cached(dir, { rows, EXTRA_INDICATORS, MUNICIPALITIES }, () => {
    log(`generating ${rows.toLocaleString('en')} respondents → ${file}`);
    const raw = widenConfig(exampleRaw(), EXTRA_INDICATORS, 'Bänkens län');
    writeFileSync(config, JSON.stringify(raw, null, 1));
    const areas = areaNames(MUNICIPALITIES);
    const perWave = zipfSizes(rows, WAVES.length).map((n) => zipfSizes(n, MUNICIPALITIES));
    writeSurvey(file, raw, { areas, sizes: areas.map((_, a) => perWave.map((w) => w[a])), waves: WAVES, coded: [], seed: 1 });
  });
  if (!made) log(`reusing ${file}`);
  return { file, config, rows, indicators: 23 + EXTRA_INDICATORS, bytes: statSync(file).size };
}

/** A whole country: every municipality, ten waves, 60 indicators (issue 13: memory follows cells, not rows). */
export const COUNTRY = { municipalities: 290, waves: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023], indicators: 60, rowsPerWave: 20_000 };

/**
 * One CSV of the whole country (COUNTRY): 290 municipalities of 10 to 600 respondents per
 * wave, ten waves, 60 indicators; and its config.
 */
export function countrySurvey(log) {
  const { municipalities, waves, indicators, rowsPerWave } = COUNTRY;
  const dir = join(DATA, 'country');
  const config = join(dir, 'lagesbild.json');
  const file = join(dir, 'survey.csv');
  const made = cached(dir, COUNTRY, () => {
    log(`generating a country of ${municipalities} municipalities × ${waves.length} waves → ${file}`);
    const raw = widenConfig(exampleRaw(), indicators - 23, 'Riket');
    writeFileSync(config, JSON.stringify(raw, null, 1));
    const areas = areaNames(municipalities);
    const perWave = waves.map(() => zipfSizes(rowsPerWave - 10 * municipalities, municipalities).map((n) => n + 10));
    writeSurvey(file, raw, { areas, sizes: areas.map((_, a) => perWave.map((w) => w[a])), waves, coded: [], seed: 7 });
  });
  if (!made) log(`reusing ${file}`);
  return { file, config, rows: rowsPerWave * waves.length, municipalities, waves: waves.length, indicators, bytes: statSync(file).size };
}

/**
 * A county of `n` municipalities × 3 waves with the example's config and columns: one file
 * per wave (the first with value codes, like the example), school-sized municipalities of
 * about 50 to 1 500 pupils per wave.
 */
export function county(n, log) {
  const dir = join(DATA, `county-${n}`);
  const files = WAVES.map((y) => join(dir, `enkat-${y}.csv`));
  const config = join(dir, 'lagesbild.json');
  const made = cached(dir, { n }, () => {
    log(`generating a county of ${n} municipalities → ${dir}`);
    const raw = exampleRaw();
    writeFileSync(config, JSON.stringify(raw, null, 1));
    const areas = areaNames(n);
    const sizes = areas.map((_, i) => WAVES.map((_, w) => Math.round(50 + 1450 / (i + 1) ** 0.9 + 10 * w)));
    WAVES.forEach((year, w) => {
      const oneWave = sizes.map((s) => [s[w]]);
      writeSurvey(files[w], raw, { areas, sizes: oneWave, waves: [year], coded: w === 0 ? [year] : [], seed: 100 + w });
    });
  });
  if (!made) log(`reusing ${dir}`);
  const areas = areaNames(n);
  return { files, config, areas, rows: files.reduce((s, f) => s + countLines(f) - 1, 0) };
}

function countLines(file) {
  const buf = readFileSync(file);
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}
