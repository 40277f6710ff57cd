// Bilagor: full tables per indicator (group × wave), the questions with the answers that
// count as yes, and the method.
import { localize, type Indicator, type ProjectConfig } from '../../config/schema.js';
import { heading, paragraph } from '../blocks.js';
import { label, type ReportContext } from '../context.js';
import type { Block, ReportChapter } from '../model.js';
import { TOTAL } from '../groups.js';
import { appendixTable } from '../tables.js';
import { methodParagraphs } from './common.js';

function scaleOf(config: ProjectConfig, ind: Indicator): { yes: string[]; no: string[] } | null {
  const scale = typeof ind.answers === 'string' ? config.answer_scales[ind.answers] : ind.answers;
  if (scale === undefined) return null;
  return { yes: ind.yes ?? scale.yes, no: scale.no };
}

/** "Label: ”Question?” Räknas som ja: ”Ja, en gång”, ”Ja, flera gånger”." */
function questionItem(ctx: ReportContext, ind: Indicator): string {
  const t = ctx.t.text;
  const answers = (xs: string[]) => xs.map((x) => ctx.t.words.quote(x)).join(', ');
  const labelOf = (id: string) => {
    const other = ctx.config.indicators.find((i) => i.id === id);
    return other ? label(ctx, other) : id;
  };
  const parts: string[] = [];
  if (ind.any_of) parts.push(t.anyOf(ind.any_of.map((id) => ctx.t.words.quote(labelOf(id))).join(', ')));
  else if (ind.all_of) parts.push(t.allOf(ind.all_of.map((id) => ctx.t.words.quote(labelOf(id))).join(', ')));
  else {
    const scale = scaleOf(ctx.config, ind);
    if (scale) {
      parts.push(t.yesAnswers(answers(scale.yes)));
      if (scale.no.length > 0) parts.push(t.noAnswers(answers(scale.no)));
    }
  }
  const pop = ind.population;
  if (pop) parts.push('column' in pop ? t.populationColumn(pop.column, answers(pop.values)) : t.populationIndicator(labelOf(pop.indicator), pop.answer));
  const question = ind.question === undefined ? null : localize(ind.question, ctx.lang);
  return t.questionItem(label(ctx, ind), question, parts.join(' '));
}

export function appendixChapter(ctx: ReportContext, area: string): ReportChapter {
  const inds = ctx.config.indicators.filter((i) => ctx.fig.years(area).some((y) => ctx.fig.estimate(i.id, area, y, TOTAL) !== undefined));
  const blocks: Block[] = [];
  if (inds.length > 0) {
    blocks.push(heading(2, 'bilagor-tabeller', ctx.t.sections.tables), paragraph(ctx.t.text.appendixTablesIntro), ...inds.map((i) => appendixTable(ctx, i, area)));
  }
  blocks.push(
    heading(2, 'bilagor-fragor', ctx.t.sections.questions),
    { type: 'list', ordered: false, items: ctx.config.indicators.map((i) => questionItem(ctx, i)) },
    heading(2, 'bilagor-metod', ctx.t.sections.method),
    ...methodParagraphs(ctx, area),
  );
  return { id: 'bilagor', title: ctx.t.chapters.bilagor, blocks };
}
