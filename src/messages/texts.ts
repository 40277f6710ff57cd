// The texts the CLI prints itself (validate's summary, init's questions, what was written),
// as tables per language; their words live in the language catalogues en.ts and sv.ts.
import type { SourceTexts, ValidateTexts } from '../validate/format.js';
import type { InitWarning } from '../init/build.js';
import type { Role } from '../init/roles.js';
import type { DatedColumns, InitFacts } from '../init/propose.js';
import type { Delimiter, Encoding } from '../ingest/sniff.js';

export interface InitTexts {
  roleName: Record<Role, string>;
  encoding: Record<Encoding, string>;
  delimiter: Record<Delimiter, string>;
  source: SourceTexts;
  read(file: string, rows: string, complete: boolean, encoding: string, delimiter: string): string;
  columnsHeading: string;
  none: string;
  /** The language of the texts (the matcher's reasons are written in it too). */
  lang: 'sv' | 'en';
  indicatorsHeading: string;
  noColumn(id: string): string;
  moreCandidates(n: number): string;
  /** A column known only by its name (no question text in the file). */
  nameOnly(column: string): string;
  /** A column that looks like a standard indicator but differs in kind. */
  nearly(id: string, why: string): string;
  unusedHeading: string;
  freeText(columns: string): string;
  /** The empty cell in lists of answers. */
  emptyAnswer: string;
  /** Under a check box's answers: its empty cells are "no" only beside a ticked box of its question. */
  checkboxNote(boxes: number): string;
  answerClass: { yes: string; no: string; missing: string; unknown: string };
  /** A line of the wizard's indicator list: its column, or the suggestion when it has none. */
  reviewLine(id: string, column: string | null, suggestion: string | null): string;
  /** A candidate column another indicator already reads. */
  usedBy(id: string): string;
  /** A population filter: the answers that select, and the filter question (or column). */
  population(values: string, question: string): string;
  /** After a column is chosen: its question, how well it fits, its answers by class. */
  pickedColumn(question: string, summary: string, answers: string[]): string;
  needYes: string;
  missingRole(role: string, flag: string): string;
  /** No year column and no year known for the file: how to give one (and the years of its dates, when they do not tell it). */
  missingYear(file: string, dated: DatedColumns | null): string;
  /** The year column holds school years ("2022/23"): when the survey was answered decides the year. */
  schoolYears(column: string, example: string, autumn: number): string;
  missingArea: string;
  /** Data without a year column: where the year came from (said, never silent). */
  yearFor(fact: NonNullable<InitFacts['year']>): string;
  noCsv: string;
  cancelled: string;
  notOverwritten(path: string): string;
  wrote(path: string): string;
  next: string;
  warning(w: InitWarning): string;
  ask: {
    yes: string;
    no: string;
    /** Key help under a list (select) and under a list with boxes (checkbox). */
    keys: { select: { navigation: string; pager: string }; checkbox: string };
    csv: string;
    year: string;
    notYear: string;
    /** Which term a school-year survey was answered in: the question and the two choices. */
    answeredIn(column: string, example: string): string;
    term(term: 'spring' | 'autumn', example: string, year: number): string;
    area: string;
    overwrite(path: string): string;
    rolesOk: string;
    role(role: string): string;
    genderCode(column: string, code: string): string;
    gender: { girl: string; boy: string; other: string; missing: string };
    review: string;
    done: string;
    pickColumn(id: string): string;
    search: string;
    searchPrompt: string;
    noColumn: string;
    answersOk: string;
    pickYes(id: string): string;
    unknownYes(values: string, columns: string): string;
    unknownMissing: string;
    definition: string;
    definitionAgreed: string;
    county: string;
    texts: string;
  };
  /** A text file that already exists is kept. */
  keptText(path: string): string;
  wroteTexts(dir: string, count: number): string;
}

/** What report, figures, batch and example say when they are done. */
export interface RunTexts {
  wrote(path: string): string;
  wroteFigures(path: string, count: string): string;
  leftOut(error: string): string;
  failed(area: string, error: string): string;
  copiedExample(dir: string): string;
  next(command: string): string;
}

export interface CliTexts {
  validate: ValidateTexts;
  init: InitTexts;
  run: RunTexts;
}
