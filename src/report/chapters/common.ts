// Pieces several chapters share: the latest wave, an indicator's paragraph of sentences,
// key figures, the reading guide and the method text.
import type { ChangeRecord, EstimateRecord, GroupKey } from '../../analysis/types.js';
import { localize, type Indicator } from '../../config/schema.js';
import { paragraph } from '../blocks.js';
import { decimalsFor, percentText } from '../cells.js';
import { areaName, byWithheldReason, hasCountyComparison, label, once, presentGenders, presentGrades, surveyYears, waveName, withheldReason, type ReportContext } from '../context.js';
import { formatAlpha, formatCi, formatInteger, formatLevelNumber, formatList, formatYearRange, type Decimals } from '../format.js';
import { ALL, groupKey, TOTAL } from '../groups.js';
import type { Block, KeyFigure, ParagraphBlock } from '../model.js';
import { estimateSentence, genderSentence, isAdjusted, isShown } from '../narrative.js';

/** The area's latest wave, or null when the table has nothing for it. */
export function latestYear(ctx: ReportContext, area: string): number | null {
  const years = ctx.fig.years(area);
  return years[years.length - 1] ?? null;
}

/** Indicators of the config (in config order) that have a total estimate in the wave. */
export function withData(ctx: ReportContext, inds: Indicator[], area: string, year: number): Indicator[] {
  return inds.filter((i) => ctx.fig.estimate(i.id, area, year, TOTAL) !== undefined);
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

/** Indicators whose total in the wave may be shown (not hidden by disclosure control). */
export function withShown(ctx: ReportContext, inds: Indicator[], area: string, year: number): Indicator[] {
  return inds.filter((i) => isShown(ctx.fig.estimate(i.id, area, year, TOTAL)));
}

/** "”Utsatt för hot” redovisas inte för 2024: färre än 10 har svarat." */
export function withheldSentence(ctx: ReportContext, ind: Indicator, rec: EstimateRecord, area: string, groups: string | null = null): string {
  return ctx.t.withheld.indicator(label(ctx, ind), waveName(ctx, area, rec.year), withheldReason(ctx, rec), groups);
}

/** The total's sentence, or why it is not shown. */
export function totalSentence(ctx: ReportContext, ind: Indicator, area: string, year: number): string | null {
  const total = ctx.fig.estimate(ind.id, area, year, TOTAL);
  if (total === undefined) return null;
  return isShown(total) ? estimateSentence(ind, total, ctx.narrative, { pooledNote: false }) : withheldSentence(ctx, ind, total, area);
}

/** Labels in running text: "tjejer och killar". */
function groupList(ctx: ReportContext, keys: GroupKey[]): string {
  return formatList(
    keys.map((k) => ctx.groups.label(k).toLowerCase()),
    ctx.lang,
  );
}

/**
 * The total, then the genders: compared in one sentence when both may be shown, else the
 * shown ones one by one and the hidden ones together in one sentence with the reason. When the
 * total itself is hidden and so are the genders, one sentence says so. Pooled waves are not
 * repeated in every sentence: the chapter intro names the wave.
 */
export function indicatorParagraph(ctx: ReportContext, ind: Indicator, area: string, year: number): ParagraphBlock {
  const sentences: string[] = [];
  const total = ctx.fig.estimate(ind.id, area, year, TOTAL);
  const genders = presentGenders(ctx, area, [year]).map((g) => {
    const key = groupKey({ gender: g, grade: null });
    return { key, rec: ctx.fig.estimate(ind.id, area, year, key) };
  });
  const shown = genders.filter((g) => isShown(g.rec));
  const hidden = genders.filter((g) => g.rec?.suppressed);
  if (total?.suppressed) {
    // A hidden total names the hidden genders beside it when some gender is shown and they are
    // hidden for the same reason, so the reason is said once; for other reasons they get theirs.
    const beside = shown.length > 0 && hidden.length > 0;
    const sameReason = hidden.every((g) => withheldReason(ctx, g.rec!) === withheldReason(ctx, total));
    sentences.push(withheldSentence(ctx, ind, total, area, beside && sameReason ? groupList(ctx, hidden.map((g) => g.key)) : null));
    if (beside && !sameReason) sentences.push(ctx.t.withheld.groups(hiddenByReason(ctx, hidden)));
  } else if (total) sentences.push(estimateSentence(ind, total, ctx.narrative, { pooledNote: false }));
  const gender = ctx.fig.change('gender', ind.id, area, TOTAL, year);
  if (gender && !gender.suppressed && shown.length === genders.length && genders.length === 2) {
    const cells = [ctx.fig.estimate(ind.id, area, year, gender.from), ctx.fig.estimate(ind.id, area, year, gender.to)];
    sentences.push(genderSentence(ind, gender, ctx.narrative, { decimals: decimalsFor(cells), anaphor: total !== undefined }));
    const caution = cautionSentence(ctx, cells, 'groups');
    if (caution) sentences.push(caution);
  } else {
    for (const g of shown) sentences.push(estimateSentence(ind, g.rec!, ctx.narrative, { pooledNote: false }));
  }
  // Hidden genders beside a shown total get their own sentence; beside a hidden one the first sentence said it.
  if (hidden.length > 0 && isShown(total)) {
    const sentence = once(ctx, ctx.t.withheld.groups(hiddenByReason(ctx, hidden)));
    if (sentence !== null) sentences.push(sentence);
  }
  return paragraph(sentences.join(' '));
}

/** Hidden groups with their own reasons, those with the same reason together. */
function hiddenByReason(ctx: ReportContext, hidden: { key: GroupKey; rec: EstimateRecord | undefined }[]): { groups: string; reason: string }[] {
  return byWithheldReason(ctx, hidden, (g) => g.rec!).map(({ reason, items }) => ({ groups: groupList(ctx, items.map((g) => g.key)), reason }));
}

/**
 * "Tolka med försiktighet: grupperna (mätningarna) har bara 12 och 10 svarande." after a
 * comparison whose sides rest on small bases; null when none does.
 */
export function cautionSentence(ctx: ReportContext, cells: (EstimateRecord | undefined)[], sides: 'groups' | 'waves'): string | null {
  const small = cells.filter((c) => isShown(c) && c.flag === 'caution');
  if (small.length === 0) return null;
  const ns = formatList(small.map((c) => formatInteger(c!.n, ctx.lang)), ctx.lang);
  // "grupperna har bara 23 svarande" would say it of both when the other has more.
  const oneOf = small.length === 1 && cells.length > 1;
  return sides === 'groups' ? ctx.t.text.cautionGroups(ns, oneOf) : ctx.t.text.cautionWaves(ns, oneOf);
}

/** A key figure: the total in the latest wave, with its interval and the genders' values; null when the total is hidden. */
export function keyFigure(ctx: ReportContext, ind: Indicator, area: string, year: number): KeyFigure | null {
  const total = ctx.fig.estimate(ind.id, area, year, TOTAL);
  if (!isShown(total)) return null;
  const genders = presentGenders(ctx, area, [year])
    .map((g) => ({ key: groupKey({ gender: g, grade: null }), rec: ctx.fig.estimate(ind.id, area, year, groupKey({ gender: g, grade: null })) }))
    .filter((g) => isShown(g.rec));
  const d = decimalsFor([total, ...genders.map((g) => g.rec)]);
  const genderText = genders.map((g, i) => {
    const l = ctx.groups.label(g.key);
    return `${i === 0 ? l : l.charAt(0).toLowerCase() + l.slice(1)} ${percentText(g.rec, ctx, d)}`;
  });
  const ci = `${ctx.t.words.ci(ctx.level)} ${formatCi(total.ci_lower, total.ci_upper, ctx.lang, d)}`;
  const caution: string[] = [];
  if (total.flag === 'caution') caution.push(ctx.t.text.keyFigureCaution(formatInteger(total.n, ctx.lang)));
  else {
    const small = genders.filter((g) => g.rec?.flag === 'caution');
    if (small.length > 0) caution.push(ctx.t.text.keyFigureCautionGroups(groupList(ctx, small.map((g) => g.key)), formatInteger(ctx.config.disclosure.caution_base, ctx.lang)));
  }
  return {
    value: percentText(total, ctx, d),
    label: label(ctx, ind, true),
    detail: [ctx.t.text.keyFigureDetail(waveName(ctx, area, year), ci, genderText.join(', ')), ...caution].join(' '),
  };
}

/** Key figure cards for the indicators whose total may be shown, and a paragraph naming the hidden ones, a sentence per reason. */
export function keyFigureBlocks(ctx: ReportContext, inds: Indicator[], area: string, year: number): Block[] {
  const cards = inds.flatMap((i) => keyFigure(ctx, i, area, year) ?? []);
  const hidden = inds.flatMap((ind) => {
    const total = ctx.fig.estimate(ind.id, area, year, TOTAL);
    return total?.suppressed ? [{ ind, total }] : [];
  });
  const blocks: Block[] = [];
  if (cards.length > 0) blocks.push({ type: 'keyFigures', items: cards });
  if (hidden.length > 0) {
    const sets = byWithheldReason(ctx, hidden, (h) => h.total);
    blocks.push(paragraph(sets.map(({ reason, items }) => ctx.t.withheld.keyFigures(items.map((h) => label(ctx, h.ind, true)), waveName(ctx, area, year), reason)).join(' ')));
  }
  return blocks;
}

/**
 * When most of the shares the report would show in the latest wave are hidden, one notice
 * says so, why, and what would let more be shown (pooling waves, areas or school years).
 * Counted over the groups the report shows: the total, the area's genders and school years.
 */
export function withheldNotice(ctx: ReportContext, area: string, year: number): Block | null {
  const genders = presentGenders(ctx, area, [year]);
  const grades = presentGrades(ctx, area, [year]);
  const groups = [
    TOTAL,
    ...genders.map((g) => groupKey({ gender: g, grade: null })),
    ...(grades.length > 1 ? grades.flatMap((k) => [groupKey({ gender: null, grade: k }), ...genders.map((g) => groupKey({ gender: g, grade: k }))]) : []),
  ];
  const cells = ctx.config.indicators.flatMap((i) => groups.map((g) => ctx.fig.estimate(i.id, area, year, g)).filter((r) => r !== undefined));
  const hidden = cells.filter((r) => r.suppressed).length;
  if (cells.length === 0 || hidden * 2 <= cells.length) return null;
  const remedies: string[] = [];
  const years = surveyYears(ctx, area);
  if (!ctx.fig.meta.pooled.waves && years.length > 1) remedies.push(ctx.t.withheld.remedyWaves(formatList(years.map(String), ctx.lang)));
  if (!ctx.fig.pooledArea(area)) remedies.push(ctx.t.withheld.remedyAreas);
  if (grades.length > 1) remedies.push(ctx.t.withheld.remedyGrades);
  // Everyone who answered (the total group may leave some out: see respondentsTable).
  const n = ctx.fig.respondents(area, year, ALL) ?? ctx.fig.respondents(area, year, TOTAL) ?? 0;
  // Mostly hidden to protect other values (often another municipality's): not for few respondents of its own.
  const protecting = cells.filter((r) => r.suppression === 'secondary').length * 2 > hidden;
  const others = ctx.fig.meta.areas.some((a) => a !== area && a !== ctx.fig.meta.county);
  const [hiddenText, totalText] = [formatInteger(hidden, ctx.lang), formatInteger(cells.length, ctx.lang)];
  return {
    type: 'notice',
    tone: 'caution',
    title: ctx.t.withheld.manyTitle,
    text: protecting
      ? ctx.t.withheld.manyProtecting(areaName(ctx, area), hiddenText, totalText, others, remedies)
      : ctx.t.withheld.many(areaName(ctx, area), hiddenText, totalText, formatInteger(n, ctx.lang), remedies),
  };
}

/** Design, confidence intervals and pooling, in words. */
export function designParagraphs(ctx: ReportContext, area: string): ParagraphBlock[] {
  const meta = ctx.fig.meta;
  const levelNumber = formatLevelNumber(meta.level, ctx.lang);
  const method = ctx.t.text.ciMethods[meta.ci_method] ?? meta.ci_method;
  const poststratified = meta.population?.poststratified === true;
  const out = [paragraph(`${ctx.t.text.weighting(meta.weighted || poststratified, meta.strata, meta.clusters)} ${ctx.t.text.ciMethod(levelNumber, method)}`)];
  const p = ctx.t.population;
  const byGrade = ctx.config.groups.grade !== undefined;
  if (meta.population) {
    const source = ctx.config.population?.source;
    out.push(paragraph(`${p.methodSource(source === undefined ? null : localize(source, ctx.lang), byGrade)} ${p.methodResponse}`));
    if (poststratified) out.push(paragraph(p.methodPoststratified(byGrade)));
  }
  if (meta.fpc) out.push(paragraph(p.methodFpc(meta.clusters)));
  const pooled: string[] = [];
  if (meta.pooled.waves) pooled.push(ctx.t.text.pooledWaves(formatYearRange(surveyYears(ctx, area))));
  if (meta.pooled.grades) pooled.push(ctx.t.text.pooledGrades);
  for (const [a, members] of Object.entries(meta.pooled.areas)) {
    pooled.push(ctx.t.notes.pooledArea(a, formatList(members, ctx.lang)));
    // Members that did not answer in a wave: that wave's figures are the others' alone.
    for (const [year, absent] of Object.entries(meta.pooled.absent?.[a] ?? {})) {
      const present = members.filter((m) => !absent.includes(m));
      if (present.length > 0) pooled.push(ctx.t.notes.pooledAbsent(a, year, formatList(absent, ctx.lang), formatList(present, ctx.lang), absent.length > 1));
    }
  }
  if (pooled.length > 0) out.push(paragraph(pooled.join(' ')));
  return out;
}

/**
 * The läsanvisning: intervals, `..`, "tolka med försiktighet", "statistiskt säkerställd" (and
 * why p-values are adjusted, when they are), procentenheter.
 */
export function readingParagraphs(ctx: ReportContext): ParagraphBlock[] {
  const level = ctx.fig.meta.level;
  const t = ctx.t.text;
  const adjusted = isAdjusted(ctx.fig.meta);
  return [
    t.readingCi(formatLevelNumber(level, ctx.lang)),
    t.readingSuppressed(formatInteger(ctx.config.disclosure.min_base, ctx.lang), formatInteger(ctx.config.disclosure.max_small_count, ctx.lang)),
    t.readingCaution(formatInteger(ctx.config.disclosure.caution_base, ctx.lang)),
    t.readingSignificant(formatAlpha(1 - level, ctx.lang), adjusted),
    ...(adjusted ? [t.readingMultiplicity(formatLevelNumber(1 - level, ctx.lang))] : []),
    t.readingPp,
  ].map((s) => paragraph(s));
}

/**
 * How comparisons are tested, how many tests the area's report rests on, and what is
 * suppressed. The design, the intervals and "tolka med försiktighet" are in Om undersökningen
 * already and are not repeated here.
 */
export function methodParagraphs(ctx: ReportContext, area: string): ParagraphBlock[] {
  const d = ctx.config.disclosure;
  const alpha = 1 - ctx.fig.meta.level;
  const tests = ctx.fig.testCount(area);
  // Associations and reference comparisons are described only when the report has them.
  const tested = [
    ...(ctx.fig.hasAssociations(area) ? [ctx.t.text.methodAssociations] : []),
    ...(ctx.fig.hasReferences(area) ? [ctx.t.text.methodReferences] : []),
  ];
  const design = ctx.config.design;
  const facts = {
    county: hasCountyComparison(ctx, area),
    clusters: design.cluster !== undefined,
    strata: design.strata !== undefined,
    waves: ctx.fig.meta.pooled.waves ? 1 : ctx.fig.years(area).length,
  };
  return [
    paragraph([ctx.t.text.methodTests(facts), ...tested].join(' ')),
    paragraph(
      tests === 0
        ? ctx.t.text.methodNoTests
        : ctx.t.text.methodMultiplicity(
            formatInteger(tests, ctx.lang),
            isAdjusted(ctx.fig.meta),
            formatAlpha(alpha, ctx.lang),
            // "omkring 0 av dem" would say no false finding is to be expected.
            tests * alpha < 0.5 ? null : formatInteger(Math.round(tests * alpha), ctx.lang),
          ),
    ),
    paragraph(ctx.t.text.methodDisclosure(formatInteger(d.min_base, ctx.lang), formatInteger(d.max_small_count, ctx.lang), d.secondary)),
  ];
}
