// The shape of a report language: every fixed text and every sentence template. Templates
// take values that are already formatted; grammar (word order, definite forms) lives here,
// the choice of which sentence to say lives in narrative.ts.
import type { Aspect, Form, Level } from '../../config/schema.js';
import type { RenderLabels } from '../model.js';

/** Why a value is hidden, as far as a reader may know it (see report/cells.ts). */
export type WithheldKind = 'base' | 'small-count' | 'secondary';

/** Whom a sentence is about: labels of the group's parts; both null means everyone. */
export interface Who {
  gender: string | null;
  grade: string | null;
}

/** What the share is of: the indicator's statement ("att de utsatts för …") or, lacking one, its label. */
export type FullSubject = ({ clause: string } | { label: string }) & {
  /** Whom the share is of, when the indicator has a population filter ("dem som svarat ja på ”…”"). */
  among?: string;
};
/** Or just "andelen" / "the share", when the paragraph has already named the indicator. */
export type Subject = FullSubject | { anaphor: true };

export type Direction = 'rise' | 'fall' | 'none';

/** A value and the wave it belongs to, both formatted. */
export interface AtWave {
  value: string;
  year: string;
}

export interface Phrasing {
  /** "18 procent" / "18%". */
  percent(num: string): string;
  estimate(who: Who, subject: FullSubject, pct: string, level: string, ci: string): string;
  caution(n: string): string;
  pooledWaves(years: string): string;
  change(dir: Direction, who: Who, subject: Subject, from: AtWave, to: AtWave, diff: string, p: string | null): string;
  riseCaveat: string;
  trend(dir: Direction, who: Who, subject: Subject, range: string, p: string | null): string;
  /** Two genders compared (within a school year when `grade` is set). */
  gender(grade: string | null, subject: Subject, a: { who: Who; value: string }, b: { who: Who; value: string }, significant: boolean, diff: string, p: string | null): string;
  county(who: Who, subject: Subject, area: { name: string; value: string }, rest: { name: string; value: string }, significant: boolean, diff: string, p: string | null): string;
  /** "övriga länet" / "övriga Norrbacka län". */
  restOfCounty(county: string): string;
  singleWave(area: string, year: string): string;
  indicatorSingleWave(label: string, year: string): string;
  seriesBreak(year: string): string;
  /** Nothing in the report is statistically significant; `kinds`: what was compared. */
  noSignificantFindings(kinds: ('waves' | 'genders' | 'county')[]): string;
  noSignificantCountyDifference: string;
  /** Every comparison with the rest of the county is hidden (either side is): none was made. */
  noCountyComparisonShown: string;
  /** A derived indicator's clause from its parts' labels: yes to at least one (any) or to all of them. */
  derived(kind: 'any' | 'all', labels: string[]): string;
  /**
   * County overview: where an indicator differs significantly from the rest of the county.
   * `shown`: municipalities whose comparison is shown (tested); `hidden`: those whose
   * comparison is hidden (a side is), which were not tested.
   */
  countyOverview(label: string, higher: string[], lower: string[], compared: { shown: number; hidden: number }): string;
  /**
   * The area against a reference value: `verdict` is the test's (`untested` when the
   * reference's uncertainty is unknown: never called significant then).
   */
  reference(who: Who, subject: FullSubject, area: { name: string; value: string }, reference: { label: string; value: string; year: string }, verdict: 'significant' | 'none' | 'untested', diff: string, p: string | null): string;
  /** The area's own value of the indicator (`label`) is hidden, so it is not compared with the reference. */
  referenceSuppressed(label: string, area: string, reference: { label: string; value: string; year: string }): string;
  /** Step 3: the outcome among pupils with the factor (`factor`) and among the others who answered; no causal words. */
  association(factor: FullSubject, outcome: FullSubject, withFactor: string, withoutFactor: string, significant: boolean, p: string | null): string;
  /** The associations of these factors with these outcomes are all hidden (too few respondents on a side). */
  associationSuppressed(factors: string[], outcomes: string[]): string;
  associationCaution(base: string): string;
}

/** The survey sentence's respondents in the total group, when fewer than answered (see Strings.text.survey). */
export interface SurveyCounted {
  n: string;
  /** The total group's label ("Totalt"). */
  total: string;
  /** The groups are by gender and school year (false: by gender alone). */
  byGrade: boolean;
}

