// The data half of every command: CSV files → respondents → sufficient statistics.
import { readCsv, type ReadOptions } from '../ingest/read.js';
import { compileDecoder, throwOnProblem, type ProblemSink, type RowDecoder } from '../ingest/respondents.js';
import type { ProjectConfig } from '../config/schema.js';
import { DataError, LagesbildError, LimitError, msg } from '../errors.js';
import { SurveyAccumulator, type SurveySums } from './accumulate.js';

export interface FileSummary {
  file: string;
  rows: number;
  encoding: string;
  delimiter: string;
}

export interface IngestOptions extends ReadOptions {
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
    // Each file is accumulated on its own and merged only when read to the end.
    const acc = new SurveyAccumulator(config);
    let decoder: RowDecoder | null = null;
    let result;
    try {
      result = await readCsv(
      file,
      {
        onHeader: (header, sniffed) => {
          decoder = compileDecoder(config, header, file, sniffed, sink);
        },
        onRow: (fields, line) => {
          const r = decoder!.decode(fields, line);
          if (!r) return;
          try {
            acc.add(r);
          } catch (err) {
            // Name the row that crossed a limit.
            if (err instanceof LimitError && !err.location) throw new LimitError(err.text, { file, line }, err.hintText);
            throw err;
          }
        },
      },
      opts,
      );
    } catch (err) {
      if (opts.skipFailedFiles && err instanceof LagesbildError) {
        failed.push({ file, error: err });
        continue;
      }
      throw err;
    }
    const { rows, sniffed } = result;
    if (rows === 0) {
      const error = new DataError(msg('data.noRows'), { file, line: 2 }, msg('data.noRows.hint'));
      if (!opts.skipFailedFiles) throw error;
      failed.push({ file, error });
      continue;
    }
    total.merge(acc);
    const summary = { file, rows, encoding: sniffed.encoding, delimiter: sniffed.delimiter };
    summaries.push(summary);
    opts.onFile?.(summary);
  }
  return { sums: total.finish(), files: summaries, failed };
}
