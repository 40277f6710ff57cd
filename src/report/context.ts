// What every chapter builder needs: language, texts, config, the figures table and the
// source line, plus the few lookups that several chapters share.
import type { EstimateRecord, FiguresTable, GroupKey } from '../analysis/types.js';
import { localize, type Indicator, type ProjectConfig, type ReportProfile } from '../config/schema.js';
import { withheldKind } from './cells.js';
import { formatInteger, formatLevel, formatYearRange } from './format.js';
import { GroupCatalog, groupKey } from './groups.js';
import { strings, type Strings } from './i18n/index.js';
import { FigureLookup } from './lookup.js';
import type { Lang } from './model.js';
import { indicatorLabel, type NarrativeContext } from './narrative.js';
import { populationWho } from './chapters/appendix.js';

export interface ReportContext {
  lang: Lang;
  t: Strings;
  config: ProjectConfig;
  /** A baseline report (lägesbild) or a follow-up (uppföljning, handbook step 5). */
  profile: ReportProfile;
  fig: FigureLookup;
  groups: GroupCatalog;
  narrative: NarrativeContext;
  /** "Källa: …" under every figure and table. */
  source: string;
  /** The confidence level, formatted ("95 %"). */
  level: string;
  /** Explanations already given in this report (see `once`). */
  said: Set<string>;
}

export function createContext(figures: FiguresTable, config: ProjectConfig, lang: Lang, profile: ReportProfile = config.project.profile): ReportContext {
  const t = strings(lang);
  const ctx: ReportContext = {
    lang,
    t,
    config,
    profile,
    fig: new FigureLookup(figures),
    groups: new GroupCatalog(figures.meta, config, lang),
    narrative: { lang, meta: figures.meta, indicators: new Map(config.indicators.map((i) => [i.id, i])) },
    // The bare source: renderers put the "Källa:" label in front.
    source: localize(config.project.source, lang),
    level: formatLevel(figures.meta.level, lang),
    said: new Set(),
  };
  ctx.narrative.populationOf = (ind) => populationWho(ctx, ind);
  return ctx;
}

/**
 * A sentence that explains something general (why the genders are not shown) the first time it
 * applies, in document order, and null after that: the report does not repeat itself.
 */
export function once(ctx: ReportContext, sentence: string): string | null {
  if (ctx.said.has(sentence)) return null;
  ctx.said.add(sentence);
  return sentence;
}

/** The indicators marked `key`; without any, those of the utsatthet chapter stand in (not its follow-up questions). */
export function keyIndicators(config: ProjectConfig): Indicator[] {
  const key = config.indicators.filter((i) => i.key);
  return key.length > 0 ? key : config.indicators.filter((i) => i.chapter === 'utsatthet' && i.aspect === undefined);
}

export function label(ctx: ReportContext, ind: Indicator, short = false): string {
  return indicatorLabel(ind, ctx.lang, short);
}

/** An area's display name; a pooled area says so. */
export function areaName(ctx: ReportContext, area: string): string {
  return ctx.fig.pooledArea(area) ? ctx.t.words.pooledArea(area) : area;
}

/** A wave's display name; pooled waves show their range and say so ("2019–2023 (sammanslagna)"). */
export function waveName(ctx: ReportContext, area: string, year: number): string {
  const pooled = ctx.fig.pooledYears(area, year);
  return pooled ? ctx.t.words.pooledWave(formatYearRange(pooled)) : String(year);
}

/** Every survey year behind the area's waves, pooled ones expanded. */
export function surveyYears(ctx: ReportContext, area: string): number[] {
  const years = ctx.fig.years(area).flatMap((y) => ctx.fig.pooledYears(area, y) ?? [y]);
  return [...new Set(years)].sort((a, b) => a - b);
}

/**
 * Whether there is anyone to compare the area with: comparisons with the rest of the county
 * (chapter, summary sentences, county overview) need at least one other municipality (or
 * pooled unit) in the data.
 */
export function hasCountyComparison(ctx: ReportContext, area: string): boolean {
  if (!ctx.config.project.compare_with_county) return false;
  return ctx.fig.meta.areas.some((a) => a !== area && a !== ctx.fig.meta.county);
}

/** The group has respondents in the area in at least one of the waves. */
function present(ctx: ReportContext, area: string, years: readonly number[], group: GroupKey): boolean {
  return years.some((y) => (ctx.fig.respondents(area, y, group) ?? 0) > 0);
}

/**
 * Reported gender codes with respondents in the area in these waves: a group the
 * municipality does not have gets no row, column, bar or legend entry.
 */
export function presentGenders(ctx: ReportContext, area: string, years: readonly number[]): string[] {
  return ctx.groups.visibleGenders().filter((g) => present(ctx, area, years, groupKey({ gender: g, grade: null })));
}

/** School-year codes with respondents in the area in these waves (no "Gy 2" where there is no upper-secondary school). */
export function presentGrades(ctx: ReportContext, area: string, years: readonly number[]): string[] {
  return ctx.groups.grades.filter((k) => ctx.groups.reported(groupKey({ gender: null, grade: k })) && present(ctx, area, years, groupKey({ gender: null, grade: k })));
}

/** Why a hidden value is hidden, as a clause ("färre än 10 har svarat"). */
export function withheldReason(ctx: ReportContext, rec: Pick<EstimateRecord, 'suppression'>): string {
  const d = ctx.config.disclosure;
  return ctx.t.withheld.reason(withheldKind(rec.suppression), formatInteger(d.min_base, ctx.lang), formatInteger(d.max_small_count, ctx.lang));
}

/**
 * Hidden things (groups, indicators) by the reason their value is hidden, in order of first
 * appearance: a value hidden to protect another did have enough answers, so one reason for
 * all of them would be false for some.
 */
export function byWithheldReason<T>(ctx: ReportContext, items: readonly T[], recordOf: (item: T) => Pick<EstimateRecord, 'suppression'>): { reason: string; items: T[] }[] {
  const sets = new Map<string, T[]>();
  for (const item of items) {
    const reason = withheldReason(ctx, recordOf(item));
    sets.set(reason, [...(sets.get(reason) ?? []), item]);
  }
  return [...sets].map(([reason, of]) => ({ reason, items: of }));
}
