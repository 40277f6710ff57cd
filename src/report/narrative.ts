// Generated sentences: which sentence a record calls for (rise, fall, no change, too few,
// caution, a single wave), filled with formatted numbers. The wording is in i18n/.
import type { AssociationRecord, ChangeRecord, EstimateRecord, FiguresMeta, GroupKey, TrendRecord } from '../analysis/types.js';
import { localize, type Indicator, type LocalizedText } from '../config/schema.js';
import {
  comparisonDecimals,
  decimalsForBases,
  formatCi,
  formatDiff,
  formatInteger,
  formatLevel,
  formatList,
  formatP,
  formatPercent,
  formatYearRange,
  shownDifference,
  type Decimals,
} from './format.js';
import { groupLabels, parseGroup, TOTAL } from './groups.js';
import { strings, type Direction, type FullSubject, type Subject, type Who } from './i18n/index.js';
import type { Lang } from './model.js';

export interface NarrativeContext {
  lang: Lang;
  meta: FiguresMeta;
  /** The config's indicators by id, so that a combined indicator is described by its actual parts. */
  indicators?: ReadonlyMap<string, Indicator>;
  /**
   * Whom an indicator's share is of, when it has a population filter (null: everyone). Sentences
   * that compare a share outside its own section say it, so "14 procent berättade" is not read as
   * 14 % of all pupils.
   */
  populationOf?: (ind: Indicator) => string | null;
}

/** Text in the report's language only: a Swedish-only statement must not land in an English sentence. */
function inLanguage(text: LocalizedText | undefined, lang: Lang): string | null {
  if (text === undefined) return null;
  if (typeof text === 'string') return text;
  return lang === 'en' ? (text.en ?? null) : text.sv;
}

export function indicatorLabel(ind: Indicator, lang: Lang, short = false): string {
  return localize(short ? (ind.short ?? ind.label) : ind.label, lang);
}

/**
 * The indicator's statement plus its time frame (unless the statement already says it), or its
 * label. A combined indicator (any_of / all_of) is described by the labels of its parts, never
 * by a statement that could name forms it does not combine.
 */
export function subjectOf(ind: Indicator, lang: Lang, indicators?: ReadonlyMap<string, Indicator>): FullSubject {
  const parts = ind.any_of ?? ind.all_of;
  if (parts !== undefined && indicators !== undefined) {
    const labels = parts.map((id) => indicators.get(id)).map((p, i) => (p ? indicatorLabel(p, lang, true) : parts[i]!));
    return { clause: strings(lang).narrative.derived(ind.any_of ? 'any' : 'all', labels) };
  }
  const statement = inLanguage(ind.statement, lang);
  if (statement === null) return { label: indicatorLabel(ind, lang) };
  const frame = inLanguage(ind.time_frame, lang);
  const clause = frame !== null && !statement.toLowerCase().includes(frame.toLowerCase()) ? `${statement} ${frame}` : statement;
  return { clause };
}

export function whoOf(group: GroupKey, ctx: NarrativeContext): Who {
  const labels = groupLabels(ctx.meta, ctx.lang);
  const { gender, grade } = parseGroup(group);
  const label = (k: string) => labels.get(k) ?? k;
  return {
    gender: gender === null ? null : label(`gender=${gender}`),
    grade: grade === null ? null : label(`grade=${grade}`),
  };
}

/** Whether "statistiskt säkerställd" follows Benjamini–Hochberg adjusted p-values (tables without the setting: no). */
export function isAdjusted(meta: FiguresMeta): boolean {
  return meta.multiple_comparisons === 'fdr';
}

/** A record with a test: its p, q and verdict. */
type Tested = ChangeRecord | TrendRecord | AssociationRecord;

/** The p-value the record's verdict follows: q when adjusted, else p. */
export function verdictP(rec: Pick<ChangeRecord, 'p' | 'q'>, meta: FiguresMeta): number | null {
  return isAdjusted(meta) ? rec.q : rec.p;
}