export interface Strings {
  /** BCP 47 tag. */
  langTag: string;
  labels: RenderLabels;
  syntheticNotice: string;
  narrative: Phrasing;

  title(area: string): string;
  subtitle(years: string): string;
  countyTitle(county: string): string;
  countySubtitle(years: string): string;

  chapters: {
    sammanfattning: string;
    inledning: string;
    omUndersokningen: string;
    utsatthet: string;
    utovandeAttityder: string;
    otrygghet: string;
    utveckling: string;
    utovande: string;
    attityder: string;
    jamforelseLanet: string;
    forandringsfaktorer: string;
    uppfoljning: string;
    bilagor: string;
    omOversikten: string;
    kommunerna: string;
    lanetsUtveckling: string;
    grupper: string;
    jamforelseReferens: string;
    lansprofil: string;
  };
  forms: Record<Form, string>;
  /** Section titles of the follow-up questions in the utsatthet chapter. */
  aspects: Record<Aspect, string>;
  levels: Record<Level | 'none', string>;
  factors: Record<'risk' | 'skydd' | 'none', string>;

  sections: {
    keyFigures: string;
    findings: string;
    definition: string;
    lasanvisning: string;
    utovande: string;
    attityder: string;
    tables: string;
    questions: string;
    method: string;
    outline: string;
    /** Step 3: the outcomes among pupils with and without the factors of a level. */
    associations: string;
    /** The follow-up questions together (county profile). */
    aspects: string;
  };

  words: {
    total: string;
    /** Every respondent, also those outside "Totalt" (an unreported gender or school year). */
    allRespondents: string;
    allGrades: string;
    share: string;
    indicator: string;
    group: string;
    grade: string;
    wave: string;
    area: string;
    n: string;
    yes: string;
    no: string;
    /** "eller" between the last two items of a list of alternatives. */
    or: string;
    lower: string;
    higher: string;
    pValue: string;
    /** Header of a column of Benjamini–Hochberg adjusted p-values. */
    adjustedPValue: string;
    /** What a p-value is called in a sentence: "p", or "justerat p" when adjusted for multiplicity. */
    pName(adjusted: boolean): string;
    significant: string;
    diffPp: string;
    restOfCounty: string;
    /** Header of a percent column with its interval in parentheses. */
    shareWithCi(level: string): string;
    ci(level: string): string;
    shareIn(year: string): string;
    ciIn(level: string, year: string): string;
    nIn(year: string): string;
    baseline(year: string): string;
    mdc: string;
    goodDirection: string;
    quote(text: string): string;
    pooledWave(range: string): string;
    pooledArea(area: string): string;
    /** Header of a group's percent column with its interval ("Flickor, andel % (95 % KI)"). */
    groupShareWithCi(group: string, level: string): string;
    /** A figure table's column of a series' reference values ("Totalt: Riket"). */
    seriesReference(series: string, reference: string): string;
    /** A table column of reference values ("Riket (%)"). */
    referenceShare(reference: string): string;
    /** A reference's part of a source line ("Riket: …"). */
    referenceSource(label: string, source: string): string;
    /** A comparison with a reference whose uncertainty is unknown. */
    notTested: string;
    factor: string;
    outcome: string;
    withFactor: string;
    withoutFactor: string;
    /** Header of the prevalence ratio column with its interval. */
    ratio(level: string): string;
    /** Municipalities `from`–`to` of `of`, when the county profile is split. */
    areaRange(from: string, to: string, of: string): string;
  };

