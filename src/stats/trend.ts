// Linear trend over waves: the Cochran–Armitage test on unweighted counts (R's
// prop.trend.test) and a survey-weighted logistic regression of the answer on year (R's
// svyglm(y ~ year, family = quasibinomial) with its sandwich variance), from DomainSums.
import { pnorm, pt, qt } from './distributions.js';
import type { DomainSums, LonelyPsu } from './types.js';
import { designDf, isPresent, scoreA, scoreB, stratifiedVariance, stratumDf, type StratumScores } from './variance.js';

export interface CochranArmitage {
  chisq: number;
  /** Signed: positive when the proportion rises with the score. */
  z: number;
  /** Two-sided, chi-squared with 1 df (= 2·Φ(−|z|)). */
  p: number;
}

/**
 * R prop.trend.test(x, n, score): the score's sum of squares in the weighted regression of
 * x/n on score with weights n/(p̄(1−p̄)). Null when p̄ is 0 or 1 or the scores do not vary.
 */
export function cochranArmitage(x: readonly number[], n: readonly number[], scores: readonly number[]): CochranArmitage | null {
  // Sums by loops, each from 0 in the waves' order (one test per trend: thousands of them).
  let total = 0;
  let yes = 0;
  let scored = 0;
  for (let i = 0; i < n.length; i++) {
    total += n[i]!;
    yes += x[i]!;
    scored += n[i]! * scores[i]!;
  }
  const pq = (yes / total) * (1 - yes / total);
  const meanScore = scored / total;
  let squares = 0;
  let products = 0;
  for (let i = 0; i < n.length; i++) {
    squares += n[i]! * (scores[i]! - meanScore) ** 2;
    products += x[i]! * (scores[i]! - meanScore);
  }
  const sxx = squares / pq;
  const sxy = products / pq;
  if (!(pq > 0 && sxx > 0)) return null;
  const z = sxy / Math.sqrt(sxx);
  return { chisq: z * z, z, p: 2 * pnorm(-Math.abs(z)) };
}

export interface TrendWave {
  year: number;
  domain: DomainSums;
}

export interface LogisticTrendOptions {
  /** Confidence level of the odds-ratio interval. */
  level: number;
  lonelyPsu: LonelyPsu;
  /**
   * "per-wave" (default): every wave is its own sample, a stratum of one wave is not the
   * stratum of another (svydesign(strata = ~year:stratum)). "shared": strata with the same
   * label are one stratum across waves, its n_h the sum over waves (one design for all waves,
   * e.g. svydesign(ids = ~1) on the stacked data).
   */
  strata?: 'per-wave' | 'shared';
}

export interface LogisticTrend {
  /** Log-odds at the earliest year (the covariate is year − earliest year). */
  intercept: number;
  /** Change in log-odds per year. */
  slope: number;
  seIntercept: number;
  seSlope: number;
  t: number;
  /** svyglm's df.residual: degf(design) + 1 − 2 coefficients. */
  df: number;
  /** Two-sided, t with df. */
  p: number;
  oddsRatio: number;
  orLower: number;
  orUpper: number;
}

/**
 * svyglm(y ~ I(year − first), design, family = quasibinomial()) on the stacked waves, with
 * summary()'s t-test and confint()'s Wald interval, exponentiated. Within a wave every row
 * has the same covariate, so the fit needs only Σw and Σwy per wave and the sandwich meat
 * only the per-stratum PSU sums. Null when the slope is not estimable: (quasi-)complete
 * separation (e.g. no yes at all, or fewer than two years with answers), no convergence,
 * df < 1, or no variance.
 */
