// Cells disclosure control hides are not estimated (their records carry the base and the
// reason only), except in a wave where an estimate could fail or lack a variance: there they
// are computed as before, so that lonely_psu's error and warnings are unchanged.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { shownEstimate } from '../../src/analysis/units.js';
import type { EstimateRecord, FiguresTable } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { render } from '../../src/messages/index.js';
import { referencePath } from '../stats/reference-data.js';

const DESIGNS = {
  // Every stratum has many PSUs (rows): no estimate can fail.
  stratified: '{ weight: vikt, strata: stratum }',
  // Cedby's schools are one PSU each in their stratum: lonely.
  lonely: '{ weight: vikt, strata: kommun, cluster: skola_l, lonely_psu: average }',
};

function config(design: string, minBase: number): string {
  return `
project: { county: Länet, source: test }
columns: { area: kommun, year: ar }
design: ${design}
statistics: { ci_method: wilson }
disclosure: { min_base: ${minBase}, caution_base: 1, max_small_count: 0, secondary: false }
groups:
  gender:
    column: kon
    label: Kön
    values: [{ code: F, label: Flickor }, { code: M, label: Pojkar }]
  grade:
    column: arskurs
    label: Årskurs
    values: [{ code: "7", label: Åk 7 }, { code: "9", label: Åk 9 }]
answer_scales:
  y01: { yes: ["1"], no: ["0"], missing: [""] }
indicators:
  - { id: y1, label: y1, chapter: utsatthet, column: y1, answers: y01 }
  - { id: y2, label: y2, chapter: utsatthet, column: y2, answers: y01 }
  - { id: y3, label: y3, chapter: utsatthet, column: y3, answers: y01 }
`;
}

async function run(design: keyof typeof DESIGNS, minBase: number): Promise<{ table: FiguresTable; lonely: boolean[] }> {
  const cfg = parseConfig(config(DESIGNS[design], minBase), 'hidden.yaml');
  const { sums } = await ingestFiles([referencePath('survey-waves.csv')], cfg);
  return { table: computeFigures(sums, cfg), lonely: sums.years.map((y) => sums.hasLonelyStratum([y])) };
}

const estimates = (t: FiguresTable) => t.records.filter((r): r is EstimateRecord => r.kind === 'estimate');
const key = (r: EstimateRecord) => `${r.indicator} ${r.area} ${r.year} ${r.group}`;

describe('hidden cells', () => {
  it('a hidden cell has the base every estimate of it would have, and nothing else; shown cells are as when nothing is hidden', async () => {
    const all = await run('stratified', 1);
    const some = await run('stratified', 40);
    expect(some.lonely).toEqual([false, false, false]);
    const full = new Map(estimates(all.table).map((r) => [key(r), r]));
    const hidden = estimates(some.table).filter((r) => r.suppressed);
    const shown = estimates(some.table).filter((r) => !r.suppressed);
    // The data leave both kinds, in every wave.
    expect(new Set(hidden.map((r) => r.year))).toEqual(new Set([2019, 2021, 2023]));
    expect(shown.length).toBeGreaterThan(10);
    for (const r of hidden) {
      expect(r, key(r)).toEqual({
        ...full.get(key(r))!,
        x: null,
        estimate: null,
        se: null,
        ci_lower: null,
        ci_upper: null,
        ci_method: null,
        df: null,
        deff: null,
        n_eff: null,
        suppressed: true,
        suppression: 'base',
      });
    }
    for (const r of shown) expect(r, key(r)).toEqual(full.get(key(r)));
  });

  it('in a wave with a lonely stratum hidden cells are still estimated: the same warnings as with nothing hidden', async () => {
    const all = await run('lonely', 1);
    const some = await run('lonely', 40);
    expect(some.lonely).toEqual([true, true, true]);
    const lonelyWarnings = (t: FiguresTable) => t.warnings.filter((w) => w.id === 'warning.lonelyDomain').map((w) => render(w, 'en'));
    expect(lonelyWarnings(all.table).length).toBeGreaterThan(0);
    // Cedby's cells are all hidden at a base of 40, and still named.
    expect(estimates(some.table).filter((r) => r.area === 'Cedby').every((r) => r.suppressed)).toBe(true);
    expect(lonelyWarnings(some.table)).toEqual(lonelyWarnings(all.table));
  });

  it('a hidden cell’s estimate is not read', () => {
    const record = { kind: 'estimate', indicator: 'y1', area: 'Alby', group: 'total', suppressed: true } as EstimateRecord;
    expect(() => shownEstimate({ record, est: null })).toThrow('figures: y1, Alby, total is hidden; its estimate is not read');
  });
});
