// The difference of two proportions with its test and interval: two domains of one wave
// (a design-based contrast with their covariance), two waves (independent samples, each wave
// its own design), and the rule for a side at 0 or 1, where the estimated variance is 0 and a
// Wald test would claim certainty the data do not have.
import { contrast, DIFFERENCE, LOG_RATIO, normalTest, type DomainCovariance } from './contrast.js';
import { pnorm, qnorm } from './distributions.js';
import { wilsonBounds } from './ci.js';
import type { ProportionEstimate } from './proportion.js';

/** What a comparison needs of each side's estimate (a ProportionEstimate has all of it). */
export interface ProportionSide {
  estimate: number;
  /** Linearisation SE; null when the variance does not exist (lonely PSUs under "average"). */
  se: number | null;
  /** Unweighted base and count of yes. */
  n: number;
  x: number;
  /** Design effect (R's deff = "replace"); null at p̂ = 0 or 1. */
  deff: number | null;
  /** Kish effective sample size (Σw)²/Σw². */
  nEff: number | null;
}

/** What a comparison needs of an estimate that exists (n > 0). */
export function proportionSide(e: ProportionEstimate): ProportionSide {
  return { estimate: e.estimate!, se: e.se, n: e.n, x: e.x, deff: e.deff, nEff: e.nEff };
}

/**
 * How the difference was tested: `design` (contrast of two domains of one design, with their
 * covariance), `independent` (two waves), `null_score` (a side at 0 or 1, see nullScoreTest).
 */
export type ComparisonRule = 'design' | 'independent' | 'null_score';

export interface Difference {
  /** b − a. */
  diff: number;
  /** SE of the difference; null under the null_score rule (its interval is not symmetric). */
  se: number | null;
  /** Two-sided p-value. */
  p: number;
  ciLower: number;
  ciUpper: number;
  rule: ComparisonRule;
}

/** b − a for two independent samples (two waves): SE √(se_a² + se_b²). Null without a variance. */
export function compareIndependent(a: ProportionSide, b: ProportionSide, level: number): Difference | null {
  if (a.se === null || b.se === null) return null;
  if (atBound(a) || atBound(b)) return nullScoreTest(a, b, level);
  return fromContrast(normalTest(b.estimate - a.estimate, Math.hypot(a.se, b.se), level), 'independent');
}

/**
 * b − a for two domains of one design (girls and boys, a municipality and the rest of the
 * county), from their covariance (domainCovariance of [a, b], asked for only when the test
 * needs it): R's svycontrast(svyby(…,
 * covmat = TRUE), c(-1, 1)) with a normal test and interval. Null when either side has no
 * variance of its own (R's svyby would then give that side a variance of 0: no test is
 * better than a false one).
 */
export function compareDomains(a: ProportionSide, b: ProportionSide, covariance: () => DomainCovariance, level: number): Difference | null {
  if (a.se === null || b.se === null) return null;
  if (atBound(a) || atBound(b)) return nullScoreTest(a, b, level);
  const c = contrast(covariance(), DIFFERENCE, level);
  return c === null ? null : fromContrast(c, 'design');
}

/** b / a, the prevalence ratio of two domains of one design, with its interval and test. */
export interface Ratio {
  /** p̂_b / p̂_a; null when p̂_a = 0. */
  ratio: number | null;
  /** exp of the log ratio's normal interval; null under the null_score rule or without a variance. */
  ciLower: number | null;
  ciUpper: number | null;
  /** Two-sided p of ratio = 1; null when a side has no variance. */
  p: number | null;
  rule: ComparisonRule | null;
}

/**
 * The prevalence ratio b / a of two domains of one design (pupils with and without a factor):
 * log(p̂_b / p̂_a) with its delta-method SE from the domains' covariance, a normal test of
 * log ratio = 0 and the interval exp(log ratio ± z·SE): R's svycontrast(svyby(…, covmat = TRUE),
 * quote(log(b / a))). With a side at 0 or 1 the log ratio has no usable SE (it is infinite, or
 * rests on the other side alone), so the test is the null-score test of b − a (ratio 1 ⟺
 * difference 0) and there is no interval. No test when a side has no variance.
 */
