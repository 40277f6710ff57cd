// Which standard indicator each survey column can feed, and how sure that is. Every column's
// question (its header today, the label read from the file when there is one) and every
// template indicator's question are read by meaning.ts and compared by match.ts; a column's
// answers must be answers (some yes or no, or codes). Only clear matches are pre-selected, one
// column per indicator and one indicator per column; two equally clear columns make neither
// clear. Everything else stays a candidate the wizard shows and `--yes` writes as a suggestion.
// Population filters ("Har du någon gång haft en pojkvän?") are found by meaning too, and are
// never offered as outcomes.
import { localize, type AnswerScale, type Indicator } from '../config/schema.js';
import { classifyAnswer, proposeScale, type ScaleProposal } from './answers.js';
import { compareMeanings, type Match, type Reason } from './match.js';
import { isQuestionText, readQuestion, type QuestionMeaning, type TimeFrame } from './meaning.js';
import type { Roles } from './roles.js';
import type { ColumnProfile, CsvProfile } from './profile.js';
import type { Template } from './template.js';
import { OPTION_SEPARATOR, questionAndOption } from '../ingest/sub-header.js';
import { tickedColumn, type TickedColumn } from './several.js';

export interface PopulationProposal {
  column: string;
  /** The answers that put a pupil in the population (the filter question's yes answers). */
  values: string[];
  /** The filter question as asked, or null when the data has only a column name. */
  question: string | null;
}

/**
 * One column for one template indicator: how well it fits (the match; a level of null when the
 * user chose a column the matcher would not have proposed) and what the config gets from it.
 */
export interface IndicatorProposal extends Match {
  /** The template indicator's id. */
  id: string;
  column: string;
  /** The column's question as the pupils read it, or null when the data has only a name. */
  question: string | null;
  /** The question's time frame (null when it says none, or only a name is known). */
  time: TimeFrame | null;
  /** The template question's time frame, for rewriting the indicator's text when they differ. */
  templateTime: TimeFrame | null;
  /** The name of the template's answer scale ("frekvens"); used to name the config's scale. */
  scaleName: string;
  answers: ScaleProposal;
  /** Population filter with this data's column, or null. */
  population: PopulationProposal | null;
  /** The template filters the population but no column for it was found. */
  populationMissing: boolean;
  /** A check box (see checkboxOption): all the boxes of its question, for config `checkboxes`; else null. */
  checkboxes: string[] | null;
  /** The column holds all the options a pupil ticked (several.ts, config `several_answers`): the options that count as yes; else null. */
  several: string[] | null;
}

/**
 * What a proposal reads: its column, or of a column of several ticked answers, the column and
 * its option. Several indicators may read one such column, each its own option.
 */
export function readsFrom(p: IndicatorProposal): string {
  return p.several === null ? p.column : `${p.column}${OPTION_SEPARATOR}${p.several.join(' + ')}`;
}

export type UnusedColumn =
  | { column: string; why: 'free-text' }
  | { column: string; why: 'no-match'; question: string }
  /** Looks like a standard indicator but is not (or not surely) one: the closest, and why not. */
  | { column: string; why: 'near'; question: string; indicator: string; reasons: Reason[] };

export interface IndicatorProposals {
  /** Pre-selected: clear matches, in the template's order. */
  indicators: IndicatorProposal[];
  /** For each indicator without a clear match: its best unsure candidate on a column not taken, in the template's order. */
  suggestions: IndicatorProposal[];
  /** Every candidate per template indicator id, best first (clear before possible). */
  candidates: Map<string, IndicatorProposal[]>;
  /** Template indicators read from a column (in the template's order) that no column fits. */
  missing: string[];
  /** Columns used as population filters. */
  filters: string[];
  unused: UnusedColumn[];
}

/** The template's indicators that are read from a column, with the meaning of their question. */
export function templateSources(template: Template): { ind: Indicator; meaning: QuestionMeaning }[] {
  return template.config.indicators
    .filter((ind) => ind.column !== undefined)
    .map((ind) => ({ ind, meaning: readQuestion(localize(ind.question ?? ind.label, 'sv')) }));
}

/** The text a column's meaning is read from: its question (label or header). */
export function columnText(c: ColumnProfile): string {
  return c.question;
}

