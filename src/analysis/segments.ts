// A large CSV file read on every core: cut into segments (ingest/readers/csv-segments.ts), each
// segment decoded and summed on its own — on worker threads when there is more than one core,
// in this thread otherwise — and the segments' sums merged in file order. The segments and the
// merge order do not depend on the number of threads, so the figures are the same to the last
// bit with one thread or many.
//
// Only the common case is done this way: a file read with the default sink (the first row
// problem stops the run; validate collects them all, in order) and no row limit. Anything a
// segment finds — a row problem, a cut that was not a record's start, encodings that
// disagree, a thread that died — sends the file to the ordinary whole-file read, which gives
// the error with its line and column exactly as before (or, for a cut inside a quoted value,
// simply reads the file on one thread).
import { availableParallelism } from 'node:os';
import type { ProjectConfig } from '../config/schema.js';
import { openSource, csvReference, type ReadOptions, type SourceHeader } from '../ingest/source.js';
import { throwOnProblem, type FileFacts } from '../ingest/respondents.js';
import { decodeCsv } from '../ingest/readers/csv-decode.js';
import type { Encoding, Sniffed } from '../ingest/sniff.js';
import { SurveyAccumulator, type AccumulatorParts } from './accumulate.js';

/** What every segment of one file shares (a worker gets it once). */
export interface SegmentSetup {
  path: string;
  file: string;
  config: ProjectConfig;
  facts: FileFacts;
  sniffed: Sniffed;
  header: SourceHeader;
}

export interface SegmentJob {
  index: number;
  start: number;
  end: number;
}

export type SegmentResult =
  | { index: number; ok: true; rows: number; stoppedAt: number; decided: Encoding | null; parts: AccumulatorParts }
  | { index: number; ok: false };

export interface SegmentedRead {
  acc: SurveyAccumulator;
  rows: number;
  header: SourceHeader;
  segments: number;
  /** Threads that read them (1: this thread). */
  threads: number;
}

/**
 * Threads by default: one per core, at most this many. Each holds its own heap and its
 * segment's sums (6–18 MB more per thread on the bench's 1 000 000-row survey), and beyond a few the statistics after
 * the read, which one thread computes, are most of the time anyway.
 */
const MAX_DEFAULT_THREADS = 4;

/** LAGESBILD_THREADS sets the threads (1: read in this thread); by default one per core, at most MAX_DEFAULT_THREADS. */
export function ingestThreads(): number {
  const set = Number(process.env.LAGESBILD_THREADS);
  return Number.isInteger(set) && set >= 1 ? set : Math.min(availableParallelism(), MAX_DEFAULT_THREADS);
}

/** One segment's rows decoded and summed (here or in a worker: segment-worker.ts). */
export async function sumSegment(setup: SegmentSetup, job: SegmentJob): Promise<SegmentResult> {
  const acc = new SurveyAccumulator(setup.config);
  try {
    const read = await decodeCsv(
      setup.path,
      setup.file,
      setup.config,
      setup.facts,
      throwOnProblem,
      {},
      (r) => acc.add(r),
      setup.header.note,
      { sniffed: setup.sniffed, header: setup.header, start: job.start, end: job.end },
    );
    return { index: job.index, ok: true, rows: read.rows, stoppedAt: read.stoppedAt, decided: read.decided, parts: acc.parts() };
  } catch {
    // Whatever it was, the whole-file read will meet it again and say where.
    return { index: job.index, ok: false };
  }
}

/**
 * `file` read in segments, or null: not a file for it (small, not CSV, another sink or a row
 * limit), or a segment did not read cleanly — the caller then reads the file whole.
 */
export async function readInSegments(
  file: string,
  config: ProjectConfig,
  facts: FileFacts,
  opts: ReadOptions & { onProblem?: unknown },
): Promise<SegmentedRead | null> {
  if (opts.onProblem !== undefined || opts.maxRows !== undefined || csvReference()) return null;
  const { path, name, format, note } = await openSource(file);
  if (format !== 'csv') return null;
  const { planSegments } = await import('../ingest/readers/csv-segments.js');
  const plan = await planSegments(path, name, opts, note);
  if (plan === null) return null;
  const setup: SegmentSetup = { path, file: name, config, facts, sniffed: plan[0]!.sniffed, header: plan[0]!.header };
  const jobs = plan.map((s, index) => ({ index, start: s.start, end: s.end }));
  const threads = Math.min(ingestThreads(), jobs.length);

  // Merged in file order as they come: at most about one result per thread waits.
  const acc = new SurveyAccumulator(config);
  const waiting = new Map<number, SegmentResult>();
  let next = 0;
  let rows = 0;
  let encoding: Encoding | null = null;
  let clean = true;
  const take = (result: SegmentResult): void => {
    // After a segment failed, the others' sums are not kept (the file is read again whole).
    if (!clean) return;
    waiting.set(result.index, result);
    for (let r = waiting.get(next); r !== undefined && clean; r = waiting.get(next)) {
      waiting.delete(next);
      const job = jobs[next]!;
      next++;
      // The segment must end exactly where the next begins (a cut inside a quoted value does
      // not), and every segment that met a non-ASCII byte must have read it the same way.
      if (!r.ok || r.stoppedAt !== (Number.isFinite(job.end) ? job.end : -1) || (r.decided !== null && (encoding ??= r.decided) !== r.decided)) {
        clean = false;
        break;
      }
      rows += r.rows;
      try {
        acc.merge(SurveyAccumulator.fromParts(config, r.parts));
      } catch {
        clean = false;
      }
    }
  };

  if (threads <= 1) {
    for (const job of jobs) {
      take(await sumSegment(setup, job));
      if (!clean) return null;
    }
  } else {
    const { runOnWorkers } = await import('../cli/worker-pool.js');
    await runOnWorkers<SegmentJob, SegmentResult>({
      url: new URL('./segment-worker.js', import.meta.url),
      workerData: setup,
      size: threads,
      jobs,
      onResult: take,
      onDeath: (job) => ({ index: job.index, ok: false }),
      stop: () => !clean,
    });
  }
  if (!clean || next !== jobs.length) return null;
  return { acc, rows, header: setup.header, segments: jobs.length, threads };
}