/** "p = 0,048" or "justerat p = 0,048": the value the verdict beside it follows, so they agree. */
function pText(rec: Tested, ctx: NarrativeContext): string | null {
  const p = verdictP(rec, ctx.meta);
  return p === null ? null : formatP(p, ctx.lang, 1 - ctx.meta.level, strings(ctx.lang).words.pName(isAdjusted(ctx.meta)));
}

function pct(p: number, ctx: NarrativeContext, decimals: Decimals): string {
  return strings(ctx.lang).narrative.percent(formatPercent(p, ctx.lang, decimals, false));
}

/**
 * A hidden figure has no sentence here: why it is hidden (too few respondents, too few yes or
 * no answers, or to protect another hidden value) is for the caller to say, with the reason the
 * record gives (withheldSentence and the chapters' own sentences). One sentence for all of them,
 * "för få svarande", would be untrue of most.
 */
function hiddenRecord(rec: { kind: string; indicator: string }): Error {
  return new Error(`narrative: the hidden ${rec.kind} record of ${rec.indicator} has no sentence; say why it is hidden instead`);
}

/** Whether an estimate may be shown: suppression is checked first, so a hidden value never leaks. */
export function isShown(rec: EstimateRecord | undefined): rec is EstimateRecord & { estimate: number } {
  return rec !== undefined && !rec.suppressed && rec.estimate !== null;
}

/**
 * "Bland flickorna i årskurs 9 uppgav 18 procent (95 % KI 11–28) att de utsatts för …",
 * or that the group is too small to report; small groups get "tolka med försiktighet".
 * Pooled waves are named unless `pooledNote` is false (the chapter already says so).
 */
export function estimateSentence(ind: Indicator, rec: EstimateRecord, ctx: NarrativeContext, opts: { pooledNote?: boolean } = {}): string {
  const t = strings(ctx.lang).narrative;
  const who = whoOf(rec.group, ctx);
  if (!isShown(rec)) throw hiddenRecord(rec);
  const d = decimalsForBases([rec.n]);
  const ci = formatCi(rec.ci_lower, rec.ci_upper, ctx.lang, d, false);
  const parts = [t.estimate(who, subjectOf(ind, ctx.lang, ctx.indicators), pct(rec.estimate, ctx, d), formatLevel(ctx.meta.level, ctx.lang), ci)];
  if (rec.pooled_years && opts.pooledNote !== false) parts.push(t.pooledWaves(formatList(rec.pooled_years.map(String), ctx.lang)));
  if (rec.flag === 'caution') parts.push(t.caution(formatInteger(rec.n, ctx.lang)));
  return parts.join(' ');
}

function changeDirection(significant: boolean | null, sign: number | null): Direction {
  if (significant !== true || sign === null || sign === 0) return 'none';
  return sign > 0 ? 'rise' : 'fall';
}

/** The handbook's caveat belongs to a significant rise in disclosed violence (not to attitudes or safety). */
export function needsRiseCaveat(ind: Indicator, rec: ChangeRecord | TrendRecord): boolean {
  // Where violence happened or what it led to is no measure of how much violence there is.
  if (ind.chapter !== 'utsatthet' || ind.aspect !== undefined || ind.good !== 'lower') return false;
  const sign = rec.kind === 'change' ? rec.diff : rec.odds_ratio_per_year === null ? null : rec.odds_ratio_per_year - 1;
  return changeDirection(rec.significant, sign) === 'rise';
}

export interface ChangeOptions {
  /** Decimals of the estimates compared (default whole percent). */
  decimals?: Decimals;
  /** Append the rise caveat when it applies (default true; off when a paragraph adds it once). */
  caveat?: boolean;
  /** Say just "andelen" / "the share": the paragraph has already named the indicator. */
  anaphor?: boolean;
}

function subject(ind: Indicator, ctx: NarrativeContext, anaphor: boolean | undefined): Subject {
  return anaphor ? { anaphor: true } : comparedSubject(ind, ctx);
}

/** The subject of a comparison: the statement, and whom the share is of (see NarrativeContext.populationOf). */
function comparedSubject(ind: Indicator, ctx: NarrativeContext): FullSubject {
  const s = subjectOf(ind, ctx.lang, ctx.indicators);
  const among = ctx.populationOf?.(ind) ?? null;
  return among === null ? s : { ...s, among };
}

