// The result chapters of the latest wave: utsatthet (a section per form of violence),
// våldsutövande och attityder, otrygghet. Each indicator gets its sentences and, when at least
// two of its values may be shown, a bar chart by gender and school year. A chapter without
// indicators with data is left out; headings name only what the chapter holds.
import { ASPECTS, FORMS, isDerived, type Aspect, type Chapter, type Indicator } from '../../config/schema.js';
import { heading, paragraph } from '../blocks.js';
import { genderGradeFigure, indicatorsFigure } from '../charts.js';
import { areaName, label, presentGrades, waveName, type ReportContext } from '../context.js';
import type { Block, ReportChapter } from '../model.js';
import { byPopulation } from './appendix.js';
import { indicatorParagraph, latestYear, totalSentence, withData } from './common.js';

function indicatorsOf(ctx: ReportContext, chapter: Chapter, area: string, year: number): Indicator[] {
  return withData(
    ctx,
    ctx.config.indicators.filter((i) => i.chapter === chapter),
    area,
    year,
  );
}

function indicatorBlocks(ctx: ReportContext, inds: Indicator[], area: string, year: number): Block[] {
  return inds.flatMap((ind) => [indicatorParagraph(ctx, ind, area, year), ...genderGradeFigure(ctx, ind, area, year)]);
}

/**
 * Sections of the utsatthet chapter: a combined indicator without a form of its own ("någon
 * form av våld") first, under its own name; then one section per form in the handbook's order.
 * The follow-up questions (`aspect`) have sections of their own after them.
 */
function utsatthetSections(ctx: ReportContext, inds: Indicator[]): { id: string; title: string; inds: Indicator[] }[] {
  const exposure = inds.filter((i) => i.aspect === undefined);
  const combined = exposure.filter((i) => i.form === undefined && isDerived(i));
  const rest = exposure.filter((i) => !combined.includes(i));
  return [
    ...combined.map((i) => ({ id: `utsatthet-${i.id}`, title: label(ctx, i), inds: [i] })),
    ...FORMS.map((form) => ({ id: `utsatthet-${form}`, title: ctx.t.forms[form], inds: rest.filter((i) => (i.form ?? 'ovrigt') === form) })).filter((s) => s.inds.length > 0),
  ];
}

/**
 * Where violence happened, what it led to, or whether anyone was told: questions asked only of
 * those who were subjected to it, so the section first says whom the shares are of; then the
 * totals, and one chart of the section's indicators by gender.
 */
function aspectBlocks(ctx: ReportContext, aspect: Aspect, inds: Indicator[], area: string, year: number): Block[] {
  // One sentence per population; it names its indicators only when they differ.
  const whom = byPopulation(ctx, inds);
  const population = whom.flatMap(([who, of]) => (who === null ? [] : [ctx.t.text.aspectPopulation(who, whom.length === 1 ? null : of.map((i) => label(ctx, i, true)))]));
  const title = ctx.t.aspects[aspect];
  return [
    paragraph([...population, ...inds.map((i) => totalSentence(ctx, i, area, year)!)].join(' ')),
    ...indicatorsFigure(ctx, inds, area, year, (byGender) => ctx.t.captions.aspect(title, areaName(ctx, area), waveName(ctx, area, year), byGender)),
  ];
}

export function utsatthetChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const inds = indicatorsOf(ctx, 'utsatthet', area, year);
  if (inds.length === 0) return null;
  const blocks: Block[] = [paragraph(ctx.t.text.utsatthetIntro(waveName(ctx, area, year), presentGrades(ctx, area, [year]).length > 1))];
  for (const s of utsatthetSections(ctx, inds)) blocks.push(heading(2, s.id, s.title), ...indicatorBlocks(ctx, s.inds, area, year));
  for (const aspect of ASPECTS) {
    const of = inds.filter((i) => i.aspect === aspect);
    if (of.length > 0) blocks.push(heading(2, `utsatthet-${aspect}`, ctx.t.aspects[aspect]), ...aspectBlocks(ctx, aspect, of, area, year));
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
  // The chapter is named after what it holds: perpetration, attitudes, or both.
  const only = sections.length === 1 ? sections[0]!.chapter : null;
  const blocks: Block[] = [paragraph(ctx.t.text.utovandeIntro(waveName(ctx, area, year), only ?? 'both'))];
  if (only) blocks.push(...indicatorBlocks(ctx, sections[0]!.inds, area, year));
  else for (const s of sections) blocks.push(heading(2, `utovande-attityder-${s.chapter}`, ctx.t.sections[s.chapter]), ...indicatorBlocks(ctx, s.inds, area, year));
  return {
    id: only ?? 'utovande-attityder',
    title: only === null ? ctx.t.chapters.utovandeAttityder : ctx.t.chapters[only],
    blocks,
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
