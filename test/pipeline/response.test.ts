// Response records (config `population`): respondents of every group against its pupils,
// counted here from the files themselves; their disclosure control (primary and secondary:
// no hidden number of respondents can be worked out from the published ones); and the
// warnings about the population file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { FiguresTable, ResponseRecord } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { recoverableCells, type DisclosureCell, type DisclosureRelation } from '../../src/stats/index.js';
import { csv, MINI_CONFIG, MINI_HEADER, tempDir, writeFile } from '../fixtures/mini-project.js';
import { referencePath } from '../stats/reference-data.js';
import { render } from '../../src/messages/index.js';
import { populationFigures } from './population-reference.js';

const responses = (t: FiguresTable) => t.records.filter((r): r is ResponseRecord => r.kind === 'response');

describe('response records on the reference survey', () => {
  it('every area (the county included) × wave × group: all respondents of the group, the pupils of its cells, the rate', async () => {
    const table = await populationFigures('ps_clustered');
    const [header, ...rows] = readFileSync(referencePath('population-waves.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (name: string) => header!.indexOf(name);
    const counts = new TextDecoder('windows-1252')
      .decode(readFileSync(referencePath('population-counts.csv')))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(';'));
    const areas: Record<string, string[]> = { Älvby: ['Älvby'], Bro: ['Bro'], Cedby: ['Cedby'], Reflän: ['Älvby', 'Bro', 'Cedby'] };
    const groups: Record<string, { g: string[]; k: string[] }> = { total: { g: ['F', 'M'], k: ['7', '9'] } };
    for (const g of ['F', 'M']) groups[`gender=${g}`] = { g: [g], k: ['7', '9'] };
    for (const k of ['7', '9']) groups[`grade=${k}`] = { g: ['F', 'M'], k: [k] };
    for (const g of ['F', 'M']) for (const k of ['7', '9']) groups[`gender=${g};grade=${k}`] = { g: [g], k: [k] };
    const expected: string[] = [];
    for (const [area, members] of Object.entries(areas)) {
      for (const year of ['2019', '2021', '2023']) {
        for (const [key, { g, k }] of Object.entries(groups)) {
          const inGroup = (a: string, y: string, gender: string, grade: string) => members.includes(a) && y === year && g.includes(gender) && k.includes(grade);
          const n = rows.filter((r) => inGroup(r[col('kommun')]!, r[col('ar')]!, r[col('kon')]!, r[col('arskurs')]!)).length;
          const pupils = counts.filter(([a, y, gender, grade]) => inGroup(a!, y!, gender!, grade!)).reduce((s, c) => s + Number(c[4]), 0);
          expected.push(`${area} ${year} ${key} ${n} ${pupils} ${n / pupils}`);
        }
      }
    }
    const actual = responses(table).map((r) => `${r.area} ${r.year} ${r.group} ${r.n} ${r.population} ${r.rate}`);
    expect(actual.sort()).toEqual(expected.sort());
    // Cedby's Åk 9 of 2019: pupils, nobody answered.
    expect(actual).toContain('Cedby 2019 grade=9 0 42 0');
  });

  it('post-stratified: a warning names the cells nobody represents', async () => {
    const table = await populationFigures('ps_clustered');
    expect(table.warnings.map((w) => render(w, 'en'))).toContain(
      `Cedby 2019 F 9: nobody answered among the 21 pupils ${referencePath('population-counts.csv')} counts, so post-stratification cannot weight them up; the municipality's figures describe its other groups`,
    );
  });
});

/** Two municipalities of 2023: a mini project with a population file. */
async function miniFigures(cells: [area: string, gender: string, grade: string, respondents: number, pupils: number][]): Promise<FiguresTable> {
  const dir = tempDir('lagesbild-response-');
  const rows: (string | number)[][] = [];
  for (const [area, gender, grade, n] of cells) for (let i = 0; i < n; i++) rows.push([area, 2023, gender, grade, 1, i % 3 === 0 ? 1 : 2, 2]);
  const data = writeFile(dir, 'enkat.csv', csv([MINI_HEADER, ...rows]));
  writeFile(dir, 'befolkning.csv', csv([['area', 'year', 'gender', 'grade', 'count'], ...cells.map(([a, g, k, , pupils]) => [a, 2023, g, k, pupils])]));
  const configPath = join(dir, 'lagesbild.yaml');
  const config = parseConfig(`${MINI_CONFIG}\npopulation: { file: befolkning.csv }\n`, configPath);
  const { sums } = await ingestFiles([data], config, { configPath });
  return computeFigures(sums, config);
}

describe('disclosure of response', () => {
  const CELLS: [string, string, string, number, number][] = [
    ['Aby', 'F', '9', 40, 50],
    ['Aby', 'P', '9', 30, 31], // one pupil did not answer
    ['Aby', 'F', 'gy2', 20, 25],
    ['Aby', 'P', 'gy2', 22, 40],
    ['Bby', 'F', '9', 12, 15],
    ['Bby', 'P', '9', 3, 6], // six pupils
    ['Cby', 'F', '9', 2, 30], // two answered
    ['Cby', 'P', '9', 25, 28],
  ];

  it('primary: a group of fewer than min_base pupils, 1–2 respondents, 1–2 non-respondents', async () => {
    const table = await miniFigures(CELLS);
    const get = (area: string, group: string) => responses(table).find((r) => r.area === area && r.group === group)!;
    expect(get('Aby', 'gender=P;grade=9')).toMatchObject({ n: null, rate: null, population: 31, suppressed: true, suppression: 'complement' });
    expect(get('Bby', 'gender=P;grade=9')).toMatchObject({ n: null, rate: null, population: 6, suppressed: true, suppression: 'base' });
    expect(get('Bby', 'gender=P')).toMatchObject({ n: null, rate: null, population: 6, suppressed: true, suppression: 'base' });
    expect(get('Cby', 'gender=F')).toMatchObject({ n: null, rate: null, population: 30, suppressed: true, suppression: 'count' });
    expect(get('Aby', 'gender=F')).toMatchObject({ n: 60, rate: 0.8, population: 75, suppressed: false, suppression: null });
  });

  it('secondary: no hidden number of respondents can be worked out from totals and parts', async () => {
    const table = await miniFigures(CELLS);
    const recs = responses(table);
    const hidden = recs.filter((r) => r.suppressed);
    expect(hidden.some((r) => r.suppression === 'secondary')).toBe(true);
    // What a reader has: every published n, and the additive relations of the table.
    const key = (area: string, group: string) => `${area}|${group}`;
    const cells: DisclosureCell[] = recs.map((r) => ({ key: key(r.area, r.group), n: r.population, x: r.n ?? 0, published: true }));
    const relations: DisclosureRelation[] = [];
    const groupsOf = (area: string) => new Set(recs.filter((r) => r.area === area).map((r) => r.group));
    for (const area of ['Aby', 'Bby', 'Cby', 'Testlän']) {
      const has = groupsOf(area);
      const rel = (total: string, parts: string[]) => relations.push({ total: key(area, total), parts: parts.filter((p) => has.has(p)).map((p) => key(area, p)) });
      rel('total', ['gender=F', 'gender=P']);
      if (has.has('grade=gy2')) rel('total', ['grade=9', 'grade=gy2']);
      for (const g of ['F', 'P']) rel(`gender=${g}`, [`gender=${g};grade=9`, `gender=${g};grade=gy2`]);
      for (const k of ['9', 'gy2']) if (has.has(`grade=${k}`)) rel(`grade=${k}`, [`gender=F;grade=${k}`, `gender=P;grade=${k}`]);
    }
    for (const group of groupsOf('Testlän')) relations.push({ total: key('Testlän', group), parts: ['Aby', 'Bby', 'Cby'].filter((a) => groupsOf(a).has(group)).map((a) => key(a, group)) });
    expect(recoverableCells(cells, relations, hidden.map((r) => key(r.area, r.group)))).toEqual([]);
    for (const r of hidden) expect([r.n, r.rate]).toEqual([null, null]);
  });

  it('more respondents than pupils: a warning (counts of another date or school year?)', async () => {
    const table = await miniFigures([
      ['Aby', 'F', '9', 40, 35],
      ['Aby', 'P', '9', 30, 40],
    ]);
    expect(responses(table).find((r) => r.group === 'gender=F;grade=9' && r.area === 'Aby')!.rate).toBeCloseTo(40 / 35, 12);
    // Named by the cell of the population file, once (not again for each group and the county it is in).
    const warnings = table.warnings.map((w) => render(w, 'en')).filter((w) => w.includes('pupils in'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Aby 2023 F 9: 40 respondents but 35 pupils in \/.*\/befolkning\.csv; check that the counts are of the same year and school years as the survey$/);
  });
});