/** A wave-to-wave change (previous or baseline): rise, fall, or no statistically significant change. */
export function changeSentence(ind: Indicator, rec: ChangeRecord, ctx: NarrativeContext, opts: ChangeOptions = {}): string {
  const t = strings(ctx.lang).narrative;
  const who = whoOf(rec.group, ctx);
  const y1 = String(rec.year_from);
  const y2 = String(rec.year_to);
  if (rec.suppressed || rec.estimate_from === null || rec.estimate_to === null) throw hiddenRecord(rec);
  const d = comparisonDecimals(rec.estimate_from, rec.estimate_to, rec.significant === true, opts.decimals ?? 0);
  const sentence = t.change(
    changeDirection(rec.significant, rec.diff),
    who,
    subject(ind, ctx, opts.anaphor),
    { value: pct(rec.estimate_from, ctx, d), year: y1 },
    { value: pct(rec.estimate_to, ctx, d), year: y2 },
    formatDiff(shownDifference(rec.estimate_from, rec.estimate_to, d), ctx.lang, d, { signed: false, unit: true }),
    pText(rec, ctx),
  );
  return opts.caveat !== false && needsRiseCaveat(ind, rec) ? `${sentence} ${t.riseCaveat}` : sentence;
}

/** A trend over three or more waves, from the odds ratio's side of 1 and its significance. */
export function trendSentence(ind: Indicator, rec: TrendRecord, ctx: NarrativeContext, opts: Pick<ChangeOptions, 'caveat' | 'anaphor'> = {}): string {
  const t = strings(ctx.lang).narrative;
  const who = whoOf(rec.group, ctx);
  const range = formatYearRange(rec.years);
  if (rec.suppressed) throw hiddenRecord(rec);
  const sign = rec.odds_ratio_per_year === null ? null : rec.odds_ratio_per_year - 1;
  const sentence = t.trend(changeDirection(rec.significant, sign), who, subject(ind, ctx, opts.anaphor), range, pText(rec, ctx));
  return opts.caveat !== false && needsRiseCaveat(ind, rec) ? `${sentence} ${t.riseCaveat}` : sentence;
}

/** Two genders compared in the same wave (ChangeRecord with comparison "gender"). */
export function genderSentence(ind: Indicator, rec: ChangeRecord, ctx: NarrativeContext, opts: Pick<ChangeOptions, 'decimals' | 'anaphor'> = {}): string {
  const t = strings(ctx.lang).narrative;
  const grade = rec.group === TOTAL ? null : whoOf(rec.group, ctx).grade;
  const a = { gender: whoOf(rec.from, ctx).gender, grade: null };
  const b = { gender: whoOf(rec.to, ctx).gender, grade: null };
  if (rec.suppressed || rec.estimate_from === null || rec.estimate_to === null) throw hiddenRecord(rec);
  const d = comparisonDecimals(rec.estimate_from, rec.estimate_to, rec.significant === true, opts.decimals ?? 0);
  return t.gender(
    grade,
    subject(ind, ctx, opts.anaphor),
    { who: a, value: pct(rec.estimate_from, ctx, d) },
    { who: b, value: pct(rec.estimate_to, ctx, d) },
    rec.significant === true,
    formatDiff(shownDifference(rec.estimate_from, rec.estimate_to, d), ctx.lang, d, { signed: false, unit: true }),
    pText(rec, ctx),
  );
}

/** The sides of a rest-of-county comparison, whichever way round the record holds them. */
export function countySides(rec: ChangeRecord, area: string): { area: number | null; rest: number | null; diff: number | null } {
  const areaFirst = rec.from === area;
  return {
    area: areaFirst ? rec.estimate_from : rec.estimate_to,
    rest: areaFirst ? rec.estimate_to : rec.estimate_from,
    diff: rec.diff === null ? null : areaFirst ? -rec.diff : rec.diff,
  };
}

