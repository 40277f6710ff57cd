import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDomainSums, type DesignRow } from '../../src/stats/fold.js';
import { estimateProportion } from '../../src/stats/proportion.js';

/** Random stratified cluster samples: 1–3 strata of 2–5 PSUs of 1–6 rows, some answers missing, some rows outside the domain. */
const design = fc
  .array(
    fc.array(
      fc.array(
        fc.record({
          weight: fc.double({ min: 0.2, max: 5, noNaN: true }),
          y: fc.constantFrom<0 | 1 | null>(0, 1, 1, 0, 0, null),
          inDomain: fc.boolean(),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      { minLength: 2, maxLength: 5 },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((strata): DesignRow[] =>
    strata.flatMap((psus, h) => psus.flatMap((rows, j) => rows.map((r) => ({ ...r, stratum: `s${h}`, psu: `p${j}` })))),
  );

const opts = (method: 'wilson' | 'beta' | 'logit' | 'xlogit') => ({ method, level: 0.95, lonelyPsu: 'fail' as const });

describe('estimateProportion properties (fast-check)', () => {
  it('the estimate lies in [0, 1] and the wilson, beta, logit and Clopper–Pearson intervals contain it', () => {
    fc.assert(
      fc.property(design, fc.constantFrom('wilson' as const, 'beta' as const, 'logit' as const, 'xlogit' as const), (rows, method) => {
        const est = estimateProportion(foldDomainSums(rows), opts(method));
        if (est.estimate === null) return;
        expect(est.estimate).toBeGreaterThanOrEqual(0);
        expect(est.estimate).toBeLessThanOrEqual(1);
        if (est.ciLower === null) {
          expect(est.df).toBeLessThan(1);
          return;
        }
        expect(est.ciLower).toBeLessThanOrEqual(est.estimate + 1e-12);
        expect(est.ciUpper!).toBeGreaterThanOrEqual(est.estimate - 1e-12);
        expect(est.ciLower).toBeGreaterThanOrEqual(0);
        expect(est.ciUpper!).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('scaling every weight by a constant changes nothing', () => {
    fc.assert(
      fc.property(design, fc.double({ min: 0.01, max: 1000, noNaN: true }), (rows, c) => {
        const a = estimateProportion(foldDomainSums(rows), opts('beta'));
        const b = estimateProportion(foldDomainSums(rows.map((r) => ({ ...r, weight: r.weight * c }))), opts('beta'));
        expect(b.n).toBe(a.n);
        expect(b.df).toBe(a.df);
        expect(b.ciMethod).toBe(a.ciMethod);
        for (const k of ['estimate', 'se', 'deff', 'nEff', 'ciLower', 'ciUpper'] as const) {
          if (a[k] === null) expect(b[k]).toBeNull();
          else expect(Math.abs(b[k]! - a[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a[k]!)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
