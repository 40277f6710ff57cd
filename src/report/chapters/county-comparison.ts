// Jämförelse med länet: the municipality against the rest of the county in the latest wave
// (ChangeRecord "rest_of_county"), sentences for the significant differences and a table.
import { paragraph } from '../blocks.js';
import { decimalsFor } from '../cells.js';
import { hasCountyComparison, waveName, type ReportContext } from '../context.js';
import { TOTAL } from '../groups.js';
import type { ReportChapter } from '../model.js';
import { countySentence } from '../narrative.js';
import { countyComparisonTable } from '../tables.js';
import { latestYear } from './common.js';

export function countyComparisonChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null || !hasCountyComparison(ctx, area)) return null;
  const compared = ctx.config.indicators
    .map((ind) => ({ ind, rec: ctx.fig.change('rest_of_county', ind.id, area, TOTAL, year) }))
    .filter((c) => c.rec !== undefined);
  if (compared.length === 0) return null;
  const intro = paragraph(ctx.t.text.countyIntro(area, ctx.fig.meta.county, waveName(ctx, area, year)));
  // Every comparison hidden: no difference was tested, and a table of `..` would say nothing.
  if (compared.every((c) => c.rec!.suppressed)) {
    return { id: 'jamforelse-lanet', title: ctx.t.chapters.jamforelseLanet, blocks: [intro, paragraph(ctx.t.narrative.noCountyComparisonShown)] };
  }
  const significant = compared.filter((c) => c.rec!.significant === true && !c.rec!.suppressed);
  const sentences =
    significant.length === 0
      ? [ctx.t.narrative.noSignificantCountyDifference]
      : significant.map(({ ind, rec }) => countySentence(ind, rec!, area, ctx.narrative, { decimals: decimalsFor([ctx.fig.estimate(ind.id, area, year, TOTAL)]) }));
  return {
    id: 'jamforelse-lanet',
    title: ctx.t.chapters.jamforelseLanet,
    blocks: [
      intro,
      paragraph(sentences.join(' ')),
      countyComparisonTable(
        ctx,
        area,
        year,
        compared.map((c) => c.ind),
      ),
    ],
  };
}
