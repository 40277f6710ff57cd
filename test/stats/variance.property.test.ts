import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalarVariance, stratifiedVariance, type StratumScores } from '../../src/stats/variance.js';
import { DesignError } from '../../src/errors.js';

/**
 * Strata as the variance sees them: 1–4 strata, some lonely, some absent from the domain,
 * some with an fpc (one sampled in full), with arbitrary score sums.
 */
const strata = fc.array(
  fc.record({
    psuTotal: fc.integer({ min: 1, max: 6 }),
    present: fc.boolean(),
    sum: fc.double({ min: -3, max: 3, noNaN: true }),
    cross: fc.double({ min: 0, max: 9, noNaN: true }),
    popSize: fc.constantFrom<number | undefined>(undefined, undefined, 10, 40, -1),
  }),
  { minLength: 1, maxLength: 4 },
).map((list) =>
  list.map((s, h): StratumScores => ({
    stratum: `s${h}`,
    psuTotal: s.psuTotal,
    present: s.present,
    sum: [s.sum],
    cross: [[s.cross]],
    // −1: the stratum's every PSU sampled (N_h = n_h, no sampling variance).
    ...(s.popSize === undefined ? {} : { popSize: s.popSize < 0 ? s.psuTotal : s.popSize }),
  })),
);

const outcome = (f: () => number) => {
  try {
    return f();
  } catch (e) {
    return e instanceof DesignError ? `DesignError ${e.message}` : e;
  }
};

describe('scalarVariance', () => {
  it('is stratifiedVariance with one score, to the last bit, under every lonely_psu option', () => {
    fc.assert(
      fc.property(strata, fc.constantFrom('fail' as const, 'certainty' as const, 'remove' as const, 'adjust' as const, 'average' as const), (list, lonelyPsu) => {
        const general = outcome(() => stratifiedVariance(list, 1, lonelyPsu)[0]![0]!);
        const scalar = outcome(() =>
          scalarVariance(
            list,
            (s) => s.present,
            (s) => s.sum[0]!,
            (s) => s.cross[0]![0]!,
            lonelyPsu,
          ),
        );
        expect(Object.is(scalar, general) || scalar === general).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the values of an example by hand: n_h/(n_h−1) Σ(e − ē)², the lonely stratum centred at the grand mean under adjust', () => {
    const list: StratumScores[] = [
      { stratum: 'A', psuTotal: 3, present: true, sum: [0.6], cross: [[0.5]] },
      { stratum: 'B', psuTotal: 1, present: true, sum: [0.3], cross: [[0.09]] },
    ];
    const args = [(s: StratumScores) => s.present, (s: StratumScores) => s.sum[0]!, (s: StratumScores) => s.cross[0]![0]!] as const;
    // A: 3/2 · (0.5 − 0.6²/3) = 0.57; B (adjust): (0.3 − 0.9/4)² = 0.005625.
    expect(scalarVariance(list, ...args, 'certainty')).toBeCloseTo(0.57, 14);
    expect(scalarVariance(list, ...args, 'adjust')).toBeCloseTo(0.57 + 0.005625, 14);
    expect(scalarVariance(list, ...args, 'average')).toBeCloseTo(0.57 * 2, 14);
    expect(() => scalarVariance(list, ...args, 'fail')).toThrow(DesignError);
  });
});
