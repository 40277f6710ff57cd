// Between-PSU variance of a linearised statistic in a stratified one-stage design, from
// per-stratum sums of PSU score totals. Mirrors R survey's svyrecvar → onestage → onestrat,
// including domain semantics (PSUs of the stratum without domain rows are zeros that count
// in n_h) and the finite population correction of svydesign(fpc =).
import { DesignError, msg } from '../errors.js';
import type { LonelyPsu, StratumSums } from './types.js';

/** Score sums of one stratum: e_j is PSU j's total of the k-vector score. */
export interface StratumScores {
  stratum: string;
  /** n_h: PSUs of the stratum in the whole design. */
  psuTotal: number;
  /** The stratum has rows in the analysed data (domain rows with a valid answer). R never sees the others. */
  present: boolean;
  /** Σ_j e_j (length k). */
  sum: number[];
  /** Σ_j e_j e_jᵀ (k × k). */
  cross: number[][];
  /** N_h of svydesign(fpc =): PSUs (or pupils) of the stratum in the population; absent = no fpc. */
  popSize?: number;
}

/** R's f = (N_h − n_h)/N_h, 1 without an fpc. */
export function fpcFactor(s: { psuTotal: number; popSize?: number }): number {
  return s.popSize === undefined || s.popSize === Infinity ? 1 : (s.popSize - s.psuTotal) / s.popSize;
}

/** Every PSU of the stratum's population was sampled (R's test f < 1e-7): it has no sampling variance. */
export function isCensus(s: { psuTotal: number; popSize?: number }): boolean {
  return fpcFactor(s) < 1e-7;
}

/** A stratum with a single PSU that is not sampled in full: R's lonely PSU (survey.lonely.psu). */
export function isLonely(s: { psuTotal: number; popSize?: number }): boolean {
  return s.psuTotal < 2 && !isCensus(s);
}

/**
 * Variance matrix Σ_h f_h n_h/(n_h−1) Σ_j (e_j − ē_h)(e_j − ē_h)ᵀ with ē_h = Σ_j e_j / n_h and
 * f_h = (N_h − n_h)/N_h the finite population correction (1 without one). A stratum sampled
 * in full (f_h = 0) has no variance, whatever its PSU count: it is never lonely, as in R.
 * A stratum with one PSU (lonely) is handled as R's survey.lonely.psu option says:
 * fail → DesignError; certainty and remove → no contribution; adjust → centred at the grand
 * mean Σ e / Σ n_h, times f_h; average → the others scaled by H/(H − lonely), and NaN when
 * every stratum present is lonely (R: 0 · H/0), so that only this statistic has no variance
 * (see lonelyStrata for naming them).
 */
export function stratifiedVariance(strata: readonly StratumScores[], k: number, lonelyPsu: LonelyPsu): number[][] {
  const present = strata.filter((s) => s.present);
  const lonely = lonelyCount(present, lonelyPsu);
  const v = zeroMatrix(k);
  const grandMean = lonelyPsu === 'adjust' ? centre(present, k) : null;
  const mean = new Array<number>(k);
  for (const s of present) {
    if (isCensus(s)) continue;
    const f = fpcFactor(s);
    if (s.psuTotal >= 2) {
      for (let a = 0; a < k; a++) mean[a] = s.sum[a]! / s.psuTotal;
      addCentred(v, s, mean, (f * s.psuTotal) / (s.psuTotal - 1));
    } else if (grandMean !== null) addCentred(v, s, grandMean, f);
  }
  if (lonelyPsu !== 'average' || lonely === 0) return v;
  const scale = averageScale(present.length, lonely);
  return v.map((row) => row.map((x) => x * scale));
}

/**
 * The variance of a ratio p̂ = ΣA/ΣB of one domain, as stratifiedVariance computes it for its
 * one score, operation for operation, without its arrays: PSU j's score is
 * z_j = (A_j − p̂·B_j)/ΣB, and stratum h gives Σ_j z_j and Σ_j z_j² from its sums, as svymean's
 * x·w/Σw after centring. A figures table asks for hundreds of thousands of these (one per
 * estimate): the scores are computed here, not by functions passed in, which were two
 * closures per estimate.
 */