/** A closed list of short answers of which at least one is a yes or no, or only codes, or a check box. */
export function isAnswerColumn(c: ColumnProfile): boolean {
  if (c.values === null) return false;
  const answers = [...c.values.keys()];
  return answers.some((v) => classifyAnswer(v) === 'yes' || classifyAnswer(v) === 'no') || (c.numeric && c.integer) || checkboxOption(c) !== null;
}

function scaleOfTemplate(template: Template, ind: Indicator): AnswerScale | undefined {
  return typeof ind.answers === 'string' ? template.config.answer_scales[ind.answers] : ind.answers;
}

/**
 * The proposal for one indicator on one column, whatever the match: the wizard uses this for
 * a column the user picks, the matcher for its candidates.
 */
export function proposalFor(
  template: Template,
  source: { ind: Indicator; meaning: QuestionMeaning },
  col: ColumnProfile,
  columns: readonly ColumnProfile[],
  all: readonly ColumnProfile[] = columns,
): IndicatorProposal {
  const text = columnText(col);
  const option = checkboxOption(col);
  // A check box of a question with two or more boxes (one box alone is no such question).
  const boxes = option === null ? [] : boxesOf(col.name, all);
  const checkboxes = boxes.length >= 2 ? boxes : null;
  const data = readQuestion(text);
  const match = compareMeanings(source.meaning, data);
  const ind = source.ind;
  const population = ind.population !== undefined && 'column' in ind.population ? populationFor(source, columns, col.name) : null;
  return {
    ...match,
    id: ind.id,
    column: col.name,
    question: isQuestionText(text) ? text : null,
    time: data.time,
    templateTime: source.meaning.time,
    scaleName: typeof ind.answers === 'string' ? ind.answers : 'svar',
    // A ticked box is yes, an empty one no; config `checkboxes` makes it a missing answer where no box of the question is ticked.
    answers:
      checkboxes !== null
        ? { yes: [option!], no: [''], missing: [], unknown: [], understood: true, counts: new Map(col.values) }
        : proposeScale(col.values ?? new Map(), scaleOfTemplate(template, ind), match.inverted),
    population,
    populationMissing: ind.population !== undefined && 'column' in ind.population && population === null,
    checkboxes,
    several: null,
  };
}

/**
 * The columns an indicator may read, as the matcher and the wizard's search see them: the
 * answer columns, and a column of several ticked answers as one box per option ("Var hände
 * det? – I skolan"); and for each box, the column it is an option of.
 */
export interface SearchableColumns {
  columns: ColumnProfile[];
  /** Every column, a column of ticked answers as its boxes (a check box's never-ticked siblings among them). */
  all: ColumnProfile[];
  boxOf: Map<string, { ticked: TickedColumn; option: string }>;
}

export function searchableColumns(columns: readonly ColumnProfile[]): SearchableColumns {
  const boxOf = new Map<string, { ticked: TickedColumn; option: string }>();
  const free = columns.flatMap((c) => {
    const ticked = tickedColumn(c);
    ticked?.boxes.forEach((box, k) => boxOf.set(box.name, { ticked, option: ticked.options[k]! }));
    return ticked?.boxes ?? [c];
  });
  return { columns: free.filter(isAnswerColumn), all: free, boxOf };
}

/** The proposal for a column picked in the wizard's search: a box reads its column, with its option as yes. */
export function proposalForPicked(template: Template, source: { ind: Indicator; meaning: QuestionMeaning }, name: string, searchable: SearchableColumns): IndicatorProposal {
  const col = searchable.columns.find((c) => c.name === name)!;
  const p = proposalFor(template, source, col, searchable.columns, searchable.all);
  const box = searchable.boxOf.get(name);
  return box === undefined ? p : onTickedColumn(p, box.ticked, [box.option]);
}

/**
 * A proposal on option boxes of a column of several ticked answers, as the config reads it: the
 * column itself, those options as yes and the question's other options as no (any of them
 * ticked beside a yes one still makes a yes), an empty cell as no answer, and any other text
 * as another option (build.ts writes other_options: no).
 */
function onTickedColumn(p: IndicatorProposal, ticked: TickedColumn, yes: readonly string[]): IndicatorProposal {
  const inOrder = ticked.options.filter((o) => yes.includes(o));
  return {
    ...p,
    column: ticked.column.name,
    // The question as the pupils read it (the options that count are listed with the answers).
    question: p.question === null ? null : columnText(ticked.column),
    checkboxes: null,
    several: inOrder,
    // Its own scale, named after it: the options' classes differ per indicator.
    scaleName: p.id,
    answers: { yes: inOrder, no: ticked.options.filter((o) => !yes.includes(o)), missing: [''], unknown: [], understood: true, counts: new Map(ticked.options.map((o) => [o, ticked.counts.get(o)!])) },
  };
}