  notes: {
    cellFormat(level: string): string;
    caution(base: string): string;
    /** `gradeRows`: the table has school-year rows; `byGrade`: the config has a school-year variable. */
    /** `labels`: the unreported groups present ("Annat/vill ej ange"), or "" when the others only lack an answer. */
    notReported(labels: string, gradeRows: boolean, byGrade: boolean): string;
    /** Under the county's response rates per municipality, when some respondents are outside Totalt: they are not counted. */
    areasTotalOnly(byGrade: boolean): string;
    /** All respondents are in one school year, so no row repeats the total. */
    oneGrade(grade: string): string;
    /** Groups whose baseline is hidden have no row in the follow-up table. */
    followUpDropped: string;
    /** `..`: hidden for its own small numbers, with the reasons that occur ('base', 'small-count'). */
    withheld(kinds: readonly WithheldKind[], minBase: string, maxSmall: string): string;
    /** `(..)`: hidden to protect another hidden value. */
    secondary: string;
    /** `–`: no value. */
    missing: string;
    pooledArea(area: string, members: string): string;
    /** After pooledArea: members without respondents in a wave ("Söderby har inga svarande 2022, så Södra 2022 avser bara Norrvik."). */
    pooledAbsent(area: string, year: string, absent: string, present: string, several: boolean): string;
    diff: string;
    /** A chart's reference marker (`symbol`, e.g. ◆) and the set it shows. */
    referenceMarker(symbol: string, label: string): string;
    /** A reference value with a year in parentheses is from an earlier year than the wave. */
    referenceYear: string;
    /** `–` in these reference columns: the set has no value for the indicator or group. */
    referenceMissing(labels: string[]): string;
    referenceDiff: string;
    notTested: string;
    /** What the prevalence ratio is; `adjusted`: its interval is not adjusted, the verdict is. */
    ratio(adjusted: boolean): string;
    associationWithheld(minBase: string, maxSmall: string): string;
    associationCaution(base: string): string;
    /** The county profile's symbols. */
    profile(high: string, low: string, county: string): string;
    /** Indicators whose shares are of part of the pupils only. */
    populationOf(labels: string[], who: string): string;
  };

  alt: {
    bar: string;
    line: string;
    /** "flickor 24 %" inside an alt text. */
    value(label: string, value: string): string;
    /** Read instead of `..` / `(..)`. */
    withheld: Record<WithheldKind, string>;
    reference(label: string, value: string): string;
    highestLowest(high: string, low: string): string;
    /** The same within one part of a figure split into parts (see barChartParts). */
    highestLowestInPart(high: string, low: string): string;
    /** The chart also marks the reference values of this set. */
    markers(label: string): string;
  };

  captions: {
    byGenderGrade(label: string, area: string, wave: string): string;
    byGender(label: string, area: string, wave: string): string;
    byGrade(label: string, area: string, wave: string): string;
    total(label: string, area: string, wave: string): string;
    factors(level: string, factor: string, area: string, wave: string, byGender: boolean): string;
    trend(label: string, area: string, range: string): string;
    respondents(area: string): string;
    respondentsByArea(county: string): string;
    countyComparison(area: string, wave: string): string;
    areas(label: string, wave: string): string;
    areasTable(label: string, wave: string): string;
    followUp(area: string, wave: string): string;
    appendix(label: string, area: string): string;
    /** A follow-up section's chart (where, what it led to, who was told). */
    aspect(title: string, area: string, wave: string, byGender: boolean): string;
    /** `variable` lower-cased ("födelseland"). */
    groups(variable: string, area: string, wave: string): string;
    groupsTable(variable: string, area: string, wave: string, byGender: boolean): string;
    associations(level: string, area: string, wave: string): string;
    references(area: string, reference: string, wave: string): string;
    /** `range`: which municipalities, when the profile is split (else null). */
    profile(title: string, wave: string, range: string | null): string;
    /** A figure split into parts (a bar chart longer than a page): "…, 2023 (del 2 av 10)". */
    part(caption: string, index: string, count: string): string;
  };

