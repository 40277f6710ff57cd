import { describe, expect, it } from 'vitest';
import type { AssociationRecord, ChangeRecord, EstimateRecord, FiguresMeta, TrendRecord } from '../../src/analysis/types.js';
import type { Indicator } from '../../src/config/schema.js';
import {
  associationSentence,
  changeSentence,
  countySentence,
  estimateSentence,
  genderSentence,
  referenceSentence,
  singleWaveSentence,
  trendSentence,
  type NarrativeContext,
} from '../../src/report/narrative.js';
import { config, figures } from './fixtures.js';
import { sv as svStrings } from '../../src/report/i18n/sv.js';
import { en as enStrings } from '../../src/report/i18n/en.js';

// The fixture's labels, with the school years spelled out as in the handbook example.
const meta: FiguresMeta = {
  ...figures.meta,
  group_labels: {
    ...figures.meta.group_labels,
    'grade=9': { sv: 'Årskurs 9', en: 'Year 9' },
    'gender=3': { sv: 'Vill ej ange', en: 'Prefer not to say' },
  },
};
const sv: NarrativeContext = { lang: 'sv', meta };
const en: NarrativeContext = { lang: 'en', meta };

const indicator = (id: string): Indicator => {
  const ind = config.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(id);
  return ind;
};
const fysiskt = indicator('fysiskt_vald');
const natet = indicator('natet'); // no statement: the label stands in
const vuxen = indicator('vuxen'); // good: higher, förändringsfaktorer

function estimate(over: Partial<EstimateRecord>): EstimateRecord {
  return {
    kind: 'estimate',
    indicator: 'fysiskt_vald',
    area: 'Ängsby',
    year: 2023,
    pooled_years: null,
    group: 'gender=1;grade=9',
    n: 60,
    x: 11,
    estimate: 0.18,
    se: 0.05,
    ci_lower: 0.11,
    ci_upper: 0.28,
    ci_method: 'wilson',
    df: 59,
    deff: 1,
    n_eff: 60,
    suppressed: false,
    suppression: null,
    flag: null,
    ...over,
  };
}

function change(over: Partial<ChangeRecord>): ChangeRecord {
  return {
    kind: 'change',
    comparison: 'previous',
    indicator: 'fysiskt_vald',
    area: 'Ängsby',
    group: 'gender=1;grade=9',
    year_from: 2021,
    year_to: 2023,
    from: '2021',
    to: '2023',
    estimate_from: 0.12,
    estimate_to: 0.18,
    diff: 0.06,
    diff_ci_lower: 0.005,
    diff_ci_upper: 0.115,
    p: 0.031,
    q: 0.031,
    significant: true,
    suppressed: false,
    ...over,
  };
}

function trend(over: Partial<TrendRecord>): TrendRecord {
  return {
    kind: 'trend',
    indicator: 'fysiskt_vald',
    area: 'Ängsby',
    group: 'gender=1',
    years: [2019, 2021, 2023],
    odds_ratio_per_year: 1.14,
    or_ci_lower: 1.03,
    or_ci_upper: 1.26,
    p: 0.012,
    q: 0.012,
    cochran_armitage_p: 0.011,
    significant: true,
    suppressed: false,
    ...over,
  };
}

const CAVEAT_SV =
  'En ökning av uppgiven utsatthet behöver inte betyda att det förebyggande arbetet har misslyckats: arbetet gör ofta att mer våld kommer fram.';
const CAVEAT_EN = 'A rise in reported violence does not by itself mean that prevention has failed: prevention work often brings more violence to light.';

