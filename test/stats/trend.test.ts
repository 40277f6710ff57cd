import { describe, expect, it } from 'vitest';
import { compareIndependent, isSignificant } from '../../src/stats/compare.js';
import { foldDomainSums, type DesignRow } from '../../src/stats/fold.js';
import { minimumDetectableChange } from '../../src/stats/mdc.js';
import { cochranArmitage, logisticTrend, type TrendWave } from '../../src/stats/trend.js';
import { expectedContrasts, expectedTrend } from './reference-data.js';

const TOL = 1e-8;
const ref = expectedTrend();

/** The reference counts expanded to respondents (weight 1, each its own PSU), one wave per year. */
function waves(stratum: (year: number) => string): TrendWave[] {
  return ref.years.map((year, i) => {
    const rows: DesignRow[] = Array.from({ length: ref.n[i]! }, (_, k) => ({
      stratum: stratum(year),
      psu: String(k),
      weight: 1,
      y: k < ref.x[i]! ? 1 : 0,
      inDomain: true,
    }));
    return { year, domain: foldDomainSums(rows) };
  });
}

describe('cochranArmitage = R prop.trend.test', () => {
  it('reproduces chisq, z and p', () => {
    const ca = cochranArmitage(ref.x, ref.n, ref.years)!;
    expect(Math.abs(ca.chisq - ref.cochran_armitage.chisq)).toBeLessThan(TOL);
    expect(Math.abs(ca.z - ref.cochran_armitage.z)).toBeLessThan(TOL);
    expect(Math.abs(ca.p - ref.cochran_armitage.p)).toBeLessThan(TOL);
  });

  it('has a negative z for a falling trend and is null without variation', () => {
    expect(cochranArmitage([...ref.x].reverse(), [...ref.n].reverse(), ref.years)!.z).toBeCloseTo(-ref.cochran_armitage.z, 10);
    expect(cochranArmitage([0, 0, 0], [10, 10, 10], [1, 2, 3])).toBeNull();
    expect(cochranArmitage([1, 2, 3], [10, 10, 10], [5, 5, 5])).toBeNull();
  });
});

describe('logisticTrend = R svyglm(quasibinomial, epsilon = 1e-12) on year', () => {
  // Converged references (contrasts.R); the shared expected-trend.json used glm's default
  // epsilon 1e-8, whose path-dependent last digits the converged fit no longer copies.
  const converged = expectedContrasts().trend_counts;

  it('one design for all years (ids=~1), shared stratum', () => {
    const r = converged.shared;
    const fit = logisticTrend(waves(() => 'all'), { level: 0.95, lonelyPsu: 'fail', strata: 'shared' })!;
    expect(Math.abs(fit.intercept - r.intercept)).toBeLessThan(TOL);
    expect(Math.abs(fit.slope - r.slope)).toBeLessThan(TOL);
    expect(Math.abs(fit.seSlope - r.se)).toBeLessThan(TOL);
    expect(Math.abs(fit.t - r.t)).toBeLessThan(TOL);
    expect(Math.abs(fit.p - r.p)).toBeLessThan(TOL);
    expect(Math.abs(fit.orLower - r.or_ci[0])).toBeLessThan(TOL);
    expect(Math.abs(fit.orUpper - r.or_ci[1])).toBeLessThan(TOL);
    expect(fit.df).toBe(r.df);
    expect(fit.oddsRatio).toBeCloseTo(Math.exp(r.slope), 12);
    // glm's default tolerance stops early: its values differ from the converged fit by ~5e-8.
    expect(Math.abs(fit.t - ref.svyglm_logit_year.t)).toBeLessThan(1e-6);
  });

  it('strata by year (the default: each wave its own sample)', () => {
    const r = converged.strata_by_year;
    const fit = logisticTrend(waves(() => 'all'), { level: 0.95, lonelyPsu: 'fail' })!;
    expect(Math.abs(fit.slope - r.slope)).toBeLessThan(TOL);
    expect(Math.abs(fit.seSlope - r.se)).toBeLessThan(TOL);
    expect(Math.abs(fit.t - r.t)).toBeLessThan(TOL);
    expect(Math.abs(fit.p - r.p)).toBeLessThan(TOL);
    expect(Math.abs(fit.orLower - r.or_ci[0])).toBeLessThan(TOL);
    expect(Math.abs(fit.orUpper - r.or_ci[1])).toBeLessThan(TOL);
    expect(fit.df).toBe(r.df);
    // The same as distinct stratum labels shared across years.
    const shared = logisticTrend(waves((y) => `y${y}`), { level: 0.95, lonelyPsu: 'fail', strata: 'shared' })!;
    expect(shared.seSlope).toBeCloseTo(fit.seSlope, 14);
  });

  it('strata by year without a lookup by name: the same bits as the year-named strata, and two waves of one year share theirs', () => {
    // Each wave's strata are their own (no lookup); named "<year>: <stratum>" and shared, they go through the lookup.
    const own = logisticTrend(waves(() => 'all'), { level: 0.95, lonelyPsu: 'fail' })!;
    const named = logisticTrend(waves((y) => `${y}: all`), { level: 0.95, lonelyPsu: 'fail', strata: 'shared' })!;
    expect(own).toEqual(named);
    // Two waves of one year are one sample: their strata are one stratum (its PSUs together), as shared by name.
    const sameYear = (stratum: (year: number) => string) => waves(stratum).map((w, i) => (i === 1 ? { ...w, year: ref.years[0]! } : w));
    const merged = logisticTrend(sameYear(() => 'all'), { level: 0.95, lonelyPsu: 'fail' })!;
    const mergedByName = logisticTrend(sameYear((y) => `${y === ref.years[1] ? ref.years[0] : y}: all`), { level: 0.95, lonelyPsu: 'fail', strata: 'shared' })!;
    expect(merged).toEqual(mergedByName);
    // One stratum fewer: one more degree of freedom.
    expect(merged.df).toBe(own.df + 1);
  });

  it('the odds-ratio interval is exp(slope ± t·SE) and contains the odds ratio', () => {
    const fit = logisticTrend(waves(() => 'all'), { level: 0.9, lonelyPsu: 'fail' })!;
    expect(Math.log(fit.orUpper) - fit.slope).toBeCloseTo(fit.slope - Math.log(fit.orLower), 12);
    expect(fit.orLower).toBeLessThan(fit.oddsRatio);
    expect(fit.orUpper).toBeGreaterThan(fit.oddsRatio);
  });

  it('is null when the slope does not exist: no yes at all, or separation', () => {
    const counts = (xs: number[]) =>
      xs.map((x, i) => ({ year: 2018 + 2 * i, domain: foldDomainSums(Array.from({ length: 10 }, (_, k) => ({ stratum: 'a', psu: String(k), weight: 1, y: (k < x ? 1 : 0) as 0 | 1, inDomain: true }))) }));
    const opts = { level: 0.95, lonelyPsu: 'fail' as const };
    expect(logisticTrend(counts([0, 0, 0]), opts)).toBeNull();
    expect(logisticTrend(counts([0, 0, 10]), opts)).toBeNull();
    expect(logisticTrend(counts([0, 5, 10]), opts)).toBeNull();
    expect(logisticTrend(counts([1, 5, 10]), opts)).not.toBeNull();
  });
});