  text: {
    keyFigureDetail(wave: string, ci: string, genders: string): string;
    keyFigureCaution(n: string): string;
    keyFigureCautionGroups(groups: string, base: string): string;
    /** After a comparison of two small groups: their sizes ("12 och 10"). */
    cautionGroups(ns: string, oneOf: boolean): string;
    /** After a comparison of two small waves: their sizes. */
    cautionWaves(ns: string, oneOf: boolean): string;
    /** `topics`: what the result chapters present describe ("utsatthet för våld", "otrygghet"); `followUp`: a follow-up report. */
    intro(area: string, years: string, topics: string[], followUp: boolean): string;
    /** What each chapter holds, for the outline in the introduction (by chapter id). */
    chapterGuide: Record<string, string>;
    /** The development chapter's line in the outline when the area has one wave (the chapter says so). */
    developmentGuideOneWave: string;
    topics: { utsatthet: string; utovande: string; attityder: string; otrygghet: string };
    stepsIntro: string;
    /** The five steps, names as published (English adds the Swedish name). */
    steps: [string, string, string, string, string];
    reportPlace(withFactors: boolean, withFollowUp: boolean): string;
    definitionIntro(area: string, agreed: boolean): string;
    /** After a definition that is not marked as agreed. */
    definitionNotAgreed: string;
    noDefinitionTitle: string;
    noDefinition: string;
    /**
     * `n`: everyone who answered. `pooled`: the latest wave is the waves pooled (then `latest` is
     * not used). `counted`: when fewer are in the total group (`total`: its label) than answered,
     * how many are, and whether the groups are by gender and school year or by gender alone.
     */
    survey(area: string, years: string, latest: string, n: string, pooled: boolean, counted: SurveyCounted | null): string;
    /** The area has no respondents in the county's latest wave: its report is of an earlier one (and so are its comparisons). */
    notInLatest(area: string, countyLatest: string, own: string, withCounty: boolean): string;
    weighting(weighted: boolean, strata: boolean, clusters: boolean): string;
    /** `level` is the bare number ("95"). */
    ciMethod(level: string, method: string): string;
    ciMethods: Record<string, string>;
    /** `level` is the bare number ("95"). */
    readingCi(level: string): string;
    readingSuppressed(minBase: string, maxSmall: string): string;
    readingCaution(base: string): string;
    /** `adjusted`: the verdict follows Benjamini–Hochberg adjusted p-values. */
    readingSignificant(alpha: string, adjusted: boolean): string;
    /** Why p-values are adjusted, in two plain sentences; `alphaPercent` e.g. "5". */
    readingMultiplicity(alphaPercent: string): string;
    readingPp: string;
    pooledWaves(range: string): string;
    pooledNoChange(range: string): string;
    pooledGrades: string;
    utsatthetIntro(wave: string, byGrade: boolean): string;
    otrygghetIntro(wave: string): string;
    utovandeIntro(wave: string, sections: 'both' | 'utovande' | 'attityder'): string;
    utvecklingIntro(range: string): string;
    /** After utvecklingIntro for a pooled area whose members differ between waves. */
    utvecklingMembers(area: string): string;
    countyIntro(area: string, county: string, wave: string): string;
    factorsIntro: string;
    followUpIntro(wave: string, power: string): string;
    followUpGoals: string;
    /** Follow-up indicators without a baseline that may be shown, those hidden for one reason together. */
    followUpHidden(hidden: { labels: string[]; reason: string }[], wave: string): string;
    appendixTablesIntro: string;
    questionItem(label: string, question: string | null, answers: string): string;
    yesAnswers(list: string): string;
    noAnswers(list: string): string;
    anyOf(list: string): string;
    allOf(list: string): string;
    /** Whom a population filter keeps, as a noun phrase: by a filter question (and the answers that select), or by another indicator's answer. */
    populationWho: {
      question(question: string | null, values: string | null): string;
      indicator(label: string, answer: 'yes' | 'no'): string;
    };
    /** An indicator's population in the list of questions. */
    onlyFor(who: string): string;
    missingAnswers(list: string): string;
    /** A check box (config `checkboxes`): who counts as no answer, and as no when the scale says an empty box is no. */
    checkbox(emptyIsNo: boolean): string;
    /** Several options could be ticked, written in one column (config `several_answers`): who counts as no. */
    severalNo(answers: string, other: 'no' | 'missing' | null): string;
    /** The answers are known only as codes, without their texts. */
    codesOnly: string;
    noQuestion: string;
    /** Whom a follow-up section's questions were put to; `labels` when they differ between its indicators. */
    aspectPopulation(who: string, labels: string[] | null): string;
    /** `variables` lower-cased ("födelseland", "familjens ekonomi"). */
    groupsIntro(wave: string, variables: string[]): string;
    groupsHidden(area: string, variable: string): string;
    /** One key indicator over a breakdown's values: the shown ones with their intervals, the hidden ones with the reason. */
    /** `hidden`: the hidden values, grouped by why they are hidden. */
    groupsValues(label: string, shown: { group: string; value: string; ci: string; caution: boolean }[], hidden: { groups: string[]; reason: string }[], cautionBase: string): string;
    /** Step 3: what the associations of the outcomes (labels) show and do not show (the handbook's caveat). */
    associationsIntro(outcomes: string[]): string;
    referencesIntro(area: string, wave: string): string;
    referenceSet(label: string, source: string): string;
    /** The county profile: what a cell and its symbols say. */
    profileIntro(county: string, wave: string, high: string, low: string, adjusted: boolean, alpha: string): string;
    methodAssociations: string;
    methodReferences: string;
    /**
     * How comparisons are tested, only the kinds the report can have: `county`, it compares with
     * the rest of the county; `clusters` and `strata`, the config's design has them (what links
     * two groups of one wave); `waves`, how many waves it compares (1 when pooled).
     */
    methodTests(facts: { county: boolean; clusters: boolean; strata: boolean; waves: number }): string;
    /** How many tests the report rests on, and how the verdict handles that. */
    /** `count` ≥ 1 (see methodNoTests); "1" reads as one test. */
    /** `expectedByChance`: tests expected significant by chance without adjustment, null when under one (then each test's risk is said). */
    methodMultiplicity(count: string, adjusted: boolean, alpha: string, expectedByChance: string | null): string;
    /** The report tests nothing: every comparison, change and trend is hidden or absent. */
    methodNoTests: string;
    methodDisclosure(minBase: string, maxSmall: string, secondary: boolean): string;
    countyOverviewIntro(county: string, count: string, wave: string): string;
    countyComparisonNote(county: string): string;
    countyMissing(county: string): string;
  };

