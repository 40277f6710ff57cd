// Utveckling över tid: a line chart per key indicator over the waves, with sentences on the
// change since the previous and the first wave and on the trend. Gender groups are mentioned
// only where their change is statistically significant. With one wave the chapter says so.
import type { ChangeRecord, TrendRecord } from '../../analysis/types.js';
import type { Indicator } from '../../config/schema.js';
import { paragraph } from '../blocks.js';
import { trendFigure } from '../charts.js';
import { keyIndicators, label, presentGenders, withheldReason, type ReportContext } from '../context.js';
import { formatYearRange } from '../format.js';
import { ALL, groupKey, TOTAL } from '../groups.js';
import type { Block, ReportChapter } from '../model.js';
import { changeSentence, needsRiseCaveat, singleWaveSentence, trendSentence } from '../narrative.js';
import { bothWavesMeasured, cautionSentence, changeDecimals, latestYear } from './common.js';

function indicatorSentences(ctx: ReportContext, ind: Indicator, area: string, years: number[]): string[] {
  const year = years[years.length - 1]!;
  const n = ctx.narrative;
  const sentences: string[] = [];
  const used: (ChangeRecord | TrendRecord)[] = [];
  // The first sentence names the indicator; the rest say just "andelen".
  const change = (rec: ChangeRecord) => {
    sentences.push(changeSentence(ind, rec, n, { decimals: changeDecimals(ctx, rec), caveat: false, anaphor: used.length > 0 }));
    used.push(rec);
  };
  const trend = (rec: TrendRecord) => {
    sentences.push(trendSentence(ind, rec, n, { caveat: false, anaphor: used.length > 0 }));
    used.push(rec);
  };

  for (const b of ind.series_breaks) if (b > years[0]! && b <= year) sentences.push(ctx.t.narrative.seriesBreak(String(b)));

  // A comparison with a hidden side is one sentence naming the indicator and the reason.
  const compare = (rec: ChangeRecord) => {
    const hidden = [rec.year_from, rec.year_to].map((y) => ctx.fig.estimate(ind.id, area, y, TOTAL)).find((r) => r?.suppressed);
    if (hidden) sentences.push(ctx.t.withheld.change(label(ctx, ind), String(rec.year_from), String(rec.year_to), String(hidden.year), withheldReason(ctx, hidden)));
    else if (!rec.suppressed) {
      change(rec);
      const caution = cautionSentence(ctx, [rec.year_from, rec.year_to].map((y) => ctx.fig.estimate(ind.id, area, y, rec.group)), 'waves');
      if (caution) sentences.push(caution);
    }
  };
  const previous = ctx.fig.change('previous', ind.id, area, TOTAL, year);
  if (previous && bothWavesMeasured(ctx, previous)) compare(previous);
  const baseline = ctx.fig.change('baseline', ind.id, area, TOTAL, year);
  if (baseline && baseline.year_from !== previous?.year_from && bothWavesMeasured(ctx, baseline)) compare(baseline);
  const total = ctx.fig.trend(ind.id, area, TOTAL);
  if (total && !total.suppressed) trend(total);

  for (const g of presentGenders(ctx, area, years)) {
    const key = groupKey({ gender: g, grade: null });
    const prev = ctx.fig.change('previous', ind.id, area, key, year);
    if (prev?.significant && !prev.suppressed) change(prev);
    const tr = ctx.fig.trend(ind.id, area, key);
    if (tr?.significant && !tr.suppressed) trend(tr);
  }

  if (used.some((r) => needsRiseCaveat(ind, r))) sentences.push(ctx.t.narrative.riseCaveat);
  return sentences;
}

/** The chapter's blocks for one area (a municipality, or the county in the county overview). */
export function developmentBlocks(ctx: ReportContext, area: string): Block[] {
  const year = latestYear(ctx, area);
  if (year === null) return [];
  const years = ctx.fig.years(area);
  if (ctx.fig.meta.pooled.waves) return [paragraph(ctx.t.text.pooledNoChange(formatYearRange(ctx.fig.pooledYears(area, year) ?? years)))];
  if (years.length < 2) return [paragraph(singleWaveSentence(area, year, ctx.lang))];
  const blocks: Block[] = [];
  for (const ind of keyIndicators(ctx.config)) {
    const indYears = ctx.fig.indicatorYears(ind.id, area);
    if (indYears.length === 0) continue;
    if (indYears.length === 1) {
      blocks.push(paragraph(ctx.t.narrative.indicatorSingleWave(label(ctx, ind), String(indYears[0]))));
      continue;
    }
    const sentences = indicatorSentences(ctx, ind, area, indYears);
    if (sentences.length > 0) blocks.push(paragraph(sentences.join(' ')));
    blocks.push(...trendFigure(ctx, ind, area, indYears));
  }
  if (blocks.length === 0) return [];
  // A pooled area whose members did not all answer in every wave, or a county whose
  // municipalities did not, compares different municipalities.
  const absent = ctx.fig.meta.pooled.absent?.[area] ?? {};
  const municipalities = ctx.fig.meta.areas.filter((a) => a !== ctx.fig.meta.county);
  const changing =
    years.some((y) => (absent[String(y)]?.length ?? 0) > 0) ||
    (area === ctx.fig.meta.county && municipalities.some((m) => years.some((y) => (ctx.fig.respondents(m, y, ALL) ?? 0) === 0)));
  const intro = ctx.t.text.utvecklingIntro(formatYearRange(years));
  return [paragraph(changing ? `${intro} ${ctx.t.text.utvecklingMembers(area)}` : intro), ...blocks];
}

/**
 * The municipality's chapter; left out when no key indicator has any wave, and in a report of
 * pooled waves (which has no development to show: the summary and the method say they are pooled).
 */
export function developmentChapter(ctx: ReportContext, area: string): ReportChapter | null {
  if (ctx.fig.meta.pooled.waves) return null;
  const blocks = developmentBlocks(ctx, area);
  return blocks.length === 0 ? null : { id: 'utveckling', title: ctx.t.chapters.utveckling, blocks };
}
