// A first look at a survey CSV for `init`: the header and, per column, its distinct values
// from the first rows. Only short closed lists are kept (answers, group codes, municipality
// names); a column with many distinct or long values (ids, weights, free text) keeps none of
// them, so nothing a respondent wrote can end up in a proposal or in the config.
import { readCsv, type ReadOptions } from '../ingest/read.js';
import type { Delimiter, Encoding } from '../ingest/sniff.js';

/** Rows read for the proposals. */
export const PREVIEW_ROWS = 5000;
/** More distinct values than this: not a closed list of answers. */
export const MAX_DISTINCT = 50;
/** A value longer than this is free text, never an answer code. */
export const MAX_ANSWER_LENGTH = 80;

export interface ColumnProfile {
  name: string;
  /**
   * The question as the pupils read it, as far as the file tells: the header for a CSV (which
   * may be only a name such as F10_slagen). Matching reads this text, so a reader that knows a
   * variable's label (SPSS) puts the label here.
   */
  question: string;
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
}

export interface CsvProfile {
  file: string;
  encoding: Encoding;
  delimiter: Delimiter;
  /** Data rows read. */
  rows: number;
  /** The whole file was read (it has at most PREVIEW_ROWS rows). */
  complete: boolean;
  columns: ColumnProfile[];
}

const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export async function profileCsv(file: string, opts: Pick<ReadOptions, 'encoding' | 'delimiter'> = {}): Promise<CsvProfile> {
  let columns: ColumnProfile[] = [];
  let sniffedAs: { encoding: Encoding; delimiter: Delimiter } | null = null;
  let seen = 0;
  const { rows } = await readCsv(
    file,
    {
      onHeader: (header, sniffed) => {
        sniffedAs = sniffed;
        columns = header.map((name, index) => ({
          name,
          question: name,
          index,
          values: new Map(),
          filled: 0,
          numeric: true,
          integer: true,
          min: Number.POSITIVE_INFINITY,
          max: Number.NEGATIVE_INFINITY,
          long: false,
          duplicateName: header.indexOf(name) !== index || header.lastIndexOf(name) !== index,
        }));
      },
      onRow: (fields) => {
        // One row more than the preview is read only to know whether the file goes on.
        if (++seen > PREVIEW_ROWS) return;
        for (const c of columns) observe(c, fields[c.index] ?? '');
      },
    },
    { ...opts, maxRows: PREVIEW_ROWS + 1 },
  );
  const { encoding, delimiter } = sniffedAs!;
  for (const c of columns) {
    if (c.filled === 0) c.numeric = false;
    if (!c.numeric) {
      c.integer = false;
      c.min = c.max = Number.NaN;
    }
  }
  return { file, encoding, delimiter, rows: Math.min(rows, PREVIEW_ROWS), complete: rows <= PREVIEW_ROWS, columns };
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
