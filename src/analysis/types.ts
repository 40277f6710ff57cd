// The figures table: every number a report or export may show, one tidy record each.
// Produced by src/analysis from sufficient statistics; consumed by src/report and the
// `figures` export. Renderers never compute statistics: everything they print is here.
import type { Message } from '../messages/index.js';

/**
 * A group within an area and wave. `total`, or `gender=<code>`, `grade=<code>`,
 * `gender=<code>;grade=<code>`, and for an extra breakdown (groups.extra) `<id>=<code>` and
 * `gender=<code>;<id>=<code>`. Codes (not labels) keep keys stable across languages;
 * labels are in GroupLabel.
 */
export type GroupKey = string;

export type Flag = 'caution' | null;

export type SuppressionReason =
  | 'base' // unweighted base under min_base
  | 'count' // 1..max_small_count respondents answered yes
  | 'complement' // 1..max_small_count respondents answered no
  | 'secondary'; // hidden so that another suppressed cell cannot be recovered

/** A proportion for one indicator × area × wave (or pooled waves) × group. */
export interface EstimateRecord {
  kind: 'estimate';
  indicator: string;
  area: string;
  /** The wave; for pooled waves the last wave, with `pooled_years` listing all. */
  year: number;
  pooled_years: number[] | null;
  group: GroupKey;
  /** Unweighted base: respondents in the group with a valid answer (never suppressed). */
  n: number;
  /** Unweighted count of yes; null when suppressed. */
  x: number | null;
  estimate: number | null;
  se: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  /** The interval method actually used (e.g. "wilson", or "clopper-pearson" at 0 or 1). */
  ci_method: string | null;
  df: number | null;
  deff: number | null;
  n_eff: number | null;
  suppressed: boolean;
  suppression: SuppressionReason | null;
  flag: Flag;
}

/** A difference between two waves, two groups, or an area and the rest of the county. */
export interface ChangeRecord {
  kind: 'change';
  /**
   * What is compared: wave vs previous wave, vs the first wave, girls vs boys, area vs rest of
   * county, area vs a reference value (from = the reference's label, year_from its year).
   */
  comparison: 'previous' | 'baseline' | 'gender' | 'rest_of_county' | 'reference';
  indicator: string;
  area: string;
  group: GroupKey;
  /** Wave of the first and second estimate (equal for gender and county comparisons). */
  year_from: number;
  year_to: number;
  /** What the two estimates are (group keys, or area names for rest_of_county). */
  from: string;
  to: string;
  /** Null when the comparison is suppressed, except for a reference value (published elsewhere, always kept). */
  estimate_from: number | null;
  estimate_to: number | null;
  /** estimate_to − estimate_from, as a proportion (0.05 = 5 percentage points). */
  diff: number | null;
  diff_ci_lower: number | null;
  diff_ci_upper: number | null;
  /** Two-sided p-value (see README: design-based for two domains of one wave, independent for two waves, the null-score rule at 0 or 1). */
  p: number | null;
  /** Benjamini–Hochberg adjusted p over every record of the area with a p. */
  q: number | null;
  /** q < 1 − level (statistics.multiple_comparisons: fdr), or p < 1 − level (none). */
  significant: boolean | null;
  suppressed: boolean;
}

/** A linear trend over three or more waves (no series break inside). */
export interface TrendRecord {
  kind: 'trend';
  indicator: string;
  area: string;
  group: GroupKey;
  years: number[];
  /** Survey-weighted logistic regression on year. */
  odds_ratio_per_year: number | null;
  or_ci_lower: number | null;
  or_ci_upper: number | null;
  p: number | null;
  /** Benjamini–Hochberg adjusted p (as for changes). */
  q: number | null;
  /** Cochran–Armitage on unweighted counts (a check that needs no design). */
  cochran_armitage_p: number | null;
  significant: boolean | null;
  suppressed: boolean;
}

/** Minimum detectable change for the next wave (step 5 follow-up basis). */
export interface FollowUpRecord {
  kind: 'follow_up';
  indicator: string;
  area: string;
  group: GroupKey;
  year: number;
  estimate: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  /** Smallest change (proportion) the next wave of the same size and design would detect. */
  mdc: number | null;
  suppressed: boolean;
}

/**
 * Where a goal stands (README, "Goals and their status"): `reached`, `on_track`,
 * `not_on_track` (before the target year), `not_reached` (in or after it), or `uncertain`
 * ("ännu inte möjligt att säga": the uncertainty covers both).
 */
export type GoalStatus = 'reached' | 'on_track' | 'not_on_track' | 'not_reached' | 'uncertain';

/**
 * A goal (indicator `target`) for one area: baseline, latest wave, change so far and status.
 * As a change record from the goal's baseline wave (year_from, estimate_from) to the latest
 * (year_to, estimate_to): the change, its interval, p, q (the goal's test is one of the
 * area's family) and verdict; `suppressed` when the latest share is hidden (no numbers, no status).
 */
