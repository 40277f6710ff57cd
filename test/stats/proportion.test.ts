import { describe, expect, it } from 'vitest';
import { CI_METHODS } from '../../src/config/schema.js';
import { DesignError } from '../../src/errors.js';
import { foldDomainSums } from '../../src/stats/fold.js';
import { estimateProportion, lonelyStrata } from '../../src/stats/proportion.js';
import type { DomainSums } from '../../src/stats/types.js';
import { designRows, expectedProportions, type DesignName } from './reference-data.js';

const TOL = 1e-8;
const close = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThan(TOL);
};

describe('estimateProportion reproduces R survey 4.5 (expected-proportions.json)', () => {
  const reference = expectedProportions();
  for (const design of Object.keys(reference).filter((k) => !k.startsWith('_')) as DesignName[]) {
    for (const expected of reference[design].results) {
      it(`${design} ${expected.domain}`, () => {
        const domain = foldDomainSums(designRows(design, expected.domain));
        for (const method of CI_METHODS) {
          const est = estimateProportion(domain, { method, level: 0.95, lonelyPsu: 'fail' });
          expect(est.n).toBe(expected.n);
          close(est.estimate, expected.estimate);
          close(est.se, expected.se);
          expect(est.df).toBe(expected.df);
          close(est.deff, expected.deff_replace);
          expect(est.ciMethod).toBe(method);
          close(est.ciLower, expected[method][0]);
          close(est.ciUpper, expected[method][1]);
        }
      });
    }
  }
});

describe('foldDomainSums', () => {
  it('counts PSUs of the whole design, of the domain, and with answers', () => {
    const domain = foldDomainSums(designRows('design-c', 'sex=F'));
    expect(domain.map((s) => [s.stratum, s.psuTotal, s.psuInDomain, s.psuWithAnswer, s.n, s.nAll])).toEqual([
      ['N', 3, 3, 3, 13, 14],
      ['S', 3, 3, 3, 12, 13],
    ]);
  });

  it('counts a PSU whose domain rows are all missing in psuInDomain but not in psuWithAnswer', () => {
    const row = (psu: string, y: 0 | 1 | null, inDomain = true) => ({ stratum: 'A', psu, weight: 2, y, inDomain });
    const [s] = foldDomainSums([row('p1', 1), row('p1', 0), row('p2', null), row('p3', 1, false)]);
    expect(s).toEqual({
      stratum: 'A', psuTotal: 3, psuInDomain: 2, psuWithAnswer: 1,
      sumA: 2, sumB: 4, sumAA: 4, sumAB: 8, sumBB: 16, sumW2: 8, n: 2, x: 1, nAll: 3,
    });
  });

  it('gives sumAA = sumAB = Σw²y and sumBB = sumW2 = Σw² when each respondent is a PSU', () => {
    for (const s of foldDomainSums(designRows('design-a', 'all'))) {
      expect(s.sumAA).toBe(s.sumAB);
      expect(s.sumBB).toBe(s.sumW2);
    }
  });
});

/** One stratum per entry; each respondent its own PSU, weight w. */
function srsStratum(stratum: string, n: number, x: number, w = 1, psuTotal = n): DomainSums[number] {
  return {
    stratum,
    psuTotal,
    psuInDomain: n,
    psuWithAnswer: n,
    sumA: w * x,
    sumB: w * n,
    sumAA: w * w * x,
    sumAB: w * w * x,
    sumBB: w * w * n,
    sumW2: w * w * n,
    n,
    x,
    nAll: n,
  };
}

