// Om undersökningen: who answered (per group and wave) and, with a population file, out of how
// many pupils; weighting and design; the läsanvisning.
import { heading, paragraph } from '../blocks.js';
import { areaName, hasCountyComparison, presentGrades, surveyYears, waveName, type ReportContext } from '../context.js';
import { formatInteger, formatList, MISSING } from '../format.js';
import { ALL, groupKey, TOTAL } from '../groups.js';
import type { Block, ReportChapter } from '../model.js';
import { respondentsTable, singleGrade } from '../tables.js';
import { designParagraphs, latestYear, readingParagraphs } from './common.js';
import type { ResponseRecord } from '../../analysis/types.js';
import { rateText } from '../cells.js';

export function surveyChapter(ctx: ReportContext, area: string): ReportChapter {
  const year = latestYear(ctx, area);
  const blocks: Block[] = [];
  if (year !== null) {
    // Everyone who answered; the total group ("Totalt") leaves out those outside the reported
    // groups (see respondentsTable), and then the sentence says on how many its shares rest.
    const total = ctx.fig.respondents(area, year, TOTAL);
    const n = ctx.fig.respondents(area, year, ALL) ?? total;
    const counted = total !== undefined && n !== undefined && total !== n ? formatInteger(total, ctx.lang) : null;
    const respondents = ctx.t.text.survey(
      area,
      formatList(surveyYears(ctx, area).map(String), ctx.lang),
      waveName(ctx, area, year),
      n === undefined ? MISSING : formatInteger(n, ctx.lang),
      ctx.fig.pooledYears(area, year) !== null,
      counted === null ? null : { n: counted, total: ctx.groups.label(TOTAL), byGrade: ctx.config.groups.grade !== undefined },
    );
    // With config `population`, the same paragraph says how many of the pupils that is.
    const rate = ctx.fig.meta.population ? responseSentence(ctx, area, year, counted) : null;
    // A municipality that has no respondents in the county's latest wave: said, as its report is then of an earlier one.
    const countyLatest = ctx.fig.meta.years[ctx.fig.meta.years.length - 1];
    const earlier = countyLatest !== undefined && year < countyLatest && area !== ctx.fig.meta.county ? ctx.t.text.notInLatest(area, String(countyLatest), waveName(ctx, area, year), comparedWithCounty(ctx, area, year)) : null;
    blocks.push(paragraph([respondents, rate, earlier].filter((s) => s !== null).join(' ')), respondentsTable(ctx, area));
    const low = lowResponseNotice(ctx, area);
    if (low) blocks.push(low);
  }
  blocks.push(...designParagraphs(ctx, area), heading(2, 'om-undersokningen-lasanvisning', ctx.t.sections.lasanvisning), ...readingParagraphs(ctx));
  return { id: 'om-undersokningen', title: ctx.t.chapters.omUndersokningen, blocks };
}

/** The figures have a comparison with the rest of the county for the area in the wave (the config may ask for them and the wave still have none). */
function comparedWithCounty(ctx: ReportContext, area: string, year: number): boolean {
  return hasCountyComparison(ctx, area) && ctx.config.indicators.some((ind) => ctx.fig.change('rest_of_county', ind.id, area, TOTAL, year) !== undefined);
}

/** "Det är 67 procent av de 1 109 eleverna: svarsfrekvensen var …" — null when the total is hidden. */
function responseSentence(ctx: ReportContext, area: string, year: number, counted: string | null): string | null {
  const total = shownResponse(ctx.fig.response(area, year, TOTAL));
  if (!total) return null;
  const gradeRates =
    singleGrade(ctx, area, ctx.fig.years(area)) === null
      ? presentGrades(ctx, area, [year]).flatMap((k) => {
          const key = groupKey({ gender: null, grade: k });
          const r = shownResponse(ctx.fig.response(area, year, key));
          return r ? [ctx.t.population.gradeRate(ratePhrase(ctx, r), ctx.groups.label(key))] : [];
        })
      : [];
  // One school year's rate alone would say nothing the total does not (or hint at the hidden other).
  return ctx.t.population.sentence(ratePhrase(ctx, total), formatInteger(total.population, ctx.lang), ctx.fig.pooledYears(area, year) !== null, gradeRates.length > 1 ? gradeRates : [], counted);
}

/** The record when its rate may be shown. */
function shownResponse(r: ResponseRecord | undefined): (ResponseRecord & { rate: number }) | null {
  return r !== undefined && r.rate !== null ? (r as ResponseRecord & { rate: number }) : null;
}

/** A rate in running text: "67 procent". */
function ratePhrase(ctx: ReportContext, r: ResponseRecord & { rate: number }): string {
  return ctx.t.narrative.percent(rateText(r, ctx, false));
}

/**
 * The groups of the response table (the total included) where fewer than half of the pupils
 * answered, in any wave: their figures may be biased by non-response. Null when there are none.
 */
function lowResponseNotice(ctx: ReportContext, area: string): Block | null {
  const years = ctx.fig.years(area);
  const single = singleGrade(ctx, area, years) !== null;
  const groups = ctx.fig.meta.groups.filter((g) => g === TOTAL || (ctx.groups.reported(g) && !(single && g.includes('grade='))));
  const low = groups.flatMap((g) => {
    const rates = years.flatMap((y) => {
      const r = shownResponse(ctx.fig.response(area, y, g));
      return r?.flag === 'low_response' ? [ctx.t.population.lowRate(ratePhrase(ctx, r), waveName(ctx, area, y))] : [];
    });
    return rates.length > 0 ? [{ group: g === TOTAL ? null : ctx.groups.label(g), rates: formatList(rates, ctx.lang) }] : [];
  });
  if (low.length === 0) return null;
  return { type: 'notice', tone: 'caution', title: ctx.t.population.lowTitle, text: ctx.t.population.low(low, ctx.fig.meta.population?.poststratified === true) };
}

/** For the summary: a notice when fewer than half of the area's pupils answered in the wave; null otherwise. */
export function lowTotalResponseNotice(ctx: ReportContext, area: string, year: number): Block | null {
  const total = shownResponse(ctx.fig.response(area, year, TOTAL));
  if (total?.flag !== 'low_response') return null;
  return { type: 'notice', tone: 'caution', title: ctx.t.population.lowTitle, text: ctx.t.population.lowTotal(areaName(ctx, area), ratePhrase(ctx, total), waveName(ctx, area, year)) };
}
