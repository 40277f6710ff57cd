// What every chapter builder needs: language, texts, config, the figures table and the
// source line, plus the few lookups that several chapters share.
import type { FiguresTable } from '../analysis/types.js';
import { localize, type Indicator, type ProjectConfig } from '../config/schema.js';
import { formatLevel, formatYearRange } from './format.js';
import { GroupCatalog } from './groups.js';
import { strings, type Strings } from './i18n/index.js';
import { FigureLookup } from './lookup.js';
import type { Lang } from './model.js';
import { indicatorLabel, type NarrativeContext } from './narrative.js';

export interface ReportContext {
  lang: Lang;
  t: Strings;
  config: ProjectConfig;
  fig: FigureLookup;
  groups: GroupCatalog;
  narrative: NarrativeContext;
  /** "Källa: …" under every figure and table. */
  source: string;
  /** The confidence level, formatted ("95 %"). */
  level: string;
}

export function createContext(figures: FiguresTable, config: ProjectConfig, lang: Lang): ReportContext {
  const t = strings(lang);
  return {
    lang,
    t,
    config,
    fig: new FigureLookup(figures),
    groups: new GroupCatalog(figures.meta, config, lang),
    narrative: { lang, meta: figures.meta },
    // The bare source: renderers put the "Källa:" label in front.
    source: localize(config.project.source, lang),
    level: formatLevel(figures.meta.level, lang),
  };
}

/** The indicators marked `key`; without any, those of the utsatthet chapter stand in. */
export function keyIndicators(config: ProjectConfig): Indicator[] {
  const key = config.indicators.filter((i) => i.key);
  return key.length > 0 ? key : config.indicators.filter((i) => i.chapter === 'utsatthet');
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