describe('estimate sentences', () => {
  it('sv: the handbook example', () => {
    expect(estimateSentence(fysiskt, estimate({}), sv)).toBe(
      'Bland flickorna i årskurs 9 uppgav 18 procent (95\u00a0% KI 11–28) att de utsatts för fysiskt våld under de senaste 12 månaderna.',
    );
  });
  it('en', () => {
    expect(estimateSentence(fysiskt, estimate({}), en)).toBe(
      'Among girls in year 9, 18% (95% CI 11–28) reported that they had been subjected to physical violence in the past 12 months.',
    );
  });
  it('total, boys and a school year alone', () => {
    expect(estimateSentence(fysiskt, estimate({ group: 'total', n: 412 }), sv)).toMatch(/^Totalt uppgav 18 procent \(95\u00a0% KI 11–28\) att de utsatts/);
    expect(estimateSentence(fysiskt, estimate({ group: 'gender=2' }), sv)).toMatch(/^Bland pojkarna uppgav 18 procent/);
    expect(estimateSentence(fysiskt, estimate({ group: 'grade=9' }), sv)).toMatch(/^Bland eleverna i årskurs 9 uppgav/);
    expect(estimateSentence(fysiskt, estimate({ group: 'total' }), en)).toMatch(/^Overall, 18% \(95% CI 11–28\) reported that/);
  });
  it('a group label without a known definite form is quoted', () => {
    expect(estimateSentence(fysiskt, estimate({ group: 'gender=3' }), sv)).toMatch(/^I gruppen ”Vill ej ange” uppgav 18 procent/);
  });
  it('falls back to the label when the indicator has no statement', () => {
    expect(estimateSentence(natet, estimate({ indicator: 'natet' }), sv)).toBe(
      'Bland flickorna i årskurs 9 var andelen för ”Kränkt på nätet” 18 procent (95\u00a0% KI 11–28).',
    );
    expect(estimateSentence(natet, estimate({ indicator: 'natet' }), en)).toBe(
      'Among girls in year 9, the share for “Harassed online” was 18% (95% CI 11–28).',
    );
  });
  it('caution group', () => {
    const rec = estimate({ n: 24, flag: 'caution' });
    expect(estimateSentence(fysiskt, rec, sv)).toBe(
      'Bland flickorna i årskurs 9 uppgav 18 procent (95\u00a0% KI 11–28) att de utsatts för fysiskt våld under de senaste 12 månaderna. Tolka med försiktighet: gruppen har bara 24 svarande.',
    );
    expect(estimateSentence(fysiskt, rec, en)).toBe(
      'Among girls in year 9, 18% (95% CI 11–28) reported that they had been subjected to physical violence in the past 12 months. Interpret with caution: the group has only 24 respondents.',
    );
  });
  it('a hidden group has no sentence here, even if the record still carries numbers: the caller says why it is hidden', () => {
    // "För få svarande" would be untrue of a share hidden to protect another (see withheldSentence).
    const rec = estimate({ suppressed: true, suppression: 'secondary', x: null, estimate: 0.18 });
    expect(() => estimateSentence(fysiskt, rec, sv)).toThrow('narrative: the hidden estimate record of fysiskt_vald has no sentence; say why it is hidden instead');
  });
  it('one decimal on a large base', () => {
    expect(estimateSentence(fysiskt, estimate({ group: 'total', n: 2400, estimate: 0.1834, ci_lower: 0.168, ci_upper: 0.199 }), sv)).toMatch(
      /^Totalt uppgav 18,3 procent \(95\u00a0% KI 16,8–19,9\)/,
    );
  });
  it('pooled waves are said to be pooled', () => {
    expect(estimateSentence(fysiskt, estimate({ pooled_years: [2021, 2023] }), sv)).toMatch(/ Resultatet bygger på mätningarna 2021 och 2023 sammanslagna\.$/);
  });
});

