// Jämförelse med referensvärden: the area's latest wave beside published reference values
// (config `references`, ChangeRecord "reference"), per reference set a sentence per indicator
// for everyone (a list) and a table of every group the set has. A difference is called statistically
// significant only when the reference's uncertainty was known and the test says so; otherwise
// the sentence says it was not tested.
import type { ChangeRecord, EstimateRecord } from '../../analysis/types.js';
import { heading, paragraph, tableBlock } from '../blocks.js';
import { cellNotes, cellText, decimalsFor } from '../cells.js';
import { referenceNotes, referenceText, sourceWithReferences } from '../charts.js';
import { areaName, label, waveName, type ReportContext } from '../context.js';
import { comparisonDecimals, formatDiff, formatPValue, MISSING, shownDifference, SUPPRESSED } from '../format.js';
import { TOTAL } from '../groups.js';
import type { Block, ReportChapter, TableBlock } from '../model.js';
import { isAdjusted, referenceSentence, verdictP } from '../narrative.js';
import type { Indicator } from '../../config/schema.js';
import { populationNotes } from './appendix.js';
import { latestYear } from './common.js';

interface Compared {
  ind: Indicator;
  group: string;
  rec: ChangeRecord;
  own: EstimateRecord | undefined;
}

export function referencesChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const sets = ctx.fig.meta.references
    .map((ref, set) => ({ label: ref.label[ctx.lang], source: ref.source[ctx.lang], compared: comparedWith(ctx, set, area, year) }))
    .filter((s) => s.compared.length > 0);
  if (sets.length === 0) return null;
  const blocks: Block[] = [paragraph(ctx.t.text.referencesIntro(areaName(ctx, area), waveName(ctx, area, year)))];
  for (const [i, s] of sets.entries()) {
    if (sets.length > 1) blocks.push(heading(2, `jamforelse-referens-${i + 1}`, s.label));
    const totals = s.compared.filter((c) => c.group === TOTAL);
    blocks.push(paragraph(ctx.t.text.referenceSet(s.label, s.source)));
    if (totals.length > 0) blocks.push({ type: 'list', ordered: false, items: totals.map((c) => referenceSentence(c.ind, c.rec, ctx.narrative, { decimals: decimalsFor([c.own]) })) });
    blocks.push(referenceTable(ctx, s, area, year));
  }
  return { id: 'jamforelse-referens', title: ctx.t.chapters.jamforelseReferens, blocks };
}

/** Every indicator × reported group with a comparison with the set, in config and group order. */
function comparedWith(ctx: ReportContext, set: number, area: string, year: number): Compared[] {
  const groups = ctx.fig.meta.groups.filter((g) => ctx.groups.reported(g));
  return ctx.config.indicators.flatMap((ind) =>
    groups.flatMap((group) => {
      const rec = ctx.fig.reference(set, ind.id, area, group, year);
      return rec ? [{ ind, group, rec, own: ctx.fig.estimate(ind.id, area, year, group) }] : [];
    }),
  );
}

function referenceTable(ctx: ReportContext, s: { label: string; source: string; compared: Compared[] }, area: string, year: number): TableBlock {
  const alpha = 1 - ctx.fig.meta.level;
  const adjusted = isAdjusted(ctx.fig.meta);
  const rows = s.compared.map(({ ind, group, rec, own }) => {
    const shown = !rec.suppressed && rec.estimate_from !== null && rec.estimate_to !== null;
    const d = shown ? comparisonDecimals(rec.estimate_from!, rec.estimate_to!, rec.significant === true, decimalsFor([own])) : decimalsFor([own]);
    const p = verdictP(rec, ctx.fig.meta);
    // The difference from the shown values, so the row adds up (see shownDifference).
    const tested = shown
      ? [
          formatDiff(shownDifference(rec.estimate_from!, rec.estimate_to!, d), ctx.lang, d, { signed: true, unit: false }),
          p === null ? MISSING : formatPValue(p, ctx.lang, alpha),
          rec.p === null ? ctx.t.words.notTested : rec.significant ? ctx.t.words.yes : ctx.t.words.no,
        ]
      : [SUPPRESSED, SUPPRESSED, SUPPRESSED];
    return {
      header: label(ctx, ind, true),
      cells: [ctx.groups.label(group), cellText(own, ctx, d), referenceText(ctx, rec, d), ...tested],
      ...(group === TOTAL ? { emphasis: true } : {}),
    };
  });
  const own = s.compared.map((c) => c.own);
  return {
    ...tableBlock(ctx, ctx.t.captions.references(areaName(ctx, area), s.label, waveName(ctx, area, year)), {
      columns: [
        { header: ctx.t.words.indicator, align: 'left' },
        { header: ctx.t.words.group, align: 'left' },
        { header: `${areaName(ctx, area)}, ${ctx.t.words.shareWithCi(ctx.level)}`, align: 'right' },
        { header: ctx.t.words.referenceShare(s.label), align: 'right' },
        { header: ctx.t.words.diffPp, align: 'right' },
        { header: adjusted ? ctx.t.words.adjustedPValue : ctx.t.words.pValue, align: 'right' },
        { header: ctx.t.words.significant, align: 'right' },
      ],
      rows,
      notes: [
        ctx.t.notes.cellFormat(ctx.level),
        ctx.t.notes.referenceDiff,
        ...(s.compared.some((c) => !c.rec.suppressed && c.rec.p === null) ? [ctx.t.notes.notTested] : []),
        ...populationNotes(ctx, [...new Set(s.compared.map((c) => c.ind))]),
        ...referenceNotes(ctx, [{ label: s.label, recs: s.compared.map((c) => c.rec) }]),
        ...cellNotes(own, ctx),
      ],
    }),
    source: sourceWithReferences(ctx, [s]),
  };
}
