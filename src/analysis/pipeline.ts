// The data half of every command: data files (CSV, Excel, SPSS) → respondents → sufficient statistics.
import { decodeRows } from '../ingest/decode.js';
import { factsFor, type FactOptions, type ResolvedFacts } from '../ingest/facts.js';
import { throwOnProblem, type ProblemSink } from '../ingest/respondents.js';
import { displayName, type Format, type ReadOptions } from '../ingest/source.js';
import type { ProjectConfig } from '../config/schema.js';
import { DataError, LagesbildError, LimitError, msg, type Message } from '../errors.js';
import { SurveyAccumulator, type SurveySums } from './accumulate.js';

export interface FileSummary {
  /** The file as messages name it. */
  file: string;
  format: Format;
  rows: number;
  /** CSV: the text encoding; SPSS: the file's character encoding; Excel: null. */
  encoding: string | null;
  /** CSV only. */
  delimiter: string | null;
  /** Excel only. */
  sheet?: string;
  /** Data without a year column: the year used, and where it came from. */
  year?: { year: number; from: NonNullable<ResolvedFacts['yearFrom']> };
  /** The file was read as something its name does not say (renamed). */
  note?: Message;
}

export interface IngestOptions extends ReadOptions, FactOptions {
  /** Where row problems go; by default the first one stops the run. */
  onProblem?: ProblemSink;
  /** Called after each file (progress). */
  onFile?: (summary: FileSummary) => void;
  /**
   * Batch mode: a file that fails is left out (its rows are not counted) and reported in
   * `failed`, instead of stopping the run.
   */
  skipFailedFiles?: boolean;
}

export interface FailedFile {
  file: string;
  error: LagesbildError;
}

export async function ingestFiles(
  files: string[],
  config: ProjectConfig,
  opts: IngestOptions = {},
): Promise<{ sums: SurveySums; files: FileSummary[]; failed: FailedFile[] }> {
  const total = new SurveyAccumulator(config);
  const summaries: FileSummary[] = [];
  const failed: FailedFile[] = [];
  const sink = opts.onProblem ?? throwOnProblem;
  for (const file of files) {
    const name = displayName(file);
    // Each file is accumulated on its own and merged only when read to the end.
    const acc = new SurveyAccumulator(config);
    let result;
    let resolved: ResolvedFacts;
    try {
      resolved = factsFor(file, config, opts);
      result = await decodeRows(file, config, resolved.facts, sink, opts, (r, line, at) => {
        try {
          acc.add(r);
        } catch (err) {
          // Name the row that crossed a limit.
          if (err instanceof LimitError && !err.location) throw new LimitError(err.text, { ...at, line }, err.hintText);
          throw err;
        }
      });
    } catch (err) {
      if (opts.skipFailedFiles && err instanceof LagesbildError) {
        failed.push({ file: name, error: err });
        continue;
      }
      throw err;
    }
    const { rows, header } = result;
    if (rows === 0) {
      const error = new DataError(msg('data.noRows'), { ...header.at, line: (header.headerLine ?? 0) + 1 }, msg('data.noRows.hint'));
      if (!opts.skipFailedFiles) throw error;
      failed.push({ file: name, error });
      continue;
    }
    total.merge(acc);
    const summary: FileSummary = { file: name, format: header.format, rows, encoding: header.encoding, delimiter: header.delimiter, sheet: header.sheet, note: header.note };
    if (resolved.yearFrom !== null) summary.year = { year: resolved.facts.year!, from: resolved.yearFrom };
    summaries.push(summary);
    opts.onFile?.(summary);
  }
  return { sums: total.finish(), files: summaries, failed };
}