/** Every column that is a box of the same question as `name` (never-ticked boxes too), in the file's order. */
function boxesOf(name: string, all: readonly ColumnProfile[]): string[] {
  const question = questionAndOption(name)?.question;
  return question === undefined ? [] : all.filter((c) => questionAndOption(c.name)?.question === question).map((c) => c.name);
}

/** Columns that ask whether the pupil has or has had a partner: filters, never outcomes. */
function filterColumns(columns: readonly ColumnProfile[]): ColumnProfile[] {
  return columns.filter((c) => isAnswerColumn(c) && readQuestion(columnText(c)).subject === 'partner-status');
}

/**
 * The population of an indicator that counts only some pupils (partner violence: those who
 * have or have had a partner): a filter column, its yes answers, and its question.
 */
function populationFor(source: { ind: Indicator }, columns: readonly ColumnProfile[], outcome: string): PopulationProposal | null {
  const pop = source.ind.population;
  if (pop === undefined || !('column' in pop)) return null;
  const filters = filterColumns(columns).filter((c) => c.name !== outcome);
  // "Har du någon gång haft …" covers "has or has had"; prefer it over "Har du en partner nu?".
  const col = filters.find((c) => readQuestion(columnText(c)).time === 'ever') ?? filters[0];
  if (col === undefined) return null;
  const yes = [...col.values!.keys()].filter((v) => classifyAnswer(v) === 'yes');
  if (yes.length === 0) return null;
  const text = columnText(col);
  return { column: col.name, values: yes, question: isQuestionText(text) ? text : null };
}

export function proposeIndicators(profile: CsvProfile, roles: Roles, template: Template): IndicatorProposals {
  const taken = new Set(Object.values(roles).filter((c): c is string => c !== null));
  const columns = profile.columns.filter((c) => !taken.has(c.name) && !c.duplicateName);
  // A column of several ticked answers is matched as a box per option (several.ts).
  const { columns: answerColumns, all: free, boxOf } = searchableColumns(columns);
  const tickedColumns = new Map([...boxOf.values()].map(({ ticked }) => [ticked.column.name, ticked]));
  const filters = new Set(filterColumns(answerColumns).map((c) => c.name));
  const sources = templateSources(template);

  // Every fitting pair, best first.
  const candidates = new Map<string, IndicatorProposal[]>();
  for (const source of sources) {
    const list = answerColumns
      .filter((c) => !filters.has(c.name))
      .map((c) => proposalFor(template, source, c, answerColumns, free))
      .filter((p) => p.level !== null)
      .sort((a, b) => rank(a) - rank(b) || b.score - a.score);
    candidates.set(source.ind.id, list);
  }

  // Two columns that fit one indicator equally well (or one column two indicators): neither is clear.
  const clear = [...candidates.values()].flat().filter((p) => p.level === 'clear');
  for (const p of clear) {
    // Two options of one column of ticked answers that fit equally are one indicator's (see onColumn).
    const sameQuestion = (q: IndicatorProposal) => boxOf.get(q.column) !== undefined && boxOf.get(q.column)?.ticked === boxOf.get(p.column)?.ticked;
    const rival =
      clear.find((q) => q !== p && q.id === p.id && q.score === p.score && !sameQuestion(q)) ?? clear.find((q) => q !== p && q.column === p.column && q.score === p.score);
    if (rival) {
      p.level = 'possible';
      p.doubts.push({ code: 'ambiguous', other: rival.id === p.id ? rival.column : rival.id });
    }
  }
  for (const list of candidates.values()) list.sort((a, b) => rank(a) - rank(b) || b.score - a.score);

  // Clear matches, best first, one column per indicator and one indicator per column.
  const chosen = new Map<string, IndicatorProposal>();
  const used = new Set<string>();
  const order = sources.map((s) => s.ind.id);
  for (const p of [...candidates.values()].flat().filter((q) => q.level === 'clear').sort((a, b) => b.score - a.score || order.indexOf(a.id) - order.indexOf(b.id))) {
    if (chosen.has(p.id) || used.has(p.column)) continue;
    chosen.set(p.id, p);
    used.add(p.column);
  }
  const filtersUsed = [...chosen.values()].flatMap((p) => (p.population ? [p.population.column] : []));

  // The best unsure candidate of each indicator left without a column, one indicator per column.
  const suggestions: IndicatorProposal[] = [];
  for (const id of order) {
    if (chosen.has(id)) continue;
    const best = (candidates.get(id) ?? []).find((c) => !used.has(c.column) && !suggestions.some((s) => s.column === c.column));
    if (best) suggestions.push(best);
  }

  // A column of several ticked answers is used when one of its options is.
  const names = (c: ColumnProfile) => tickedColumns.get(c.name)?.boxes.map((b) => b.name) ?? [c.name];
  const unused = columns
    .filter((c) => names(c).every((name) => !used.has(name) && !filters.has(name) && !suggestions.some((s) => s.column === name)))
    .map((c): UnusedColumn => {
      if (c.values === null && !c.numeric) return { column: c.name, why: 'free-text' };
      const text = columnText(c);
      // An unsure candidate of an indicator that has a clear column: why it was not that one.
      const candidate = [...candidates.values()].flat().find((p) => p.column === c.name);
      if (candidate) return { column: c.name, why: 'near', question: text, indicator: candidate.id, reasons: candidate.doubts };
      const near = nearest(sources, readQuestion(text));
      return near ? { column: c.name, why: 'near', question: text, indicator: near.id, reasons: [near.conflict] } : { column: c.name, why: 'no-match', question: text };
    });
  // Proposals on an option's box are on the column that holds it, with every option of that
  // column that fits the indicator as well ("I skolan" and "På väg till eller från skolan" for
  // "i skolan eller på väg till eller från skolan"): the indicator is any of them.
  const onColumn = (p: IndicatorProposal): IndicatorProposal => {
    const box = boxOf.get(p.column);
    if (box === undefined) return p;
    const alike = (candidates.get(p.id) ?? []).filter((q) => boxOf.get(q.column)?.ticked === box.ticked && q.score === p.score && q.level === p.level && q.conflict === null);
    return onTickedColumn(p, box.ticked, [box.option, ...alike.map((q) => boxOf.get(q.column)!.option)]);
  };
  return {
    indicators: order.flatMap((id) => chosen.get(id) ?? []).map(onColumn),
    suggestions: suggestions.map(onColumn),
    candidates: new Map([...candidates].map(([id, list]) => [id, list.map(onColumn)])),
    missing: order.filter((id) => (candidates.get(id) ?? []).length === 0),
    filters: [...new Set([...filtersUsed, ...filters])],
    unused,
  };
}

