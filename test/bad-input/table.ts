// The broken-input corpus: each case with the one line `lagesbild figures` must print and its
// exit code (bad-input.test.ts), also read by the CSV differential test (test/ingest).
import { fileURLToPath } from 'node:url';
import { EXIT } from '../../src/errors.js';

export const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const HEADER = 'kommun,ar,kon,ak,vikt,F1,F2';
const ROW = 'Aby,2023,F,9,1,1,2';

export interface Case {
  /** A file in cases/, or the name of a generated file. */
  file: string;
  /** Writes a generated case (too big or too binary to keep in the repository). */
  generate?: () => Buffer | string;
  /** A config file in cases/ (then `file` is the good data); default the mini config. */
  config?: string;
  exit: number;
  /** The exact line on stderr. FILE is the path given (CSV, or config for config cases), OUT the output folder. */
  line: string;
  /** For cases that succeed: what the figures table must show was read. */
  reads?: { areas: string[]; n: number };
  /** Not yet implemented outside the ingest/config code: see the report (the test asserts it still fails). */
  gap?: string;
}

/** Deterministic bytes 0x01–0xff (no NUL, which has its own case). */
function garbage(length: number): Buffer {
  let s = 20240601;
  return Buffer.from(Array.from({ length }, () => 1 + ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 255)));
}
const asciiRows = (count: number) => Array.from({ length: count }, () => ROW);

