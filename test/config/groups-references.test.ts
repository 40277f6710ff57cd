// The config keys of issue 16: groups.extra, associations and references, with their checks,
// and the reference file reader's one-line errors (file, line, column, what to do).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ConfigError, DataError, type LagesbildError } from '../../src/errors.js';
import { loadReferences } from '../../src/references/load.js';
import { configErrorOf } from './config-error.js';
import { MINI_CONFIG, tempDir, writeFile } from '../fixtures/mini-project.js';

const EXTRA = `
  extra:
    - id: fodelseland
      column: fodd
      label: Födelseland
      values: [{ code: S, label: Född i Sverige }, { code: U, label: Född utomlands }]
      missing: ["", "Vet inte"]`;

const withExtra = (extra = EXTRA) => MINI_CONFIG.replace(/(\n  grade:\n(?:    .*\n|      .*\n)+)/, `$1${extra.slice(1)}\n`);


describe('groups.extra, associations and references in the config', () => {
  it('reads an extra breakdown with defaults', () => {
    const c = parseConfig(withExtra(), 'lagesbild.yaml');
    expect(c.groups.extra).toHaveLength(1);
    expect(c.groups.extra[0]!.values.map((v) => [v.code, v.report])).toEqual([
      ['S', true],
      ['U', true],
    ]);
    expect(c.groups.extra[0]!.missing).toEqual(['', 'Vet inte']);
    expect(c.associations.outcomes).toBeUndefined();
    expect(c.references).toEqual([]);
  });

  it('refuses an id that is taken, and the same id twice', () => {
    expect(configErrorOf(withExtra(EXTRA.replace('id: fodelseland', 'id: grade'))).toLine()).toMatch(
      /^lagesbild\.yaml:\d+:\d+: groups\.extra\[0\]\.id: gender, grade, total and all are taken; choose another id$/,
    );
    const twice = `${EXTRA}\n${EXTRA.split('\n').slice(2).join('\n')}`;
    expect(configErrorOf(withExtra(twice)).toLine()).toMatch(/groups\.extra\[1\]\.id: the breakdown id "fodelseland" is used twice \(also groups\.extra\[0\]\)\. Give every breakdown its own id$/);
    expect(configErrorOf(withExtra(EXTRA.replace('code: U', 'code: S'))).toLine()).toMatch(
      /^lagesbild\.yaml:\d+:\d+: groups\.extra\[0\]\.values: two values of fodelseland have the code "S"\. Give each value its own code \(the answer as it is in the data\)$/,
    );
  });

  it('checks that association outcomes are indicators, and reference labels are unique', () => {
    expect(configErrorOf(`${MINI_CONFIG}\nassociations: { outcomes: [slagen, slagne] }\n`).toLine()).toMatch(
      /associations\.outcomes\[1\]: unknown indicator "slagne"\. Use the id of an indicator in this file$/,
    );
    const refs = `${MINI_CONFIG}\nreferences:\n  - { label: Riket, source: A, file: a.csv }\n  - { label: Riket, source: B, file: b.csv }\n`;
    expect(configErrorOf(refs).toLine()).toMatch(/references\[1\]\.label: the reference label "Riket" is used twice \(also references\[0\]\)/);
  });

  it('keeps aspect to the utsatthet chapter', () => {
    const text = MINI_CONFIG.replace('chapter: utsatthet\n    form: fysiskt', 'chapter: otrygghet\n    aspect: plats');
    expect(configErrorOf(text).toLine()).toMatch(/indicators\[0\]\.aspect: aspect \(plats, foljder, berattat\) belongs to the utsatthet chapter\. Set chapter: utsatthet, or remove aspect$/);
  });
});