export function ratioVariance(strata: readonly StratumSums[], p: number, b: number, lonelyPsu: LonelyPsu): number {
  let present = 0;
  let lonely = 0;
  let firstLonely: StratumSums | undefined;
  let total = 0;
  let psus = 0;
  for (const s of strata) {
    if (!isPresent(s)) continue;
    present += 1;
    if (isLonely(s)) {
      lonely += 1;
      firstLonely ??= s;
    }
    psus += s.psuTotal;
    if (lonelyPsu === 'adjust') total += (scoreA(s) - p * scoreB(s)) / b;
  }
  if (firstLonely !== undefined && lonelyPsu === 'fail') throw lonelyError(firstLonely.stratum);
  const grandMean = lonelyPsu === 'adjust' ? total / psus : null;
  let v = 0;
  for (const s of strata) {
    if (!isPresent(s) || isCensus(s)) continue;
    const f = fpcFactor(s);
    const e = (scoreA(s) - p * scoreB(s)) / b;
    const squares = (s.sumAA - 2 * p * s.sumAB + p * p * s.sumBB) / (b * b);
    if (s.psuTotal >= 2) v += centredSquares(s.psuTotal, e, squares, e / s.psuTotal, (f * s.psuTotal) / (s.psuTotal - 1));
    else if (grandMean !== null) v += centredSquares(s.psuTotal, e, squares, grandMean, f);
  }
  if (lonelyPsu !== 'average' || lonely === 0) return v;
  return v * averageScale(present, lonely);
}

/** Whether R's variance sees the stratum (see StratumSums.present). */
export function isPresent(s: StratumSums): boolean {
  return s.present ?? s.n > 0;
}

/** Σ_j of the PSU score totals (see StratumSums.scoreA). */
export function scoreA(s: StratumSums): number {
  return s.scoreA ?? s.sumA;
}

export function scoreB(s: StratumSums): number {
  return s.scoreB ?? s.sumB;
}

/** Lonely strata among those present; under "fail" the first is a DesignError. */
function lonelyCount(present: readonly { stratum: string; psuTotal: number; popSize?: number }[], lonelyPsu: LonelyPsu): number {
  const lonely = present.filter(isLonely);
  if (lonely.length > 0 && lonelyPsu === 'fail') throw lonelyError(lonely[0]!.stratum);
  return lonely.length;
}

/** "average": the other strata scaled by H/(H − lonely); NaN when every stratum present is lonely (R: 0 · H/0). */
function averageScale(present: number, lonely: number): number {
  return lonely === present ? NaN : present / (present - lonely);
}

/** R's degf() of a survey.design2: PSUs minus strata, counting only strata with PSUs. */
export function designDf(psuCounts: Iterable<number>): number {
  let df = 0;
  for (const c of psuCounts) df += stratumDf(c);
  return df;
}

/** One stratum's part of designDf: its PSUs minus one, nothing when it has none. */
export function stratumDf(psus: number): number {
  return psus > 0 ? psus - 1 : 0;
}

function lonelyError(stratum: string): DesignError {
  // Without declared strata the whole wave is one stratum (R's default), labelled "".
  return new DesignError(msg('design.lonely', { stratum: stratum === '' || /^\d{4}:$/.test(stratum) ? null : stratum }), msg('design.lonely.hint'));
}

/** Adds scale · Σ_j over the stratum's n_h PSUs of (e_j − c)(e_j − c)ᵀ, absent PSUs having e_j = 0. */
function addCentred(v: number[][], s: StratumScores, c: number[], scale: number): void {
  for (let a = 0; a < v.length; a++) {
    for (let b = 0; b < v.length; b++) {
      const ss = s.cross[a]![b]! - s.sum[a]! * c[b]! - c[a]! * s.sum[b]! + s.psuTotal * c[a]! * c[b]!;
      v[a]![b]! += scale * ss;
    }
  }
}

/** addCentred for one score (the same operations): scale · Σ_j (e_j − c)². */
function centredSquares(psuTotal: number, sum: number, cross: number, c: number, scale: number): number {
  const ss = cross - sum * c - c * sum + psuTotal * c * c;
  return scale * ss;
}

/** R's recentering for "adjust": the total score over the PSU count of the strata present. */
function centre(present: readonly StratumScores[], k: number): number[] {
  const total = new Array<number>(k).fill(0);
  let psus = 0;
  for (const s of present) {
    psus += s.psuTotal;
    for (let a = 0; a < k; a++) total[a]! += s.sum[a]!;
  }
  return divide(total, psus);
}

function divide(x: readonly number[], d: number): number[] {
  return x.map((v) => v / d);
}

/** A k × k matrix of zeros (by loops: Array.from({ length }) is slow, and this is made per stratum and estimate). */
export function zeroMatrix(k: number): number[][] {
  const m = new Array<number[]>(k);
  for (let a = 0; a < k; a++) m[a] = new Array<number>(k).fill(0);
  return m;
}
