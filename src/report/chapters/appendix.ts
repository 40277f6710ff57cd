// Bilagor: full tables per indicator (group × wave), the questions as the pupils read them
// with the answers that count as yes, no and no answer, and the method. The list of questions
// is for readers: answer texts (a code shows its text from the scale's `labels`, or is left
// out), population filters in words, never column names.
import { localize, type AnswerScale, type Indicator, type ProjectConfig } from '../../config/schema.js';
import { heading, paragraph } from '../blocks.js';
import { label, type ReportContext } from '../context.js';
import type { Block, ReportChapter } from '../model.js';
import { TOTAL } from '../groups.js';
import { appendixTable } from '../tables.js';
import { methodParagraphs } from './common.js';

function scaleOf(config: ProjectConfig, ind: Indicator): AnswerScale | null {
  const scale = typeof ind.answers === 'string' ? config.answer_scales[ind.answers] : ind.answers;
  if (scale === undefined) return null;
  // An indicator's own `yes` moves those answers out of the scale's no and missing lists.
  if (ind.yes === undefined) return scale;
  const yes = new Set(ind.yes);
  const rest = (xs: string[]) => xs.filter((x) => !yes.has(x));
  return { ...scale, yes: ind.yes, no: rest([...scale.no, ...scale.yes.filter((x) => !yes.has(x))]), missing: rest(scale.missing) };
}

const CODE = /^\s*-?\d+\s*$/;

/**
 * Answers as a reader would recognise them: the text of each code (from `labels`), texts as
 * they are (spellings that differ only by spaces once), the empty cell left out.
 */
export function answerTexts(values: readonly string[], labels: Readonly<Record<string, string>> | undefined): string[] {
  const texts = values.flatMap((v) => {
    if (CODE.test(v)) {
      const text = labels?.[v.trim()];
      return text === undefined ? [] : [text];
    }
    return v.trim() === '' ? [] : [v.trim().replace(/\s+/g, ' ')];
  });
  return [...new Set(texts)];
}

/** "Label: ”Question?” Räknas som ja: ”Ja, en gång”, ”Ja, flera gånger”. …" */
function questionItem(ctx: ReportContext, ind: Indicator): string {
  const t = ctx.t.text;
  const quoted = (xs: string[]) => xs.map((x) => ctx.t.words.quote(x)).join(', ');
  const parts: string[] = [];
  if (ind.any_of) parts.push(t.anyOf(ind.any_of.map((id) => ctx.t.words.quote(labelOfId(ctx, id))).join(', ')));
  else if (ind.all_of) parts.push(t.allOf(ind.all_of.map((id) => ctx.t.words.quote(labelOfId(ctx, id))).join(', ')));
  else {
    const scale = scaleOf(ctx.config, ind);
    if (scale) {
      const [yes, no, missing] = [scale.yes, scale.no, scale.missing].map((xs) => answerTexts(xs, scale.labels));
      if (yes!.length === 0) parts.push(t.codesOnly);
      else {
        parts.push(t.yesAnswers(quoted(yes!)));
        // Of several ticked answers, one of the yes answers is enough: the others are no only alone.
        if (no!.length > 0) parts.push(ind.several_answers ? t.severalNo(quoted(no!), ind.other_options ?? null) : t.noAnswers(quoted(no!)));
        if (missing!.length > 0) parts.push(t.missingAnswers(quoted(missing!)));
        // The empty cell is no list's text above: said here when it is the "no" of an unticked box.
        if (ind.checkboxes) parts.push(t.checkbox(scale.no.some((v) => v.trim() === '')));
      }
    }
  }
  const who = populationWho(ctx, ind);
  if (who !== null) parts.push(t.onlyFor(who));
  const question = ind.question === undefined ? null : innerQuotes(localize(ind.question, ctx.lang), ctx);
  if (question === null && ind.column !== undefined) parts.unshift(t.noQuestion);
  return t.questionItem(label(ctx, ind), question, parts.join(' '));
}

/**
 * Whom an indicator with a population filter is about, in words ("dem som svarat ja på
 * ”Utsatt för någon form av våld”"); null for an indicator of everyone.
 */
export function populationWho(ctx: ReportContext, ind: Indicator): string | null {
  const pop = ind.population;
  if (pop === undefined) return null;
  const t = ctx.t.text.populationWho;
  if ('column' in pop) {
    const values = answerTexts(pop.values, scaleLabelsFor(ctx.config, pop.column));
    return t.question(pop.question === undefined ? null : innerQuotes(localize(pop.question, ctx.lang), ctx), values.length === 0 ? null : formatOr(ctx, values));
  }
  return t.indicator(labelOfId(ctx, pop.indicator), pop.answer);
}

/** Indicators by whom they are about (populationWho; null = everyone), in order of first appearance. */
export function byPopulation(ctx: ReportContext, inds: readonly Indicator[]): [string | null, Indicator[]][] {
  const whom = new Map<string | null, Indicator[]>();
  for (const ind of inds) {
    const who = populationWho(ctx, ind);
    whom.set(who, [...(whom.get(who) ?? []), ind]);
  }
  return [...whom];
}

/** Under a table whose rows say only labels: whom the shares of indicators with a population filter are about. */
export function populationNotes(ctx: ReportContext, inds: readonly Indicator[]): string[] {
  return byPopulation(ctx, inds).flatMap(([who, of]) => (who === null ? [] : [ctx.t.notes.populationOf(of.map((i) => label(ctx, i, true)), who)]));
}

function labelOfId(ctx: ReportContext, id: string): string {
  const ind = ctx.config.indicators.find((i) => i.id === id);
  return ind ? label(ctx, ind) : id;
}

/** Quotation marks inside a quoted question become the inner kind (’…’ in Swedish, ‘…’ in English). */
function innerQuotes(text: string, ctx: ReportContext): string {
  return text.replace(/"([^"]*)"/g, ctx.lang === 'sv' ? '’$1’' : '‘$1’');
}

/** ”Ja, just nu” eller ”Ja, tidigare”. */
function formatOr(ctx: ReportContext, values: string[]): string {
  const q = values.map((v) => ctx.t.words.quote(v));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${ctx.t.words.or} ${q[q.length - 1]}`;
}

/** Texts of codes in a filter column: from the scale of an indicator read from that column, if any. */
function scaleLabelsFor(config: ProjectConfig, column: string): Record<string, string> | undefined {
  const ind = config.indicators.find((i) => i.column === column);
  return ind === undefined ? undefined : (scaleOf(config, ind)?.labels ?? undefined);
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