export function logisticTrend(waves: readonly TrendWave[], opts: LogisticTrendOptions): LogisticTrend | null {
  const strata = opts.strata ?? 'per-wave';
  const first = Math.min(...waves.map((w) => w.year));
  const cells = waves.map((w) => waveTotals(w, first));
  // Per wave, a stratum of one wave is never that of another: each is its own stratum of the
  // stacked design, found without a lookup by name (waves of distinct years, as a trend's are).
  const ownStrata = strata === 'per-wave' && distinctYears(waves);
  const df = residualDf(waves, strata, ownStrata);
  if (!estimable(cells) || df < 1) return null;
  const fit = glmFit(cells);
  if (!fit) return null;
  const bread = inverse2(crossProduct(cells, fit.working));
  const meat = stratifiedVariance(scoresByStratum(waves, cells, fit, strata, ownStrata), 2, opts.lonelyPsu);
  const cov = multiply(multiply(bread, meat), bread);
  const [intercept, slope] = fit.beta;
  const seSlope = Math.sqrt(cov[1]![1]!);
  // No variance (every stratum lonely under lonely_psu "average"): no test.
  if (!Number.isFinite(seSlope)) return null;
  const t = slope / seSlope;
  const h = qt(1 - (1 - opts.level) / 2, df) * seSlope;
  return {
    intercept,
    slope,
    seIntercept: Math.sqrt(cov[0]![0]!),
    seSlope,
    t,
    df,
    p: 2 * pt(-Math.abs(t), df),
    oddsRatio: Math.exp(slope),
    orLower: Math.exp(slope - h),
    orUpper: Math.exp(slope + h),
  };
}

/** A wave's covariate u = year − first, weighted totals S = Σwy, W = Σw, and counts. */
interface WaveTotals {
  u: number;
  s: number;
  w: number;
  n: number;
  x: number;
}

function waveTotals(wave: TrendWave, first: number): WaveTotals {
  const t: WaveTotals = { u: wave.year - first, s: 0, w: 0, n: 0, x: 0 };
  for (const st of wave.domain) {
    t.s += st.sumA;
    t.w += st.sumB;
    t.n += st.n;
    t.x += st.x;
  }
  return t;
}

/**
 * The MLE exists iff the yes and no answers overlap on the covariate: some "no" lies above
 * some "yes" and some "yes" above some "no" (this also needs two distinct years).
 */
function estimable(cells: readonly WaveTotals[]): boolean {
  let yesMin = Infinity;
  let yesMax = -Infinity;
  let noMin = Infinity;
  let noMax = -Infinity;
  for (const c of cells) {
    if (c.x > 0) {
      yesMin = Math.min(yesMin, c.u);
      yesMax = Math.max(yesMax, c.u);
    }
    if (c.n - c.x > 0) {
      noMin = Math.min(noMin, c.u);
      noMax = Math.max(noMax, c.u);
    }
  }
  if (yesMin === Infinity || noMin === Infinity) return false;
  return noMax > yesMin && yesMax > noMin;
}

type Vec2 = [number, number];
type Mat2 = number[][];

interface GlmFit {
  beta: Vec2;
  /** Fitted μ per wave. */
  mu: number[];
  /** Working variance μ(1−μ) per wave at the final fit. */
  working: number[];
}

/** Newton steps allowed; from the start below the fit converges in well under 20. */
const MAX_ITERATIONS = 100;

/**
 * The maximum-likelihood fit by Newton–Raphson (for the logit link the same iteration as
 * glm's IRLS) on wave totals, iterated until the coefficients no longer change beyond
 * rounding, so the result does not depend on the path: the sandwich variance is then taken at
 * the final fit. This equals svyglm with control = list(epsilon = 1e-12, maxit = 100) to
 * about 1e-10 (R's variance uses the working weights of its last iteration). svyglm scales
 * the weights to mean 1; the fit and the sandwich do not depend on that scale. Starts at
 * the overall proportion with slope 0. Null if it does not converge.
 *
 * Written out in scalars, without an array or closure per step: a figures table fits a trend
 * per area, group and indicator (3 968 fits on the bench's 10 000 rows, about five steps
 * each), and the arrays made them the costliest code V8 had not yet optimised. Every number is computed
 * as with arrays, operation for operation (μ(1−μ) as the working weight, X'VX as
 * crossProduct sums it, the inverse as inverse2), so the fit is the same to the last bit.
 */
