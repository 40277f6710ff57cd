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
 * only the per-stratum PSU sums. Null when the slope is not estimable: fewer than two years
 * with answers, (quasi-)complete separation (e.g. no yes at all), or df < 1.
 */
export function logisticTrend(waves: readonly TrendWave[], opts: LogisticTrendOptions): LogisticTrend | null {
  const first = Math.min(...waves.map((w) => w.year));
  const cells = waves.map((w) => waveTotals(w, first));
  if (!estimable(cells)) return null;
  const beta = fitLogistic(cells);
  const bread = inverse2(information(cells, beta));
  const meat = stratifiedVariance(scoresByStratum(waves, cells, beta, opts.strata ?? 'per-wave'), 2, opts.lonelyPsu);
  const cov = multiply(multiply(bread, meat), bread);
  const df = residualDf(waves, opts.strata ?? 'per-wave');
  if (df < 1) return null;
  const seSlope = Math.sqrt(cov[1]![1]!);
  const t = beta[1] / seSlope;
  const h = qt(1 - (1 - opts.level) / 2, df) * seSlope;
  return {
    intercept: beta[0],
    slope: beta[1],
    seIntercept: Math.sqrt(cov[0]![0]!),
    seSlope,
    t,
    df,
    p: 2 * pt(-Math.abs(t), df),
    oddsRatio: Math.exp(beta[1]),
    orLower: Math.exp(beta[1] - h),
    orUpper: Math.exp(beta[1] + h),
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

/** Newton–Raphson on the weighted log-likelihood (what glm's IRLS converges to), with step halving. */
function fitLogistic(cells: readonly WaveTotals[]): Vec2 {
  const pooled = sumOf(cells.map((c) => c.s)) / sumOf(cells.map((c) => c.w));
  let beta: Vec2 = [Math.log(pooled / (1 - pooled)), 0];
  for (let iter = 0; iter < 100; iter++) {
    const g = gradient(cells, beta);
    const inv = inverse2(information(cells, beta));
    let step: Vec2 = [inv[0]![0]! * g[0] + inv[0]![1]! * g[1], inv[1]![0]! * g[0] + inv[1]![1]! * g[1]];
    const before = logLik(cells, beta);
    while (logLik(cells, [beta[0] + step[0], beta[1] + step[1]]) < before && Math.abs(step[0]) + Math.abs(step[1]) > 1e-15) {
      step = [step[0] / 2, step[1] / 2];
    }
    beta = [beta[0] + step[0], beta[1] + step[1]];
    if (Math.max(Math.abs(step[0]), Math.abs(step[1])) <= 1e-13 * (1 + Math.abs(beta[0]) + Math.abs(beta[1]))) break;
  }
  return beta;
}

function mu(c: WaveTotals, beta: Vec2): number {
  return 1 / (1 + Math.exp(-(beta[0] + beta[1] * c.u)));
}

function logLik(cells: readonly WaveTotals[], beta: Vec2): number {
  let l = 0;
  for (const c of cells) {
    const eta = beta[0] + beta[1] * c.u;
    // log(1 + e^η) without overflow.
    const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    l += c.s * eta - c.w * softplus;
  }
  return l;
}

function gradient(cells: readonly WaveTotals[], beta: Vec2): Vec2 {
  const g: Vec2 = [0, 0];
  for (const c of cells) {
    const r = c.s - c.w * mu(c, beta);
    g[0] += r;
    g[1] += r * c.u;
  }
  return g;
}

/** X'WX with W = w·μ(1−μ): the model-based information (svyglm's cov.unscaled is its inverse). */
function information(cells: readonly WaveTotals[], beta: Vec2): Mat2 {
  const m = [
    [0, 0],
    [0, 0],
  ];
  for (const c of cells) {
    const m_ = mu(c, beta);
    const v = c.w * m_ * (1 - m_);
    m[0]![0]! += v;
    m[0]![1]! += v * c.u;
    m[1]![1]! += v * c.u * c.u;
  }
  m[1]![0] = m[0]![1]!;
  return m;
}

/** Per-stratum sums of the PSU score totals e_j = (1, u)·(A_j − μ·B_j) (svy.varcoef's estfun). */
function scoresByStratum(
  waves: readonly TrendWave[],
  cells: readonly WaveTotals[],
  beta: Vec2,
  strata: 'per-wave' | 'shared',
): StratumScores[] {
  const byKey = new Map<string, StratumScores>();
  waves.forEach((wave, i) => {
    const c = cells[i]!;
    const m = mu(c, beta);
    const x: Vec2 = [1, c.u];
    for (const st of wave.domain) {
      const key = stratumKey(wave, st.stratum, strata);
      let s = byKey.get(key);
      if (!s) {
        s = { stratum: key, psuTotal: 0, present: false, sum: [0, 0], cross: [[0, 0], [0, 0]] };
        byKey.set(key, s);
      }
      const r1 = st.sumA - m * st.sumB;
      const r2 = st.sumAA - 2 * m * st.sumAB + m * m * st.sumBB;
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
