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
}

/** One entry per stratum of the wave; strata without domain rows may be included or left out. */
export type DomainSums = StratumSums[];
