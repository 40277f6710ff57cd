// Linear trend over waves: the Cochran–Armitage test on unweighted counts (R's
// prop.trend.test) and a survey-weighted logistic regression of the answer on year (R's
// svyglm(y ~ year, family = quasibinomial) with its sandwich variance), from DomainSums.
import { pnorm, pt, qt } from './distributions.js';
import type { DomainSums, LonelyPsu } from './types.js';
import { designDf, stratifiedVariance, type StratumScores } from './variance.js';

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
  const total = sumOf(n);
  const pq = (sumOf(x) / total) * (1 - sumOf(x) / total);
  const meanScore = sumOf(n.map((ni, i) => ni * scores[i]!)) / total;
  const sxx = sumOf(n.map((ni, i) => ni * (scores[i]! - meanScore) ** 2)) / pq;
  const sxy = sumOf(x.map((xi, i) => xi * (scores[i]! - meanScore))) / pq;
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
 * separation (e.g. no yes at all, or fewer than two years with answers), no convergence
 * in glm's 25 iterations, or df < 1.
 */
export function logisticTrend(waves: readonly TrendWave[], opts: LogisticTrendOptions): LogisticTrend | null {
  const strata = opts.strata ?? 'per-wave';
  const first = Math.min(...waves.map((w) => w.year));
  const cells = waves.map((w) => waveTotals(w, first));
  const df = residualDf(waves, strata);
  if (!estimable(cells) || df < 1) return null;
  const fit = glmFit(cells);
  if (!fit) return null;
  const bread = inverse2(crossProduct(cells, fit.working));
  const meat = stratifiedVariance(scoresByStratum(waves, cells, fit, strata), 2, opts.lonelyPsu);
  const cov = multiply(multiply(bread, meat), bread);
  const [intercept, slope] = fit.beta;
  const seSlope = Math.sqrt(cov[1]![1]!);
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
  const yes = cells.filter((c) => c.x > 0).map((c) => c.u);
  const no = cells.filter((c) => c.n - c.x > 0).map((c) => c.u);
  if (yes.length === 0 || no.length === 0) return false;
  return Math.max(...no) > Math.min(...yes) && Math.max(...yes) > Math.min(...no);
}

type Vec2 = [number, number];
type Mat2 = number[][];

interface GlmFit {
  beta: Vec2;
  /** Fitted μ per wave. */
  mu: number[];
  /** Working variance per wave of the last weighted least-squares step: μ(1−μ) of the iterate before. */
  working: number[];
}

/** R's mustart (w·y + 0.5)/(w + 1) at w = 1 is 3/4 for yes and 1/4 for no: μ(1−μ) = 3/16 for both. */
const START_WORKING = 3 / 16;
/** Working response at mustart: ±(logit(3/4) + (1/4)/(3/16)). */
const START_Z = Math.log(3) + 4 / 3;

/**
 * glm.fit's IRLS (binomial, epsilon 1e-8, maxit 25) replayed on wave totals, so that the
 * numbers are R's to the digit, not just to its convergence tolerance: svyglm's SEs use the
 * working weights of the last step, which lag the final μ by one iterate (~1e-8 relative).
 * The start is R's with every row at the domain's mean weight (svyglm rescales weights to
 * mean 1), exact when the weights are equal. Null if it does not converge.
 */
function glmFit(cells: readonly WaveTotals[]): GlmFit | null {
  // svyglm's weights are w/mean(w); the deviance enters the stopping rule on that scale.
  const scale = sumOf(cells.map((c) => c.n)) / sumOf(cells.map((c) => c.w));
  let working = cells.map(() => START_WORKING);
  let z = cells.map((c) => (c.w > 0 ? START_Z * ((2 * c.s) / c.w - 1) : 0));
  let devOld = 2 * scale * sumOf(cells.map((c) => c.w)) * Math.log(4 / 3);
  for (let iter = 0; iter < 25; iter++) {
    const beta = solve2(crossProduct(cells, working), cells.map((c, t) => c.w * working[t]! * z[t]!), cells);
    const eta = cells.map((c) => beta[0] + beta[1] * c.u);
    const mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const dev = scale * deviance(cells, mu);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) return { beta, mu, working };
    devOld = dev;
    working = mu.map((m) => m * (1 - m));
    z = cells.map((c, t) => (c.w > 0 ? eta[t]! + (c.s / c.w - mu[t]!) / working[t]! : 0));
  }
  return null;
}

/** Binomial deviance −2 Σ [S log μ + (W − S) log(1 − μ)] (y is 0 or 1, so the saturated term is 0). */
function deviance(cells: readonly WaveTotals[], mu: readonly number[]): number {
  let d = 0;
  cells.forEach((c, t) => {
    if (c.s > 0) d -= 2 * c.s * Math.log(mu[t]!);
    if (c.w > c.s) d -= 2 * (c.w - c.s) * Math.log(1 - mu[t]!);
  });
  return d;
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

/** Solves (X'VX) β = X'V z given the per-wave V·z. */
function solve2(m: Mat2, vz: readonly number[], cells: readonly WaveTotals[]): Vec2 {
  const r0 = sumOf(vz);
  const r1 = sumOf(vz.map((v, t) => v * cells[t]!.u));
  const inv = inverse2(m);
  return [inv[0]![0]! * r0 + inv[0]![1]! * r1, inv[1]![0]! * r0 + inv[1]![1]! * r1];
}

/**
 * Per-stratum sums of the PSU score totals (svy.varcoef's estfun = X · working residual ·
 * working weight): e_j = (1, u)·(A_j − μ·B_j)·v/(μ(1−μ)), v the last step's working variance.
 */
function scoresByStratum(waves: readonly TrendWave[], cells: readonly WaveTotals[], fit: GlmFit, strata: 'per-wave' | 'shared'): StratumScores[] {
  const byKey = new Map<string, StratumScores>();
  waves.forEach((wave, i) => {
    const m = fit.mu[i]!;
    const lag = fit.working[i]! / (m * (1 - m));
    const x: Vec2 = [1, cells[i]!.u];
    for (const st of wave.domain) {
      const key = stratumKey(wave, st.stratum, strata);
      let s = byKey.get(key);
      if (!s) {
        s = { stratum: key, psuTotal: 0, present: false, sum: [0, 0], cross: [[0, 0], [0, 0]] };
        byKey.set(key, s);
      }
      const r1 = lag * (st.sumA - m * st.sumB);
      const r2 = lag * lag * (st.sumAA - 2 * m * st.sumAB + m * m * st.sumBB);
      s.psuTotal += st.psuTotal;
      s.present ||= st.n > 0;
      for (let a = 0; a < 2; a++) {
        s.sum[a]! += x[a]! * r1;
        for (let b = 0; b < 2; b++) s.cross[a]![b]! += x[a]! * x[b]! * r2;
      }
    }
  });
  return [...byKey.values()];
}

/** degf of the design svyglm uses (rows with missing answers dropped) + 1 − 2 coefficients. */
function residualDf(waves: readonly TrendWave[], strata: 'per-wave' | 'shared'): number {
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

function multiply(p: Mat2, q: Mat2): Mat2 {
  return p.map((row) => q[0]!.map((_, j) => row.reduce((acc, v, k) => acc + v * q[k]![j]!, 0)));
}

function sumOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
