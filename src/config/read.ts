// What a validated config says, without the schema: helpers that the row decoder and the sums
// need (they run in ingest's worker threads too, which should not load zod to start).
import type { AnswerScale, Indicator, LocalizedText, ProjectConfig } from './schema.js';

/**
 * The outcomes of step 3's associations: associations.outcomes, or by default the key
 * indicators of the utsatthet chapter (all of them when none is key), combined ones first.
 */
export function associationOutcomes(config: ProjectConfig): Indicator[] {
  const byId = new Map(config.indicators.map((i) => [i.id, i]));
  if (config.associations.outcomes !== undefined) return config.associations.outcomes.map((id) => byId.get(id)!);
  const exposure = config.indicators.filter((i) => i.chapter === 'utsatthet' && i.aspect === undefined);
  const key = exposure.filter((i) => i.key);
  const chosen = key.length > 0 ? key : exposure;
  return [...chosen.filter(isDerived), ...chosen.filter((i) => !isDerived(i))];
}

/** The förändringsfaktorer whose association with the outcomes is estimated. */
export function associationFactors(config: ProjectConfig): Indicator[] {
  return config.indicators.filter((i) => i.chapter === 'forandringsfaktorer');
}

export function isDerived(ind: Indicator): boolean {
  return ind.column === undefined;
}

/** The language `localize` actually returns: Swedish when there is no English text. */
export function localizedLang(text: LocalizedText | undefined, lang: 'sv' | 'en'): 'sv' | 'en' {
  return lang === 'en' && text !== undefined && typeof text !== 'string' && text.en !== undefined ? 'en' : 'sv';
}

/** Pick the text for a language, falling back to Swedish. */
export function localize(text: LocalizedText | undefined, lang: 'sv' | 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : undefined) ?? text.sv;
}

/**
 * Indicators in an order where every indicator comes after those it depends on (any_of,
 * all_of, population filter on an indicator); null when there is a cycle.
 */
export function dependencyOrder(indicators: Indicator[]): Indicator[] | null {
  const byId = new Map(indicators.map((ind) => [ind.id, ind]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: Indicator[] = [];
  const visit = (ind: Indicator): boolean => {
    const s = state.get(ind.id);
    if (s === 'done') return true;
    if (s === 'visiting') return false;
    state.set(ind.id, 'visiting');
    for (const dep of dependenciesOf(ind)) {
      const d = byId.get(dep);
      if (d && !visit(d)) return false;
    }
    state.set(ind.id, 'done');
    out.push(ind);
    return true;
  };
  for (const ind of indicators) if (!visit(ind)) return null;
  return out;
}

export function dependenciesOf(ind: Indicator): string[] {
  const deps = [...(ind.any_of ?? []), ...(ind.all_of ?? [])];
  if (ind.population && 'indicator' in ind.population) deps.push(ind.population.indicator);
  return deps;
}

/** The scale of a source indicator with its `yes` override applied. */
export function scaleOf(config: ProjectConfig, ind: Indicator): AnswerScale {
  if (isDerived(ind) || ind.answers === undefined) throw new Error(`indicator ${ind.id} has no answers`);
  const scale = typeof ind.answers === 'string' ? config.answer_scales[ind.answers]! : ind.answers;
  if (!ind.yes) return scale;
  // Answers moved to yes by the override are no longer "no".
  const yes = new Set(ind.yes);
  return { yes: ind.yes, no: [...scale.no, ...scale.yes].filter((a) => !yes.has(a)), missing: scale.missing };
}

