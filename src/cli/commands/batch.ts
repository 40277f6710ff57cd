// `lagesbild batch`: every municipality's report, the county overview and the figures table,
// from one parse of the input, rendered by a pool of worker threads.
import { availableParallelism } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { join } from 'node:path';
import { createHash, type Hash } from 'node:crypto';
import type { Command } from 'commander';
import { EXIT, UsageError, msg } from '../../errors.js';
import { render } from '../../messages/index.js';
import type { CommandAction } from '../main.js';
import { resolveDate, checkTargets, moveIntoPlace, safeFileName, trackTemp, ensureFolder, ioError, isWriteError, writePieces } from '../outputs.js';
import { runOnWorkers } from '../worker-pool.js';
import { collectGarbage, releaseHeapGrowth } from '../heap.js';
import { loadReportExtras, reportBaseName, reportYears } from '../report-files.js';
import type { ReportFormat } from '../../render/index.js';
import type { Job, JobResult, WorkerSetup } from '../batch-worker.js';
import { cliMessages } from '../i18n.js';
import { commonDataOptions, dataOptions, type DataFlags, excelOptions, reportFormatOption, reportProfileOption } from './options.js';
import { figuresFileName, figuresFormat, hashed, type FiguresFileFormat } from '../figures-files.js';
import type { FiguresSource } from '../../analysis/figures.js';
import type { FigureRecord, FiguresTable } from '../../analysis/types.js';
import type { Project } from '../project.js';
import type { ProjectConfig, ReportProfile } from '../../config/schema.js';

interface BatchFlags extends DataFlags {
  out: string;
  jobs?: string;
  shard?: string;
  json?: boolean;
  lang?: 'sv' | 'en';
  format: ReportFormat[];
  date?: string;
  force?: boolean;
  county?: boolean;
  excelSv?: boolean;
  xlsx?: boolean;
  profile?: ReportProfile;
}

export interface BatchSummary {
  status: 'ok' | 'partial' | 'failed';
  date: string;
  shard: string | null;
  jobs: {
    area: string;
    kind: 'municipality' | 'county';
    status: 'ok' | 'failed';
    outputs: { path: string; sha256: string; bytes: number }[];
    warnings: string[];
    /** From the start of the report to its end; with two reports at a time in one thread (renderingPlan), the two overlap. */
    ms: number;
    error?: string;
  }[];
  failed_files: { file: string; error: string }[];
  figures: { path: string; sha256: string } | null;
}

