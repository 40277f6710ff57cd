// Finite population correction and post-stratification against R (population.R): the survey
// CSV, a config and the population file (Windows-1252, semicolons, Swedish headers) through
// ingest → accumulator → figures. Every estimate (n, x, p̂, SE, df, deff, Kish n_eff and the
// interval of each ci_method), every comparison and trend, and q, to 1e-8.
import { describe, expect, it } from 'vitest';
import type { ChangeRecord, EstimateRecord, FiguresTable, TrendRecord } from '../../src/analysis/types.js';
import type { CiMethod } from '../../src/config/schema.js';
import { expectedPopulation, type PopulationDesign } from '../stats/reference-data.js';
import { POPULATION_DESIGNS, populationFigures } from './population-reference.js';

const TOL = 1e-8;
const ref = expectedPopulation();

/** Differences beyond TOL, collected (a few hundred expect() calls per record would be slow). */
class Diffs {
  readonly list: string[] = [];
  close(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
    if (expected === null || expected === undefined) {
      if (actual !== null && actual !== undefined) this.list.push(`${what}: expected none, got ${actual}`);
      return;
    }
    if (actual === null || actual === undefined || !(Math.abs(actual - expected) < TOL)) this.list.push(`${what}: expected ${expected}, got ${actual}`);
  }
  equal(actual: unknown, expected: unknown, what: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) this.list.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

const atBound = (e: { n: number; x: number }) => e.x === 0 || e.x === e.n;

const METHODS: CiMethod[] = ['wilson', 'beta', 'logit', 'xlogit', 'asin', 'mean'];

describe.each(Object.keys(POPULATION_DESIGNS) as PopulationDesign[])('%s through the pipeline', (design) => {
  const expected = ref.designs[design];
  let table: FiguresTable;

  it('every estimate equals R: n, x, p̂, SE, df, deff, Kish n_eff and the Wilson interval', async () => {
    table = await populationFigures(design);
    const diffs = new Diffs();
    const byKey = new Map(
      table.records.filter((r): r is EstimateRecord => r.kind === 'estimate').map((r) => [`${r.indicator} ${r.area} ${r.year} ${r.group}`, r]),
    );
    for (const e of expected.estimates) {
      const what = `${e.indicator} ${e.area} ${e.year} ${e.group}`;
      const rec = byKey.get(what);
      if (!rec) {
        diffs.list.push(`${what}: missing`);
        continue;
      }
      diffs.equal([rec.n, rec.x], [e.n, e.x], `${what} n, x`);
      diffs.close(rec.estimate, e.estimate, `${what} estimate`);
      diffs.close(rec.se, e.se, `${what} se`);
      diffs.equal(rec.df, e.df, `${what} df`);
      diffs.close(rec.n_eff, e.n_eff, `${what} n_eff`);
      // At 0 or 1 R's variance is rounding noise (about 1e-17) and its deff a ratio of two such
      // noises: lagesbild has no deff there and uses its Clopper–Pearson rule.
      if (atBound(e)) {
        diffs.equal([rec.deff, rec.ci_method], [null, rec.df! >= 1 ? 'clopper-pearson' : null], `${what} at 0 or 1`);
        continue;
      }
      diffs.close(rec.deff, e.deff, `${what} deff`);
      if (e.se! > 0) {
        diffs.close(rec.ci_lower, e.wilson?.[0], `${what} ci_lower`);
        diffs.close(rec.ci_upper, e.wilson?.[1], `${what} ci_upper`);
      } else diffs.equal(rec.ci_method, rec.df! >= 1 ? 'clopper-pearson' : null, `${what} ci_method at se 0`);
    }
    expect(diffs.list.slice(0, 20)).toEqual([]);
    // Nothing more than R's domains.
    expect(byKey.size).toBe(expected.estimates.length);
  });

  it.each(METHODS.filter((m) => m !== 'wilson'))('the %s interval equals svyciprop on the design', async (method) => {
    const t = await populationFigures(design, method);
    const diffs = new Diffs();
    const byKey = new Map(t.records.filter((r): r is EstimateRecord => r.kind === 'estimate').map((r) => [`${r.indicator} ${r.area} ${r.year} ${r.group}`, r]));
    let compared = 0;
    for (const e of expected.estimates) {
      const ci = e[method];
      if (atBound(e) || !(e.se! > 0) || !ci) continue;
      const rec = byKey.get(`${e.indicator} ${e.area} ${e.year} ${e.group}`)!;
      diffs.close(rec.ci_lower, ci[0], `${e.indicator} ${e.area} ${e.year} ${e.group} ${method} lower`);
      diffs.close(rec.ci_upper, ci[1], `${e.indicator} ${e.area} ${e.year} ${e.group} ${method} upper`);
      diffs.equal(rec.ci_method, method, `${e.indicator} ${e.area} ${e.year} ${e.group} method`);
      compared++;
    }
    expect(diffs.list.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(250);
  });

  it('every comparison equals R: difference, interval and p (design contrast, independent waves or the 0/1 rule)', () => {
    const diffs = new Diffs();
    const changes = expected.records.filter((r) => r.kind === 'change');
    for (const r of changes) {
      const what = `${r.comparison} ${r.indicator} ${r.area} ${r.group}`;
      const rec = table.records.find(
        (x): x is ChangeRecord => x.kind === 'change' && x.comparison === r.comparison && x.indicator === r.indicator && x.area === r.area && x.group === r.group,
      );
      if (!rec) {
        diffs.list.push(`${what}: missing`);
        continue;
      }
      diffs.equal([rec.year_from, rec.from, rec.to, rec.suppressed], [r.year_from, r.from, r.to, false], what);
      diffs.close(rec.diff, r.diff, `${what} diff`);
      diffs.close(rec.diff_ci_lower, r.ci![0], `${what} lower`);
      diffs.close(rec.diff_ci_upper, r.ci![1], `${what} upper`);
      diffs.close(rec.p, r.p, `${what} p`);
      diffs.close(rec.q, r.q, `${what} q`);
    }
    expect(diffs.list.slice(0, 20)).toEqual([]);
    const extra = table.records.filter(
      (x): x is ChangeRecord =>
        x.kind === 'change' && !changes.some((r) => r.comparison === x.comparison && r.indicator === x.indicator && r.area === x.area && r.group === x.group),
    );
    expect(extra.map((x) => `${x.comparison} ${x.indicator} ${x.area} ${x.group}`)).toEqual([]);
  });

  it('every trend equals the converged svyglm: odds ratio, interval, p and q', () => {
    const diffs = new Diffs();
    const trends = expected.records.filter((r) => r.kind === 'trend');
    expect(trends.length).toBe(table.records.filter((x) => x.kind === 'trend').length);
    let fitted = 0;
    for (const r of trends) {
      const what = `trend ${r.indicator} ${r.area} ${r.group}`;
      const rec = table.records.find((x): x is TrendRecord => x.kind === 'trend' && x.indicator === r.indicator && x.area === r.area && x.group === r.group);
      if (!rec) {
        diffs.list.push(`${what}: missing`);
        continue;
      }
      if (r.p === null) {
        diffs.equal(rec.p, null, `${what} p`);
        continue;
      }
      fitted++;
      diffs.close(rec.odds_ratio_per_year, r.odds_ratio, `${what} odds ratio`);
      // confint() is [0, Inf] at 1 df (see population.R): the t interval it means is or_ci_t.
      diffs.close(rec.or_ci_lower, r.or_ci_t![0], `${what} lower`);
      diffs.close(rec.or_ci_upper, r.or_ci_t![1], `${what} upper`);
      if (r.df! > 1) {
        diffs.close(rec.or_ci_lower, r.or_ci![0], `${what} confint lower`);
        diffs.close(rec.or_ci_upper, r.or_ci![1], `${what} confint upper`);
      }
      diffs.close(rec.p, r.p, `${what} p`);
      diffs.close(rec.q, r.q, `${what} q`);
    }
    expect(diffs.list.slice(0, 20)).toEqual([]);
    expect(fitted).toBeGreaterThan(40);
  });
});
