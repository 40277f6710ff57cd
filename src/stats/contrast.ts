// Contrasts of domains of one design: the domains' ratio estimators p̂_d = ΣA_d/ΣB_d,
// their covariance matrix from per-stratum sums of PSU totals (R's svyby(…, covmat = TRUE),
// which puts every domain's linearised scores on the same PSUs), and any smooth function of
// them with its delta-method SE (R's svycontrast). Girls vs boys share schools, and a
// municipality and the rest of the county can share strata: their covariance is what makes
// the comparison design-based. Post-stratification (scores from the residual PSU totals) and
// an fpc (per stratum) enter through the same per-stratum sums.
import { pnorm, qnorm } from './distributions.js';
import type { LonelyPsu, StratumSums } from './types.js';
import { isPresent, scoreA, scoreB, stratifiedVariance, type StratumScores } from './variance.js';

/**
 * One stratum of a design seen from k domains: each domain's own sums (as for one domain)
 * and the cross-products of the domains' PSU totals. Strata where no domain has a row may
 * be left out.
 */
export interface JointStratum {
  stratum: string;
  /** n_h: PSUs in this stratum in the whole design. */
  psuTotal: number;
  /** N_h for the finite population correction (see StratumSums.popSize); absent = none. */
  popSize?: number;
  /** Per domain, this stratum's sums (zeros where the domain has no rows). */
  domains: StratumSums[];
  /**
   * Σ_j t_j t_jᵀ over the stratum's PSUs, t_j = (A_1j, B_1j, …, A_kj, B_kj): 2k × 2k. The 2 × 2
   * diagonal blocks are the domains' own sumAA, sumAB, sumBB; without clusters (every row its
   * own PSU) the blocks of two disjoint domains are 0.
   */
  cross: number[][];
}

export type JointDomainSums = JointStratum[];

export interface DomainCovariance {
  /** p̂_d per domain. */
  estimates: number[];
  /** Covariance matrix of the p̂_d (NaN when it does not exist, see stratifiedVariance). */
  cov: number[][];
}

/**
 * The domains' proportions and their covariance: the linearised score of domain d in PSU j is
 * z_dj = (A_dj − p̂_d·B_dj)/ΣB_d, and the k scores are one vector statistic of the design.
 * A stratum counts as present when any domain has a valid answer in it, as in R's
 * svyby(~y, ~domain, subset(design, (d_1 | … | d_k) & !is.na(y)), svymean, covmat = TRUE).
 * Every domain needs a positive ΣB.
 */
export function domainCovariance(joint: JointDomainSums, k: number, lonelyPsu: LonelyPsu): DomainCovariance {
  const a = new Array<number>(k).fill(0);
  const b = new Array<number>(k).fill(0);
  for (const s of joint) {
    for (let d = 0; d < k; d++) {
      a[d]! += s.domains[d]!.sumA;
      b[d]! += s.domains[d]!.sumB;
    }
  }
  const p = a.map((x, d) => x / b[d]!);
  // By loops, not maps: this runs per stratum of every comparison (a county's municipalities
  // are its strata); the strata's score objects are reused from comparison to comparison.
  const scores = scoreScratch(k, joint.length);
  for (let h = 0; h < joint.length; h++) {
    const s = joint[h]!;
    const c = s.cross;
    const into = scores[h]!;
    const { sum, cross } = into;
    for (let d = 0; d < k; d++) {
      const pd = p[d]!;
      sum[d] = (scoreA(s.domains[d]!) - pd * scoreB(s.domains[d]!)) / b[d]!;
      const row = cross[d]!;
      const ad = 2 * d;
      const bd = 2 * d + 1;
      for (let e = 0; e < k; e++) {
        const pe = p[e]!;
        const ae = 2 * e;
        const be = 2 * e + 1;
        row[e] = (c[ad]![ae]! - pe * c[ad]![be]! - pd * c[bd]![ae]! + pd * pe * c[bd]![be]!) / (b[d]! * b[e]!);
      }
    }
    into.stratum = s.stratum;
    into.psuTotal = s.psuTotal;
    into.popSize = s.popSize;
    into.present = s.domains.some(isPresent);
  }
  const cov = stratifiedVariance(scores, k, lonelyPsu);
  cleanZeroVariances(cov, joint, p, b);
  return { estimates: p, cov };
}

