// Confidence intervals for a survey proportion: the methods of R survey 4.5's svyciprop(),
// computed from the estimate, its linearisation SE and the design's degrees of freedom,
// plus one rule for the case where R has no answer (SE 0, e.g. an estimate of exactly 0 or 1).
// No clipping beyond R's: "mean" can reach below 0 or above 1, as in R.
import type { CiMethod } from '../config/schema.js';
import { qbeta, qt } from './distributions.js';

export interface CiInput {
  /** p̂ = Σwy/Σw. */
  estimate: number;
  /** Linearisation SE of p̂ (svymean). */
  se: number;
  /** degf() of the domain's design: PSUs minus strata, rows with missing answers included. */
  df: number;
  /** nrow() of the domain's design: domain rows including missing answers (used by "beta"). */
  nAll: number;
  /** Kish effective sample size (Σw)²/Σw², used by the SE-0 rule. */
  nEff: number;
  level: number;
}

export interface Interval {
  lower: number;
  upper: number;
  /** The method actually used: the requested one, or CLOPPER_PEARSON. */
  method: string;
}

/**
 * Name of the rule used when the SE is 0 (p̂ of exactly 0 or 1, or every PSU with the same
 * proportion), where every svyciprop method is NaN or degenerate: the Korn–Graubard
 * (Clopper–Pearson) interval of R's "beta" method with the Kish effective sample size in
 * place of the variance-based one, x* = p̂·n*, n* = n_Kish · (t_{nAll−1}/t_df)². Unweighted
 * simple random samples get the exact Clopper–Pearson interval on (x, n).
 */
export const CLOPPER_PEARSON = 'clopper-pearson';

/** svyciprop(method=…) at the given level; null when df < 1 (R's t quantile is NaN). */
export function proportionCi(method: CiMethod, input: CiInput): Interval | null {
  if (!(input.df >= 1)) return null;
  if (!(input.se > 0)) {
    const [lower, upper] = kornGraubard(input.estimate, input.nEff, input);
    return { lower, upper, method: CLOPPER_PEARSON };
  }
  const [lower, upper] = METHODS[method](input);
  return { lower, upper, method };
}

const METHODS: Record<CiMethod, (c: CiInput) => [number, number]> = {
  mean: meanCi,
  asin: asinCi,
  xlogit: logitCi,
  // svyglm(y ~ 1, family = quasibinomial) with a Wald interval on ddf = degf: for the
  // intercept-only model its sandwich SE of logit(p̂) is exactly SE(p̂)/(p̂(1−p̂)), so it
  // equals "xlogit" (R differs only by glm's convergence tolerance, ~1e-11).
  logit: logitCi,
  beta: (c) => kornGraubard(c.estimate, varianceNeff(c), c),
  wilson: wilsonCi,
};

/** t quantile for a two-sided interval at `level`. */
function tCrit(c: CiInput): number {
  return qt(1 - (1 - c.level) / 2, c.df);
}

/** method="mean": confint(svymean) = p̂ ± t·SE. */
function meanCi(c: CiInput): [number, number] {
  const h = tCrit(c) * c.se;
  return [c.estimate - h, c.estimate + h];
}

/** method="asin": sin² of the Wald interval of asin(√p̂), delta-method SE (svycontrast). */
function asinCi(c: CiInput): [number, number] {
  const p = c.estimate;
  const theta = Math.asin(Math.sqrt(p));
  const h = (tCrit(c) * c.se) / (2 * Math.sqrt(p * (1 - p)));
  return [Math.sin(theta - h) ** 2, Math.sin(theta + h) ** 2];
}

/** method="xlogit" (and "logit"): expit of the Wald interval of logit(p̂), SE(p̂)/(p̂(1−p̂)). */
function logitCi(c: CiInput): [number, number] {
  const p = c.estimate;
  const eta = Math.log(p / (1 - p));
  const h = (tCrit(c) * c.se) / (p * (1 - p));
  return [expit(eta - h), expit(eta + h)];
}

/** method="wilson" (survey ≥ 4.4): Wilson score interval with n_eff = p̂(1−p̂)/Var and a t quantile. */
function wilsonCi(c: CiInput): [number, number] {
  return wilsonBounds(c.estimate, varianceNeff(c), tCrit(c));
}

/** The Wilson score interval of p̂ on n at quantile q (n = Infinity gives [p̂, p̂]). */
export function wilsonBounds(p: number, n: number, q: number): [number, number] {
  if (!Number.isFinite(n)) return [p, p];
  const denom = 1 + (q * q) / n;
  const centre = p + (q * q) / (2 * n);
  const half = (q / (2 * n)) * Math.sqrt(4 * n * p * (1 - p) + q * q);
  return [(centre - half) / denom, (centre + half) / denom];
}

/**
 * method="beta" (Korn & Graubard 1998): Clopper–Pearson with x = n*·p̂ on the effective sample
 * size n* = nEff · (qt(α/2, nAll−1) / qt(α/2, df))².
 */
function kornGraubard(p: number, nEff: number, c: CiInput): [number, number] {
  const alpha = 1 - c.level;
  const n = nEff * (qt(alpha / 2, c.nAll - 1) / qt(alpha / 2, c.df)) ** 2;
  return [qbeta(alpha / 2, n * p, n * (1 - p) + 1), qbeta(1 - alpha / 2, n * p + 1, n * (1 - p))];
}

/** svyciprop's effective sample size for "beta" and "wilson": p̂(1−p̂)/Var(p̂). */
function varianceNeff(c: CiInput): number {
  return (c.estimate * (1 - c.estimate)) / (c.se * c.se);
}

function expit(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}
