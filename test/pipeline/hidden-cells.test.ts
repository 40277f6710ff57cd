// Cells disclosure control hides are not estimated (their records carry the base and the
// reason only), except in a wave where an estimate could fail or lack a variance: there they
// are computed as before, so that lonely_psu's error and warnings are unchanged.
import { describe, expect, it } from 'vitest';
import { shownEstimate } from '../../src/analysis/units.js';
import type { EstimateRecord, FiguresTable } from '../../src/analysis/types.js';
import { render } from '../../src/messages/index.js';
import type { ContrastDesign } from '../stats/reference-data.js';
import { surveyWavesFigures } from './survey-waves.js';

/** The reference survey's figures with cells under `minBase` hidden, and whether each wave has a lonely stratum. */
async function run(design: ContrastDesign, minBase: number): Promise<{ table: FiguresTable; lonely: boolean[] }> {
  const { table, sums } = await surveyWavesFigures(design, { minBase });
  return { table, lonely: sums.years.map((y) => sums.hasLonelyStratum([y])) };
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