function glmFit(cells: readonly WaveTotals[]): GlmFit | null {
  let sumS = 0;
  let sumW = 0;
  for (const c of cells) {
    sumS += c.s;
    sumW += c.w;
  }
  const overall = sumS / sumW;
  let beta0 = Math.log(overall / (1 - overall));
  let beta1 = 0;
  let lastStep = Infinity;
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    // The score (u0, u1) and X'VX = [[a, b], [b, d]] at beta.
    let u0 = 0;
    let u1 = 0;
    let a = 0;
    let b = 0;
    let d = 0;
    for (const c of cells) {
      const mu = expit(beta0 + beta1 * c.u);
      const r = c.s - c.w * mu;
      u0 += r;
      u1 += r * c.u;
      const v = c.w * (mu * (1 - mu));
      a += v;
      b += v * c.u;
      d += v * c.u * c.u;
    }
    const det = a * d - b * b;
    const step0 = (d / det) * u0 + (-b / det) * u1;
    const step1 = (-b / det) * u0 + (a / det) * u1;
    if (!Number.isFinite(step0) || !Number.isFinite(step1)) return null;
    let next0 = beta0 + step0;
    let next1 = beta1 + step1;
    // Step halving (as glm.fit on a worse deviance): Newton need not climb from every start.
    const current = logLikelihood(cells, beta0, beta1);
    for (let half = 0; half < 30 && logLikelihood(cells, next0, next1) < current - 1e-12 * Math.abs(current); half++) {
      next0 = (beta0 + next0) / 2;
      next1 = (beta1 + next1) / 2;
    }
    const size = Math.max(Math.abs(step0) / (1 + Math.abs(next0)), Math.abs(step1) / (1 + Math.abs(next1)));
    // Converged when the step is at rounding level, or stops shrinking there.
    if (size <= 4 * Number.EPSILON) return finalFit(cells, [next0, next1]);
    if (size < 1e-10 && size >= lastStep) return finalFit(cells, [beta0, beta1]);
    beta0 = next0;
    beta1 = next1;
    lastStep = size;
  }
  return null;
}

function finalFit(cells: readonly WaveTotals[], beta: Vec2): GlmFit {
  const mu = cells.map((c) => expit(beta[0] + beta[1] * c.u));
  return { beta, mu, working: mu.map((m) => m * (1 - m)) };
}

/** Σ [S log μ + (W − S) log(1 − μ)] at (beta0, beta1) (y is 0 or 1, so this is −deviance/2). */
function logLikelihood(cells: readonly WaveTotals[], beta0: number, beta1: number): number {
  let l = 0;
  for (const c of cells) {
    const eta = beta0 + beta1 * c.u;
    // log μ = −log(1 + e^−η), log(1 − μ) = −log(1 + e^η), kept accurate in the tails.
    if (c.s > 0) l -= c.s * Math.log1p(Math.exp(-eta));
    if (c.w > c.s) l -= (c.w - c.s) * Math.log1p(Math.exp(eta));
  }
  return l;
}

function expit(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}

/** X'VX with V = w·v per wave: the WLS normal matrix; its inverse is glm's cov.unscaled. */
function crossProduct(cells: readonly WaveTotals[], working: readonly number[]): Mat2 {
  let a = 0;
  let b = 0;
  let d = 0;
  cells.forEach((c, t) => {
    const v = c.w * working[t]!;
    a += v;
    b += v * c.u;
    d += v * c.u * c.u;
  });
  return [
    [a, b],
    [b, d],
  ];
}

/**
 * Per-stratum sums of the PSU score totals (svy.varcoef's estfun = X · working residual ·
 * working weight, at the final fit): e_j = (1, u)·(A_j − μ·B_j); post-stratified, the
 * residuals from the post-stratum means, (1, u)·(Ã_j − μ·B̃_j) (see StratumSums.scoreA).
 */
