// Quantiles and distribution functions with R's names and argument order, over @stdlib.
// Only the cases R handles differently from stdlib are special-cased here.
import { betaQuantile, normalCdf, normalQuantile, tCdf, tQuantile } from './stdlib.js';

/** R qnorm(p): standard normal quantile. */
export function qnorm(p: number): number {
  return remembered(normalQuantiles, p, 0, () => normalQuantile(p, 0, 1));
}

/** R pnorm(q): standard normal distribution function. */
export function pnorm(q: number): number {
  return normalCdf(q, 0, 1);
}

/** R qt(p, df); df = Infinity gives the normal quantile, as in R. NaN for df ≤ 0. */
export function qt(p: number, df: number): number {
  return df === Infinity ? qnorm(p) : remembered(tQuantiles, p, df, () => tQuantile(p, df));
}

/** R pt(q, df); df = Infinity gives the normal distribution function, as in R. */
export function pt(q: number, df: number): number {
  return df === Infinity ? pnorm(q) : tCdf(q, df);
}

/** R qbeta(p, a, b), including R's point masses: a = 0 is 0, b = 0 is 1. */
export function qbeta(p: number, a: number, b: number): number {
  if (a === 0 && b > 0) return 0;
  if (b === 0 && a > 0) return 1;
  return betaQuantile(p, a, b);
}

/**
 * Quantiles by (p, df), as computed before. A figures table asks for the same few: every
 * interval at one level, with degrees of freedom that are whole numbers below the number of
 * PSUs, while one t quantile costs about as much as the rest of an estimate (stdlib inverts
 * the incomplete beta function). Bounded, so that a caller with continuous arguments cannot
 * grow it without end.
 */
const tQuantiles = new Map<number, Map<number, number>>();
const normalQuantiles = new Map<number, Map<number, number>>();
const MAX_REMEMBERED = 100_000;
let rememberedCount = 0;

function remembered(cache: Map<number, Map<number, number>>, p: number, df: number, compute: () => number): number {
  let byDf = cache.get(p);
  const known = byDf?.get(df);
  if (known !== undefined) return known;
  const value = compute();
  if (rememberedCount < MAX_REMEMBERED) {
    if (!byDf) cache.set(p, (byDf = new Map()));
    byDf.set(df, value);
    rememberedCount += 1;
  }
  return value;
}