export function ratioOfDomains(a: ProportionSide, b: ProportionSide, covariance: () => DomainCovariance, level: number): Ratio {
  const ratio = a.estimate > 0 ? b.estimate / a.estimate : null;
  if (a.se === null || b.se === null) return { ratio, ciLower: null, ciUpper: null, p: null, rule: null };
  if (atBound(a) || atBound(b)) return { ratio, ciLower: null, ciUpper: null, p: nullScoreTest(a, b, level).p, rule: 'null_score' };
  const c = contrast(covariance(), LOG_RATIO, level);
  if (c === null) return { ratio, ciLower: null, ciUpper: null, p: null, rule: null };
  return { ratio: Math.exp(c.value), ciLower: Math.exp(c.ciLower), ciUpper: Math.exp(c.ciUpper), p: c.p, rule: 'design' };
}

/** A published value from another survey, with its standard error when its uncertainty is known. */
export interface ReferenceSide {
  estimate: number;
  se: number;
}

/**
 * own − reference for a published reference value (another survey: an independent sample):
 * SE √(se_own² + se_ref²), normal test and interval. When the own side is at 0 or 1, the
 * null-score rule, with the reference's effective n taken as p(1−p)/se². Null without a
 * variance of the own side, or for a reference at 0 or 1 (its SE says nothing then).
 */
export function compareWithReference(ref: ReferenceSide, own: ProportionSide, level: number): Difference | null {
  if (own.se === null || ref.estimate <= 0 || ref.estimate >= 1 || !(ref.se > 0)) return null;
  if (atBound(own)) {
    const n = (ref.estimate * (1 - ref.estimate)) / (ref.se * ref.se);
    const side = { estimate: ref.estimate, se: ref.se, n, x: ref.estimate * n, deff: 1, nEff: n };
    return nullScoreTest(side, own, level);
  }
  return fromContrast(normalTest(own.estimate - ref.estimate, Math.hypot(own.se, ref.se), level), 'independent');
}

function fromContrast(c: ReturnType<typeof normalTest>, rule: ComparisonRule): Difference {
  return { diff: c.value, se: c.se, p: c.p, ciLower: c.ciLower, ciUpper: c.ciUpper, rule };
}

/** x = 0 or x = n: the estimate is 0 or 1 and its estimated variance 0. */
function atBound(s: ProportionSide): boolean {
  return s.x === 0 || s.x === s.n;
}

/**
 * The rule for a side at 0 or 1 (x = 0 or x = n on either side). Each side's effective sample
 * size n* is n/deff, or Kish's n_eff on a side at 0 or 1 (where deff does not exist). The test
 * takes its variance under the null hypothesis from the pooled proportion
 * p̄ = Σ n*·p̂ / Σ n*: z = (p̂_b − p̂_a)/√(p̄(1−p̄)(1/n*_a + 1/n*_b)); both sides equal at 0 or
 * 1 give p = 1. The interval is Newcombe's hybrid score interval from each side's Wilson
 * interval at the normal quantile on n*. For an unweighted simple random sample (deff 1,
 * n* = n) the p-value is R's prop.test(x, n, correct = FALSE) and the interval Newcombe's
 * method 10.
 */
export function nullScoreTest(a: ProportionSide, b: ProportionSide, level: number): Difference {
  const na = effectiveN(a);
  const nb = effectiveN(b);
  const pa = a.estimate;
  const pb = b.estimate;
  const diff = pb - pa;
  // A side with infinite n* (deff 0: every PSU with the same proportion) is known exactly.
  const pooled = !Number.isFinite(nb) ? pb : !Number.isFinite(na) ? pa : (na * pa + nb * pb) / (na + nb);
  const v = pooled * (1 - pooled) * (1 / na + 1 / nb);
  const p = v > 0 ? 2 * pnorm(-Math.abs(diff / Math.sqrt(v))) : diff === 0 ? 1 : 0;
  const q = qnorm(1 - (1 - level) / 2);
  const [la, ua] = wilsonBounds(pa, na, q);
  const [lb, ub] = wilsonBounds(pb, nb, q);
  return {
    diff,
    se: null,
    p,
    ciLower: diff - Math.hypot(pb - lb, ua - pa),
    ciUpper: diff + Math.hypot(ub - pb, pa - la),
    rule: 'null_score',
  };
}

function effectiveN(s: ProportionSide): number {
  if (atBound(s) || s.deff === null) return s.nEff ?? s.n;
  return s.n / s.deff;
}

/**
 * "Statistiskt säkerställd": p (or q) < α = 1 − level. α is rounded to 12 digits, since
 * 1 − 0.95 is 0.050000000000000044 in floating point and p = 0.05 must not count as significant.
 */
export function isSignificant(p: number, level: number): boolean {
  return p < Number((1 - level).toPrecision(12));
}
