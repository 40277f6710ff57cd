// The result chapters of the latest wave: utsatthet (a section per form of violence),
// våldsutövande och attityder, otrygghet. Each indicator gets its sentences and a bar chart
// by gender and school year. A chapter without indicators with data is left out.
import { FORMS, type Chapter, type Indicator } from '../../config/schema.js';
import { heading, paragraph } from '../blocks.js';
import { genderGradeFigure } from '../charts.js';
import { waveName, type ReportContext } from '../context.js';
import type { Block, ReportChapter } from '../model.js';
import { indicatorParagraph, latestYear, withData } from './common.js';

function indicatorsOf(ctx: ReportContext, chapter: Chapter, area: string, year: number): Indicator[] {
  return withData(
    ctx,
    ctx.config.indicators.filter((i) => i.chapter === chapter),
    area,
    year,
  );
}

function indicatorBlocks(ctx: ReportContext, inds: Indicator[], area: string, year: number): Block[] {
  return inds.flatMap((ind) => [indicatorParagraph(ctx, ind, area, year), genderGradeFigure(ctx, ind, area, year)]);
}

export function utsatthetChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const inds = indicatorsOf(ctx, 'utsatthet', area, year);
  if (inds.length === 0) return null;
  const blocks: Block[] = [paragraph(ctx.t.text.utsatthetIntro(waveName(ctx, area, year), ctx.groups.grades.length > 0))];
  for (const form of FORMS) {
    const ofForm = inds.filter((i) => (i.form ?? 'ovrigt') === form);
    if (ofForm.length === 0) continue;
    blocks.push(heading(2, `utsatthet-${form}`, ctx.t.forms[form]), ...indicatorBlocks(ctx, ofForm, area, year));
  }
  return { id: 'utsatthet', title: ctx.t.chapters.utsatthet, blocks };
}

export function utovandeChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const sections = (['utovande', 'attityder'] as const)
    .map((chapter) => ({ chapter, inds: indicatorsOf(ctx, chapter, area, year) }))
    .filter((s) => s.inds.length > 0);
  if (sections.length === 0) return null;
  return {
    id: 'utovande-attityder',
    title: ctx.t.chapters.utovandeAttityder,
    blocks: [
      paragraph(ctx.t.text.utovandeIntro(waveName(ctx, area, year))),
      ...sections.flatMap((s) => [heading(2, `utovande-attityder-${s.chapter}`, ctx.t.sections[s.chapter]), ...indicatorBlocks(ctx, s.inds, area, year)]),
    ],
  };
}

export function otrygghetChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const inds = indicatorsOf(ctx, 'otrygghet', area, year);
  if (inds.length === 0) return null;
  return {
    id: 'otrygghet',
    title: ctx.t.chapters.otrygghet,
    blocks: [paragraph(ctx.t.text.otrygghetIntro(waveName(ctx, area, year))), ...indicatorBlocks(ctx, inds, area, year)],
  };
}
