import { describe, expect, it } from 'vitest';
import { writeNumber } from '../../../src/render/tabular/number-bytes.js';

/**
 * The figures CSV writes numbers with writeNumber (its own shortest digits for the doubles a
 * table is made of; −1, and the caller's String(v), for the rest): every byte it writes must
 * be String(v)'s, and it must write nearly all the doubles of a table itself.
 */
const buf = Buffer.alloc(64);
let leftToString = 0;
function mismatches(values: Iterable<number>): string[] {
  const wrong: string[] = [];
  for (const v of values) {
    const end = writeNumber(buf, 3, v);
    if (end < 0) {
      leftToString++;
      continue;
    }
    const got = buf.latin1Slice(3, end);
    if (got !== String(v) && wrong.length < 10) wrong.push(`${String(v)} written as ${got}`);
  }
  return wrong;
}
/** mismatches(), and how many of the values were left to String(v). */
function checked(values: Iterable<number>): { wrong: string[]; left: number } {
  leftToString = 0;
  const wrong = mismatches(values);
  return { wrong, left: leftToString };
}

let seed = 20261202;
/** Uniform in [0, 1), seeded: the same doubles in every run. */
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  const high = seed;
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (high * 2 ** 21 + (seed >>> 11)) / 2 ** 53;
};
function* many(count: number, make: () => number): Generator<number> {
  for (let i = 0; i < count; i++) yield make();
}

describe('writeNumber', () => {
  it("writes String(v)'s bytes for proportions, products, ratios and every scale of double", () => {
    // Proportions: written here, all but a few (ties too close to call).
    const proportions = checked(many(200_000, random));
    expect(proportions.wrong).toEqual([]);
    expect(proportions.left).toBeLessThan(20);
    const products = checked(many(200_000, () => random() * random()));
    expect(products.wrong).toEqual([]);
    expect(products.left).toBeLessThan(20);
    // 1e-8 … 1e17, a tenth of them negative: both sides of the range it writes itself.
    expect(mismatches(many(200_000, () => 10 ** (25 * random() - 8) * (random() < 0.1 ? -1 : 1)))).toEqual([]);
    // x / n as unweighted estimates are: short decimals (0.25, 0.5) and repeating ones.
    expect(mismatches(many(200_000, () => Math.floor(random() * 2001) / (1 + Math.floor(random() * 2000))))).toEqual([]);
    // Decimals of few digits and their neighbours one bit away.
    const short = [...many(50_000, () => Math.round(random() * 10 ** Math.floor(12 * random())) / 10 ** Math.floor(12 * random()))];
    const next = (v: number, by: number) => {
      const f = new Float64Array([v]);
      const u = new BigUint64Array(f.buffer);
      u[0] = u[0]! + BigInt(by);
      return f[0]!;
    };
    expect(mismatches([...short, ...short.filter((v) => v > 0).flatMap((v) => [next(v, 1), next(v, -1)])])).toEqual([]);
  });

  it('writes powers of ten and two, the ends of its range, integers and what String(v) alone writes', () => {
    const edges: number[] = [];
    for (let e = -9; e <= 17; e++) {
      for (let j = -40; j <= 40; j++) edges.push(10 ** e * (1 + j * 2.220446049250313e-16), 10 ** e + j);
    }
    // The doubles nearest 10^e (parsed, not computed) and those a bit below: their digits round up to a power of ten.
    for (let e = -9; e <= 16; e++) {
      const ten = Number(`1e${e}`);
      edges.push(ten, ten * (1 - 2 ** -53), ten * (1 - 2 ** -52), Number(`9.99999999999999e${e - 1}`), Number(`9.999999999999999e${e - 1}`));
    }
    for (let e = -30; e <= 60; e++) edges.push(2 ** e, -(2 ** e), 2 ** e * (1 + 2 ** -52), 2 ** e * (1 - 2 ** -53));
    edges.push(0, -0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1e-6, 9.999999999999999e-7, 1e15, 999999999999999.9, 1e15 - 0.125, 1e21, 1e-7);
    edges.push(2 ** 31, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER);
    edges.push(Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, NaN, Infinity, -Infinity);
    expect(mismatches(edges)).toEqual([]);
    // Many integers (the figures' n and x) and the longest text a double has.
    expect(mismatches(many(100_000, () => Math.floor((random() - 0.5) * 2 ** (1 + 40 * random()))))).toEqual([]);
    // Outside its range, String(v)'s: nothing written.
    for (const v of [1e-7, 0.5, 1e15, 1e21, -Number.MAX_VALUE, NaN, Infinity]) expect(writeNumber(buf, 0, v), String(v)).toBe(-1);
    expect(writeNumber(buf, 0, -2147483647)).toBe(11);
  });
});
