// Which standard indicator a survey column is: the words of the column name (F12_slagen →
// "slagen") against each template indicator's id, short label and the synonyms below. Words
// shared by many indicators ("våld", "förtroende") count for less than words only one has
// ("slagen", "polis"), so F35_fortroende_polis goes to fortroende_polis, not to
// fortroende_socialtjanst. Then its answers are sorted into yes / no / missing.
import { localize, type AnswerScale, type Indicator } from '../config/schema.js';
import { classifyAnswer, proposeScale, type ScaleProposal } from './answers.js';
import { normalizeName, type Roles } from './roles.js';
import type { ColumnProfile, CsvProfile } from './profile.js';
import type { Template } from './template.js';

/** Extra words per template indicator, as survey column names spell them (without å ä ö). */
const SYNONYMS: Record<string, string[]> = {
  fysiskt_vald: ['slagen', 'slag', 'sparkad', 'misshandlad', 'misshandel'],
  hot: ['hotad', 'hotat', 'hotats'],
  sexuellt_vald: ['sex', 'tvang', 'tvingad', 'sexuella_handlingar', 'overgrepp'],
  sexuella_trakasserier: ['sex', 'trakasserier', 'trakasserad', 'tafsad', 'tafsat'],
  krankt_pa_natet: ['nat', 'internet', 'online', 'natkrankning'],
  sexuella_bilder_natet: ['sex', 'nat', 'bilder', 'nakenbilder', 'nakenbild'],
  vald_i_parrelation: ['partner', 'partnervald', 'pojkvan', 'flickvan'],
  bevittnat_vald: ['bevittnat', 'bevittna', 'hemmet'],
  hedersrelaterade_begransningar: ['heder', 'hedersrelaterat', 'hedersnormer'],
  utovat_fysiskt_vald: ['utovat', 'slagit', 'utovare'],
  utovat_krankning_natet: ['utovat', 'nat'],
  accepterar_vald: ['slass', 'okej', 'ok'],
  accepterar_kontroll: ['kontrollera', 'kolla', 'mobil', 'ok', 'okej'],
  otrygg_ute: ['kvall', 'kvallstid'],
  otrygg_i_skolan: ['skola'],
  berusad: ['full', 'alkohol', 'druckit', 'fylla'],
  vuxen_att_prata_med: ['vuxen', 'prata', 'vuxna'],
  vanner_som_slass: ['vanner', 'kompisar'],
  skolan_ingriper: ['ingriper', 'ingripa', 'ingripande'],
  trygg_i_omradet: ['omrade', 'bostadsomrade'],
  fortroende_polis: ['polis'],
  fortroende_socialtjanst: ['soc', 'socialtjanst', 'socialtjansten'],
};

/** Words of the column that a population filter (e.g. "has or has had a partner") is read from. */
const POPULATION_WORDS: Record<string, string[]> = {
  vald_i_parrelation: ['partner', 'pojkvan', 'flickvan', 'karlek', 'relation'],
};

const STOP = new Set(['i', 'pa', 'av', 'och', 'att', 'for', 'de', 'har', 'sig', 'en', 'med', 'om', 'nagon', 'som', 'till', 'du', 'dig', 'din', 'the', 'of']);
/** A name's score must reach this (one word only this indicator has, or two shared ones). */
const MIN_SCORE = 0.5;

/** Words of a name: without the question number in front (F12_, Q3a_), numbers or stop words. */
export function nameWords(name: string): string[] {
  return normalizeName(name)
    .replace(/^[a-z]{0,2}\d+[a-z]?(_|$)/, '')
    .split(/[_\d]+/)
    .filter((w) => w.length >= 2 && !STOP.has(w));
}

/** Words match when they share their first five letters ("omrade" ~ "omradet"), or are equal. */
function stem(w: string): string {
  return w.slice(0, 5);
}

export interface IndicatorProposal {
  /** The template indicator's id. */
  id: string;
  column: string;
  score: number;
  /** The name of the template's answer scale ("frekvens"); used to name the config's scale. */
  scaleName: string;
  answers: ScaleProposal;
  /** Population filter with this data's column, or null. */
  population: { column: string; values: string[] } | null;
  /** The template filters the population but no column for it was found. */
  populationMissing: boolean;
}

