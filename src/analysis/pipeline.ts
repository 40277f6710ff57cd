// The data half of every command: data files (CSV, Excel, SPSS) → respondents → sufficient statistics.
import { decodeRows } from '../ingest/decode.js';
import { factsFor, type FactOptions, type ResolvedFacts } from '../ingest/facts.js';
import { throwOnProblem, type ProblemSink } from '../ingest/respondents.js';
import { displayName, type Format, type ReadOptions } from '../ingest/source.js';
import type { ProjectConfig } from '../config/schema.js';
import { DataError, LagesbildError, LimitError, msg, type Message } from '../errors.js';
import { SurveyAccumulator, type SurveySums } from './accumulate.js';
import { readInSegments } from './segments.js';
import { loadPopulation, type PopulationFile } from '../ingest/population.js';
import { populationCounts } from './poststrata.js';

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
  /** Excel: other sheets named like a wave, not read (SourceHeader.otherWaves). */
  otherWaves?: { sheet: string; others: string[] };
  /** A large CSV file read in segments (analysis/segments.ts), on this many threads. */
  segments?: { count: number; threads: number };
}

export interface IngestOptions extends ReadOptions, FactOptions {
  /** The config file: `population.file` is relative to its folder (needed with config `population`). */
  configPath?: string;
  /** The population file, already read (validate reads it first to report its problems), or null: do not read it. */
  population?: PopulationFile | null;
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
  // The population file first: a mistake in it stops the run before the long read.
  const population = !config.population ? null : opts.population !== undefined ? opts.population : await loadPopulation(config, configPathOf(opts));
  const total = new SurveyAccumulator(config);
  const summaries: FileSummary[] = [];
  const failed: FailedFile[] = [];
  const sink = opts.onProblem ?? throwOnProblem;
  for (const file of files) {
    const name = displayName(file);
    // Each file is accumulated on its own and merged only when read to the end.
    let acc = new SurveyAccumulator(config);
    let result;
    let resolved: ResolvedFacts;
    let segments: FileSummary['segments'];
    try {
      resolved = factsFor(file, config, opts);
      // A large CSV file on every core; any problem in it is found again by the whole-file read below.
      const segmented = await readInSegments(file, config, resolved.facts, opts);
      if (segmented) {
        ({ acc } = segmented);
        result = { rows: segmented.rows, header: segmented.header };
        segments = { count: segmented.segments, threads: segmented.threads };
      } else result = await decodeRows(file, config, resolved.facts, sink, opts, (r, line, at) => {
        try {
          acc.add(r);
        } catch (err) {
          // Name the row that crossed a limit.
          if (err instanceof LimitError && !err.location) throw new LimitError(err.text, { ...at, line }, err.hintText);
          // design.fpc that differs within a stratum: the row that says so.
          if (err instanceof DataError && !err.location) throw new DataError(err.text, { ...at, line, field: config.design.fpc }, err.hintText);
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
    try {
      total.merge(acc);
    } catch (err) {
      // design.fpc that differs from an earlier file's for the same stratum.
      if (err instanceof DataError && !err.location) throw new DataError(err.text, { ...header.at, field: config.design.fpc }, err.hintText);
      throw err;
    }
    const summary: FileSummary = { file: name, format: header.format, rows, encoding: header.encoding, delimiter: header.delimiter, sheet: header.sheet, note: header.note, segments };
    if (header.otherWaves && header.sheet !== undefined) summary.otherWaves = { sheet: header.sheet, others: header.otherWaves };
    if (resolved.yearFrom !== null) summary.year = { year: resolved.facts.year!, from: resolved.yearFrom };
    summaries.push(summary);
    opts.onFile?.(summary);
  }
  const sums = total.finish();
  if (population) sums.population = populationCounts(population, sums.layout);
  return { sums, files: summaries, failed };
}

/** Where `population.file` is relative to: a caller without it would read another folder's file. */
function configPathOf(opts: IngestOptions): string {
  if (opts.configPath === undefined) throw new Error('ingestFiles: config.population needs opts.configPath');
  return opts.configPath;
}
