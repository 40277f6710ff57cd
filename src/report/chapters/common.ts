// Pieces several chapters share: the latest wave, an indicator's paragraph of sentences,
// key figures, the reading guide and the method text.
import type { ChangeRecord, GroupKey } from '../../analysis/types.js';
import type { Indicator } from '../../config/schema.js';
import { paragraph } from '../blocks.js';
import { decimalsFor, percentText } from '../cells.js';
import { label, surveyYears, waveName, type ReportContext } from '../context.js';
import { formatAlpha, formatCi, formatInteger, formatLevelNumber, formatList, formatYearRange, type Decimals } from '../format.js';
import { groupKey, TOTAL } from '../groups.js';
import type { KeyFigure, ParagraphBlock } from '../model.js';
import { estimateSentence, genderSentence, isShown } from '../narrative.js';

/** The area's latest wave, or null when the table has nothing for it. */
export function latestYear(ctx: ReportContext, area: string): number | null {
  const years = ctx.fig.years(area);
  return years[years.length - 1] ?? null;
}

/** Indicators of the config (in config order) that have a total estimate in the wave. */
export function withData(ctx: ReportContext, inds: Indicator[], area: string, year: number): Indicator[] {
  return inds.filter((i) => ctx.fig.estimate(i.id, area, year, TOTAL) !== undefined);
}

/** Gender group keys to mention: the reported values. */
export function shownGenderKeys(ctx: ReportContext): GroupKey[] {
  return ctx.groups.visibleGenders().map((g) => groupKey({ gender: g, grade: null }));
}

/** Decimals for a comparison: those of the two estimates it compares. */
export function changeDecimals(ctx: ReportContext, rec: ChangeRecord): Decimals {
  return decimalsFor([ctx.fig.estimate(rec.indicator, rec.area, rec.year_from, rec.group), ctx.fig.estimate(rec.indicator, rec.area, rec.year_to, rec.group)]);
}

/** Estimates of both waves of a wave comparison exist (suppressed or not): otherwise there was no earlier measurement. */
export function bothWavesMeasured(ctx: ReportContext, rec: ChangeRecord): boolean {
  return (
    ctx.fig.estimate(rec.indicator, rec.area, rec.year_from, rec.group) !== undefined &&
    ctx.fig.estimate(rec.indicator, rec.area, rec.year_to, rec.group) !== undefined
  );
}

/**
 * The total, then girls vs boys (as one comparison when the table has it, else one sentence
 * each). Pooled waves are not repeated in every sentence: the chapter intro names the wave.
 */
export function indicatorParagraph(ctx: ReportContext, ind: Indicator, area: string, year: number): ParagraphBlock {
  const sentences: string[] = [];
  const total = ctx.fig.estimate(ind.id, area, year, TOTAL);
  if (total) sentences.push(estimateSentence(ind, total, ctx.narrative, { pooledNote: false }));
  const gender = ctx.fig.change('gender', ind.id, area, TOTAL, year);
  if (gender) {
    const decimals = decimalsFor([ctx.fig.estimate(ind.id, area, year, gender.from), ctx.fig.estimate(ind.id, area, year, gender.to)]);
    sentences.push(genderSentence(ind, gender, ctx.narrative, { decimals, anaphor: total !== undefined }));
  } else {
    for (const g of shownGenderKeys(ctx)) {
      const rec = ctx.fig.estimate(ind.id, area, year, g);
      if (rec) sentences.push(estimateSentence(ind, rec, ctx.narrative, { pooledNote: false }));
    }
  }
  return paragraph(sentences.join(' '));
}

/** A key figure: the total in the latest wave, with its interval and the genders' values. */
export function keyFigure(ctx: ReportContext, ind: Indicator, area: string, year: number): KeyFigure {
  const total = ctx.fig.estimate(ind.id, area, year, TOTAL);
  const genderKeys = shownGenderKeys(ctx);
  const cells = genderKeys.map((g) => ctx.fig.estimate(ind.id, area, year, g));
  const d = decimalsFor([total, ...cells]);
  const genders = genderKeys.map((g, i) => {
    const l = ctx.groups.label(g);
    return `${i === 0 ? l : l.charAt(0).toLowerCase() + l.slice(1)} ${percentText(cells[i], ctx, d)}`;
  });
  const ci = isShown(total) ? `${ctx.t.words.ci(ctx.level)} ${formatCi(total.ci_lower, total.ci_upper, ctx.lang, d)}` : '';
  return {
    value: percentText(total, ctx, d),
    label: label(ctx, ind, true),
    detail: ctx.t.text.keyFigureDetail(waveName(ctx, area, year), ci, genders.join(', ')),
  };
}

/** Design, confidence intervals and pooling, in words. */
export function designParagraphs(ctx: ReportContext, area: string): ParagraphBlock[] {
  const meta = ctx.fig.meta;
  const levelNumber = formatLevelNumber(meta.level, ctx.lang);
  const method = ctx.t.text.ciMethods[meta.ci_method] ?? meta.ci_method;
  const out = [paragraph(`${ctx.t.text.weighting(meta.weighted, meta.strata, meta.clusters)} ${ctx.t.text.ciMethod(levelNumber, method)}`)];
  const pooled: string[] = [];
  if (meta.pooled.waves) pooled.push(ctx.t.text.pooledWaves(formatYearRange(surveyYears(ctx, area))));
  if (meta.pooled.grades) pooled.push(ctx.t.text.pooledGrades);
  for (const [a, members] of Object.entries(meta.pooled.areas)) pooled.push(ctx.t.notes.pooledArea(a, formatList(members, ctx.lang)));
  if (pooled.length > 0) out.push(paragraph(pooled.join(' ')));
  return out;
}

/** The läsanvisning: intervals, `..`, "tolka med försiktighet", "statistiskt säkerställd", procentenheter. */
export function readingParagraphs(ctx: ReportContext): ParagraphBlock[] {
  const level = ctx.fig.meta.level;
  const t = ctx.t.text;
  return [
    t.readingCi(formatLevelNumber(level, ctx.lang)),
    t.readingSuppressed,
    t.readingCaution(formatInteger(ctx.config.disclosure.caution_base, ctx.lang)),
    t.readingSignificant(formatAlpha(1 - level, ctx.lang)),
    t.readingPp,
  ].map((s) => paragraph(s));
}

/** How comparisons are tested and what is suppressed. */
export function methodParagraphs(ctx: ReportContext, area: string): ParagraphBlock[] {
  const d = ctx.config.disclosure;
  return [
    ...designParagraphs(ctx, area),
    paragraph(ctx.t.text.methodTests),
    paragraph(
      `${ctx.t.text.methodDisclosure(formatInteger(d.min_base, ctx.lang), formatInteger(d.max_small_count, ctx.lang), d.secondary)} ${ctx.t.text.readingCaution(formatInteger(d.caution_base, ctx.lang))}`,
    ),
  ];
}