function scoresByStratum(waves: readonly TrendWave[], cells: readonly WaveTotals[], fit: GlmFit, strata: 'per-wave' | 'shared', ownStrata: boolean): StratumScores[] {
  // With ownStrata every (wave, stratum) is a stratum of its own: no lookup by name.
  const byKey = ownStrata ? null : new Map<string, StratumScores>();
  const all: StratumScores[] = [];
  for (let i = 0; i < waves.length; i++) {
    const wave = waves[i]!;
    const m = fit.mu[i]!;
    // The score's covariate vector is (1, u): x_a·r is r itself for a = 0, and 1·1·r2 is r2.
    const u = cells[i]!.u;
    for (const st of wave.domain) {
      const key = stratumKey(wave, st.stratum, strata);
      let s = byKey?.get(key);
      if (!s) {
        s = { stratum: key, psuTotal: 0, present: false, sum: [0, 0], cross: [[0, 0], [0, 0]] };
        byKey?.set(key, s);
        all.push(s);
      }
      const r1 = scoreA(st) - m * scoreB(st);
      const r2 = st.sumAA - 2 * m * st.sumAB + m * m * st.sumBB;
      s.psuTotal += st.psuTotal;
      // Shared strata: one stratum over the waves, its population the waves' together.
      if (st.popSize !== undefined) s.popSize = (s.popSize ?? 0) + st.popSize;
      s.present ||= isPresent(st);
      const { sum, cross } = s;
      sum[0]! += r1;
      sum[1]! += u * r1;
      cross[0]![0]! += r2;
      cross[0]![1]! += u * r2;
      cross[1]![0]! += u * r2;
      cross[1]![1]! += u * u * r2;
    }
  }
  return all;
}

/** Whether no two waves have the same year. */
function distinctYears(waves: readonly TrendWave[]): boolean {
  for (let i = 1; i < waves.length; i++) for (let j = 0; j < i; j++) if (waves[i]!.year === waves[j]!.year) return false;
  return true;
}

/** degf of the design svyglm uses (rows with missing answers dropped) + 1 − 2 coefficients. */
function residualDf(waves: readonly TrendWave[], strata: 'per-wave' | 'shared', ownStrata: boolean): number {
  if (ownStrata) {
    let df = 0;
    for (const wave of waves) for (const st of wave.domain) df += stratumDf(st.psuWithAnswer ?? st.psuInDomain);
    return df - 1;
  }
  const psus = new Map<string, number>();
  for (const wave of waves) {
    for (const st of wave.domain) {
      const key = stratumKey(wave, st.stratum, strata);
      psus.set(key, (psus.get(key) ?? 0) + (st.psuWithAnswer ?? st.psuInDomain));
    }
  }
  return designDf(psus.values()) - 1;
}

/** Which stratum of the stacked design a wave's stratum is (also its name in errors). */
function stratumKey(wave: TrendWave, stratum: string, strata: 'per-wave' | 'shared'): string {
  return strata === 'shared' ? stratum : `${wave.year}: ${stratum}`;
}

function inverse2(m: Mat2): Mat2 {
  const [a, b] = m[0] as Vec2;
  const [c, d] = m[1] as Vec2;
  const det = a * d - b * c;
  return [
    [d / det, -b / det],
    [-c / det, a / det],
  ];
}

/** p · q, each entry summed from 0 in k's order (by loops: two per trend, thousands of trends). */
function multiply(p: Mat2, q: Mat2): Mat2 {
  const out: Mat2 = new Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const row = new Array<number>(q[0]!.length);
    for (let j = 0; j < row.length; j++) {
      let acc = 0;
      for (let k = 0; k < q.length; k++) acc += p[i]![k]! * q[k]![j]!;
      row[j] = acc;
    }
    out[i] = row;
  }
  return out;
}