export interface GoalRecord
  extends Pick<
    ChangeRecord,
    'indicator' | 'area' | 'group' | 'year_from' | 'year_to' | 'estimate_from' | 'estimate_to' | 'diff' | 'diff_ci_lower' | 'diff_ci_upper' | 'p' | 'q' | 'significant' | 'suppressed'
  > {
  kind: 'goal';
  /** The latest wave (as year_to). */
  year: number;
  /** The target share (proportion) and the year it is to be reached by. */
  target: number;
  target_year: number;
  /** The latest wave's confidence interval. */
  ci_lower: number | null;
  ci_upper: number | null;
  /** The change a straight line from the baseline to the target asks for by the latest wave. */
  required_change: number | null;
  /** target − estimate_to: the distance left (signed). */
  remaining: number | null;
  /** Minimum detectable change of the next wave for the goal's group, and whether |remaining| ≥ it. */
  mdc: number | null;
  detectable: boolean | null;
  status: GoalStatus | null;
}

/** Below this response rate a group's figures may be biased by non-response (flag `low_response`; the report warns). */
export const LOW_RESPONSE = 0.5;

/**
 * Response in a group (config `population`): every respondent of the group, whatever they
 * answered, against the pupils of the population file. Under disclosure control as a cell
 * whose base is the population and whose count is the respondents (see README).
 */
export interface ResponseRecord {
  kind: 'response';
  area: string;
  /** The wave; for pooled waves the last, with `pooled_years` listing all (n and population summed over them). */
  year: number;
  pooled_years: number[] | null;
  group: GroupKey;
  /** Respondents in the group; null when suppressed. */
  n: number | null;
  /** Pupils in the group's population (public register numbers, always shown). */
  population: number;
  /** n / population; null when suppressed. */
  rate: number | null;
  suppressed: boolean;
  suppression: SuppressionReason | null;
  /** `low_response`: fewer than half of the pupils answered (LOW_RESPONSE), so non-response may bias the group's figures. */
  flag: 'low_response' | null;
}

/**
 * Step 3: an outcome (`indicator`) among the "Totalt" respondents with and without a
 * förändringsfaktor (`factor` answered yes / no), in the outcome's population, and their
 * prevalence ratio with its design-based interval and test.
 */
export interface AssociationRecord {
  kind: 'association';
  indicator: string;
  factor: string;
  area: string;
  year: number;
  group: GroupKey;
  estimate_with: number | null;
  estimate_without: number | null;
  /** estimate_with / estimate_without (null when estimate_without is 0). */
  ratio: number | null;
  ratio_ci_lower: number | null;
  ratio_ci_upper: number | null;
  p: number | null;
  q: number | null;
  significant: boolean | null;
  suppressed: boolean;
  /** `caution` when either side's base is under caution_base. */
  flag: Flag;
}

export type FigureRecord = EstimateRecord | ChangeRecord | TrendRecord | FollowUpRecord | GoalRecord | ResponseRecord | AssociationRecord;

export interface SuppressionAuditEntry {
  indicator: string;
  area: string;
  year: number;
  group: GroupKey;
  reason: SuppressionReason;
}

/**
 * Respondents per area × wave × group (unweighted; counts only, never rows). Group `all`
 * counts every respondent, also those outside "Totalt" (an unreported gender or school year).
 */
export interface RespondentCount {
  area: string;
  year: number;
  group: GroupKey;
  n: number;
}

export interface FiguresMeta {
  areas: string[];
  years: number[];
  county: string;
  ci_method: string;
  level: number;
  /** What "significant" follows: q (fdr) or p (none). */
  multiple_comparisons: 'fdr' | 'none';
  /** Power used for the minimum detectable change. */
  power: number;
  weighted: boolean;
  strata: boolean;
  clusters: boolean;
  /** Labels for group keys, per language. */
  group_labels: Record<GroupKey, { sv: string; en: string }>;
  /** Group keys in display order (total, gender values, grade values, gender×grade, extra breakdowns). */
  groups: GroupKey[];
  /** The reference values' labels and sources (config `references`); `from` of a reference comparison is the Swedish label. */
  references: { label: { sv: string; en: string }; source: { sv: string; en: string } }[];
  pooled: {
    waves: boolean;
    grades: boolean;
    areas: Record<string, string[]>;
    /**
     * Members of a pooled area without respondents in a wave, by area and wave year ("2022"):
     * that wave's figures are the other members' alone. Absent when every member answered in
     * every wave.
     */
    absent?: Record<string, Record<string, string[]>>;
  };
  /** design.fpc: the variance has a finite population correction. */
  fpc: boolean;
  /** Config `population`: response records exist; poststratified: weights are post-stratified to it. */
  population: { poststratified: boolean } | null;
}

/**
 * The figures as a file writes them: the meta and every record in order, the records possibly
 * computed as they are read (a country's never sit in memory at once). A FiguresTable is one.
 */
export interface FiguresStream {
  meta: FiguresMeta;
  records: Iterable<FigureRecord>;
}

export interface FiguresTable {
  meta: FiguresMeta;
  records: FigureRecord[];
  respondents: RespondentCount[];
  audit: SuppressionAuditEntry[];
  /** Things the user should check (rendered in the CLI's language). */
  warnings: Message[];
}
