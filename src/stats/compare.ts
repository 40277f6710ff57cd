// Difference between two independent estimates (two waves, two groups, an area and the rest
// of the county): a normal-theory z-test on design-based SEs, as the year-vs-year reference.
import { pnorm, qnorm } from './distributions.js';

export interface EstimateWithSe {
  estimate: number;
  se: number;
}

export interface Difference {
  /** b − a. */
  diff: number;
  /** √(se_a² + se_b²). */
  se: number;
  /** diff / se; ±Infinity when se = 0 and diff ≠ 0, 0 when both are 0. */
  z: number;
  /** Two-sided p-value, 2·Φ(−|z|). */
  p: number;
  ciLower: number;
  ciUpper: number;
}

/** Compares b with a (independent samples) at the given confidence level. */
export function compareIndependent(a: EstimateWithSe, b: EstimateWithSe, level: number): Difference {
  const diff = b.estimate - a.estimate;
  const se = Math.hypot(a.se, b.se);
  // 0/0 (two estimates of 0 with SE 0) is no evidence of a difference.
  const z = diff === 0 ? 0 : diff / se;
  const h = qnorm(1 - (1 - level) / 2) * se;
  return { diff, se, z, p: 2 * pnorm(-Math.abs(z)), ciLower: diff - h, ciUpper: diff + h };
}

/**
 * "Statistiskt säkerställd": p < α = 1 − level. α is rounded to 12 digits, since 1 − 0.95 is
 * 0.050000000000000044 in floating point and p = 0.05 must not count as significant.
 */
export function isSignificant(p: number, level: number): boolean {
  return p < Number((1 - level).toPrecision(12));
}
