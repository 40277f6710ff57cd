// English (British conventions): every fixed text and sentence template of the report.
import type { Phrasing, Strings, Subject, Who } from './types.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const pp = (p: string | null) => (p === null ? '' : ` (${p})`);

/** Gender labels that read as a plain noun in running text ("among girls"). */
const NOUNS = new Set(['girls', 'boys', 'women', 'men']);

/** "year 9" from the label "Year 9" (or a bare "9"). */
function gradeNoun(label: string): string {
  return /^\d/.test(label) ? `year ${label}` : lowerFirst(label);
}

function genderNoun(label: string): { noun: string; known: boolean } {
  const lower = label.toLowerCase();
  return NOUNS.has(lower) ? { noun: lower, known: true } : { noun: `the group “${label}”`, known: false };
}

/** "among girls in year 9", "in the group “other”", "among pupils in year 9"; "" for everyone. */
function among(who: Who): string {
  const grade = who.grade === null ? '' : ` in ${gradeNoun(who.grade)}`;
  if (who.gender === null) return who.grade === null ? '' : `among pupils${grade}`;
  const g = genderNoun(who.gender);
  return `${g.known ? 'among' : 'in'} ${g.noun}${grade}`;
}

/** "Among girls in year 9," or null for everyone. */
function opening(who: Who): string | null {
  const a = among(who);
  return a === '' ? null : `${cap(a)},`;
}

function subjectText(s: Subject): string {
  if ('anaphor' in s) return 'the share';
  const among = s.among === undefined ? '' : `, among ${s.among},`;
  return 'clause' in s ? `the share who reported ${s.clause}${among}` : `the share for “${s.label}”${among}`;
}

function lead(who: Who, verb: string, s: Subject): string {
  const o = opening(who);
  return o === null ? `${cap(subjectText(s))} ${verb}` : `${o} ${subjectText(s)} ${verb}`;
}

const narrative: Phrasing = {
  percent: (num) => `${num}%`,
  estimate: (who, s, pct, level, ci) => {
    const o = opening(who) ?? 'Overall,';
    return 'clause' in s ? `${o} ${pct} (${level} CI ${ci}) reported ${s.clause}.` : `${o} the share for “${s.label}” was ${pct} (${level} CI ${ci}).`;
  },
  caution: (n) => `Interpret with caution: the group has only ${n} respondents.`,
  pooledWaves: (years) => `The result pools the waves ${years}.`,
  change: (dir, who, s, from, to, diff, p) => {
    if (dir === 'none')
      return `${lead(who, 'was', s)} ${from.value} in ${from.year} and ${to.value} in ${to.year}. There is no statistically significant change${pp(p)}.`;
    const [verb, noun] = dir === 'rise' ? ['rose', 'increase'] : ['fell', 'decrease'];
    return `${lead(who, verb, s)} from ${from.value} in ${from.year} to ${to.value} in ${to.year}. The ${noun} of ${diff} is statistically significant${pp(p)}.`;
  },
  riseCaveat: 'A rise in reported violence does not by itself mean that prevention has failed: prevention work often brings more violence to light.',
  trend: (dir, who, s, range, p) => {
    if (dir !== 'none') return `${lead(who, dir === 'rise' ? 'rose' : 'fell', s)} over the waves ${range}, and the trend is statistically significant${pp(p)}.`;
    const o = opening(who);
    return `${o === null ? 'There' : `${o} there`} is no statistically significant change in ${subjectText(s)} over the waves ${range}${pp(p)}.`;
  },
  gender: (grade, s, a, b, significant, diff, p) => {
    const start = grade === null ? cap(subjectText(s)) : `In ${gradeNoun(grade)}, ${subjectText(s)}`;
    const verdict = significant ? `The difference of ${diff} is statistically significant${pp(p)}.` : `There is no statistically significant difference${pp(p)}.`;
    return `${start} was ${a.value} ${among(a.who)} and ${b.value} ${among(b.who)}. ${verdict}`;
  },
  county: (who, s, area, rest, significant, diff, p) => {
    const verdict = significant ? `The difference of ${diff} is statistically significant${pp(p)}.` : `There is no statistically significant difference${pp(p)}.`;
    return `${lead(who, 'was', s)} ${area.value} in ${area.name} and ${rest.value} in ${rest.name}. ${verdict}`;
  },
  restOfCounty: (county) => (['länet', 'the county'].includes(county.toLowerCase()) ? 'the rest of the county' : `the rest of ${county}`),
  singleWave: (area, year) =>
    `The survey has so far been carried out only once in ${area} (${year}), so there is no earlier wave to compare with. The results are the baseline for future follow-up.`,
  indicatorSingleWave: (label, year) => `“${label}” was only measured in ${year}, so there is no earlier wave to compare with.`,
  seriesBreak: (year) => `The question changed in ${year}, so waves before and after ${year} are not compared.`,
  noSignificantFindings: (kinds) => {
    const what = { waves: 'between waves', genders: 'between genders', county: 'with the rest of the county' };
    return `None of the report's comparisons ${list(kinds.map((k) => what[k]))} shows a statistically significant difference. This does not mean that nothing has happened, only that the data are not enough to establish it.`;
  },
  noSignificantCountyDifference: 'None of the differences from the rest of the county is statistically significant.',
  noCountyComparisonShown: 'None of the comparisons with the rest of the county can be reported: the shares are hidden to protect the respondents.',
  derived: (kind, labels) => `that they answered yes to ${kind === 'any' ? 'at least one of' : 'all of'} the questions on ${list(labels.map((l) => `“${l}”`))}`,
  countyOverview: (label, higher, lower, { shown, hidden }) => {
    if (shown === 0) return `For “${label}”, no municipality can be compared with the rest of the county${hidden > 0 ? ': the shares are hidden to protect the respondents' : ''}.`;
    if (higher.length === 0 && lower.length === 0) {
      return `For “${label}”, no ${hidden > 0 ? 'municipality that can be compared' : 'municipality'} differs significantly from the rest of the county.`;
    }
    const parts: string[] = [];
    if (higher.length > 0) parts.push(`higher than in the rest of the county in ${list(higher)}`);
    if (lower.length > 0) parts.push(higher.length > 0 ? `lower in ${list(lower)}` : `lower than in the rest of the county in ${list(lower)}`);
    return `For “${label}”, the share is significantly ${parts.join(' and ')}.`;
  },
  reference: (who, s, area, ref, verdict, diff, p) => {
    const verdictText =
      verdict === 'untested'
        ? 'The uncertainty of the reference value is not known, so the difference has not been tested.'
        : verdict === 'significant'
          ? `The difference of ${diff} is statistically significant${pp(p)}.`
          : `There is no statistically significant difference${pp(p)}.`;
    return `${lead(who, 'was', s)} ${area.value} in ${area.name}, and the reference value ${ref.label} from ${ref.year} is ${ref.value}. ${verdictText}`;
  },
  referenceSuppressed: (label, area, ref) => `“${label}” is not reported for ${area}, so it is not compared with the reference value ${ref.label} from ${ref.year} (${ref.value}).`,
  association: (factor, outcome, withFactor, withoutFactor, significant, p) => {
    const who = 'clause' in factor ? `who reported ${factor.clause}` : `who answered yes to “${factor.label}”`;
    const verdict = significant ? `The difference is statistically significant${pp(p)}.` : `There is no statistically significant difference${pp(p)}.`;
    return `Among pupils ${who}, ${subjectText(outcome)} was ${withFactor}, compared with ${withoutFactor} among the other pupils who answered the question. ${verdict}`;
  },
  associationSuppressed: (factors, outcomes) => {
    const q = (xs: string[]) => list(xs.map((x) => `“${x}”`));
    const one = factors.length === 1 && outcomes.length === 1;
    // “A” and “B” and “C” would run the two sides together.
    const side = (xs: string[]) => (xs.length === 1 ? q(xs) : `each of ${q(xs)}`);
    const between = factors.length > 1 && outcomes.length > 1 ? `${q(factors)} on the one hand and ${q(outcomes)} on the other` : `${side(factors)} and ${side(outcomes)}`;
    return `${one ? 'The association' : 'The associations'} between ${between} ${one ? 'is' : 'are'} not reported: too few respondents or too few yes or no answers with or without the ${factors.length === 1 ? 'factor' : 'factors'}, or to protect another hidden value.`;
  },
  associationCaution: (base) => `Interpret with caution: one of the groups has fewer than ${base} respondents.`,
};