  /** Population counts, response rates, post-stratification and the finite population correction. */
  population: {
    /** Caption of the table of respondents out of pupils per group and wave. */
    caption(area: string): string;
    /** "358 av 412 (87 %)": respondents of pupils with the rate. */
    cell(n: string, pupils: string, rate: string): string;
    /** What the cells hold. */
    cellFormat: string;
    /** `..`: the group has fewer than minBase pupils, or 1–maxSmall answered or did not. */
    withheld(minBase: string, maxSmall: string): string;
    /** After the note on "Alla svarande": why the others have no response rate. */
    notRated: string;
    /**
     * After the survey sentence's respondents: their share of the pupils; `grades`: "91 procent i
     * åk 9" per school year, or empty; `counted`: the total group's respondents when the sentence
     * before named them (fewer than answered), whose share it is.
     */
    sentence(rate: string, pupils: string, pooled: boolean, grades: string[], counted: string | null): string;
    /** "91 procent i åk 9". */
    gradeRate(rate: string, grade: string): string;
    lowTitle: string;
    /**
     * Groups where fewer than half answered, each with its rates ("43 procent 2019 och 44
     * procent 2023", a list already); `group` null: all pupils (the total).
     */
    low(groups: { group: string | null; rates: string }[], poststratified: boolean): string;
    /** "43 procent 2019". */
    lowRate(rate: string, wave: string): string;
    /** In the summary: the whole area's response in the latest wave is under 50 %. */
    lowTotal(area: string, rate: string, wave: string): string;
    /** Where the counts of pupils come from (`source` from the config, or null). */
    methodSource(source: string | null, byGrade: boolean): string;
    methodResponse: string;
    methodPoststratified(byGrade: boolean): string;
    /** `clusters`: the population size counts PSUs (e.g. schools), else pupils. */
    methodFpc(clusters: boolean): string;
  };

  /** Sentences for values that cannot be shown. */
  withheld: {
    /** Why, as a clause after a colon. */
    reason(kind: WithheldKind, minBase: string, maxSmall: string): string;
    /** `groups`: hidden groups named beside the total ("killar"), or null. */
    indicator(label: string, wave: string, reason: string, groups: string | null): string;
    /** The share is shown for everyone but not for these groups ("tjejer och killar"), each set with its reason. */
    groups(hidden: { groups: string; reason: string }[]): string;
    change(label: string, from: string, to: string, hiddenWave: string, reason: string): string;
    /** Key figures whose totals are hidden for one reason (a sentence per reason). */
    keyFigures(labels: string[], wave: string, reason: string): string;
    manyTitle: string;
    /** Most values are hidden: how many, why, and what helps. */
    many(area: string, hidden: string, total: string, respondents: string, remedies: string[]): string;
    /**
     * Most values are hidden, most of them to protect other hidden values (the area's own
     * respondents are not few): `others`, the county has other municipalities.
     */
    manyProtecting(area: string, hidden: string, total: string, others: boolean, remedies: string[]): string;
    remedyWaves(years: string): string;
    remedyAreas: string;
    remedyGrades: string;
  };