export const TABLE: Case[] = [
  { file: 'empty.csv', exit: EXIT.data, line: 'FILE: the file is empty. Export the survey again, with a header row and one row per respondent' },
  { file: 'header-only.csv', exit: EXIT.data, line: 'FILE:2: the file has a header but no respondent rows. Export the survey again with its answers' },
  {
    file: 'binary-garbage.bin',
    generate: () => garbage(64 * 1024),
    exit: EXIT.data,
    line: 'FILE:1: the file is not text: it is full of control characters (a spreadsheet, archive or other binary file?). Export the data as CSV (comma or semicolon separated text)',
  },
  {
    // Read as what its bytes say (an Excel workbook), not as its name says; this one is cut off.
    file: 'xlsx-saved-as-csv.csv',
    exit: EXIT.data,
    line: 'FILE: the Excel workbook cannot be read: it is damaged, cut off, or not a real .xlsx file. Open it in Excel and save it again as an Excel workbook (.xlsx), or export it as CSV UTF-8',
  },
  {
    file: 'nul-bytes.csv',
    exit: EXIT.data,
    line: 'FILE:3: the file contains NUL bytes: it is not a text CSV file (a spreadsheet or binary file?). Export the data as CSV (comma or semicolon separated text)',
  },
  {
    file: 'nul-after-sample.csv',
    generate: () => [HEADER, ...asciiRows(5000), 'Aby,2023,F,9,1,1\u0000,2', ''].join('\n'),
    exit: EXIT.data,
    line: 'FILE:5002: the file contains NUL bytes: it is not a text CSV file (a spreadsheet or binary file?). Export the data as CSV (comma or semicolon separated text)',
  },
  {
    file: 'unterminated-quote.csv',
    exit: EXIT.data,
    line: 'FILE:3:6: a quoted value that starts on this line is never closed (a " without its closing "). Add the closing quote, or remove the opening one',
  },
  {
    // Big enough that the open quote swallows more than the record limit.
    file: 'unterminated-quote-big.csv',
    generate: () => [HEADER, ROW, 'Aby,2023,F,9,1,"1,2', ...asciiRows(60_000), ''].join('\n'),
    exit: EXIT.data,
    line: 'FILE:3: a row is longer than 1,000,000 characters. This usually means a quote is never closed or the line breaks are missing; check the file in a text editor',
  },
  {
    file: 'quote-inside-value.csv',
    exit: EXIT.data,
    line: 'FILE:3:6: a quote (") appears inside a value that is not in quotes. Put the whole value in quotes and double the inner quote (""), or remove the quote',
  },
  {
    file: 'ragged-extra-field.csv',
    exit: EXIT.data,
    line: 'FILE:3: row has 8 fields, the header has 7. Check for a missing or extra comma on this line, or a value with a comma that is not in quotes',
  },
  {
    file: 'ragged-missing-field.csv',
    exit: EXIT.data,
    line: 'FILE:3: row has 6 fields, the header has 7. Check for a missing or extra comma on this line, or a value with a comma that is not in quotes',
  },
  {
    file: 'one-megabyte-line.csv',
    generate: () => `${HEADER},${'x'.repeat(1_100_000)}`,
    exit: EXIT.data,
    line: 'FILE:1: a row is longer than 1,000,000 characters. This usually means a quote is never closed or the line breaks are missing; check the file in a text editor',
  },
  {
    file: 'duplicate-header.csv',
    exit: EXIT.data,
    line: 'FILE:1:8: the header has two columns named "F1" (columns 6 and 8). Rename one of them so the config can tell them apart',
  },
  {
    file: 'mixed-delimiters.csv',
    exit: EXIT.data,
    line: 'FILE:3: row has 1 field, the header has 7. The header is separated by semicolons but this row is not: are delimiters mixed in the file?',
  },
  // Excel's "Unicode text": read through a UTF-8 copy (src/ingest/utf16.ts).
  { file: 'utf16le-bom.csv', exit: EXIT.ok, line: 'wrote OUT/figures.csv (102 figures)', reads: { areas: ['Åby', 'Öby'], n: 4 } },
  { file: 'utf16le-no-bom.csv', exit: EXIT.ok, line: 'wrote OUT/figures.csv (102 figures)', reads: { areas: ['Åby', 'Öby'], n: 4 } },
  {
    // Cut off in the middle of the last character.
    file: 'utf16le-cut.csv',
    generate: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEADER, 'Åby,2023,F,9,1,1,2', 'Öby,2023,P,9,1,Ja,Nej'].join('\r\n'), 'utf16le')]).subarray(0, -1),
    exit: EXIT.data,
    line: 'FILE:3: the file is UTF-16LE text (Excel\'s "Unicode text"), but not from this line on: it is cut off, or not all text. Save the whole table again as "Unicode text" or as "CSV UTF-8" (in Excel: Spara som)',
  },
  {
    file: 'windows-1252.csv',
    exit: EXIT.ok,
    line: 'wrote OUT/figures.csv (102 figures)',
    reads: { areas: ['Håbo', 'Östra Göinge'], n: 4 },
  },
  {
    // Plain ASCII for longer than the sniffed sample, then a Windows-1252 "Ö".
    file: 'windows-1252-after-sample.csv',
    generate: () => Buffer.from([HEADER, ...asciiRows(5000), 'Öckerö,2023,P,9,1,Nej,Ja', ''].join('\n'), 'latin1'),
    exit: EXIT.ok,
    line: 'wrote OUT/figures.csv (60 figures)',
    reads: { areas: ['Aby', 'Öckerö'], n: 5001 },
  },
  {
    file: 'utf8-then-windows-1252.csv',
    generate: () => Buffer.concat([Buffer.from([HEADER, 'Åby,2023,F,9,1,1,2', ...asciiRows(5000), ''].join('\n')), Buffer.from('Öby,2023,F,9,1,1,2\n', 'latin1')]),
    exit: EXIT.data,
    line: 'FILE:5003: the file is not valid UTF-8 from this line on (mixed encodings?). Save the whole file again as "CSV UTF-8", or pass --encoding windows-1252',
  },
  {
    file: 'utf8-cut-off.csv',
    generate: () => Buffer.concat([Buffer.from([HEADER, ROW, 'Å'].join('\n')).subarray(0, -1)]),
    exit: EXIT.data,
    line: 'FILE:3: the file ends in the middle of a character (was it cut off?). Export or copy the whole file again',
  },
  {
    file: 'weight-negative.csv',
    exit: EXIT.data,
    line: 'FILE:3:5: vikt: negative weight "-1". Weights must be positive numbers (respondents with no weight should be removed or given one by whoever made the weights)',
  },
  {
    file: 'weight-zero.csv',
    exit: EXIT.data,
    line: 'FILE:3:5: vikt: weight is 0. Weights must be positive numbers (respondents with no weight should be removed or given one by whoever made the weights)',
  },
  {
    file: 'weight-empty.csv',
    exit: EXIT.data,
    line: 'FILE:3:5: vikt: empty weight. Weights must be positive numbers (respondents with no weight should be removed or given one by whoever made the weights)',
  },
  {
    file: 'weight-decimal-comma.csv',
    exit: EXIT.data,
    line: 'FILE:3:5: vikt: "1,5" is not a number. The weight has a decimal comma in a comma-separated file: write 1.5, or save the file with semicolons (Swedish Excel), where 1,5 is read as 1.5',
  },
  // A year column holds codes: a value that does not look like a year is described, not shown.
  { file: 'year-not-a-year.csv', exit: EXIT.data, line: 'FILE:3:2: ar: an unknown value of 8 characters is not a survey year. Use a four-digit year such as 2023' },
  {
    file: 'year-school-year.csv',
    exit: EXIT.data,
    line: 'FILE:3:2: ar: "2023/24" is not a survey year. "2023/24" is a school year: say when the survey was answered, with `answered_in: spring` (read as 2024) or `answered_in: autumn` (read as 2023) under `columns` in lagesbild.yaml',
  },
  {
    // Escape sequences in a value must not reach the terminal.
    file: 'control-characters-in-value.csv',
    exit: EXIT.data,
    line: 'FILE:3:6: F1: an unknown value of 10 characters is not an answer of slagen. Expected one of: 2, Nej, 1, Ja, (empty), 9, Vill inte svara; add it to answer_scales.jn in lagesbild.yaml (yes, no or missing)',
  },
  {
    // A name goes into reports, file names and messages.
    file: 'control-character-in-name.csv',
    exit: EXIT.data,
    line: 'FILE:3:1: kommun: the name holds a control character (U+0001). Remove it from the file: it is invisible, and often left behind by copying from another program',
  },
  {
    // A quoted line break: the message stays one line and names the line the row starts on.
    file: 'line-break-in-value.csv',
    exit: EXIT.data,
    line: 'FILE:3:6: F1: an unknown value of 6 characters is not an answer of slagen. Expected one of: 2, Nej, 1, Ja, (empty), 9, Vill inte svara; add it to answer_scales.jn in lagesbild.yaml (yes, no or missing)',
  },
  { file: 'excel-blank-rows.csv', exit: EXIT.ok, line: 'wrote OUT/figures.csv (102 figures)', reads: { areas: ['Åby', 'Öby'], n: 4 } },
  { file: 'mixed-line-endings.csv', exit: EXIT.ok, line: 'wrote OUT/figures.csv (102 figures)', reads: { areas: ['Åby', 'Öby'], n: 4 } },
  {
    file: 'good.csv',
    config: 'config-unknown-key.yaml',
    exit: EXIT.config,
    line: 'FILE:4:3: project: unknown key "sorce". Check the spelling; allowed keys are listed in schema/lagesbild.schema.json',
  },
  { file: 'good.csv', config: 'config-wrong-type.yaml', exit: EXIT.config, line: 'FILE:10:13: disclosure.min_base: expected number, found string "tio"' },
  { file: 'good.csv', config: 'config-list-for-text.yaml', exit: EXIT.config, line: 'FILE:40:13: indicators[1].column: expected string, found a list' },
  {
    file: 'good.csv',
    config: 'config-alias-bomb.yaml',
    exit: EXIT.config,
    line: 'FILE:47:10: not valid YAML: too many YAML aliases (*name): they would make the config grow without bound. Write the values out instead of using YAML aliases (*name)',
  },
  {
    // The config is valid on its own; the data file decides that the column is missing.
    file: 'good.csv',
    config: 'config-missing-column.yaml',
    exit: EXIT.config,
    line: 'test/bad-input/cases/good.csv:1: column "F3" (indicators[1].column in the config) is not in the header. Check indicators[1].column in the config; the file has 7 columns: kommun, ar, kon, ak, vikt, F1, F2',
  },
  {
    // Nobody answered yes to slagen: 0 % is shown, which is right only if the yes codes are.
    file: 'never-yes.csv',
    exit: EXIT.ok,
    line: 'warning: slagen: no respondent answered yes (4 answers in 2023); check that answer_scales.jn.yes lists the codes the data uses',
  },
];