export const en: Strings = {
  langTag: 'en-GB',
  labels: {
    contents: 'Contents',
    page: 'Page',
    figure: 'Figure',
    table: 'Table',
    source: 'Source',
    suppressedLegend: '.. = too few respondents to report',
    showNumbers: 'Show the numbers',
    skipToContent: 'Skip to content',
  },
  syntheticNotice: 'Synthetic example data – the figures describe no real municipality.',
  narrative,

  title: (area) => `Situation report: violence – ${area}`,
  subtitle: (years) => `Describing violence as a problem, survey results ${years}`,
  countyTitle: (county) => `County overview: violence – ${county}`,
  countySubtitle: (years) => `The municipalities compared, survey results ${years}`,

  chapters: {
    sammanfattning: 'Summary',
    inledning: 'Introduction',
    omUndersokningen: 'About the survey',
    utsatthet: 'Exposure to violence',
    utovandeAttityder: 'Perpetration and attitudes',
    otrygghet: 'Feeling unsafe',
    utveckling: 'Change over time',
    utovande: 'Perpetration',
    attityder: 'Attitudes to violence',
    jamforelseLanet: 'Comparison with the county',
    forandringsfaktorer: 'Risk and protective factors',
    uppfoljning: 'Basis for follow-up',
    bilagor: 'Appendices',
    omOversikten: 'About this overview',
    kommunerna: 'The municipalities compared',
    lanetsUtveckling: 'Change over time in the county',
    grupper: 'Groups',
    jamforelseReferens: 'Comparison with reference values',
    lansprofil: 'County profile: every indicator',
  },
  forms: {
    fysiskt: 'Physical violence',
    hot: 'Threats',
    sexuellt: 'Sexual violence',
    digitalt: 'Digital and online violence',
    parrelation: 'Violence in close and dating relationships',
    bevittnat: 'Witnessing violence at home',
    heder: 'Honour-related restrictions',
    ovrigt: 'Other forms of violence',
  },
  aspects: { plats: 'Where the violence happened', foljder: 'What the violence led to', berattat: 'Whether anyone was told' },
  levels: { individ: 'Individual', relation: 'Relationship', narmiljo: 'Community', samhalle: 'Society', none: 'Other factors' },
  factors: { risk: 'Risk factors', skydd: 'Protective factors', none: 'Factors' },

  sections: {
    keyFigures: 'Key figures',
    findings: 'Main findings',
    definition: 'Definition of violence',
    lasanvisning: 'How to read the report',
    utovande: 'Perpetration',
    attityder: 'Attitudes to violence',
    tables: 'Tables',
    questions: 'Questions and answers',
    method: 'Method',
    outline: 'How the report is organised',
    associations: 'Associations',
    aspects: 'Where the violence happened, what it led to and whether anyone was told',
  },

  words: {
    total: 'Total',
    allRespondents: 'All respondents',
    allGrades: 'All years',
    share: 'Share (%)',
    indicator: 'Indicator',
    group: 'Group',
    grade: 'School year',
    wave: 'Wave',
    area: 'Municipality',
    n: 'Respondents',
    yes: 'Yes',
    no: 'No',
    or: 'or',
    lower: 'Lower',
    higher: 'Higher',
    pValue: 'p-value',
    adjustedPValue: 'Adjusted p-value',
    pName: (adjusted) => (adjusted ? 'adjusted p' : 'p'),
    significant: 'Statistically significant',
    diffPp: 'Difference (percentage points)',
    restOfCounty: 'Rest of county (%)',
    shareWithCi: (level) => `Share % (${level} CI)`,
    ci: (level) => `${level} CI`,
    shareIn: (year) => `Share ${year} (%)`,
    ciIn: (level, year) => `${level} CI ${year}`,
    nIn: (year) => `n ${year}`,
    baseline: (year) => `Baseline ${year}`,
    mdc: 'Minimum detectable change (percentage points)',
    goodDirection: 'Desired direction',
    quote: (text) => `“${text}”`,
    pooledWave: (range) => `${range} (pooled)`,
    pooledArea: (area) => `${area} (pooled area)`,
    groupShareWithCi: (group, level) => `${group}, share % (${level} CI)`,
    seriesReference: (series, reference) => `${series}, ${reference}`,
    referenceShare: (reference) => `${reference} (%)`,
    referenceSource: (label, source) => `${label}: ${source}`,
    notTested: 'Not tested',
    factor: 'Risk or protective factor',
    outcome: 'Indicator',
    withFactor: 'With the factor (%)',
    withoutFactor: 'Without the factor (%)',
    ratio: (level) => `Ratio (${level} CI)`,
    areaRange: (from, to, of) => `municipalities ${from}–${to} of ${of}`,
  },

  notes: {
    cellFormat: (level) => `Share in per cent with its ${level} confidence interval in parentheses.`,
    caution: (base) => `* Interpret with caution: fewer than ${base} respondents.`,
    withheld: (kinds, minBase, maxSmall) => {
      const few = `1–${maxSmall}`.replace(/^1–1$/, '1');
      if (kinds.length > 1) return `.. = not reported: fewer than ${minBase} respondents, or ${few} answered yes (or no).`;
      return kinds[0] === 'base'
        ? `.. = fewer than ${minBase} respondents: the share is not reported.`
        : `.. = ${few} respondents answered yes (or no): the share is not reported, to protect them.`;
    },
    secondary: '(..) = hidden so that another hidden value cannot be worked out from the totals.',
    missing: '– = no value.',
    notReported: (labels, gradeRows, byGrade) =>
      `${gradeRows ? 'Total and the school years cover' : 'Total covers'} respondents who gave a reported ${byGrade ? 'gender and school year' : 'gender'}, so that every total is the sum of its parts. All respondents also includes the others (${labels === '' ? 'no answer' : `${labels} or no answer`} on ${byGrade ? 'gender or school year' : 'gender'}), who are not reported as a group of their own.`,
    areasTotalOnly: (byGrade) =>
      `Respondents are counted in Total, that is among those who gave a reported ${byGrade ? 'gender and school year' : 'gender'}. Other respondents are not in the response rates but are among the pupils counted, so the rates may be slightly lower than the real ones, as in the municipalities' tables.`,
    pooledArea: (area, members) => `${area} pools ${members}.`,
    pooledAbsent: (area, year, absent, present, several) => `${absent} ${several ? 'have' : 'has'} no respondents in ${year}, so ${area} ${year} is ${present} alone.`,
    followUpDropped: 'Groups whose baseline cannot be reported have no row in the table.',
    oneGrade: (grade) => `All respondents are in ${grade.toLowerCase()}, so the school year is not shown separately.`,
    diff: "Difference = the municipality's share minus the share in the rest of the county, in percentage points, computed from the rounded shares shown.",
    referenceMarker: (symbol, label) => `${symbol} = the reference value ${label}.`,
    referenceYear: 'A year in parentheses: the reference value is from an earlier year than the wave.',
    referenceMissing: (labels) => `– under ${list(labels)}: the reference set has no value for the indicator or group.`,
    referenceDiff: "Difference = the municipality's share minus the reference value, in percentage points, computed from the rounded shares shown.",
    notTested: "Not tested = the reference value's uncertainty is not known, so the difference has not been tested.",
    ratio: (adjusted) =>
      `Ratio = the share among pupils with the factor divided by the share among the others who answered the question; 1 means equal shares. An association does not show that the factor is a cause.${adjusted ? ' The interval is not adjusted for the number of tests; statistically significant follows the adjusted p-value.' : ''}`,
    associationWithheld: (minBase, maxSmall) =>
      `.. = not reported: fewer than ${minBase} respondents or 1–${maxSmall} who answered yes (or no) with or without the factor, or to protect another hidden value.`,
    associationCaution: (base) => `* Interpret with caution: fewer than ${base} respondents with or without the factor.`,
    profile: (high, low, county) =>
      `${high} = significantly higher than in the rest of the county, ${low} = significantly lower. Marked cells also have a coloured background. The column ${county} is the whole county. Shares in per cent.`,
    populationOf: (labels, who) => `${list(labels.map((l) => `“${l}”`))}: the shares are of ${who} only.`,
  },

  alt: {
    bar: 'Bar chart',
    line: 'Line chart',
    value: (label, value) => `${label} ${value}`,
    withheld: { base: '(too few respondents)', 'small-count': '(not reported, too few yes or no answers)', secondary: '(hidden to protect another value)' },
    reference: (label, value) => `Reference line ${label}: ${value}.`,
    highestLowest: (high, low) => `Highest share: ${high}. Lowest share: ${low}.`,
    highestLowestInPart: (high, low) => `Highest share in this part: ${high}. Lowest share in this part: ${low}.`,
    markers: (label) => `Markers show the reference value ${label}.`,
  },

  captions: {
    byGenderGrade: (label, area, wave) => `${label}, by gender and school year, ${area} ${wave}`,
    byGender: (label, area, wave) => `${label}, by gender, ${area} ${wave}`,
    byGrade: (label, area, wave) => `${label}, by school year, ${area} ${wave}`,
    total: (label, area, wave) => `${label}, ${area} ${wave}`,
    factors: (level, factor, area, wave, byGender) => `${factor} – ${level}${byGender ? ', by gender' : ''}, ${area} ${wave}`,
    trend: (label, area, range) => `${label}, ${area} ${range}`,
    respondents: (area) => `Respondents by group and wave, ${area}`,
    respondentsByArea: (county) => `Respondents by municipality and wave, ${county}`,
    countyComparison: (area, wave) => `${area} compared with the rest of the county, total, ${wave}`,
    areas: (label, wave) => `${label}, by municipality, ${wave}`,
    areasTable: (label, wave) => `${label}: the municipalities compared with the rest of the county, ${wave}`,
    followUp: (area, wave) => `Baseline values for follow-up, ${area} ${wave}`,
    appendix: (label, area) => `${label}, ${area}, all groups and waves`,
    aspect: (title, area, wave, byGender) => `${title}${byGender ? ', by gender' : ''}, ${area} ${wave}`,
    groups: (variable, area, wave) => `Key figures by ${variable}, ${area} ${wave}`,
    groupsTable: (variable, area, wave, byGender) => `Key figures by ${variable}${byGender ? ' and gender' : ''}, ${area} ${wave}`,
    associations: (level, area, wave) => `Shares with and without the factor – ${level}, ${area} ${wave}`,
    references: (area, reference, wave) => `${area} compared with the reference value ${reference}, ${wave}`,
    profile: (title, wave, range) => `County profile: ${lowerFirst(title)}, ${wave}${range === null ? '' : ` (${range})`}`,
    part: (caption, index, count) => `${caption} (part ${index} of ${count})`,
  },

  text: {
    keyFigureDetail: (wave, ci, genders) => `${wave}, ${ci}.${genders === '' ? '' : ` ${genders}.`}`,
    keyFigureCaution: (n) => `Interpret with caution: ${n} respondents.`,
    keyFigureCautionGroups: (groups, base) => `Interpret ${groups} with caution: fewer than ${base} respondents.`,
    cautionGroups: (ns, oneOf) => `Interpret with caution: ${oneOf ? 'one of the groups has' : 'the groups have'} only ${ns} respondents.`,
    cautionWaves: (ns, oneOf) => `Interpret with caution: ${oneOf ? 'one of the waves has' : 'the waves have'} only ${ns} respondents.`,
    intro: (area, years, topics, _followUp) =>
      `This report describes ${topics.length > 0 ? list(topics) : 'violence'} in ${area}, based on the survey carried out in ${years}. It supports violence prevention work and follows the Swedish handbook Inget att vänta på – handbok för våldsförebyggande arbete (Swedish Gender Equality Agency, MÄN and Unizon, revised edition 2020).`,
    topics: { utsatthet: 'exposure to violence', utovande: 'perpetration', attityder: 'attitudes to violence', otrygghet: 'feeling unsafe' },
    chapterGuide: {
      sammanfattning: 'key figures and the main findings',
      'om-undersokningen': 'who responded, how the results were computed and how to read them',
      utsatthet: 'how many were exposed to different forms of violence',
      'utovande-attityder': 'own use of violence and attitudes to violence',
      utovande: 'own use of violence',
      attityder: 'attitudes to violence',
      otrygghet: 'how many feel unsafe',
      utveckling: 'how the key figures changed between waves',
      'jamforelse-lanet': 'the municipality compared with the rest of the county',
      forandringsfaktorer: 'risk and protective factors, a basis for step 3',
      grupper: 'the key figures in more groups than gender and school year',
      'jamforelse-referens': 'the municipality compared with reference values from other surveys',
      uppfoljning: 'baseline values for follow-up in step 5',
      bilagor: 'all tables, the questions as asked and the method',
    },
    developmentGuideOneWave: 'that there is only one wave so far, the baseline for future follow-up',
    stepsIntro: 'The handbook divides violence prevention work into five steps (published names in Swedish):',
    steps: [
      'Initiate collaboration (Initiera samverkan)',
      'Describe violence as a problem (Beskriv våld som problem)',
      'Identify factors for change (Identifiera förändringsfaktorer)',
      'Develop interventions (Utveckla insatser)',
      'Implement, follow up and disseminate (Implementera, följ upp och sprid)',
    ],
    reportPlace: (withFactors, withFollowUp) => {
      const parts = ['This report belongs to step 2, Describe violence as a problem: it maps how common violence is, the forms it takes and who is affected.'];
      if (withFactors) parts.push('The chapter Risk and protective factors supports step 3, Identify factors for change.');
      if (withFollowUp) parts.push('The chapter Basis for follow-up gives baseline values for step 5, Implement, follow up and disseminate.');
      parts.push('According to the handbook, this description is what later makes it possible to evaluate whether interventions worked.');
      return parts.join(' ');
    },
    definitionIntro: (area, agreed) => (agreed ? `${area} has agreed on the following definition of violence:` : 'The report starts from the following definition of violence:'),
    definitionNotAgreed: 'The handbook recommends that the partners agree on a common definition of violence.',
    noDefinitionTitle: 'No definition of violence given',
    noDefinition:
      'The report has no agreed definition of violence. The handbook recommends that the partners agree on one; it goes under project.violence_definition in the configuration.',
    survey: (area, years, latest, n, pooled, counted) =>
      `The survey was carried out in ${area} in ${years}. ${pooled ? `In all, ${n} people responded in these waves.` : `In the latest wave (${latest}), ${n} people responded.`}${
        counted ? ` The shares for ${counted.total} are based on the ${counted.n} of them who gave their gender${counted.byGrade ? ' and school year' : ''} within the reported groups.` : ''
      }`,
    notInLatest: (area, countyLatest, own, withCounty) =>
      `${area} has no respondents in the county's latest wave, ${countyLatest}. This report is therefore based on the ${own} wave${withCounty ? `, and the comparisons with the rest of the county are for ${own}` : ''}.`,
    weighting: (weighted, strata, clusters) => {
      const parts = [weighted ? 'The results are weighted to describe the whole target group.' : 'The results are unweighted: every response counts the same.'];
      if (strata) parts.push('The sample is stratified, and the uncertainty takes this into account.');
      if (clusters)
        parts.push('Responses are clustered (for example by school); this makes the uncertainty larger than in a simple random sample and is included in the confidence intervals.');
      return parts.join(' ');
    },
    ciMethod: (level, method) => `The confidence intervals are ${level}% intervals computed with ${method}.`,
    ciMethods: {
      wilson: 'the Wilson method',
      beta: 'the Clopper–Pearson (Korn–Graubard) method',
      logit: 'the logit method',
      xlogit: 'the logit method',
      asin: 'the arcsine method',
      mean: 'the normal approximation',
    },
    readingCi: (level) =>
      `Every share is an estimate with uncertainty. A ${level}% confidence interval (CI) shows how large that uncertainty is: with the method used, the interval covers the true share in ${level} cases out of 100. The fewer the respondents, the wider the interval.`,
    readingSuppressed: (minBase, maxSmall) =>
      `Two dots (..) mean that a share is not reported because fewer than ${minBase} responded, or because only 1–${maxSmall} answered yes (or no). This protects the respondents. Two dots in parentheses, (..), mean that a share is hidden because another hidden value could otherwise be worked out from the totals. A dash (–) means that the value is missing and a single dot (.) that it does not apply.`,
    readingCaution: (base) =>
      `Interpret with caution (*) marks results based on fewer than ${base} respondents: the uncertainty is then large, and a few answers move the share a lot.`,
    readingSignificant: (alpha, adjusted) =>
      `Statistically significant means that a difference or change is large enough that it is unlikely to be due to chance (the ${adjusted ? 'adjusted p-value' : 'p-value'} is below ${alpha}). A change that is not statistically significant may still be real; the data are just not enough to show it. In small groups this is common.`,
    readingMultiplicity: (alphaPercent) =>
      `The report rests on many comparisons, and among many comparisons some differences come out large by chance alone. The p-values are therefore adjusted for the number of comparisons (the Benjamini–Hochberg method), so that at most about ${alphaPercent}% of the differences called statistically significant can be expected to be chance findings.`,
    readingPp:
      'Differences between shares are given in percentage points: from 10% to 15% is an increase of 5 percentage points. A difference is computed from the rounded shares shown, so the numbers always add up.',
    pooledWaves: (range) => `The waves ${range} are pooled so that the groups are large enough to report.`,
    pooledNoChange: (range) => `The waves ${range} are pooled, so the report shows no change between them.`,
    pooledGrades: 'School years are pooled so that the groups are large enough to report.',
    utsatthetIntro: (wave, byGrade) =>
      `This chapter reports the share who said they had been exposed to different forms of violence in the ${wave} wave, by gender${byGrade ? ' and school year' : ''}.`,
    otrygghetIntro: (wave) => `This chapter reports feeling unsafe in the ${wave} wave.`,
    utovandeIntro: (wave, sections) =>
      `This chapter reports ${{ both: 'own use of violence and attitudes to violence', utovande: 'own use of violence', attityder: 'attitudes to violence' }[sections]} in the ${wave} wave.`,
    utvecklingMembers: (area) => `Some municipalities of ${area} have no respondents in some wave (see the respondents per wave), so the comparisons over time are not of the same municipalities: read them with caution.`,
    utvecklingIntro: (range) =>
      `This chapter shows how the key figures have changed over the waves ${range}. The latest wave is compared with the previous one and, when there are at least three waves, with the first; over at least three waves a trend is also tested.`,
    countyIntro: (area, county, wave) =>
      `Here ${area} is compared with the rest of the county, that is ${county} without ${area}, in the ${wave} wave. Differences are given in percentage points.`,
    factorsIntro:
      'Factors for change are conditions that raise (risk factors) or lower (protective factors) the risk that someone is exposed to or uses violence. The handbook orders them by the four levels of the socio-ecological model: individual, relationship, community and society. This chapter supports step 3, Identify factors for change.',
    followUpIntro: (wave, power) =>
      `The table gives baseline values from the ${wave} wave for the indicators to be followed up in step 5. The minimum detectable change is the smallest change that the next wave, with as many respondents and the same design, can show to be statistically significant with ${power} probability. Smaller changes may happen but cannot be demonstrated.`,
    followUpHidden: (hidden, wave) =>
      `${hidden.map(({ labels, reason }) => `${list(labels.map((l) => `“${l}”`))} ${labels.length === 1 ? 'is' : 'are'} to be followed up but ${labels.length === 1 ? 'has' : 'have'} no baseline from the ${wave} wave that can be reported: ${reason}.`).join(' ')} A baseline can be set once more have responded, for example by pooling waves.`,
    followUpGoals:
      'Measurable goals should be at least as large as the minimum detectable change. Prevention work often brings more violence to light, so a rise in reported violence does not by itself mean that the work has failed.',
    appendixTablesIntro: 'The tables show every indicator for all groups and waves: share, confidence interval and number of respondents (n).',
    questionItem: (label, question, answers) => `${label}: ${question === null ? '' : `“${question}” `}${answers}`,
    yesAnswers: (items) => `Counted as yes: ${items}.`,
    noAnswers: (items) => `Counted as no: ${items}.`,
    anyOf: (items) => `Yes if any of these applies: ${items}.`,
    allOf: (items) => `Yes if all of these apply: ${items}.`,
    populationWho: {
      question: (question, values) => {
        const q = question === null ? 'another question of the survey' : `the question “${question}”`;
        return values === null ? `some pupils, by their answer to ${q}` : `pupils who answered ${values} to ${q}`;
      },
      indicator: (label, answer) => `those who answered ${answer} to “${label}”`,
    },
    onlyFor: (who) => `Only ${who}.`,
    missingAnswers: (items) => `Counted as no answer (not in the share): ${items}.`,
    checkbox: (emptyIsNo) =>
      emptyIsNo
        ? "A check box: a pupil who did not tick it counts as no, one who ticked none of the question's boxes as no answer (not in the share)."
        : "A check box: a pupil who ticked none of the question's boxes counts as no answer (not in the share).",
    severalNo: (answers, other) =>
      `Several answers could be ticked: a pupil who ticked only others (${answers}${other === 'no' ? ' or another answer' : ''}) counts as no.${other === 'missing' ? ' A pupil with only another answer than these counts as no answer (not in the share).' : ''}`,
    codesOnly: 'The answers are only known as numeric codes in the data.',
    noQuestion: 'The question text is not in the data.',
    aspectPopulation: (who, labels) =>
      labels === null ? `The shares in this section are of ${who} only.` : `The shares for ${list(labels.map((l) => `“${l}”`))} are of ${who} only.`,
    groupsIntro: (wave, variables) =>
      `This chapter shows the key figures in the wave ${wave} by ${list(variables)}: for everyone in each group and by gender. Pupils who did not answer the question on ${variables.length === 1 ? 'the group' : 'a group'} are not in that group's figures. The differences between the groups have not been tested statistically; the confidence intervals show how uncertain each share is, and in small groups the uncertainty is large.`,
    groupsHidden: (area, variable) => `The groups by ${variable} are too small in ${area} for the key figures to be reported.`,
    groupsValues: (label, shown, hidden, base) => {
      const quoted = (xs: string[]) => list(xs.map((x) => `“${x}”`));
      const parts = [shown.length > 0 ? `“${label}”: ${list(shown.map((x) => `${x.value} (${x.ci}) in the group “${x.group}”`))}.` : `“${label}”:`];
      if (hidden.length > 0) parts.push(`${shown.length > 0 ? 'The share' : 'the share'} is not reported for ${hidden.map((h) => `${quoted(h.groups)}: ${h.reason}`).join('; for ')}.`);
      const small = shown.filter((x) => x.caution).map((x) => x.group);
      if (small.length > 0) parts.push(`Interpret with caution for ${quoted(small)}: fewer than ${base} respondents.`);
      return parts.join(' ');
    },
    associationsIntro: (outcomes) =>
      `Under each level, the share for ${list(outcomes.map((o) => `“${o}”`))} among pupils with and without the factor is also shown. Such an association only shows that two things occur together, not that the factor is the cause: both may, for example, go with something else. According to the handbook, a factor linked to violence is a possible starting point for prevention, not proof of a cause.`,
    referencesIntro: (area, wave) =>
      `${area} in the wave ${wave} is compared here with reference values from other surveys. They have their own questions, samples and years, so the comparison is approximate. A difference is tested statistically only when the uncertainty of the reference value (a confidence interval or the number of respondents) is known; otherwise the values are shown without a test.`,
    referenceSet: (label, source) => `The reference values ${label} come from: ${source}.`,
    profileIntro: (county, wave, high, low, adjusted, alpha) =>
      `The tables show the share for every indicator and municipality in the wave ${wave}, and for all of ${county}. ${high} means that the municipality's share is significantly higher than in the rest of the county and ${low} that it is lower (${adjusted ? 'adjusted p-value' : 'p-value'} below ${alpha}); marked cells also have a coloured background. A municipality without a mark may still differ from the county: the difference just cannot be shown. Two dots (..) mean that the share is not reported.`,
    methodAssociations:
      "Associations between risk or protective factors and other indicators are tested as the ratio of the share among pupils with the factor to the share among the others who answered the question, taking the sample design into account and that both groups come from the same sample (the ratio's logarithm, delta method). When everyone or no one in one of the groups answered yes, the difference is tested with a pooled proportion as for other comparisons, and the ratio gets no interval.",
    methodReferences:
      "Comparisons with reference values from other surveys are tested as differences between two independent samples, and only when the reference value's uncertainty is known: its standard error comes from its confidence interval or, when only the number of respondents is known, as for a simple random sample.",
    methodTests: ({ county, clusters, strata, waves }) =>
      [
        `Differences between genders${county ? ', and between the municipality and the rest of the county,' : ''} in the same wave are tested taking the sample design into account${
          clusters
            ? `: the groups may attend the same schools${strata ? ' or belong to the same strata' : ''}, and the correlation this gives is included (a design-based contrast).`
            : strata
              ? ': the groups may belong to the same strata, and the correlation this gives is included (a design-based contrast).'
              : ' (a design-based contrast).'
        }`,
        ...(waves >= 2 ? ['Changes between two waves are tested as differences between two independent samples.'] : []),
        "When everyone or no one in one of the groups answered yes, the difference is instead tested with a pooled proportion for both groups and each group's design effect, and the interval is Newcombe's; otherwise that group would wrongly appear to have no uncertainty.",
        ...(waves >= 3 ? ['Trends over at least three waves are tested with a design-based logistic regression on year.'] : []),
        ...(waves >= 2 ? ['No trend or comparison crosses a wave in which the question changed.'] : []),
      ].join(' '),
    methodMultiplicity: (count, adjusted, alpha, expected) =>
      count === '1'
        ? `The report's conclusions about statistically significant differences, changes and trends rest on one test, and statistically significant means that its p-value is below ${alpha}.`
        : adjusted
        ? `The report's conclusions about statistically significant differences, changes and trends rest on ${count} tests. The p-values are adjusted for the number of tests with the Benjamini–Hochberg method, and statistically significant means that the adjusted p-value is below ${alpha}.`
        : `The report's conclusions about statistically significant differences, changes and trends rest on ${count} tests. The p-values are not adjusted for the number of tests: even if there were no real differences, ${expected === null ? `each of them would come out statistically significant by chance with probability ${alpha}` : `about ${expected} of them would come out statistically significant by chance`}.`,
    methodNoTests: 'The report contains no tests of differences, changes or trends: the shares that would be compared are not reported, or do not exist.',
    methodDisclosure: (minBase, maxSmall, secondary) =>
      `Shares are not reported when fewer than ${minBase} responded, or when 1–${maxSmall} respondents answered yes (or no).${secondary ? ' Further values are hidden when a hidden value could otherwise be worked out from totals.' : ''}`,
    countyOverviewIntro: (county, count, wave) =>
      `This overview compares ${count} municipalities in ${county} in the ${wave} wave. Each municipality is compared with the rest of the county, that is the county without the municipality itself.`,
    countyComparisonNote: (county) => `The reference line shows the value for the whole of ${county}.`,
    countyMissing: (county) => `The figures table has no values for ${county} as a whole.`,
  },

  population: {
    caption: (area) => `Respondents out of the pupils, by group and wave, ${area}`,
    cell: (n, pupils, rate) => `${n} of ${pupils} (${rate})`,
    cellFormat: 'Respondents out of the pupils in the group, with the response rate in parentheses.',
    withheld: (minBase, maxSmall) =>
      `.. = not reported: the group has fewer than ${minBase} pupils, or only ${`1–${maxSmall}`.replace(/^1–1$/, '1')} pupils answered or did not answer.`,
    notRated: 'The others belong to none of the groups and are not in the response rates, but they are among the pupils counted, so the response rates may be slightly lower than the real ones.',
    sentence: (rate, pupils, pooled, grades, counted) =>
      `${counted === null ? 'That is' : `Those ${counted} are`} ${rate} of the ${pupils} pupils${pooled ? ' in the waves together' : ''}${grades.length > 0 ? `: the response rate was ${list(grades)}` : ''}.`,
    gradeRate: (rate, grade) => `${rate} in ${gradeNoun(grade)}`,
    lowTitle: 'Low response',
    low: (groups, poststratified) => {
      const one = groups.length === 1 ? groups[0]! : null;
      const first =
        one === null
          ? `Fewer than half of the pupils answered the survey in these groups: ${list(groups.map((g) => `${g.group === null ? 'all pupils' : lowerFirst(g.group)} (${g.rates})`))}.`
          : one.group === null
            ? `Fewer than half of the pupils answered the survey (${one.rates}).`
            : `Fewer than half of the pupils in the group ${lowerFirst(one.group)} answered the survey (${one.rates}).`;
      const whose = groups.some((g) => g.group === null) ? "the report's" : one === null ? "those groups'" : "the group's";
      return `${first} When so many do not answer, the results may be misleading, because those who did not answer may have other experiences of violence than those who did. Read ${whose} figures with this in mind.${
        poststratified ? ' Post-stratification corrects for groups answering at different rates, but not for differences within a group between those who answered and those who did not.' : ''
      }`;
    },
    lowRate: (rate, wave) => `${rate} in ${wave}`,
    lowTotal: (area, rate, wave) =>
      `Only ${rate} of the pupils in ${area} answered the survey in the ${wave} wave. When so many do not answer, the results may be misleading, because those who did not answer may have other experiences of violence than those who did. The response rate of each group is in the chapter About the survey.`,
    methodSource: (source, byGrade) =>
      `Response rates are set against the number of pupils by municipality, gender${byGrade ? ' and school year' : ''}${source === null ? ' (the source of the numbers is not given)' : ` according to ${source}`}.`,
    methodResponse:
      "The response rate is the share of the group's pupils who answered the survey, however many of its questions they answered. It shows how well the answers can be taken to reflect all pupils: the lower the response rate, the greater the risk that those who did not answer differ from those who did, and that uncertainty is not in the confidence intervals.",
    methodPoststratified: (byGrade) =>
      `The answers are post-stratified: the weights are adjusted so that each combination of municipality, gender${byGrade ? ' and school year' : ''} weighs as much in the results as it does among the pupils. This corrects for groups answering at different rates, but only for that: if those who did not answer within a group have other experiences than those who did, the weights do not correct it. The uncertainty takes the post-stratification into account. Pupils who gave no gender${byGrade ? ' or school year' : ''}, or a gender that is not reported, belong to none of the groups; their weights are adjusted as much as those of the other respondents of their municipality on average.`,
    methodFpc: (clusters) =>
      `The uncertainty includes a finite population correction: the survey covers a known share of the ${clusters ? 'schools (or other units the answers were collected from)' : 'pupils'} in each stratum, and the larger the share surveyed, the smaller the uncertainty. A stratum surveyed in full adds none. The confidence intervals therefore describe the uncertainty about the pupils at the time of the survey, not about an imagined larger group of pupils.`,
  },

  withheld: {
    reason: (kind, minBase, maxSmall) =>
      ({
        base: `fewer than ${minBase} responded`,
        'small-count': `only 1–${maxSmall} answered yes (or no), and counts that small are not shown`,
        secondary: 'the share is hidden so that another hidden value cannot be worked out',
      })[kind],
    indicator: (label, wave, reason, groups) => `“${label}” is not reported for ${wave}${groups === null ? '' : `, neither in total nor for ${groups}`}: ${reason}.`,
    groups: (hidden) => `The share is not reported for ${hidden.map((h) => `${h.groups}: ${h.reason}`).join('; for ')}.`,
    change: (label, from, to, hidden, reason) => `“${label}” cannot be compared between ${from} and ${to}, because the share for ${hidden} is not reported: ${reason}.`,
    keyFigures: (labels, wave, reason) =>
      `The key ${labels.length === 1 ? 'figure' : 'figures'} ${list(labels.map((l) => `“${l}”`))} ${labels.length === 1 ? 'is' : 'are'} not reported for ${wave}: ${reason}.`,
    manyTitle: 'Most shares cannot be reported',
    many: (area, hidden, total, respondents, remedies) =>
      `${area} has few respondents (${respondents} in the latest wave), so ${hidden} of the ${total} shares the report would show are not reported (..): they are hidden to protect the respondents, and in groups this small the shares are very uncertain.${remedies.length === 0 ? '' : ` More shares can be reported if ${remedies.join(' or if ')}.`}`,
    manyProtecting: (area, hidden, total, others, remedies) =>
      `${hidden} of the ${total} shares the report would show for ${area} are not reported (..): most are hidden so that other hidden values${others ? `, in ${area} or in the county's other municipalities,` : ''} cannot be worked out from the totals.${remedies.length === 0 ? '' : ` More shares can be reported if ${remedies.join(' or if ')}.`}`,
    remedyWaves: (years) => `the waves ${years} are pooled (lagesbild report --pool-waves)`,
    remedyAreas: 'the municipality is reported together with neighbouring ones (lagesbild report --pool)',
    remedyGrades: 'the school years are reported together (lagesbild report --pool-grades)',
  },

  goals: {
    section: 'Goals',
    basis: 'Baseline values for new goals',
    intro: (level) =>
      `The report follows up measurable goals for the indicators below. For each goal the latest wave is compared with the baseline and with an even pace from the baseline to the goal. A goal is reached when the whole ${level}% confidence interval is on the right side of it. Before the target year, progress is on track when the change since the baseline is statistically significant in the right direction and may be at least as large as an even pace requires, and not on track when the whole confidence interval of the change is on the wrong side of that pace. From the target year, a goal is not reached when the whole confidence interval is on the wrong side of it. Otherwise it is not yet possible to say: the uncertainty allows more than one answer.`,
    caption: (area, wave) => `Goals and how far ${area} has come, ${wave}`,
    columns: {
      goal: 'Goal',
      baseline: 'Baseline (%)',
      latest: (level) => `Latest wave (%, ${level} CI)`,
      change: (level) => `Change, percentage points (${level} CI)`,
      target: 'Target (%)',
      status: 'Status',
    },
    title: (label, group) => (group === null ? label : `${label}, ${group.toLowerCase()}`),
    targetCell: (good, value, year) => `${good === 'lower' ? 'at most' : 'at least'} ${value} (${year})`,
    status: {
      reached: 'Goal reached',
      on_track: 'On track',
      not_on_track: 'Not on track',
      not_reached: 'Goal not reached',
      uncertain: 'Not yet possible to say',
    },
    statement: (good, target, year) => `The goal is a share of ${good === 'lower' ? 'at most' : 'at least'} ${target} by ${year}.`,
    values: (y0, v0, y1, v1, ci) => `The baseline in ${y0} was ${v0}, and in ${y1} the share was ${v1} (${ci}).`,
    latestOnly: (y1, v1, ci) => `In ${y1} the share was ${v1} (${ci}).`,
    change: (dir, y0, size, ci, p) =>
      dir === 'none'
        ? `The change since ${y0}, ${size} (${ci}), is not statistically significant${p === null ? '' : ` (${p})`}.`
        : `The ${dir === 'fall' ? 'fall' : 'rise'} of ${size} since ${y0} (${ci}) is statistically significant${p === null ? '' : ` (${p})`}.`,
    explain: {
      reached: (good, target) => `The whole confidence interval is ${good === 'lower' ? 'below' : 'above'} ${target}.`,
      notReached: (good, target, year) => `The target year ${year} has come, and the whole confidence interval is ${good === 'lower' ? 'above' : 'below'} ${target}.`,
      onTrack: (good, required, year) =>
        `The share has ${good === 'lower' ? 'fallen' : 'risen'} significantly, and the ${good === 'lower' ? 'fall' : 'rise'} may be at least as large as the one an even pace towards the goal requires by ${year} (${required}).`,
      notOnTrack: (good, required, year) =>
        `An even pace towards the goal requires a ${good === 'lower' ? 'fall' : 'rise'} of ${required} by ${year}, and even the largest ${good === 'lower' ? 'fall' : 'rise'} the confidence interval of the change includes is smaller than that.`,
      wrongWay: (good, required, year) =>
        `Instead the share has ${good === 'lower' ? 'risen' : 'fallen'}, significantly, while an even pace towards the goal requires a ${good === 'lower' ? 'fall' : 'rise'} of ${required} by ${year}.`,
      uncertainChange: (good, required, year) =>
        `The uncertainty includes both an unchanged share and a ${good === 'lower' ? 'fall' : 'rise'} as large as an even pace towards the goal requires by ${year} (${required}).`,
      uncertainTarget: (ci, target) => `The confidence interval (${ci}) includes the goal of ${target}.`,
      noChange: 'There is no later wave yet to compare the baseline with.',
      pooled: 'The waves are pooled, so no change since the baseline can be measured. Report without --pool-waves to follow the goal.',
    },
    remaining: (good, left, mdc, detectable) =>
      `A ${good === 'lower' ? 'fall' : 'rise'} of ${left} remains to the goal. The next wave, with as many respondents and the same design, can show a change of about ${mdc} as statistically significant; ${detectable ? 'a change as large as what remains can therefore be shown' : 'a change as large as what remains can therefore not be shown by one wave'}.`,
    pastTarget: (mdc) =>
      `The share is already at the goal or on the right side of it, but the uncertainty is too large to say the goal is reached. The next wave can show a change of about ${mdc} as statistically significant.`,
    noGroup: (titles, area, wave) =>
      `${titles.length === 1 ? 'The goal' : 'The goals'} ${list(titles)} ${titles.length === 1 ? 'is' : 'are'} not followed up here: ${area} has no respondents in ${titles.length === 1 ? 'the group' : 'the groups'} in the ${wave} wave.`,
    hidden: (title, wave, reason) => `The goal “${title}” cannot be followed up for ${wave}: ${reason}.`,
    finding: (title, status, good, target, year) => `${title} – goal ${good === 'lower' ? 'at most' : 'at least'} ${target} by ${year}: ${status.charAt(0).toLowerCase()}${status.slice(1)}.`,
  },

  sources: {
    chapter: 'Other sources',
    chapterGuide: 'figures from sources other than the survey, such as reported crimes',
    intro:
      'The handbook describes violence from several sources, not from one survey alone. This chapter shows figures from other sources that the municipality has added. They count cases that came to the attention of an authority or service, such as reported crimes or social services cases, and do not show how many people were subjected to violence. More cases can mean that more violence is detected and reported, for example after prevention work, rather than that there is more violence. The figures are shown as the source gives them: no confidence intervals or tests are computed for them.',
    note: 'Cases that came to attention, not how many were subjected to violence: more cases can mean that more violence is detected and reported.',
    axis: 'Number',
    caption: (title, unit) => (unit === null ? title : `${title}, ${unit}`),
  },

  followUpProfile: {
    title: (area) => `Follow-up: violence – ${area}`,
    subtitle: (years, withGoals) => `Follow-up of ${withGoals ? 'goals and changes' : 'changes'}, survey results ${years}`,
    chapterTitle: 'Goals and follow-up',
    chapterGuide: 'the goals, how far the municipality has come and what the next wave can show',
    reportPlace: (withGoals) =>
      `This report is a follow-up under step 5, Implement, follow up and disseminate: it compares the latest wave with the baseline${withGoals ? ' and with the measurable goals it follows up' : ''}. Following up how the interventions were carried out (production and process) also belongs to step 5; it can be added as the municipality’s own text. Prevention work often brings more violence to light, so a rise in reported victimisation need not mean that the work has failed.`,
  },

  own: {
    label: 'The municipality’s own text',
    chapterTitle: 'The municipality’s own text',
    chapterGuide: 'the municipality’s own text',
  },
};
