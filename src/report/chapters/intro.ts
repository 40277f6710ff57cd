// Inledning: the handbook's five steps, where this report sits, and the municipality's
// definition of violence (or a notice that none is set).
import { localize, localizedLang } from '../../config/schema.js';
import { heading, paragraph } from '../blocks.js';
import { surveyYears, type ReportContext } from '../context.js';
import { formatList } from '../format.js';
import type { Block, ReportChapter } from '../model.js';

export function introChapter(ctx: ReportContext, area: string, opts: { withFactors: boolean; withFollowUp: boolean }): ReportChapter {
  const t = ctx.t.text;
  const definition = ctx.config.project.violence_definition;
  const definitionBlocks: Block[] =
    definition === undefined
      ? [{ type: 'notice', tone: 'info', title: t.noDefinitionTitle, text: t.noDefinition }]
      : [paragraph(t.definitionIntro(area)), quoteBlock(localize(definition, ctx.lang), localizedLang(definition, ctx.lang), ctx.lang)];
  return {
    id: 'inledning',
    title: ctx.t.chapters.inledning,
    blocks: [
      paragraph(t.intro(area, formatList(surveyYears(ctx, area).map(String), ctx.lang))),
      paragraph(t.stepsIntro),
      { type: 'list', ordered: true, items: [...t.steps] },
      paragraph(t.reportPlace(opts.withFactors, opts.withFollowUp)),
      heading(2, 'inledning-definition', ctx.t.sections.definition),
      ...definitionBlocks,
    ],
  };
}

/** A quote, marked with its language when that is not the report's (WCAG 3.1.2). */
function quoteBlock(text: string, textLang: 'sv' | 'en', reportLang: 'sv' | 'en'): Block {
  return { type: 'quote', text, attribution: null, ...(textLang !== reportLang ? { lang: textLang } : {}) };
}
