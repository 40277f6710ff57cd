// Inledning: what the report describes (only what its chapters hold), the handbook's five
// steps, where this report sits, the outline of the chapters present, and the definition of
// violence the report starts from: presented as the municipality's agreed definition only when
// the config says it was agreed (project.violence_definition_agreed).
import { localize, localizedLang } from '../../config/schema.js';
import { heading, paragraph } from '../blocks.js';
import { hasGoals } from '../goals.js';
import { surveyYears, type ReportContext } from '../context.js';
import { formatList } from '../format.js';
import type { Block, ReportChapter } from '../model.js';

/** What the result chapters present describe, in the order they appear. */
const TOPICS: Record<string, ('utsatthet' | 'utovande' | 'attityder' | 'otrygghet')[]> = {
  utsatthet: ['utsatthet'],
  'utovande-attityder': ['utovande', 'attityder'],
  utovande: ['utovande'],
  attityder: ['attityder'],
  otrygghet: ['otrygghet'],
};

/** `chapters`: every other chapter of the report, in order (the outline lists them). */
export function introChapter(ctx: ReportContext, area: string, chapters: readonly ReportChapter[]): ReportChapter {
  const t = ctx.t.text;
  const project = ctx.config.project;
  const definition = project.violence_definition;
  const definitionBlocks: Block[] =
    definition === undefined
      ? [{ type: 'notice', tone: 'info', title: t.noDefinitionTitle, text: t.noDefinition }]
      : [
          paragraph(t.definitionIntro(area, project.violence_definition_agreed)),
          quoteBlock(localize(definition, ctx.lang), localizedLang(definition, ctx.lang), ctx.lang),
          ...(project.violence_definition_agreed ? [] : [paragraph(t.definitionNotAgreed)]),
        ];
  const ids = chapters.map((c) => c.id);
  const topics = ids.flatMap((id) => TOPICS[id] ?? []).map((k) => t.topics[k]);
  const followUp = ctx.profile === 'uppfoljning';
  const withGoals = hasGoals(chapters.find((c) => c.id === 'uppfoljning'));
  const guide = (c: ReportChapter) =>
    followUp && withGoals && c.id === 'uppfoljning'
      ? ctx.t.followUpProfile.chapterGuide
      : c.id === 'andra-kallor'
        ? ctx.t.sources.chapterGuide
        : c.id === 'utveckling' && ctx.fig.years(area).length < 2
          ? t.developmentGuideOneWave
          : (t.chapterGuide[c.id] ?? (c.id.startsWith('egen-text-') ? ctx.t.own.chapterGuide : undefined));
  // An own chapter without a title of its own is already called "Kommunens egen text".
  const outline = chapters.filter((c) => guide(c) !== undefined).map((c) => (c.title === ctx.t.own.chapterTitle ? `${c.title}.` : `${c.title}: ${guide(c)}.`));
  return {
    id: 'inledning',
    title: ctx.t.chapters.inledning,
    blocks: [
      paragraph(t.intro(area, formatList(surveyYears(ctx, area).map(String), ctx.lang), topics, followUp)),
      paragraph(t.stepsIntro),
      { type: 'list', ordered: true, items: [...t.steps] },
      paragraph(followUp ? ctx.t.followUpProfile.reportPlace(withGoals) : t.reportPlace(ids.includes('forandringsfaktorer'), ids.includes('uppfoljning'))),
      heading(2, 'inledning-upplagg', ctx.t.sections.outline),
      { type: 'list', ordered: false, items: outline },
      heading(2, 'inledning-definition', ctx.t.sections.definition),
      ...definitionBlocks,
    ],
  };
}

/** A quote, marked with its language when that is not the report's (WCAG 3.1.2). */
function quoteBlock(text: string, textLang: 'sv' | 'en', reportLang: 'sv' | 'en'): Block {
  return { type: 'quote', text, attribution: null, ...(textLang !== reportLang ? { lang: textLang } : {}) };
}