describe('change sentences', () => {
  it('significant rise in violence: with the handbook caveat', () => {
    expect(changeSentence(fysiskt, change({}), sv)).toBe(
      `Bland flickorna i årskurs 9 ökade andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna från 12 procent 2021 till 18 procent 2023. Ökningen på 6 procentenheter är statistiskt säkerställd (p = 0,031). ${CAVEAT_SV}`,
    );
    expect(changeSentence(fysiskt, change({}), en)).toBe(
      `Among girls in year 9, the share who reported that they had been subjected to physical violence in the past 12 months rose from 12% in 2021 to 18% in 2023. The increase of 6 percentage points is statistically significant (p = 0.031). ${CAVEAT_EN}`,
    );
  });
  it('significant rise of a protective factor: no caveat', () => {
    const rec = change({ indicator: 'vuxen', group: 'total', estimate_from: 0.7, estimate_to: 0.79, diff: 0.09, p: 0.004 });
    expect(changeSentence(vuxen, rec, sv)).toBe(
      'Andelen som uppgav att de har en vuxen att prata med ökade från 70 procent 2021 till 79 procent 2023. Ökningen på 9 procentenheter är statistiskt säkerställd (p = 0,0040).',
    );
  });
  it('significant fall', () => {
    const rec = change({ group: 'gender=2', estimate_from: 0.2, estimate_to: 0.12, diff: -0.08, p: 0.0042 });
    expect(changeSentence(fysiskt, rec, sv)).toBe(
      'Bland pojkarna minskade andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna från 20 procent 2021 till 12 procent 2023. Minskningen på 8 procentenheter är statistiskt säkerställd (p = 0,0042).',
    );
    expect(changeSentence(fysiskt, rec, en)).toBe(
      'Among boys, the share who reported that they had been subjected to physical violence in the past 12 months fell from 20% in 2021 to 12% in 2023. The decrease of 8 percentage points is statistically significant (p = 0.0042).',
    );
  });
  it('no significant change (even with a visible difference)', () => {
    const rec = change({ group: 'total', estimate_from: 0.15, estimate_to: 0.18, diff: 0.03, p: 0.412, significant: false });
    expect(changeSentence(fysiskt, rec, sv)).toBe(
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 15 procent 2021 och 18 procent 2023. Det är ingen statistiskt säkerställd förändring (p = 0,41).',
    );
    expect(changeSentence(fysiskt, rec, en)).toBe(
      'The share who reported that they had been subjected to physical violence in the past 12 months was 15% in 2021 and 18% in 2023. There is no statistically significant change (p = 0.41).',
    );
  });
  it('"statistiskt säkerställd" only when significant is true', () => {
    const untested = change({ significant: null, p: null });
    expect(changeSentence(fysiskt, untested, sv)).toMatch(/Det är ingen statistiskt säkerställd förändring\.$/);
    expect(changeSentence(fysiskt, untested, sv)).not.toMatch(/är statistiskt säkerställd/);
  });
  it('a hidden comparison has no sentence here', () => {
    const rec = change({ suppressed: true, estimate_from: null, estimate_to: null, diff: null, p: null, significant: null });
    expect(() => changeSentence(fysiskt, rec, sv)).toThrow('narrative: the hidden change record of fysiskt_vald has no sentence');
  });
  it('after the first sentence of a paragraph, just "andelen"', () => {
    const rec = change({ comparison: 'baseline', group: 'total', year_from: 2019, from: '2019', estimate_from: 0.2, estimate_to: 0.12, diff: -0.08, p: 0.002 });
    expect(changeSentence(fysiskt, rec, sv, { anaphor: true })).toBe(
      'Andelen minskade från 20 procent 2019 till 12 procent 2023. Minskningen på 8 procentenheter är statistiskt säkerställd (p = 0,0020).',
    );
  });
});

describe('trend sentences', () => {
  it('significant rising trend in violence', () => {
    expect(trendSentence(fysiskt, trend({}), sv)).toBe(
      `Bland flickorna ökade andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna över mätningarna 2019–2023, och trenden är statistiskt säkerställd (p = 0,012). ${CAVEAT_SV}`,
    );
  });
  it('no significant trend', () => {
    const rec = trend({ group: 'total', odds_ratio_per_year: 1.05, p: 0.4, significant: false });
    expect(trendSentence(fysiskt, rec, sv)).toBe(
      'Det finns ingen statistiskt säkerställd förändring i andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna över mätningarna 2019–2023 (p = 0,40).',
    );
    expect(trendSentence(fysiskt, rec, en)).toBe(
      'There is no statistically significant change in the share who reported that they had been subjected to physical violence in the past 12 months over the waves 2019–2023 (p = 0.40).',
    );
  });
  it('significant falling trend', () => {
    const rec = trend({ group: 'gender=2', odds_ratio_per_year: 0.88, p: 0.0004 });
    expect(trendSentence(fysiskt, rec, en, { anaphor: true })).toBe(
      'Among boys, the share fell over the waves 2019–2023, and the trend is statistically significant (p < 0.001).',
    );
  });
});

