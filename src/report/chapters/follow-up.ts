// Underlag för uppföljning (handbook step 5): baseline value, interval and the minimum
// detectable change of the next wave for the indicators marked `follow_up`.
import { paragraph } from '../blocks.js';
import { waveName, type ReportContext } from '../context.js';
import { formatLevel } from '../format.js';
import type { ReportChapter } from '../model.js';
import { followUpTable } from '../tables.js';
import { latestYear } from './common.js';

export function followUpChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const table = followUpTable(
    ctx,
    area,
    year,
    ctx.config.indicators.filter((i) => i.follow_up),
  );
  if (table === null) return null;
  return {
    id: 'uppfoljning',
    title: ctx.t.chapters.uppfoljning,
    blocks: [
      paragraph(ctx.t.text.followUpIntro(waveName(ctx, area, year), formatLevel(ctx.config.statistics.power, ctx.lang))),
      table,
      paragraph(ctx.t.text.followUpGoals),
    ],
  };
}