export interface UnusedColumn {
  column: string;
  why: 'free-text' | 'no-match';
}

export interface IndicatorProposals {
  indicators: IndicatorProposal[];
  /** Template indicators combining others (any_of / all_of), with the parts that were found. */
  derived: { id: string; parts: string[] }[];
  unused: UnusedColumn[];
}

export function proposeIndicators(profile: CsvProfile, roles: Roles, template: Template): IndicatorProposals {
  const taken = new Set(Object.values(roles).filter((c): c is string => c !== null));
  const free = profile.columns.filter((c) => !taken.has(c.name) && !c.duplicateName);
  const sources = template.config.indicators.filter((ind) => ind.column !== undefined);
  const words = new Map(sources.map((ind) => [ind.id, indicatorStems(ind)]));
  const df = new Map<string, number>();
  for (const set of words.values()) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);

  const pairs: { ind: Indicator; col: ColumnProfile; score: number; order: number }[] = [];
  sources.forEach((ind, i) => {
    for (const col of free) {
      if (!isAnswerColumn(col)) continue;
      const colStems = new Set(nameWords(col.name).map(stem));
      let score = 0;
      for (const s of words.get(ind.id)!) if (colStems.has(s)) score += 1 / df.get(s)!;
      if (score >= MIN_SCORE) pairs.push({ ind, col, score, order: i * 10_000 + col.index });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.order - b.order);

  const chosen = new Map<string, IndicatorProposal>();
  const used = new Set<string>();
  for (const { ind, col, score } of pairs) {
    if (chosen.has(ind.id) || used.has(col.name)) continue;
    used.add(col.name);
    const scaleName = typeof ind.answers === 'string' ? ind.answers : 'svar';
    chosen.set(ind.id, {
      id: ind.id,
      column: col.name,
      score,
      scaleName,
      answers: proposeScale(col.values!, scaleOfTemplate(template, ind)),
      population: null,
      populationMissing: false,
    });
  }
  // Population filters come from the columns left over ("Har du en partner?").
  for (const p of chosen.values()) {
    const ind = sources.find((s) => s.id === p.id)!;
    if (!ind.population || !('column' in ind.population)) continue;
    const col = populationColumn(p.id, free.filter((c) => !used.has(c.name)));
    if (!col) {
      p.populationMissing = true;
      continue;
    }
    used.add(col.name);
    const yes = [...col.values!.keys()].filter((v) => classifyAnswer(v) === 'yes');
    p.population = { column: col.name, values: [...new Set([...ind.population.values, ...yes])] };
  }

  const indicators = sources.filter((s) => chosen.has(s.id)).map((s) => chosen.get(s.id)!);
  const derived = template.config.indicators
    .filter((ind) => ind.column === undefined)
    .map((ind) => ({ id: ind.id, parts: (ind.any_of ?? ind.all_of ?? []).filter((id) => chosen.has(id)) }))
    .filter((d) => d.parts.length >= 2);
  const unused = free
    .filter((c) => !used.has(c.name))
    .map((c): UnusedColumn => ({ column: c.name, why: c.values === null && !c.numeric ? 'free-text' : 'no-match' }));
  return { indicators, derived, unused };
}

function indicatorStems(ind: Indicator): Set<string> {
  const words = [...nameWords(ind.id), ...nameWords(localize(ind.short, 'sv')), ...(SYNONYMS[ind.id] ?? []).flatMap(nameWords)];
  return new Set(words.map(stem));
}

/** A closed list of short answers of which at least one is a yes or no, or only codes. */
function isAnswerColumn(c: ColumnProfile): boolean {
  if (c.values === null) return false;
  const answers = [...c.values.keys()];
  return answers.some((v) => classifyAnswer(v) === 'yes' || classifyAnswer(v) === 'no') || (c.numeric && c.integer);
}

function scaleOfTemplate(template: Template, ind: Indicator): AnswerScale | undefined {
  return typeof ind.answers === 'string' ? template.config.answer_scales[ind.answers] : ind.answers;
}

function populationColumn(id: string, columns: ColumnProfile[]): ColumnProfile | undefined {
  const wanted = new Set((POPULATION_WORDS[id] ?? []).map(stem));
  return columns.find((c) => isAnswerColumn(c) && nameWords(c.name).some((w) => wanted.has(stem(w))));
}