describe('compareIndependent (year_vs_year_design_z)', () => {
  it('reproduces d, SE, p and the interval', () => {
    const r = ref.year_vs_year_design_z;
    const side = (estimate: number, se: number) => ({ estimate, se, n: 400, x: Math.round(400 * estimate), deff: 1.2, nEff: 380 });
    const d = compareIndependent(side(r.p1, r.se1), side(r.p2, r.se2), 0.95)!;
    expect(d.rule).toBe('independent');
    expect(Math.abs(d.diff - r.d)).toBeLessThan(TOL);
    expect(Math.abs(d.se! - r.se_d)).toBeLessThan(TOL);
    expect(Math.abs(d.p - r.p)).toBeLessThan(TOL);
    expect(Math.abs(d.ciLower - r.ci[0])).toBeLessThan(TOL);
    expect(Math.abs(d.ciUpper - r.ci[1])).toBeLessThan(TOL);
    expect(isSignificant(d.p, 0.95)).toBe(false);
  });

  it('gives p = 1 for two estimates of 0, and flags p < 1 − level', () => {
    const zero = { estimate: 0, se: 0, n: 20, x: 0, deff: null, nEff: 20 };
    expect(compareIndependent(zero, { ...zero, n: 30, nEff: 30 }, 0.95)!.p).toBe(1);
    expect(isSignificant(0.049, 0.95)).toBe(true);
    expect(isSignificant(0.05, 0.95)).toBe(false);
  });
});

describe('minimumDetectableChange', () => {
  it('is (z_{0.975} + z_{0.8})·√(2p(1−p)·deff/n)', () => {
    // 1.959964 + 0.841621 = 2.801585; √(2·0.2·0.8·1.5/300) = 0.04
    expect(minimumDetectableChange(0.2, 300, 1.5, { level: 0.95, power: 0.8 })!).toBeCloseTo(2.8015845 * 0.04, 7);
  });

  it('is null at 0 and 1', () => {
    expect(minimumDetectableChange(0, 300, 1, { level: 0.95, power: 0.8 })).toBeNull();
    expect(minimumDetectableChange(1, 300, 1, { level: 0.95, power: 0.8 })).toBeNull();
  });
});
