// Minimum detectable change for follow-up (handbook step 5): the smallest true change from
// the baseline that the next wave, of the same size and design, would find statistically
// significant with the given power.
import { qnorm } from './distributions.js';

export interface MdcOptions {
  /** Confidence level of the two-sided test, e.g. 0.95 (α = 1 − level). */
  level: number;
  /** Power, e.g. 0.8. */
  power: number;
}

/**
 * MDC = (z_{1−α/2} + z_{power}) · √(2 · p(1−p) · deff / n).
 *
 * Two independent waves, each with variance p(1−p)·deff/n at the baseline p: the variance
 * of their difference is twice that, and the same normal test as compareIndependent is
 * used. deff carries the design (weights, clusters) over to the next wave. The variance is
 * taken at the baseline for both waves (the usual planning approximation; exact enough for
 * changes small relative to p(1−p)). Null when p(1−p) = 0, n < 1 or deff is not positive:
 * at 0 or 1 the formula would claim any change is detectable.
 */
export function minimumDetectableChange(p: number, n: number, deff: number, opts: MdcOptions): number | null {
  if (!(p > 0 && p < 1 && n >= 1 && deff > 0)) return null;
  const z = qnorm(1 - (1 - opts.level) / 2) + qnorm(opts.power);
  return z * Math.sqrt((2 * p * (1 - p) * deff) / n);
}