/** The area against the rest of the county (ChangeRecord with comparison "rest_of_county"). */
export function countySentence(ind: Indicator, rec: ChangeRecord, area: string, ctx: NarrativeContext, opts: Pick<ChangeOptions, 'decimals' | 'anaphor'> = {}): string {
  const t = strings(ctx.lang).narrative;
  const who = whoOf(rec.group, ctx);
  const rest = t.restOfCounty(ctx.meta.county);
  const sides = countySides(rec, area);
  if (rec.suppressed || sides.area === null || sides.rest === null) throw hiddenRecord(rec);
  const d = comparisonDecimals(sides.rest, sides.area, rec.significant === true, opts.decimals ?? 0);
  return t.county(
    who,
    subject(ind, ctx, opts.anaphor),
    { name: area, value: pct(sides.area, ctx, d) },
    { name: rest, value: pct(sides.rest, ctx, d) },
    rec.significant === true,
    formatDiff(shownDifference(sides.rest, sides.area, d), ctx.lang, d, { signed: false, unit: true }),
    pText(rec, ctx),
  );
}

/** The area against a reference value (ChangeRecord "reference"): tested only when the reference's uncertainty is known. */
export function referenceSentence(ind: Indicator, rec: ChangeRecord, ctx: NarrativeContext, opts: Pick<ChangeOptions, 'decimals'> = {}): string {
  const t = strings(ctx.lang).narrative;
  const who = whoOf(rec.group, ctx);
  const shown = !rec.suppressed && rec.estimate_from !== null && rec.estimate_to !== null;
  const d = shown ? comparisonDecimals(rec.estimate_from!, rec.estimate_to!, rec.significant === true, opts.decimals ?? 0) : (opts.decimals ?? 0);
  // The record names its reference set by the Swedish label.
  const label = ctx.meta.references.find((r) => r.label.sv === rec.from)?.label[ctx.lang] ?? rec.from;
  const reference = { label, value: rec.estimate_from === null ? '' : pct(rec.estimate_from, ctx, d), year: String(rec.year_from) };
  if (!shown) return t.referenceSuppressed(indicatorLabel(ind, ctx.lang), rec.to, reference);
  const verdict = rec.p === null ? 'untested' : rec.significant === true ? 'significant' : 'none';
  return t.reference(
    who,
    comparedSubject(ind, ctx),
    { name: rec.to, value: pct(rec.estimate_to!, ctx, d) },
    reference,
    verdict,
    formatDiff(shownDifference(rec.estimate_from!, rec.estimate_to!, d), ctx.lang, d, { signed: false, unit: true }),
    pText(rec, ctx),
  );
}

/**
 * Step 3: an outcome among pupils with and without a factor (AssociationRecord), in words that
 * claim no cause: "Bland elever som uppgav … var andelen som … X procent, jämfört med Y procent
 * bland övriga elever som besvarat frågan."
 */
export function associationSentence(factor: Indicator, outcome: Indicator, rec: AssociationRecord, ctx: NarrativeContext, cautionBase: string): string {
  const t = strings(ctx.lang).narrative;
  if (rec.suppressed || rec.estimate_with === null || rec.estimate_without === null) {
    return t.associationSuppressed([indicatorLabel(factor, ctx.lang, true)], [indicatorLabel(outcome, ctx.lang, true)]);
  }
  // Association records carry no base: whole percent (right for every base under 1 000).
  const d = associationDecimals(rec);
  const sentence = t.association(
    subjectOf(factor, ctx.lang, ctx.indicators),
    comparedSubject(outcome, ctx),
    pct(rec.estimate_with, ctx, d),
    pct(rec.estimate_without, ctx, d),
    rec.significant === true,
    pText(rec, ctx),
  );
  return rec.flag === 'caution' ? `${sentence} ${t.associationCaution(cautionBase)}` : sentence;
}

/** Decimals of an association's two shares: whole percent, one more where a significant difference would show as none. */
export function associationDecimals(rec: AssociationRecord): Decimals {
  return rec.estimate_with === null || rec.estimate_without === null ? 0 : comparisonDecimals(rec.estimate_without, rec.estimate_with, rec.significant === true, 0);
}

/** Only one wave so far: nothing to compare with (this report is the baseline). */
export function singleWaveSentence(area: string, year: number, lang: Lang): string {
  return strings(lang).narrative.singleWave(area, String(year));
}
