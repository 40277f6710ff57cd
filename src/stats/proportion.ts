// A domain proportion with its design-based SE, df, design effect and interval: R's
// svymean(~y, subset(design, domain), na.rm = TRUE, deff = "replace") and svyciprop(),
// exactly, from per-stratum sums of PSU totals.
import type { CiMethod } from '../config/schema.js';
import { proportionCi } from './ci.js';
import type { DomainSums, LonelyPsu } from './types.js';
import { isLonely, isPresent, ratioVariance, stratumDf } from './variance.js';

export interface ProportionOptions {
  method: CiMethod;
  /** Confidence level, e.g. 0.95. */
  level: number;
  lonelyPsu: LonelyPsu;
  /**
   * Whether the interval is wanted, from the unweighted n and x (default: always). An
   * estimate that disclosure control will hide needs none, and an interval at p̂ = 0 or 1
   * (small cells) costs two beta quantiles.
   */
  interval?: (n: number, x: number) => boolean;
}

/**
 * Numbers are null when they do not exist: with n = 0 everything but n, x and df is null;
 * deff is null when p̂(1−p̂) = 0 or n = 1 (R: NaN/NA); the interval is null when df < 1;
 * se, deff and the interval are null when the variance does not exist (R: NaN; every
 * stratum of the domain lonely under lonely_psu "average", see lonelyStrata).
 */
export interface ProportionEstimate {
  /** Domain rows with a valid answer, and of those answering yes (unweighted). */
  n: number;
  x: number;
  estimate: number | null;
  se: number | null;
  /** degf() of the domain design: PSUs with a domain row minus strata with one (may be ≤ 0). */
  df: number;
  /** Design effect, R's deff = "replace": Var / (p̂(1−p̂)/(n−1)). */
  deff: number | null;
  /** Kish effective sample size (Σw)²/Σw². */
  nEff: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  /** Interval method used: the requested one, or "clopper-pearson" when the SE is 0. */
  ciMethod: string | null;
}

/** Estimates a proportion for one domain. Throws DesignError for a lonely PSU under lonelyPsu "fail". */
export function estimateProportion(domain: DomainSums, opts: ProportionOptions): ProportionEstimate {
  // Totals and degf() in one pass, in the strata's order (as R sums them).
  let a = 0;
  let b = 0;
  let w2 = 0;
  let n = 0;
  let x = 0;
  let nAll = 0;
  let df = 0;
  for (const s of domain) {
    a += s.sumA;
    b += s.sumB;
    w2 += s.sumW2;
    n += s.n;
    x += s.x;
    nAll += s.nAll;
    df += stratumDf(s.psuInDomain);
  }
  if (n === 0 || !(b > 0)) {
    return { n, x, estimate: null, se: null, df, deff: null, nEff: null, ciLower: null, ciUpper: null, ciMethod: null };
  }
  const p = a / b;
  // The ratio's PSU scores z_j = (A_j − p̂·B_j)/ΣB, their variance from the strata's sums.
  const variance = cleanVariance(ratioVariance(domain, p, b, opts.lonelyPsu), domain, p, b);
  const nEff = (b * b) / w2;
  if (Number.isNaN(variance)) {
    return { n, x, estimate: p, se: null, df, deff: null, nEff, ciLower: null, ciUpper: null, ciMethod: null };
  }
  const se = Math.sqrt(variance);
  const deff = n > 1 && p > 0 && p < 1 ? (variance * (n - 1)) / (p * (1 - p)) : null;
  const wanted = opts.interval === undefined || opts.interval(n, x);
  const ci = wanted ? proportionCi(opts.method, { estimate: p, se, df, nAll, nEff, level: opts.level }) : null;
  return {
    n,
    x,
    estimate: p,
    se,
    df,
    deff,
    nEff,
    ciLower: ci?.lower ?? null,
    ciUpper: ci?.upper ?? null,
    ciMethod: ci?.method ?? null,
  };
}

/**
 * Σ(A_j − p̂B_j)² is computed as ΣA² − 2p̂ΣAB + p̂²ΣB², which loses digits when the true
 * variance is 0 (every PSU of the domain with the same proportion). Values within the
 * rounding error of that sum, taken as 1e-12 of the size of its terms, are 0.
 */
function cleanVariance(v: number, domain: DomainSums, p: number, totalB: number): number {
  if (Number.isNaN(v)) return v;
  let size = 0;
  for (const s of domain) size += (s.sumAA + p * p * s.sumBB) / (totalB * totalB);
  return v > 1e-12 * size ? v : 0;
}

/** Strata of the domain's design that have a single PSU (and are not sampled in full): why a variance can be missing. */
export function lonelyStrata(domain: DomainSums): string[] {
  return domain.filter((s) => isPresent(s) && isLonely(s)).map((s) => s.stratum);
}