describe('gender and county comparisons', () => {
  const gender = change({ comparison: 'gender', group: 'total', year_from: 2023, from: 'gender=1', to: 'gender=2', estimate_from: 0.24, estimate_to: 0.12, diff: -0.12, p: 0.0012 });
  it('girls vs boys', () => {
    expect(genderSentence(fysiskt, gender, sv)).toBe(
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 24 procent bland flickorna och 12 procent bland pojkarna. Skillnaden på 12 procentenheter är statistiskt säkerställd (p = 0,0012).',
    );
    expect(genderSentence(fysiskt, { ...gender, group: 'grade=9', from: 'gender=1;grade=9', to: 'gender=2;grade=9', significant: false, p: 0.2 }, en, { anaphor: true })).toBe(
      'In year 9, the share was 24% among girls and 12% among boys. There is no statistically significant difference (p = 0.20).',
    );
  });
  it('girls vs boys, hidden: no sentence here', () => {
    expect(() => genderSentence(fysiskt, { ...gender, suppressed: true, estimate_from: null, estimate_to: null }, sv)).toThrow('has no sentence');
  });
  it('the municipality against the rest of the county', () => {
    const rec = change({ comparison: 'rest_of_county', group: 'total', year_from: 2023, from: 'rest_of_county', to: 'Ängsby', estimate_from: 0.14, estimate_to: 0.18, diff: 0.04, p: 0.02 });
    expect(countySentence(fysiskt, rec, 'Ängsby', sv)).toBe(
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 18 procent i Ängsby och 14 procent i övriga Norrbacka län. Skillnaden på 4 procentenheter är statistiskt säkerställd (p = 0,020).',
    );
    expect(countySentence(fysiskt, { ...rec, significant: false, p: 0.3 }, 'Ängsby', en)).toBe(
      'The share who reported that they had been subjected to physical violence in the past 12 months was 18% in Ängsby and 14% in the rest of Norrbacka län. There is no statistically significant difference (p = 0.30).',
    );
  });
});

describe('numbers as shown: differences from the rounded parts, the p the verdict follows', () => {
  const gender = change({ comparison: 'gender', group: 'total', year_from: 2023, from: 'gender=1', to: 'gender=2', estimate_from: 0.1044, estimate_to: 0.1684, diff: 0.064, p: 0.047, q: 0.047 });
  it('10 and 17 percent differ by 7 percentage points (not the unrounded 6,4)', () => {
    expect(genderSentence(fysiskt, gender, sv)).toBe(
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 10 procent bland flickorna och 17 procent bland pojkarna. Skillnaden på 7 procentenheter är statistiskt säkerställd (p = 0,047).',
    );
  });
  it('a significant difference whose parts round alike is told with one decimal', () => {
    const rec = change({ estimate_from: 0.005, estimate_to: 0.0142, diff: 0.0092, p: 0.004, group: 'total' });
    expect(changeSentence(vuxen, rec, sv)).toBe(
      'Andelen som uppgav att de har en vuxen att prata med ökade från 0,5 procent 2021 till 1,4 procent 2023. Ökningen på 0,9 procentenheter är statistiskt säkerställd (p = 0,0040).',
    );
  });
  it('with multiple_comparisons: fdr the sentence shows the adjusted p, which the verdict follows', () => {
    const fdr: NarrativeContext = { lang: 'sv', meta: { ...meta, multiple_comparisons: 'fdr' } };
    expect(genderSentence(fysiskt, { ...gender, q: 0.21, significant: false }, fdr)).toBe(
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 10 procent bland flickorna och 17 procent bland pojkarna. Det är ingen statistiskt säkerställd skillnad (justerat p = 0,21).',
    );
    expect(trendSentence(fysiskt, trend({ group: 'total', p: 0.0004, q: 0.0031 }), { ...fdr, lang: 'en' })).toBe(
      `The share who reported that they had been subjected to physical violence in the past 12 months rose over the waves 2019–2023, and the trend is statistically significant (adjusted p = 0.0031). ${CAVEAT_EN}`,
    );
  });
});

