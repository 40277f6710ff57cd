// A second header row, as SurveyMonkey writes its exports (CSV and Excel): the questions on the
// first row, and under each "Response" (Swedish "Svar"), "Open-Ended Response" ("Öppet svar"),
// or, for a question with a column per option (check boxes, a grid), that column's option, the
// question written once above its first column. Read as data, the second row would be a
// respondent whose every answer is "Response", and the option columns would have no names.
import type { SourceHeader } from './source.js';

/** Between a question and an option in a joined column name: "Var hände det? – I skolan". */
export const OPTION_SEPARATOR = ' – ';

/** A joined column name's question and option (see joinSubHeader), or null for any other name. */
export function questionAndOption(name: string): { question: string; option: string } | null {
  const at = name.lastIndexOf(OPTION_SEPARATOR);
  return at > 0 ? { question: name.slice(0, at), option: name.slice(at + OPTION_SEPARATOR.length) } : null;
}

/** The second row's words for "the question's one answer column". */
const ANSWER_WORDS = new Set(['response', 'open-ended response', 'svar', 'öppet svar']);

/**
 * The column names when `row`, the row under the header, is a second header row: some cell one
 * of ANSWER_WORDS, and its first cell empty (no respondent id) or two such cells (the id column
 * deleted: no respondent answers "Svar" twice). A column under such a word (or with nothing
 * below) keeps its name; one with an option below it is "question – option", the question
 * being the nearest name to its left. Null when `row` is data.
 */
export function joinSubHeader(header: readonly string[], row: readonly string[]): string[] | null {
  const words = row.filter((cell) => ANSWER_WORDS.has(cell.trim().toLowerCase())).length;
  if (words === 0 || (words === 1 && (row[0] ?? '').trim() !== '')) return null;
  const width = Math.max(header.length, lastFilled(row) + 1);
  const names: string[] = [];
  let question = '';
  for (let c = 0; c < width; c++) {
    const top = (header[c] ?? '').trim();
    const below = (row[c] ?? '').trim();
    if (top !== '') question = top;
    names.push(below === '' || ANSWER_WORDS.has(below.toLowerCase()) ? top : question === '' ? below : `${question}${OPTION_SEPARATOR}${below}`);
  }
  return names;
}

function lastFilled(cells: readonly string[]): number {
  for (let c = cells.length - 1; c >= 0; c--) if (cells[c]!.trim() !== '') return c;
  return -1;
}

/**
 * A header as a reader holds it until the row under it shows whether that row is its second
 * row (every reader the same way): `under` joins the two when it is, and tells the header.
 */
export class HeldHeader {
  /**
   * `cells`: the header row as written; `trim`: the reader's trimming of empty names at the
   * end; `tell`: hands the header on (to the reader's handlers).
   */
  constructor(
    private readonly cells: readonly string[],
    private readonly header: SourceHeader,
    private readonly trim: (names: string[]) => string[],
    private readonly tell: (header: SourceHeader) => void,
  ) {}

  /** The row under the header: true when it is the header's second row (joined: no respondent). */
  under(row: readonly string[], line: number): boolean {
    const joined = joinSubHeader(this.cells, row);
    if (joined !== null) {
      const names = this.trim(joined);
      Object.assign(this.header, { names, columns: names.map((name) => ({ name })), subHeaderLine: line });
    }
    this.tell(this.header);
    return joined !== null;
  }

  /** No row under the header: it is told as it is. */
  alone(): void {
    this.tell(this.header);
  }
}
