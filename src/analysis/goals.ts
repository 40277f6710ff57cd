// Goals (handbook step 5): where an indicator's share stands against the municipality's target,
// from the estimates with their confidence intervals, the change since the goal's baseline
// wave with its test, and the minimum detectable change of the next wave. The status rules
// are documented in README ("Goals and their status") and tested case by case.
import type { GoalStatus } from './types.js';

export interface GoalInput {
  /** Which direction is good for the indicator. */
  good: 'lower' | 'higher';
  /** The target share (proportion) and the year it should be reached by. */
  target: number;
  targetYear: number;
  /** The baseline wave and its share (null when hidden or when there is no earlier wave). */
  baselineYear: number;
  baseline: number | null;
  /** The latest wave, its share and confidence interval (all shown). */
  latestYear: number;
  latest: number;
  lower: number;
  upper: number;
  /** The change since the baseline: its interval and the report's verdict; null without a test. */
  change: { diff: number; lower: number; upper: number; significant: boolean } | null;
  /** Minimum detectable change of the next wave (proportion), null when none can be computed. */
  mdc: number | null;
}

export interface GoalAssessment {
  status: GoalStatus;
  /** Change from the baseline that a straight line to the target asks for by the latest wave. */
  required_change: number | null;
  /** target − latest share (signed, as a proportion). */
  remaining: number;
  /** The next wave could detect a change as large as the distance left (|remaining| ≥ mdc). */
  detectable: boolean | null;
}

/**
 * The goal's status. In "better" terms (s = −1 when lower is good, +1 when higher is): with
 * the latest wave's interval [L, U], the change's interval [dL, dU] and the required change r,
 *
 * 1. reached: the whole interval of the latest wave is at or past the target
 *    (s = −1: U ≤ target; s = +1: L ≥ target).
 * 2. In or after the target year: not_reached when the whole interval is short of the target,
 *    else uncertain.
 * 3. Before the target year, with a change since the baseline:
 *    - on_track: the change is statistically significant (the report's rule) in the good
 *      direction, and its interval reaches the straight line from the baseline to the target
 *      (s = −1: dL ≤ r; s = +1: dU ≥ r);
 *    - not_on_track: its whole interval falls short of that line (s = −1: dL > r; s = +1: dU < r);
 *    - uncertain otherwise ("ännu inte möjligt att säga": the interval holds both).
 *    Without a change (one wave, the baseline hidden, no test): uncertain.
 */
export function assessGoal(g: GoalInput): GoalAssessment {
  const better = g.good === 'lower' ? -1 : 1;
  const remaining = g.target - g.latest;
  const detectable = g.mdc === null ? null : Math.abs(remaining) >= g.mdc;
  const span = g.targetYear - g.baselineYear;
  const required_change = g.baseline === null || span <= 0 ? null : ((g.target - g.baseline) * Math.min(1, (g.latestYear - g.baselineYear) / span));
  const result = (status: GoalStatus): GoalAssessment => ({ status, required_change, remaining, detectable });

  // Past the target, for the worst case the interval allows.
  const worst = better < 0 ? g.upper : g.lower;
  const best = better < 0 ? g.lower : g.upper;
  if (better * (worst - g.target) >= 0) return result('reached');
  if (g.latestYear >= g.targetYear) return result(better * (best - g.target) < 0 ? 'not_reached' : 'uncertain');
  if (g.change === null || required_change === null || g.latestYear <= g.baselineYear) return result('uncertain');
  const bestChange = better < 0 ? g.change.lower : g.change.upper;
  const reachesLine = better * (bestChange - required_change) >= 0;
  if (g.change.significant && better * g.change.diff > 0 && reachesLine) return result('on_track');
  if (!reachesLine) return result('not_on_track');
  return result('uncertain');
}