  /** Goals (indicator `target`) in the follow-up chapter; values come formatted. */
  goals: {
    section: string;
    /** The heading over the basis for (new) goals, after the goals. */
    basis: string;
    /** How the status is decided, in words. */
    intro(level: string): string;
    caption(area: string, wave: string): string;
    columns: { goal: string; baseline: string; latest(level: string): string; change(level: string): string; target: string; status: string };
    /** "Sexuellt våld, flickor, åk 9" (the goal's title). */
    title(label: string, group: string | null): string;
    /** Table cell of the goal: "högst 12 (2027)". */
    targetCell(good: 'lower' | 'higher', value: string, year: string): string;
    status: Record<'reached' | 'on_track' | 'not_on_track' | 'not_reached' | 'uncertain', string>;
    /** "Målet är att andelen ska vara högst 12 procent senast 2027." */
    statement(good: 'lower' | 'higher', target: string, year: string): string;
    values(baselineYear: string, baseline: string, latestYear: string, latest: string, ci: string): string;
    /** No baseline value (hidden, or the goal starts in the latest wave). */
    latestOnly(latestYear: string, latest: string, ci: string): string;
    change(dir: 'rise' | 'fall' | 'none', fromYear: string, size: string, ci: string, p: string | null): string;
    /** Why the status is what it is. */
    explain: {
      reached(good: 'lower' | 'higher', target: string): string;
      notReached(good: 'lower' | 'higher', target: string, year: string): string;
      onTrack(good: 'lower' | 'higher', required: string, year: string): string;
      notOnTrack(good: 'lower' | 'higher', required: string, year: string): string;
      /** Not on track: the share has gone the wrong way, significantly. */
      wrongWay(good: 'lower' | 'higher', required: string, year: string): string;
      /** Uncertain: the interval of the change holds both no change and the pace needed. */
      uncertainChange(good: 'lower' | 'higher', required: string, year: string): string;
      /** Uncertain in or after the target year: the interval holds the target. */
      uncertainTarget(ci: string, target: string): string;
      /** Uncertain: no change to measure yet. */
      noChange: string;
      /** Uncertain: the waves are pooled, so no change is measured. */
      pooled: string;
    };
    /** The distance left and what the next wave can detect. */
    remaining(good: 'lower' | 'higher', left: string, mdc: string, detectable: boolean): string;
    /** The estimate is at or past the target already, but the interval is not. */
    pastTarget(mdc: string): string;
    hidden(title: string, wave: string, reason: string): string;
    /** Goals for a group the area had no respondents in. */
    noGroup(titles: string[], area: string, wave: string): string;
    /** The summary's finding for a goal. */
    finding(title: string, status: string, good: 'lower' | 'higher', target: string, year: string): string;
  };

  /** Figures from other sources (config `sources`). */
  sources: {
    chapter: string;
    chapterGuide: string;
    /** The chapter's introduction: what such figures are and are not. */
    intro: string;
    /** Under every source table: counts of cases, not prevalence. */
    note: string;
    /** The value axis when no unit is given. */
    axis: string;
    caption(title: string, unit: string | null): string;
  };

  /** A follow-up report (profile uppfoljning, handbook step 5). */
  followUpProfile: {
    title(area: string): string;
    /** `withGoals`: the report follows up goals. */
    subtitle(years: string, withGoals: boolean): string;
    /** The follow-up chapter's title in this profile. */
    chapterTitle: string;
    /** The intro's outline entry for it. */
    chapterGuide: string;
    /** Where the report sits in the handbook's steps (replaces reportPlace); `withGoals`: the report follows up goals. */
    reportPlace(withGoals: boolean): string;
  };

  /** The municipality's own texts (config `texts`). */
  own: {
    /** The label on every own text, so a reader can tell written from generated. */
    label: string;
    /** The title of an own chapter whose text has no `# heading`. */
    chapterTitle: string;
    /** The intro's outline entry for an own chapter. */
    chapterGuide: string;
  };
}
