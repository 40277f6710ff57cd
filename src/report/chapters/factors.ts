// Förändringsfaktorer (handbook step 3): indicators grouped by the socio-ecological level
// (individ, relation, närmiljö, samhälle), risk factors before protective ones; under each
// level, how common the outcomes (associations.outcomes) are among pupils with and without
// each factor (AssociationRecord), said without causal language, with the handbook's caveat.
import { associationOutcomes, LEVELS, type Indicator } from '../../config/schema.js';
import type { AssociationRecord } from '../../analysis/types.js';
import { heading, paragraph, tableBlock } from '../blocks.js';
import { indicatorsFigure } from '../charts.js';
import { areaName, label, waveName, type ReportContext } from '../context.js';
import { formatInteger, formatPercent, formatPValue, formatRatio, MISSING, SUPPRESSED } from '../format.js';
import type { Block, ReportChapter, TableBlock, TableRow } from '../model.js';
import { associationDecimals, associationSentence, isAdjusted, verdictP } from '../narrative.js';
import { latestYear, totalSentence, withData } from './common.js';

const FACTOR_ORDER = ['risk', 'skydd', 'none'] as const;

interface Association {
  factor: Indicator;
  outcome: Indicator;
  rec: AssociationRecord;
}

export function factorsChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const inds = withData(
    ctx,
    ctx.config.indicators.filter((i) => i.chapter === 'forandringsfaktorer'),
    area,
    year,
  );
  if (inds.length === 0) return null;
  const wave = waveName(ctx, area, year);
  const outcomes = associationOutcomes(ctx.config);
  const associations = (factors: Indicator[]): Association[] =>
    factors.flatMap((factor) => outcomes.flatMap((outcome) => {
      const rec = ctx.fig.association(factor.id, outcome.id, area, year);
      return rec ? [{ factor, outcome, rec }] : [];
    }));
  const blocks: Block[] = [paragraph(ctx.t.text.factorsIntro)];
  const found = associations(inds);
  // The intro says what the sections show: only when some association can be shown.
  if (found.some((a) => !a.rec.suppressed)) blocks.push(paragraph(ctx.t.text.associationsIntro([...new Set(found.map((a) => a.outcome))].map((o) => label(ctx, o, true)))));
  for (const level of [...LEVELS, 'none'] as const) {
    const ofLevel = inds.filter((i) => (i.level ?? 'none') === level);
    if (ofLevel.length === 0) continue;
    blocks.push(heading(2, `forandringsfaktorer-${level}`, ctx.t.levels[level]));
    for (const factor of FACTOR_ORDER) {
      const group = ofLevel.filter((i) => (i.factor ?? 'none') === factor);
      if (group.length === 0) continue;
      const factorName = ctx.t.factors[factor];
      blocks.push(
        heading(3, `forandringsfaktorer-${level}-${factor}`, factorName),
        paragraph(group.map((i) => totalSentence(ctx, i, area, year)!).join(' ')),
        ...indicatorsFigure(ctx, group, area, year, (byGender) => ctx.t.captions.factors(ctx.t.levels[level], factorName, areaName(ctx, area), wave, byGender)),
      );
    }
    const ofFactors = associations(FACTOR_ORDER.flatMap((f) => ofLevel.filter((i) => (i.factor ?? 'none') === f)));
    if (ofFactors.length === 0) continue;
    // Nothing to show (a small municipality): one sentence instead of a table of `..`.
    if (ofFactors.every((a) => a.rec.suppressed)) {
      const names = (xs: Indicator[]) => [...new Set(xs)].map((i) => label(ctx, i, true));
      blocks.push(
        heading(3, `forandringsfaktorer-${level}-samband`, ctx.t.sections.associations),
        paragraph(ctx.t.narrative.associationSuppressed(names(ofFactors.map((a) => a.factor)), names(ofFactors.map((a) => a.outcome)))),
      );
      continue;
    }
    // One sentence per factor, for the first outcome (the combined one when there is one); the table has them all.
    const first = ofFactors.filter((a) => a.outcome === ofFactors[0]!.outcome);
    const base = formatInteger(ctx.config.disclosure.caution_base, ctx.lang);
    blocks.push(
      heading(3, `forandringsfaktorer-${level}-samband`, ctx.t.sections.associations),
      paragraph(first.map((a) => associationSentence(a.factor, a.outcome, a.rec, ctx.narrative, base)).join(' ')),
      associationsTable(ctx, ofFactors, ctx.t.captions.associations(ctx.t.levels[level], areaName(ctx, area), wave)),
    );
  }
  return { id: 'forandringsfaktorer', title: ctx.t.chapters.forandringsfaktorer, blocks };
}

/** Factor × outcome: the outcome with and without the factor, the ratio with its interval, p and the verdict. */
function associationsTable(ctx: ReportContext, found: Association[], caption: string): TableBlock {
  const alpha = 1 - ctx.fig.meta.level;
  const adjusted = isAdjusted(ctx.fig.meta);
  const rows: TableRow[] = found.map(({ factor, outcome, rec }) => {
    const shown = !rec.suppressed && rec.estimate_with !== null && rec.estimate_without !== null;
    const p = verdictP(rec, ctx.fig.meta);
    const mark = rec.flag === 'caution' ? '*' : '';
    const d = associationDecimals(rec);
    return {
      header: label(ctx, factor, true),
      cells: shown
        ? [
            label(ctx, outcome, true),
            formatPercent(rec.estimate_with, ctx.lang, d, false) + mark,
            formatPercent(rec.estimate_without, ctx.lang, d, false) + mark,
            formatRatio(rec.ratio, rec.ratio_ci_lower, rec.ratio_ci_upper, ctx.lang),
            p === null ? MISSING : formatPValue(p, ctx.lang, alpha),
            rec.significant === null ? MISSING : rec.significant ? ctx.t.words.yes : ctx.t.words.no,
          ]
        : [label(ctx, outcome, true), SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED],
    };
  });
  const base = formatInteger(ctx.config.disclosure.caution_base, ctx.lang);
  const d = ctx.config.disclosure;
  return tableBlock(ctx, caption, {
    columns: [
      { header: ctx.t.words.factor, align: 'left' },
      { header: ctx.t.words.outcome, align: 'left' },
      { header: ctx.t.words.withFactor, align: 'right' },
      { header: ctx.t.words.withoutFactor, align: 'right' },
      { header: ctx.t.words.ratio(ctx.level), align: 'right' },
      { header: adjusted ? ctx.t.words.adjustedPValue : ctx.t.words.pValue, align: 'right' },
      { header: ctx.t.words.significant, align: 'right' },
    ],
    rows,
    notes: [
      ctx.t.notes.ratio(adjusted),
      ...(found.some((a) => a.rec.suppressed) ? [ctx.t.notes.associationWithheld(formatInteger(d.min_base, ctx.lang), formatInteger(d.max_small_count, ctx.lang))] : []),
      ...(found.some((a) => !a.rec.suppressed && a.rec.flag === 'caution') ? [ctx.t.notes.associationCaution(base)] : []),
      ...(rows.some((r) => r.cells.includes(MISSING)) ? [ctx.t.notes.missing] : []),
    ],
  });
}
