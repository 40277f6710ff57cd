import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPresent, ratioVariance, scoreA, scoreB, stratifiedVariance, type StratumScores } from '../../src/stats/variance.js';
import { emptyStratum, emptyStratumInto } from '../../src/stats/fold.js';
import type { StratumSums } from '../../src/stats/types.js';
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

/** A stratum's sums as the estimators read them, with its variance inputs (see ratioVariance). */
const ratioStrata = fc
  .array(
    fc.record({
      psuTotal: fc.integer({ min: 1, max: 6 }),
      present: fc.constantFrom<boolean | undefined>(true, false, undefined),
      n: fc.integer({ min: 0, max: 3 }),
      sumA: fc.double({ min: 0, max: 3, noNaN: true }),
      sumB: fc.double({ min: 0, max: 5, noNaN: true }),
      scoreA: fc.option(fc.double({ min: -3, max: 3, noNaN: true }), { nil: undefined }),
      scoreB: fc.option(fc.double({ min: -3, max: 3, noNaN: true }), { nil: undefined }),
      sumAA: fc.double({ min: 0, max: 9, noNaN: true }),
      sumAB: fc.double({ min: 0, max: 9, noNaN: true }),
      sumBB: fc.double({ min: 0, max: 9, noNaN: true }),
      popSize: fc.constantFrom<number | undefined>(undefined, undefined, 10, 40, -1),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((list) =>
    list.map(
      (s, h): StratumSums => ({
        ...emptyStratum(`s${h}`, s.psuTotal, s.popSize === undefined ? undefined : s.popSize < 0 ? s.psuTotal : s.popSize),
        ...s,
        popSize: s.popSize === undefined ? undefined : s.popSize < 0 ? s.psuTotal : s.popSize,
      }),
    ),
  );

describe('ratioVariance', () => {
  it("is stratifiedVariance of the ratio's one score, to the last bit, under every lonely_psu option", () => {
    fc.assert(
      fc.property(
        ratioStrata,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.constantFrom('fail' as const, 'certainty' as const, 'remove' as const, 'adjust' as const, 'average' as const),
        (list, p, b, lonelyPsu) => {
          // The score z_j = (A_j − p·B_j)/ΣB of every PSU, summed per stratum, and its squares.
          const scores = list.map(
            (s): StratumScores => ({
              stratum: s.stratum,
              psuTotal: s.psuTotal,
              present: isPresent(s),
              sum: [(scoreA(s) - p * scoreB(s)) / b],
              cross: [[(s.sumAA - 2 * p * s.sumAB + p * p * s.sumBB) / (b * b)]],
              ...(s.popSize === undefined ? {} : { popSize: s.popSize }),
            }),
          );
          const general = outcome(() => stratifiedVariance(scores, 1, lonelyPsu)[0]![0]!);
          const ratio = outcome(() => ratioVariance(list, p, b, lonelyPsu));
          expect(Object.is(ratio, general) || ratio === general).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the values of an example by hand: n_h/(n_h−1) Σ(e − ē)², the lonely stratum centred at the grand mean under adjust', () => {
    // At p̂ = 0 and ΣB = 1 a stratum's score sum is its ΣA and its squares ΣA².
    const list: StratumSums[] = [
      { ...emptyStratum('A', 3), present: true, sumA: 0.6, sumAA: 0.5 },
      { ...emptyStratum('B', 1), present: true, sumA: 0.3, sumAA: 0.09 },
    ];
    // A: 3/2 · (0.5 − 0.6²/3) = 0.57; B (adjust): (0.3 − 0.9/4)² = 0.005625.
    expect(ratioVariance(list, 0, 1, 'certainty')).toBeCloseTo(0.57, 14);
    expect(ratioVariance(list, 0, 1, 'adjust')).toBeCloseTo(0.57 + 0.005625, 14);
    expect(ratioVariance(list, 0, 1, 'average')).toBeCloseTo(0.57 * 2, 14);
    expect(() => ratioVariance(list, 0, 1, 'fail')).toThrow(DesignError);
  });
});

describe('emptyStratumInto', () => {
  it('makes a used stratum what emptyStratum makes: the same fields, in the same order, with the same values', () => {
    for (const popSize of [undefined, 120]) {
      // Every field used: set to something emptyStratum does not give (a field emptyStratumInto forgot stays so).
      const used = emptyStratum('old', 9, 40) as unknown as Record<string, unknown>;
      for (const key of Object.keys(used)) used[key] = key === 'stratum' ? 'old' : key === 'present' ? true : 0.25;
      emptyStratumInto(used as unknown as StratumSums, 'h', 7, popSize);
      const fresh = emptyStratum('h', 7, popSize);
      // Order matters: objects of one shape keep the estimators' property reads fast.
      expect(Object.keys(used)).toEqual(Object.keys(fresh));
      expect(used).toStrictEqual(fresh);
    }
  });
});