describe('a single wave', () => {
  it('says there is no earlier wave to compare with', () => {
    expect(singleWaveSentence('Ängsby', 2023, 'sv')).toBe(
      'Undersökningen har hittills bara genomförts en gång i Ängsby (2023), så det finns ingen tidigare mätning att jämföra med. Resultaten blir utgångsläget för kommande uppföljningar.',
    );
    expect(singleWaveSentence('Ängsby', 2023, 'en')).toBe(
      'The survey has so far been carried out only once in Ängsby (2023), so there is no earlier wave to compare with. The results are the baseline for future follow-up.',
    );
  });
});

describe('step 3: associations between a factor and an outcome', () => {
  const rec = (over: Partial<AssociationRecord>): AssociationRecord => ({
    kind: 'association',
    indicator: 'fysiskt_vald',
    factor: 'vuxen',
    area: 'Ängsby',
    year: 2023,
    group: 'total',
    estimate_with: 0.12,
    estimate_without: 0.21,
    ratio: 0.571,
    ratio_ci_lower: 0.4,
    ratio_ci_upper: 0.82,
    p: 0.003,
    q: 0.004,
    significant: true,
    suppressed: false,
    flag: null,
    ...over,
  });

  it('says how common the outcome is with and without the factor, and the verdict, in words that claim no cause', () => {
    expect(associationSentence(vuxen, fysiskt, rec({}), sv, '30')).toBe(
      'Bland elever som uppgav att de har en vuxen att prata med var andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna 12 procent, jämfört med 21 procent bland övriga elever som besvarat frågan. Skillnaden är statistiskt säkerställd (p = 0,0030).',
    );
    expect(associationSentence(vuxen, fysiskt, rec({ significant: false, p: 0.2, q: 0.3 }), en, '30')).toBe(
      'Among pupils who reported that they have an adult to talk to, the share who reported that they had been subjected to physical violence in the past 12 months was 12%, compared with 21% among the other pupils who answered the question. There is no statistically significant difference (p = 0.20).',
    );
    for (const s of [associationSentence(vuxen, fysiskt, rec({}), sv, '30'), associationSentence(vuxen, fysiskt, rec({}), en, '30')]) {
      expect(s).not.toMatch(/orsak|beror på|leder till|cause|because|leads to/i);
    }
  });

  it('names the factor and outcome by their labels when they have no statement; q under fdr; caution on a small side', () => {
    const fdr: NarrativeContext = { lang: 'sv', meta: { ...meta, multiple_comparisons: 'fdr' } };
    expect(associationSentence(natet, natet, rec({ flag: 'caution' }), fdr, '30')).toBe(
      'Bland elever som svarat ja på ”Kränkt på nätet” var andelen för ”Kränkt på nätet” 12 procent, jämfört med 21 procent bland övriga elever som besvarat frågan. Skillnaden är statistiskt säkerställd (justerat p = 0,0040). Tolka med försiktighet: en av grupperna har färre än 30 svarande.',
    );
  });

  it('a suppressed association shows no number', () => {
    const hidden = rec({ suppressed: true, estimate_with: null, estimate_without: null, ratio: null, ratio_ci_lower: null, ratio_ci_upper: null, p: null, q: null, significant: null });
    expect(associationSentence(vuxen, fysiskt, hidden, sv, '30')).toBe('Sambandet mellan ”Har en vuxen att prata med” och ”Fysiskt våld” redovisas inte: för få svarande eller för få ja- eller nej-svar med eller utan faktorn, eller för att skydda ett annat dolt värde.');
  });

  it('hidden associations of several factors or outcomes: the two sides are told apart', () => {
    const say = { sv: svStrings.narrative.associationSuppressed, en: enStrings.narrative.associationSuppressed };
    expect(say.sv(['Vuxen att prata med'], ['Någon form av våld', 'Fysiskt våld'])).toBe(
      'Sambanden mellan ”Vuxen att prata med” och ”Någon form av våld” respektive ”Fysiskt våld” redovisas inte: för få svarande eller för få ja- eller nej-svar med eller utan faktorn, eller för att skydda ett annat dolt värde.',
    );
    expect(say.sv(['Berusad', 'Vänner som slåss'], ['Fysiskt våld'])).toBe('Sambanden mellan ”Berusad” respektive ”Vänner som slåss” och ”Fysiskt våld” redovisas inte: för få svarande eller för få ja- eller nej-svar med eller utan faktorerna, eller för att skydda ett annat dolt värde.');
    expect(say.sv(['Berusad', 'Vänner som slåss'], ['Hot', 'Fysiskt våld'])).toBe(
      'Sambanden mellan ”Berusad” och ”Vänner som slåss” å ena sidan och ”Hot” och ”Fysiskt våld” å andra sidan redovisas inte: för få svarande eller för få ja- eller nej-svar med eller utan faktorerna, eller för att skydda ett annat dolt värde.',
    );
    expect(say.en(['An adult to talk to'], ['Any violence', 'Physical violence'])).toBe(
      'The associations between “An adult to talk to” and each of “Any violence” and “Physical violence” are not reported: too few respondents or too few yes or no answers with or without the factor, or to protect another hidden value.',
    );
  });
});