export function registerBatch(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  const cmd = program
    .command('batch')
    .description('reports for every municipality, a county overview and the figures table, in one run')
    .argument('<files...>', 'survey files (CSV, .xlsx, .sav): one per municipality or wave, or one with all (globs like "data/**/*.csv" work; - reads standard input)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('-j, --jobs <n>', 'reports rendered in parallel (default: number of cores; 1 on two cores or fewer, where one job already draws its charts on a second thread)')
    .option('--shard <i/n>', 'only the i-th of n equal parts of the municipalities (split work across CI runners)')
    .option('--json', 'print a machine-readable summary (status, outputs with sha256, time) on stdout')
    .option('--lang <lang>', 'report language: sv or en')
    .option('--date <YYYY-MM-DD>', 'report date (default: SOURCE_DATE_EPOCH, else today)')
    .option('--no-county', 'no county overview report')
    .option('-f, --force', 'replace existing files');
  reportFormatOption(cmd);
  reportProfileOption(cmd);
  excelOptions(cmd);
  commonDataOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Example:
  SOURCE_DATE_EPOCH=1700000000 lagesbild batch 'data/*.csv' -c lagesbild.yaml -o rapporter --json > summary.json
  → rapporter/<kommun>/<kommun>-2019-2023.pdf/.html, rapporter/<län>/…, rapporter/figures.csv
  lagesbild batch 'data/*.csv' --format pdf,docx --xlsx -o rapporter
  → …/<kommun>-2019-2023.pdf/.docx, rapporter/figures.xlsx

Exit code 0 when every report was written, ${EXIT.partial} when some failed (the others are written).`,
  );
  cmd.action(
    wrap(async (ctx, files: string[], flags: BatchFlags) => {
      const dateIso = resolveDate(flags.date);
      const jobs = parseJobs(flags.jobs);
      const shard = parseShard(flags.shard);
      const { loadProject, logNewWarnings, logStatistics } = await import('../project.js');
      const { startProgress } = await import('../progress.js');
      // Let go of (set to null) once every area's figures are written: see writeFiguresOnce.
      let project: Project | null = await loadProject(files, { ...dataOptions(flags), skipFailedFiles: true }, ctx.log);
      const say = cliMessages(ctx.lang).run;
      const { failed, configPath, config } = project;
      for (const f of failed) ctx.log.warn(say.leftOut(f.error.toLine(ctx.lang)));
      const { meta } = project.source;
      const lang = flags.lang ?? config.project.language;
      const profile = flags.profile ?? config.project.profile;

      const areas = meta.areas.filter((a) => a !== meta.county);
      const mine = shard ? areas.filter((_, i) => i % shard.n === shard.i - 1) : areas;
      const withCounty = flags.county !== false && (!shard || shard.i === 1);
      const targets = [...mine.map((a) => ({ area: a as string | null, name: a })), ...(withCounty ? [{ area: null, name: meta.county }] : [])];
      // Each report's waves for its file name (a loop, not a closure: the sums must not outlive `project`).
      const yearsOf = new Map<string, number[]>();
      for (const t of targets) yearsOf.set(t.name, reportYears(project.sums, meta, t.name));
      const planned = targets.map((t, id) => {
        // The county overview has one profile: it keeps its name.
        const base = reportBaseName(t.name, yearsOf.get(t.name)!, lang, meta.pooled.waves, t.area === null ? 'lagesbild' : profile);
        return { id, area: t.area, name: t.name, dir: join(flags.out, safeFileName(t.name)), base };
      });
      // "Upplands Väsby" and "Upplands-Väsby" make the same file name: refuse before any work.
      const byDir = new Map<string, string>();
      for (const p of planned) {
        const other = byDir.get(p.dir);
        if (other !== undefined) {
          throw new UsageError(msg('cli.sameFolder', { a: other, b: p.name, dir: p.dir }), msg('cli.sameFolder.hint'));
        }
        byDir.set(p.dir, p.name);
      }
      const tableFormat = figuresFormat({ excelSv: flags.excelSv, xlsx: flags.xlsx });
      const figuresPath = join(flags.out, figuresFileName(tableFormat, shard ? `-${shard.i}-of-${shard.n}` : ''));
      await checkTargets(
        [figuresPath, ...planned.flatMap((p) => flags.format.map((f) => join(p.dir, `${p.base}.${f}`)))],
        flags.force ?? false,
      );

      // Each job renders into its own folder under this one (same disk as the outputs, so the
      // final move is a rename); removed at the end, also on failure.
      await ensureFolder(flags.out);
      const tmpRoot = await mkdtemp(join(flags.out, '.lagesbild-tmp-')).catch((err: unknown) => {
        throw ioError(err, flags.out, 'file');
      });
      const releaseTmp = trackTemp(tmpRoot);
      const extras = await loadReportExtras(config, configPath, lang, (w) => ctx.log.warn(w));
      const setup: WorkerSetup = { messageLang: ctx.lang, config, lang, dateIso, formats: flags.format, ...extras, profile };
      const progress = startProgress(planned.length, ctx.log.interactive && !flags.json);
      const results = new Map<number, JobResult>();
      try {
        const countyPath = join(tmpRoot, 'county.figures');
        const queue: Job[] = planned.map((p) => ({ id: p.id, area: p.area, tmpDir: join(tmpRoot, `job-${p.id}`), base: p.base, figuresPath: join(tmpRoot, `job-${p.id}.figures`), countyPath }));
        const figuresTmp = join(tmpRoot, 'figures');
        const figuresHash = createHash('sha256');
        const { count, largestTables } = await writeFiguresOnce(project.source, queue, { path: figuresTmp, format: tableFormat, config, dateIso }, figuresHash);
        logStatistics(project, ctx.log, count);
        logNewWarnings(project, ctx.log);
        // The reports are rendered from their tables: the survey's sums are no longer needed.
        project = null;
        await collectGarbage();
        const onDone = (r: JobResult) => {
          results.set(r.id, r);
          progress.tick(planned[r.id]!.name);
        };
        await runPool(queue, Math.min(jobs, Math.max(1, queue.length)), renderingPlan(largestTables), setup, onDone);
        progress.stop();

        // Move finished reports into place; failed jobs leave nothing behind.
        for (const p of planned) {
          const r = results.get(p.id)!;
          if (!r.ok) continue;
          await moveIntoPlace(
            r.files.map((f) => ({ from: f.tmpPath, to: join(p.dir, `${p.base}.${f.format}`) })),
            flags.force ?? false,
          );
        }
        await moveIntoPlace([{ from: figuresTmp, to: figuresPath }], flags.force ?? false);

        const summary: BatchSummary = {
          status: 'ok',
          date: dateIso,
          shard: flags.shard ?? null,
          jobs: planned.map((p) => {
            const r = results.get(p.id)!;
            return {
              area: p.name,
              kind: p.area === null ? 'county' : 'municipality',
              status: r.ok ? 'ok' : 'failed',
              outputs: r.files.map((f) => ({ path: join(p.dir, `${p.base}.${f.format}`), sha256: f.sha256, bytes: f.bytes })),
              warnings: r.warnings ?? [],
              ms: r.ms,
              ...(r.error ? { error: r.error } : {}),
            };
          }),
          failed_files: failed.map((f) => ({ file: f.file, error: f.error.toLine(ctx.lang) })),
          figures: { path: figuresPath, sha256: figuresHash.digest('hex') },
        };
        const failures = summary.jobs.filter((j) => j.status === 'failed').length + summary.failed_files.length;
        summary.status = failures === 0 ? 'ok' : summary.jobs.some((j) => j.status === 'ok') ? 'partial' : 'failed';

        for (const j of summary.jobs) {
          for (const w of j.warnings) ctx.log.warn(`${j.area}: ${w}`);
          if (j.status === 'failed') ctx.log.error(say.failed(j.area, j.error ?? ''));
          else ctx.log.info(say.wrote(j.outputs.map((o) => o.path).join(', ')));
        }
        ctx.log.info(say.wrote(figuresPath));
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return failures === 0 ? EXIT.ok : EXIT.partial;
      } finally {
        progress.stop();
        await rm(tmpRoot, { recursive: true, force: true });
        releaseTmp();
      }
    }),
  );
}

/**
 * The statistics' second pass, once over every area (see FiguresSource): the figures file is
 * written to `file.path` (its sha256 into `hash`), and each job's table to its figuresPath and
 * countyPath as reportFigures would give it (a municipality's records, or what
 * countyOverviewReads names of every municipality; the county's, once), built from the same
 * records. Nothing computed here is kept: afterwards the reports need neither the sums nor the
 * source. Returns the number of figures, and the largest job's tables in bytes (its own and the
 * county's, as the worker reads them).
 */
async function writeFiguresOnce(
  source: FiguresSource,
  jobs: readonly Pick<Job, 'area' | 'figuresPath' | 'countyPath'>[],
  file: { path: string; format: FiguresFileFormat; config: ProjectConfig; dateIso: string },
  hash: Hash,
): Promise<{ count: number; largestTables: number }> {
  const { tableWith } = await import('../../analysis/figures.js');
  const { renderFiguresFile } = await import('../figures-files.js');
  const { countyOverviewReads } = await import('../../report/overview-reads.js');
  const { meta } = source;
  const countyRecords = source.recordsOf(meta.county);
  let countyBytes = 0;
  let largestOwn = 0;
  const writeTable = (path: string, table: FiguresTable): number => {
    const bytes = serialize(table);
    writeFileSync(path, bytes);
    return bytes.length;
  };
  if (jobs.length > 0) countyBytes = writeTable(jobs[0]!.countyPath, tableWith(source, [meta.county], countyRecords));
  const jobOf = new Map(jobs.map((j) => [j.area ?? meta.county, j]));
  const overviewJob = jobs.find((j) => j.area === null);
  const reads = countyOverviewReads(meta);
  const overview: FigureRecord[] = [];
  let count = 0;
  function* records(): Generator<FigureRecord> {
    for (const area of meta.areas) {
      const list = source.recordsOf(area);
      count += list.length;
      const job = area === meta.county ? undefined : jobOf.get(area);
      if (job) largestOwn = Math.max(largestOwn, writeTable(job.figuresPath, tableWith(source, [area], list)));
      if (overviewJob && area !== meta.county) for (const r of list) if (reads(r)) overview.push(r);
      yield* list;
    }
    if (overviewJob) largestOwn = Math.max(largestOwn, writeTable(overviewJob.figuresPath, tableWith(source, meta.areas.filter((a) => a !== meta.county), overview)));
  }
  const data = await renderFiguresFile({ meta, records: records() }, file.config, file.format, file.dateIso);
  try {
    await writePieces(file.path, hashed(data, hash));
  } catch (err) {
    if (!isWriteError(err)) throw err;
    throw ioError(err, file.path, 'file');
  }
  return { count, largestTables: largestOwn + countyBytes };
}

/**
 * A job whose tables (its own and the county's, as written by v8.serialize) reach this many
 * bytes makes the batch a large one, where memory comes first. The bench's 50-municipality
 * county (3 waves, 23 indicators): 2.4 MB at most; a whole country (290 municipalities × 10
 * waves, 68 indicators): 10–12 MB a municipality, 25 MB the county overview.
 */
const LARGE_TABLES_BYTES = 4 * 1024 * 1024;

/**
 * Each worker's old generation in a large batch, in MB. Without a limit V8 lets a worker's
 * heap grow to about twice what a report holds alive before it collects. Measured on a whole
 * country (a worker alone, RSS of the process): a municipality's report peaks at 560 MB
 * without a limit, about 380 MB at 192 or 256, 313 MB at 128; the county overview needs more
 * than 192 (it runs out of memory there: the pool then runs it again without the limit) and
 * peaks at 618 MB at 256 against 977 MB without (the country's shard: 125 s at 256 against
 * 208 s without).
 */
const WORKER_HEAP_MB = 256;

export interface RenderingPlan {
  /** Reports rendered at once in this thread with --jobs 1. */
  lanes: 1 | 2;
  /** Each worker's old generation in MB, or null for V8's own choice. */
  workerHeapMb: number | null;
}

/**
 * How the reports are rendered, from the largest job's tables in bytes. A small batch puts
 * speed first. In this thread it renders two reports at a time: charts are drawn on their own
 * thread (charts/offthread.ts), and while one report waits for its charts the other sets its
 * text (the 50-municipality county at --jobs 1: 46.4 → 37.0 s with this and the charts'
 * cheaper patterns). Its workers have no heap limit: a limit also makes V8 grow the heap by
 * less after each full collection, and so collect far more often (`--jobs 2 --shard 1/5`,
 * two alternating runs each: CPU 29.0–30.2 s at 256 MB against 23.8–25.1 s at 2 048 MB; an
 * earlier measure of the whole county: 97.6 s at 256 MB, 88.4 s at 512, 70.9 s without). A
 * large batch renders one report at a time in this thread, in a heap held to 1.5× growth (a
 * whole country's data, see holdHeapGrowth), and limits its workers' heaps.
 */
export function renderingPlan(largestTablesBytes: number): RenderingPlan {
  const large = largestTablesBytes >= LARGE_TABLES_BYTES;
  return { lanes: large ? 1 : 2, workerHeapMb: large ? WORKER_HEAP_MB : null };
}

/** Run jobs on `size` worker threads, or in this thread when size is 1 (no start-up cost). */
async function runPool(queue: Job[], size: number, plan: RenderingPlan, setup: WorkerSetup, onDone: (r: JobResult) => void): Promise<void> {
  if (size <= 1) {
    const { runJob } = await import('../batch-worker.js');
    const waiting = [...queue];
    const lane = async () => {
      for (let job = waiting.shift(); job !== undefined; job = waiting.shift()) onDone(await runJob(setup, job));
    };
    await Promise.all(Array.from({ length: plan.lanes }, lane));
    return;
  }
  // The workers' heaps have their own limit, or none: V8's own growth is theirs.
  releaseHeapGrowth();
  await runOnWorkers<Job, JobResult>({
    url: new URL('../batch-worker.js', import.meta.url),
    workerData: setup,
    size,
    jobs: queue,
    ...(plan.workerHeapMb === null ? {} : { resourceLimits: { maxOldGenerationSizeMb: plan.workerHeapMb } }),
    onResult: onDone,
    onDeath: (job, reason) => ({ id: job.id, ok: false, files: [], ms: 0, error: render(reason, setup.messageLang) }),
  });
}

/**
 * Without --jobs: one worker per core, except on two cores or fewer, where the reports are
 * rendered in this thread, which already keeps two cores busy (charts are drawn on their own
 * thread; see renderingPlan). Measured on two cores (`npm run bench` and alternating runs,
 * 2026-12-01): the 50-municipality county 37.0–37.1 s in this thread against 41.3–42.5 s on two
 * workers; a whole country's shard (`--shard 1/29`) 87.6 s and 813 MB against 86.7–87.5 s and
 * 821–870 MB. More cores are not measured: there each worker is one more report at a time.
 */
export function defaultJobs(cores: number = availableParallelism()): number {
  return cores <= 2 ? 1 : cores;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(msg('cli.jobs', { value }));
  return n;
}

function parseShard(value: string | undefined): { i: number; n: number } | null {
  if (value === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError(msg('cli.shard', { value }), msg('cli.shard.hint'));
  return { i, n };
}