/**
 * The option of a check-box column as SurveyMonkey writes one, its name joined from the
 * question and the option ("Var hände det? – I skolan", see joinSubHeader): its only answer is
 * the option's own text, and it is empty when not ticked. Empty means "not ticked" only where
 * some box of the question is ticked (else the question was skipped): config `checkboxes` says
 * which columns are the question's boxes.
 */
function checkboxOption(c: ColumnProfile): string | null {
  const answers = [...(c.values?.keys() ?? [])].map((v) => v.trim()).filter((v) => v !== '');
  if (answers.length !== 1) return null;
  const option = answers[0]!;
  return classifyAnswer(option) === null && questionAndOption(c.name)?.option === option ? option : null;
}

function rank(p: IndicatorProposal): number {
  return p.level === 'clear' ? 0 : p.level === 'possible' ? 1 : 2;
}

/**
 * The template indicator a column comes closest to without fitting: one about the same subject
 * (violence, safety, attitudes …) that differs in kind, with the first difference. Null when
 * none, or when one fits (the column's answers are what keep it out).
 */
function nearest(sources: { ind: Indicator; meaning: QuestionMeaning }[], data: QuestionMeaning): { id: string; conflict: Reason } | null {
  if (data.subject === null) return null;
  let best: { id: string; conflict: Reason; shared: number } | null = null;
  for (const { ind, meaning } of sources) {
    if (meaning.subject !== data.subject) continue;
    const m = compareMeanings(meaning, data);
    // Its question fits one: what keeps it out is its answers, not a near miss of another.
    if (m.conflict === null) return null;
    const shared = [...data.acts].filter((a) => meaning.acts.has(a)).length + (meaning.role === data.role ? 1 : 0) + (meaning.place === data.place ? 1 : 0);
    if (best === null || shared > best.shared) best = { id: ind.id, conflict: m.conflict, shared };
  }
  return best && { id: best.id, conflict: best.conflict };
}
