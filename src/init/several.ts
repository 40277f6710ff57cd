// A "tick all that apply" question whose ticked options a form tool writes in one cell:
// Google Forms joins them with ", " ("I skolan, Hemma"), Microsoft Forms with ";" ("I skolan;
// Hemma;"). init reads such a column as one box per option, named "question – option" as
// SurveyMonkey's check-box columns are (src/ingest/sub-header.ts), so the same matching finds
// where it happened, whom the pupil told …; the config then reads the one column with
// `several_answers` (src/ingest/respondents.ts, TickedOptions).
import { OPTION_SEPARATOR } from '../ingest/sub-header.js';
import { classifyAnswer, isMissingWord } from './answers.js';
import type { ColumnProfile } from './profile.js';

/** A question that says several answers may be given. */
const SEVERAL = /(flera svar|alla som stämmer|alla som passar|välj alla|markera alla|kryssa i alla|kryssa i flera|several answers|all that apply|select all|tick all|check all)/i;

export interface TickedColumn {
  column: ColumnProfile;
  /** The question's options, in the order first seen; not those only one pupil ticked. */
  options: string[];
  /** How many of the rows read ticked each option. */
  counts: Map<string, number>;
  /** One column per option, as a box of the question (for matching only; not in the file). */
  boxes: ColumnProfile[];
}

/**
 * The options a cell holds. A comma followed by a lower-case letter is inside an option ("Ute,
 * på stan eller i parken"): options begin with a capital, as form tools show them. A semicolon
 * always separates (Microsoft Forms ends the cell with one too).
 */
export function optionsOf(cell: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c !== ',' && c !== ';') continue;
    let next = i + 1;
    while (cell[next] === ' ') next++;
    if (c === ',' && next < cell.length && /\p{Ll}/u.test(cell[next]!)) continue;
    parts.push(cell.slice(start, i).trim());
    start = next;
    i = next - 1;
  }
  parts.push(cell.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** `piece` cut after the longest option of `alone` (longest first) it begins with ("Hemma, hos kompis" → "Hemma", "hos kompis"). */
function apart(piece: string, alone: readonly string[]): string[] {
  for (const option of alone) {
    if (option !== piece && piece.startsWith(`${option}, `)) return [option, ...apart(piece.slice(option.length + 2).trim(), alone)];
  }
  return [piece];
}

/**
 * The column as a question of several ticked answers, or null when it is not one: every cell
 * ends with ";" (Microsoft Forms' way, even with one option ticked), or some cell holds two or
 * more options and the question says several may be ticked, or two different cells hold
 * several; and unless the question says several may be ticked, none of the options is a yes
 * or no answer (so "Ja, en gång" stays one answer, while "Nej, ingen" may be an option of
 * "Berättade du för någon? (Välj alla som stämmer)").
 */
export function tickedColumn(c: ColumnProfile): TickedColumn | null {
  if (c.values === null) return null;
  const given = [...c.values].filter(([v]) => v.trim() !== '' && !isMissingWord(v));
  const split = given.map(([v, n]) => ({ options: optionsOf(v), n }));
  const combined = split.filter((cell) => cell.options.length >= 2).length;
  const microsoft = given.length > 0 && given.every(([v]) => v.trimEnd().endsWith(';'));
  const said = microsoft || SEVERAL.test(c.question);
  if (!said && combined < 2) return null;
  if (combined === 0 && !microsoft) return null;
  // A piece that begins with an option seen on its own is that option and a pupil's own words
  // after it ("På väg till skolan, träningen"), not one option.
  const alone = [...new Set(split.flatMap((cell) => cell.options))].sort((a, b) => b.length - a.length);
  const cells = split.map((cell) => ({ n: cell.n, options: cell.options.flatMap((o) => apart(o, alone)) }));
  const counts = new Map<string, number>();
  for (const cell of cells) for (const o of cell.options) counts.set(o, (counts.get(o) ?? 0) + cell.n);
  const seen = [...counts.keys()];
  if (seen.length < 2 || (!SEVERAL.test(c.question) && seen.some((o) => classifyAnswer(o) === 'yes' || classifyAnswer(o) === 'no'))) return null;
  // An option only one pupil ticked, or in lower case (as a pupil types, not as a form shows
  // an option), may be a pupil's own words under "Övrigt": not written into the config, which
  // counts it as another option (other_options: no).
  const options = seen.filter((o) => counts.get(o)! >= 2 && !/^\p{Ll}/u.test(o));
  if (options.length === 0) return null;
  const answered = cells.reduce((sum, cell) => sum + cell.n, 0);
  const { label: _label, ...column } = c;
  const boxes = options.map((option): ColumnProfile => {
    const ticked = counts.get(option)!;
    return {
      ...column,
      name: `${c.name}${OPTION_SEPARATOR}${option}`,
      question: `${c.question}${OPTION_SEPARATOR}${option}`,
      values: new Map([
        [option, ticked],
        ['', answered - ticked],
      ]),
      filled: ticked,
    };
  });
  return { column: c, options, counts, boxes };
}