describe('reference files', () => {
  const config = (file: string, unit = '') =>
    parseConfig(`${withExtra()}\nreferences:\n  - { label: Riket (fiktiv), source: Påhittad, file: ${file}${unit} }\n`, 'lagesbild.yaml');

  async function load(content: string, unit = ''): Promise<ReturnType<typeof loadReferences>> {
    const dir = tempDir();
    writeFile(dir, 'ref.csv', content);
    return loadReferences(config('ref.csv', unit), `${dir}/lagesbild.yaml`);
  }

  async function failure(content: string, unit = ''): Promise<string> {
    try {
      await load(content, unit);
    } catch (err) {
      expect(err).toBeInstanceOf(DataError);
      return (err as LagesbildError).toLine().replace(/^.*ref\.csv/, 'ref.csv');
    }
    throw new Error('expected an error');
  }

  it('reads percentages with decimal commas, spaces in n, and groups of the extra breakdowns', async () => {
    const rows = await load('indicator;year;group;estimate;ci_lower;ci_upper;n\nslagen;2023;total;12,5;10,1;15,0;4 210\nslagen;2023;gender=F;14;;;\nslagen;2022;fodelseland=U;20,0;;;800\n');
    expect(rows).toEqual([
      { set: 0, indicator: 'slagen', year: 2023, group: 'total', estimate: 0.125, ciLower: 0.101, ciUpper: 0.15, n: 4210 },
      { set: 0, indicator: 'slagen', year: 2023, group: 'gender=F', estimate: 0.14, ciLower: null, ciUpper: null, n: null },
      { set: 0, indicator: 'slagen', year: 2022, group: 'fodelseland=U', estimate: 0.2, ciLower: null, ciUpper: null, n: 800 },
    ]);
  });

  it('names file, line and column of what is wrong', async () => {
    const head = 'indicator,year,group,estimate\n';
    expect(await failure('indicator,year,estimate\nslagen,2023,12\n')).toBe(
      'ref.csv:1: the reference file has no column group. The first line names the columns: indicator, year, group, estimate (and optionally ci_lower, ci_upper, n)',
    );
    expect(await failure(`${head}slagen,2023,total,12\nslagne,2023,total,12\n`)).toBe(
      'ref.csv:3:1: indicator: "slagne" is not an indicator id of the config. Use the ids under indicators in lagesbild.yaml (e.g. fysiskt_vald)',
    );
    expect(await failure(`${head}slagen,2023,gender=Q,12\n`)).toBe(
      'ref.csv:2:3: group: "gender=Q" is not a group of the config. Use total, or a group key such as gender=F or gender=P',
    );
    expect(await failure(`${head}slagen,2023,total,120\n`)).toBe(
      'ref.csv:2:4: estimate: 120 is outside 0–100. Shares are in percent (0–100); set unit: proportion for shares between 0 and 1',
    );
    expect(await failure(`${head}slagen,2023,total,0.12\nslagen,2023,gender=F,0.15\n`)).toBe(
      'ref.csv: every estimate of Riket (fiktiv) is at most 1, so they look like proportions, not percentages. Set references[0].unit: proportion, or write the values in percent',
    );
    expect(await failure(`${head}slagen,2023,total,12\nslagen,2023,total,13\n`)).toBe(
      'ref.csv:3: slagen, 2023, total is also on line 2. Give each indicator, year and group one row',
    );
    expect(await failure('indicator;year;group;estimate;ci_lower;ci_upper\nslagen;2023;total;12;13;15\n')).toBe(
      'ref.csv:2:4: estimate: the estimate is not inside its interval. Check that ci_lower ≤ estimate ≤ ci_upper',
    );
  });

  it('proportions with unit: proportion', async () => {
    const rows = await load('indicator,year,group,estimate\nslagen,2023,total,0.12\n', ', unit: proportion');
    expect(rows[0]!.estimate).toBe(0.12);
  });

  it('percentages written with a per cent sign, as tables write them; in a file of proportions the sign says the unit is wrong', async () => {
    const rows = await load('indicator;year;group;estimate;ci_lower;ci_upper\nslagen;2023;total;12,5 %;10,1%;15,0 %\n');
    expect(rows[0]).toMatchObject({ estimate: 0.125, ciLower: 0.101, ciUpper: 0.15 });
    expect(await failure('indicator;year;group;estimate\nslagen;2023;total;12,5 %\n', ', unit: proportion')).toBe(
      'ref.csv:2:4: estimate: "12,5 %" is not a number. The file writes percentages: give this reference set unit: percent in the config',
    );
  });

  it('a missing file is a config error naming the key', async () => {
    const dir = tempDir();
    const error = await loadReferences(config('saknas.csv'), `${dir}/lagesbild.yaml`).catch((e: LagesbildError) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as LagesbildError).toLine()).toBe(`${dir}/lagesbild.yaml: references[0].file: the reference file saknas.csv does not exist. The path is relative to the config file`);
  });
});
