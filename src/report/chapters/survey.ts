// Om undersökningen: who answered (per group and wave), weighting and design, and the
// läsanvisning.
import { heading, paragraph } from '../blocks.js';
import { surveyYears, waveName, type ReportContext } from '../context.js';
import { formatInteger, formatList, MISSING } from '../format.js';
import { TOTAL } from '../groups.js';
import type { Block, ReportChapter } from '../model.js';
import { respondentsTable } from '../tables.js';
import { designParagraphs, latestYear, readingParagraphs } from './common.js';

export function surveyChapter(ctx: ReportContext, area: string): ReportChapter {
  const year = latestYear(ctx, area);
  const blocks: Block[] = [];
  if (year !== null) {
    const n = ctx.fig.respondents(area, year, TOTAL);
    blocks.push(
      paragraph(
        ctx.t.text.survey(
          area,
          formatList(surveyYears(ctx, area).map(String), ctx.lang),
          waveName(ctx, area, year),
          n === undefined ? MISSING : formatInteger(n, ctx.lang),
          ctx.fig.pooledYears(area, year) !== null,
        ),
      ),
      respondentsTable(ctx, area),
    );
  }
  blocks.push(...designParagraphs(ctx, area), heading(2, 'om-undersokningen-lasanvisning', ctx.t.sections.lasanvisning), ...readingParagraphs(ctx));
  return { id: 'om-undersokningen', title: ctx.t.chapters.omUndersokningen, blocks };
}
