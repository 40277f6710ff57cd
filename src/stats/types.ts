// Input types of the estimators: per-stratum sufficient statistics of one domain, folded
// from PSU totals (src/analysis accumulates them in one pass; foldDomainSums is the
// reference fold). Everything in src/stats is pure: numbers in, numbers out.
import type { ProjectConfig } from '../config/schema.js';

/** R's `options(survey.lonely.psu=…)`: what to do with a stratum that has a single PSU. */
export type LonelyPsu = ProjectConfig['design']['lonely_psu'];

/**
 * One stratum of a wave's design, seen from one domain (indicator × area × wave × group).
 * A_j = Σ w·y and B_j = Σ w over PSU j's domain rows with a valid answer; weights must be > 0.
 */
export interface StratumSums {
  stratum: string;
  /** n_h: PSUs in this stratum in the whole wave design (all rows, any domain, missing answers too). */
  psuTotal: number;
  /** PSUs in the stratum with at least one domain row, counting rows whose answer is missing (R's degf of the subset design). */
  psuInDomain: number;
  /**
   * PSUs with at least one domain row with a valid answer. svyglm drops rows with a missing
   * answer before counting degrees of freedom, so the trend's df uses this. Optional: when
   * absent, psuInDomain is used (exact when no PSU's domain rows are all missing).
   */
  psuWithAnswer?: number;
  /** Σ_j A_j, Σ_j B_j, Σ_j A_j², Σ_j A_j·B_j, Σ_j B_j² over the stratum's PSUs. */
  sumA: number;
  sumB: number;
  sumAA: number;
  sumAB: number;
  sumBB: number;
  /** Row level: Σ w² over domain rows with a valid answer (for Kish n_eff). */
  sumW2: number;
  /** Unweighted: domain rows with a valid answer (n), of which yes (x). */
  n: number;
  x: number;
  /** Unweighted: domain rows including missing answers (R's nrow() of the subset design). */
  nAll: number;
  /**
   * Σ_j of the PSU score totals when they are not A_j and B_j. A post-stratified design's
   * linearised score is the residual from the post-stratum means: PSU j's score at any p is
   * Ã_j − p·B̃_j, with Ã_j, B̃_j the calibrated totals less each post-stratum's share of its
   * domain total (see src/analysis/poststrata.ts). sumA, sumB stay the calibrated totals the
   * estimate is made of; sumAA, sumAB, sumBB are then Σ Ã_j², Σ Ã_j·B̃_j, Σ B̃_j². Absent: sumA, sumB.
   */
  scoreA?: number;
  scoreB?: number;
  /**
   * The stratum is in the design the variance is computed on (R: has rows in it). Default:
   * it has domain rows with a valid answer, as R's subset() and na.rm leave it. A
   * post-stratified design keeps every row of its subsets (with weight 0), so all the
   * wave's strata are present: a lonely PSU anywhere in the wave matters.
   */
  present?: boolean;
  /**
   * The stratum's population size N_h for the finite population correction, as R's
   * svydesign(fpc =) takes it (PSUs, or pupils without clusters): the variance is scaled by
   * (N_h − n_h)/N_h, and a stratum sampled in full has none. Absent: no correction.
   */
  popSize?: number;
}

/** One entry per stratum of the wave; strata without domain rows may be included or left out. */
export type DomainSums = StratumSums[];
