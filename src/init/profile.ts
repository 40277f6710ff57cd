// A first look at a survey file (CSV, Excel, SPSS) for `init`: the header and, per column, its
// distinct values from the first rows (SPSS: answers by their value labels, and the variable
// labels as the questions). Only short closed lists are kept (answers, group codes, municipality
// names); a column with many distinct or long values (ids, weights, free text) keeps none of
// them, so nothing a respondent wrote can end up in a proposal or in the config.
import type { Delimiter, Encoding } from '../ingest/sniff.js';
import { readRows, titleAbove, type Format, type ReadOptions } from '../ingest/source.js';
import { dateYear } from './dates.js';

/** Rows read for the proposals. */
export const PREVIEW_ROWS = 5000;
/** More distinct values than this: not a closed list of answers. */
export const MAX_DISTINCT = 50;
/** A value longer than this is free text, never an answer code. */
export const MAX_ANSWER_LENGTH = 80;

export interface ColumnProfile {
  name: string;
  /**
   * The question as the pupils read it, as far as the file tells: the variable label (SPSS),
   * else the header (which may be only a name such as F10_slagen). Matching reads this text.
   */
  question: string;
  /** The question text the file gives (SPSS variable label), when it gives one. */
  label?: string;
  /** 0-based position in the header. */
  index: number;
  /** Distinct raw values with their counts; null when not a short closed list (see above). */
  values: Map<string, number> | null;
  /** Rows with a non-empty value. */
  filled: number;
  /** Every non-empty value is a number (a decimal comma allowed). */
  numeric: boolean;
  /** Every non-empty value is a whole number. */
  integer: boolean;
  /** Smallest and largest numeric value (NaN when not numeric). */
  min: number;
  max: number;
  /** Some value is longer than MAX_ANSWER_LENGTH. */
  long: boolean;
  /** Another column has the same name: the config cannot refer to either. */
  duplicateName: boolean;
  /**
   * Every non-empty value is a date or a time stamp (when a form was sent in): the years they
   * fall in, and nothing else of them (an answer's time belongs to one pupil). Null otherwise.
   */
  dateYears: Set<number> | null;
  /** Some of those dates carry a time of day (a form's time stamp, not a birth date). */
  timed: boolean;
}

export interface CsvProfile {
  file: string;
  format: Format;
  /** CSV: the text encoding; SPSS: the file's; Excel: null. */
  encoding: Encoding | string | null;
  /** CSV only. */
  delimiter: Delimiter | null;
  /** The header's line or row when a title above it was skipped (see titleAbove). */
  headerBelowTitle?: number;
  /** The line or row of the header's second row, joined to it (see joinSubHeader). */
  subHeaderLine?: number;
  /** Excel: other sheets named like a wave, not read (SourceHeader.otherWaves). */
  otherWaves?: string[];
  /** Excel only. */
  sheet?: string;
  /** Data rows read. */
  rows: number;
  /** The whole file was read (it has at most PREVIEW_ROWS rows). */
  complete: boolean;
  columns: ColumnProfile[];
}

const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export async function profileCsv(file: string, opts: Pick<ReadOptions, 'encoding' | 'delimiter' | 'sheet'> = {}): Promise<CsvProfile> {
  let columns: ColumnProfile[] = [];
  /** Per column: code → answer text, for columns with value labels. */
  let shown: (ReadonlyMap<string, string> | undefined)[] = [];
  let seen = 0;
  const { rows, header: source } = await readRows(
    file,
    {
      onHeader: (source) => {
        const header = source.names;
        shown = source.columns.map((c) => c.valueLabels);
        columns = source.columns.map(({ name, label }, index) => ({
          name,
          question: label ?? name,
          ...(label ? { label } : {}),
          index,
          values: new Map(),
          filled: 0,
          numeric: true,
          integer: true,
          min: Number.POSITIVE_INFINITY,
          max: Number.NEGATIVE_INFINITY,
          long: false,
          duplicateName: header.indexOf(name) !== index || header.lastIndexOf(name) !== index,
          dateYears: new Set(),
          timed: false,
        }));
      },
      onRow: (fields) => {
        // One row more than the preview is read only to know whether the file goes on.
        if (++seen > PREVIEW_ROWS) return;
        for (const c of columns) {
          const raw = fields[c.index] ?? '';
          observe(c, shown[c.index]?.get(raw) ?? raw);
        }
      },
    },
    { ...opts, maxRows: PREVIEW_ROWS + 1 },
  );
  const { encoding, delimiter, format, sheet } = source;
  const below = titleAbove(source);
  for (const c of columns) {
    if (c.filled === 0) {
      c.numeric = false;
      c.dateYears = null;
    }
    if (!c.numeric) {
      c.integer = false;
      c.min = c.max = Number.NaN;
    }
  }
  return { file: source.file, format, encoding, delimiter, ...(sheet ? { sheet } : {}), ...(below !== null ? { headerBelowTitle: below } : {}), ...(source.subHeaderLine !== undefined ? { subHeaderLine: source.subHeaderLine } : {}), ...(source.otherWaves ? { otherWaves: source.otherWaves } : {}), rows: Math.min(rows, PREVIEW_ROWS), complete: rows <= PREVIEW_ROWS, columns };
}

function observe(c: ColumnProfile, raw: string): void {
  const text = raw.trim();
  if (text !== '') {
    c.filled++;
    if (c.numeric && NUMBER.test(text)) {
      const v = Number(text.replace(',', '.'));
      c.integer &&= Number.isInteger(v);
      c.min = Math.min(c.min, v);
      c.max = Math.max(c.max, v);
    } else c.numeric = false;
    if (c.dateYears !== null) {
      const date = dateYear(text);
      if (date === null) c.dateYears = null;
      else {
        c.dateYears.add(date.year);
        c.timed ||= date.timed;
      }
    }
  }
  if (raw.length > MAX_ANSWER_LENGTH) {
    c.long = true;
    c.values = null;
  }
  if (c.values === null) return;
  c.values.set(raw, (c.values.get(raw) ?? 0) + 1);
  // Past the limit the column is not a list of answers: forget its values.
  if (c.values.size > MAX_DISTINCT) c.values = null;
}
