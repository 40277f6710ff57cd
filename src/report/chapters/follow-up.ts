// Underlag för uppföljning (handbook step 5): baseline value, interval and the minimum
// detectable change of the next wave for the indicators marked `follow_up`. Indicators whose
// baseline is hidden are named in one sentence instead of rows of `..`.
import { heading, paragraph } from '../blocks.js';
import { goalBlocks } from '../goals.js';
import { byWithheldReason, label, waveName, type ReportContext } from '../context.js';
import { TOTAL } from '../groups.js';
import { formatLevel } from '../format.js';
import type { Block, ReportChapter } from '../model.js';
import { followUpTable } from '../tables.js';
import { latestYear } from './common.js';

export function followUpChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const goals = goalBlocks(ctx, area, year);
  const { table, hidden } = followUpTable(
    ctx,
    area,
    year,
    ctx.config.indicators.filter((i) => i.follow_up),
  );
  if (table === null && hidden.length === 0 && goals.length === 0) return null;
  const wave = waveName(ctx, area, year);
  // Goals first; the basis for setting (more) goals after them, under its own heading when there are goals.
  const blocks: Block[] = [...goals];
  if (goals.length > 0 && (table !== null || hidden.length > 0)) blocks.push(heading(2, 'uppfoljning-underlag', ctx.t.goals.basis));
  if (table) blocks.push(paragraph(ctx.t.text.followUpIntro(wave, formatLevel(ctx.config.statistics.power, ctx.lang))), table);
  if (hidden.length > 0) {
    // A total with no estimate at all had no answers (withheldReason of no suppression: too few).
    const sets = byWithheldReason(ctx, hidden, (ind) => ctx.fig.estimate(ind.id, area, year, TOTAL) ?? { suppression: null });
    blocks.push(paragraph(ctx.t.text.followUpHidden(sets.map(({ reason, items }) => ({ reason, labels: items.map((ind) => label(ctx, ind, true)) })), wave)));
  }
  // The advice on goals speaks of the minimum detectable change, which only the table gives.
  if (table) blocks.push(paragraph(ctx.t.text.followUpGoals));
  // A follow-up's chapter is "Mål och uppföljning" when it has goals to follow.
  return { id: 'uppfoljning', title: ctx.profile === 'uppfoljning' && goals.length > 0 ? ctx.t.followUpProfile.chapterTitle : ctx.t.chapters.uppfoljning, blocks };
}