/** Score objects of k domains, one per stratum, kept between calls (their fields are overwritten). */
const scratch = new Map<number, StratumScores[]>();

function scoreScratch(k: number, strata: number): StratumScores[] {
  let pool = scratch.get(k);
  if (!pool) scratch.set(k, (pool = []));
  while (pool.length < strata) {
    const cross = new Array<number[]>(k);
    for (let d = 0; d < k; d++) cross[d] = new Array<number>(k).fill(0);
    pool.push({ stratum: '', psuTotal: 0, popSize: undefined, present: false, sum: new Array<number>(k).fill(0), cross });
  }
  return pool.length === strata ? pool : pool.slice(0, strata);
}

/**
 * Σ(A_j − p̂B_j)² is computed as ΣA² − 2p̂ΣAB + p̂²ΣB², which loses digits when the true
 * variance is 0 (every PSU of the domain with the same proportion, e.g. p̂ = 0). A diagonal
 * within 1e-12 of the size of its terms is 0, and so is its row and column (|cov| ≤ √(v·v')).
 * The same rule as a single domain's variance (estimateProportion).
 */
function cleanZeroVariances(cov: number[][], joint: JointDomainSums, p: number[], b: number[]): void {
  p.forEach((pd, d) => {
    let size = 0;
    for (const s of joint) size += (s.domains[d]!.sumAA + pd * pd * s.domains[d]!.sumBB) / (b[d]! * b[d]!);
    if (!(cov[d]![d]! <= 1e-12 * size)) return;
    for (let e = 0; e < p.length; e++) cov[d]![e] = cov[e]![d] = 0;
  });
}

/** A smooth function of the domain proportions and its gradient (for the delta method). */
export interface ContrastFunction {
  value(p: readonly number[]): number;
  gradient(p: readonly number[]): number[];
}

/** p̂_2 − p̂_1 (svycontrast(…, c(-1, 1))). */
export const DIFFERENCE: ContrastFunction = {
  value: (p) => p[1]! - p[0]!,
  gradient: () => [-1, 1],
};

/** log(p̂_2 / p̂_1), the log prevalence ratio (svycontrast(…, quote(log(b/a)))); needs both > 0. */
export const LOG_RATIO: ContrastFunction = {
  value: (p) => Math.log(p[1]! / p[0]!),
  gradient: (p) => [-1 / p[0]!, 1 / p[1]!],
};

export interface Contrast {
  value: number;
  /** Delta-method SE, √(∇gᵀ V ∇g). */
  se: number;
  /** value / se: the Wald statistic for g = 0; ±Infinity when se = 0 and value ≠ 0, 0 when both are 0. */
  z: number;
  /** Two-sided, normal (as confint and the test of a svycontrast). */
  p: number;
  ciLower: number;
  ciUpper: number;
}

/** g(p̂) with its normal-theory test and interval; null when the covariance does not exist (NaN). */
export function contrast(c: DomainCovariance, g: ContrastFunction, level: number): Contrast | null {
  const grad = g.gradient(c.estimates);
  let variance = 0;
  grad.forEach((gd, d) => grad.forEach((ge, e) => (variance += gd * ge * c.cov[d]![e]!)));
  if (Number.isNaN(variance)) return null;
  return normalTest(g.value(c.estimates), Math.sqrt(Math.max(variance, 0)), level);
}

/** A normal (Wald) test of value = 0 and its interval at the given level. */
export function normalTest(value: number, se: number, level: number): Contrast {
  // 0/0 (no difference and no variance) is no evidence of a difference.
  const z = value === 0 ? 0 : value / se;
  const h = qnorm(1 - (1 - level) / 2) * se;
  return { value, se, z, p: 2 * pnorm(-Math.abs(z)), ciLower: value - h, ciUpper: value + h };
}