describe('edge cases', () => {
  const opts = { method: 'wilson' as const, level: 0.95, lonelyPsu: 'fail' as const };

  it('n = 0 gives a null estimate, SE, deff and interval', () => {
    const est = estimateProportion([srsStratum('A', 0, 0, 1, 40)], opts);
    expect(est).toMatchObject({ n: 0, x: 0, estimate: null, se: null, deff: null, nEff: null, ciLower: null, ciUpper: null, ciMethod: null });
  });

  it('an estimate of 0 gets the exact Clopper–Pearson interval on n in a simple random sample', () => {
    const est = estimateProportion([srsStratum('A', 20, 0)], opts);
    expect(est.estimate).toBe(0);
    expect(est.se).toBe(0);
    expect(est.deff).toBeNull();
    expect(est.ciMethod).toBe('clopper-pearson');
    expect(est.ciLower).toBe(0);
    // R: binom.test(0, 20)$conf.int[2] = 1 − 0.025^(1/20)
    expect(est.ciUpper!).toBeCloseTo(1 - 0.025 ** (1 / 20), 12);
  });

  it('an estimate of 1 gets the mirrored interval', () => {
    const est = estimateProportion([srsStratum('A', 20, 20)], opts);
    expect(est.estimate).toBe(1);
    expect(est.ciMethod).toBe('clopper-pearson');
    expect(est.ciUpper).toBe(1);
    expect(est.ciLower!).toBeCloseTo(0.025 ** (1 / 20), 12);
  });

  it('an estimate of 0 with clusters uses the Kish n, shrunk by the df ratio (Korn–Graubard)', () => {
    const est = estimateProportion(foldDomainSums(designRows('design-c', 'all').map((r) => ({ ...r, y: r.y === null ? null : 0 }))), opts);
    expect(est.ciMethod).toBe('clopper-pearson');
    expect(est.ciLower).toBe(0);
    const srsUpper = 1 - 0.025 ** (1 / est.nEff!);
    expect(est.ciUpper!).toBeGreaterThan(srsUpper);
    expect(est.ciUpper!).toBeLessThan(1);
  });

  it('a lonely PSU with design.lonely_psu: fail throws a DesignError naming the stratum and the key', () => {
    const domain = [srsStratum('Norra', 5, 2), srsStratum('Södra', 1, 0)];
    expect(() => estimateProportion(domain, opts)).toThrow(DesignError);
    try {
      estimateProportion(domain, opts);
    } catch (e) {
      const line = (e as DesignError).toLine();
      expect(line).toContain('"Södra"');
      expect(line).toContain('design.lonely_psu');
    }
  });

  it('a lonely stratum without domain answers does not fail, as in R', () => {
    const est = estimateProportion([srsStratum('Norra', 5, 2), { ...srsStratum('Södra', 0, 0), psuTotal: 1 }], opts);
    expect(est.estimate).toBeCloseTo(0.4, 14);
  });

  it('lonely PSU options: certainty/remove add nothing, adjust centres at the grand mean, average scales up', () => {
    const domain = [srsStratum('A', 4, 1), srsStratum('B', 4, 3), srsStratum('C', 1, 1)];
    const variance = (lonelyPsu: 'certainty' | 'remove' | 'adjust' | 'average') =>
      estimateProportion(domain, { ...opts, lonelyPsu }).se! ** 2;
    const p = 5 / 9;
    // Non-lonely strata: n_h/(n_h−1) Σ (z − z̄)², z = (y − p)/9.
    const stratum = (x: number) => (4 / 3) * ((x * (1 - x / 4) ** 2 + (4 - x) * (x / 4) ** 2) / 81);
    const base = stratum(1) + stratum(3);
    expect(variance('certainty')).toBeCloseTo(base, 15);
    expect(variance('remove')).toBeCloseTo(base, 15);
    // adjust: the lonely PSU's score (1 − p)/9 around the grand mean 0.
    expect(variance('adjust')).toBeCloseTo(base + ((1 - p) / 9) ** 2, 15);
    expect(variance('average')).toBeCloseTo((base * 3) / 2, 15);
    // With every stratum lonely there is nothing to average over: no variance for this domain
    // only (R: NaN), the estimate stays, and lonelyStrata names the strata.
    const alone = [srsStratum('C', 1, 1), srsStratum('D', 1, 0)];
    const est = estimateProportion(alone, { ...opts, lonelyPsu: 'average' });
    expect(est.estimate).toBeCloseTo(1 / 2, 15);
    expect([est.se, est.deff, est.ciLower, est.ciUpper, est.ciMethod]).toEqual([null, null, null, null, null]);
    expect(lonelyStrata(alone)).toEqual(['C', 'D']);
    expect(lonelyStrata(domain)).toEqual(['C']);
  });

  it('every PSU with the same proportion gives SE 0 and the Clopper–Pearson rule, not rounding noise', () => {
    const rows = ['p1', 'p2', 'p3'].flatMap((psu) =>
      [1, 0, 0, 0, 0, 0, 0].map((y) => ({ stratum: 'A', psu, weight: 0.3, y: y as 0 | 1, inDomain: true })),
    );
    const est = estimateProportion(foldDomainSums(rows), opts);
    expect(est.estimate).toBeCloseTo(1 / 7, 14);
    expect(est.se).toBe(0);
    expect(est.df).toBe(2);
    expect(est.ciMethod).toBe('clopper-pearson');
    expect(est.ciLower!).toBeGreaterThan(0);
    expect(est.ciUpper!).toBeGreaterThan(1 / 7);
  });

  it('a domain in a single PSU has df 0 and no interval', () => {
    const domain = [{ ...srsStratum('A', 1, 0), psuTotal: 6 }];
    const est = estimateProportion(domain, opts);
    expect(est.df).toBe(0);
    expect(est.se).toBe(0);
    expect(est.ciLower).toBeNull();
    expect(est.ciMethod).toBeNull();
  });
});