describe('comparisons with reference values', () => {
  const refMeta: FiguresMeta = { ...meta, references: [{ label: { sv: 'Riket', en: 'Sweden' }, source: { sv: 'Påhittad källa', en: 'Made-up source' } }] };
  const ctxSv: NarrativeContext = { lang: 'sv', meta: refMeta };
  const ctxEn: NarrativeContext = { lang: 'en', meta: refMeta };
  const rec = change({ comparison: 'reference', group: 'total', year_from: 2022, year_to: 2023, from: 'Riket', to: 'Ängsby', estimate_from: 0.14, estimate_to: 0.18, diff: 0.04, p: 0.02, significant: true });

  it('tested when the reference has a known uncertainty, in the report language', () => {
    expect(referenceSentence(fysiskt, rec, ctxSv)).toBe(
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 18 procent i Ängsby, och referensvärdet Riket från 2022 är 14 procent. Skillnaden på 4 procentenheter är statistiskt säkerställd (p = 0,020).',
    );
    expect(referenceSentence(fysiskt, { ...rec, significant: false, p: 0.3 }, ctxEn)).toBe(
      'The share who reported that they had been subjected to physical violence in the past 12 months was 18% in Ängsby, and the reference value Sweden from 2022 is 14%. There is no statistically significant difference (p = 0.30).',
    );
  });

  it('without a test when its uncertainty is unknown: never called significant', () => {
    const untested = { ...rec, p: null, q: null, significant: null, diff_ci_lower: null, diff_ci_upper: null };
    const s = referenceSentence(fysiskt, untested, ctxSv);
    expect(s).toBe(
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 18 procent i Ängsby, och referensvärdet Riket från 2022 är 14 procent. Referensvärdets osäkerhet är inte känd, så skillnaden har inte prövats statistiskt.',
    );
    expect(s).not.toMatch(/säkerställd/);
    expect(referenceSentence(fysiskt, untested, ctxEn)).toMatch(/The uncertainty of the reference value is not known, so the difference has not been tested\.$/);
  });

  it('the own value hidden: the reference value is named, the municipality is not compared', () => {
    const hidden = { ...rec, estimate_to: null, diff: null, p: null, q: null, significant: null, suppressed: true };
    expect(referenceSentence(fysiskt, hidden, ctxSv)).toBe('”Utsatt för fysiskt våld” redovisas inte för Ängsby, så andelen jämförs inte med referensvärdet Riket från 2022 (14 procent).');
  });
});
