// The figures file on two threads. After the survey is read, the statistics' second pass
// (each area's records, see FiguresSource) and writing them as CSV took most of `figures`'
// time on one core while the other waited. Here a worker thread makes the same source from
// a copy of the sums and pass 1's results and computes areas too (this thread from the first
// area on, the worker from the last one back), and the parts are written in the areas' order.
// Areas depend only on the sums and pass 1, so the file is the same byte for byte, and so
// are the warnings and their order.
import type { FiguresSource, FirstPass, PoolingOptions } from '../analysis/figures.js';
import type { SumsParts, SurveySums } from '../analysis/accumulate.js';
import type { ProjectConfig } from '../config/schema.js';
import type { Message } from '../errors.js';
import type { ReferenceValue } from '../references/load.js';
import { ingestThreads } from '../analysis/segments.js';
import { figuresCsvChunks } from '../render/tabular/figures-export.js';
import type { Project } from './project.js';
import { LiveWorker } from './worker-pool.js';

export interface AreaWorkerSetup {
  config: ProjectConfig;
  pooling: PoolingOptions;
  references: ReferenceValue[];
  sums: SumsParts;
  format: 'csv' | 'excel-sv';
}

/** To the worker: its setup (the sums, as soon as they are read), pass 1's results, then areas. */
export type AreaWorkerJob = { setup: AreaWorkerSetup } | { firstPass: FirstPass } | { area: string };

export type AreaResult = { ok: true; bytes: Uint8Array[]; count: number; warnings: Message[] } | { ok: false };

/** What the figures source is made of besides the config (loadProject hands it over as soon as the survey is read). */
export interface SourceInputs {
  sums: SurveySums;
  config: ProjectConfig;
  pooling: PoolingOptions;
  references: ReferenceValue[];
}

/**
 * Off unless LAGESBILD_THREAD_MIN_FIGURES=<n> asks for it (figures from n on; tests use 0).
 * Measured on the bench's 2-core machine (22:15–22:20, 2026-11-30, load 0) it does not pay:
 * 1 000 000 rows 9.5–10.1 s on two threads against 8.9–9.5 s on one, 10 000 rows 4.4–5.5 s
 * against 4.0–5.2 s, with 1.2–2 s more CPU and 100–140 MB more memory. The main thread's
 * areas took about 1.5 times as long while the worker computed (the two heaps' collections
 * and memory traffic share the two cores), which ate what the worker did. Again on
 * 2026-12-01, with less inlining (src/cli/v8-settings.ts), 5 runs each: 10 000 rows median
 * 2.89 s (fastest 2.77 s) on two threads against 2.54 s (2.35 s) on one. Kept, off, for machines with more cores, where
 * it has not been measured.
 */
function minFigures(): number | null {
  const set = Number(process.env.LAGESBILD_THREAD_MIN_FIGURES);
  return process.env.LAGESBILD_THREAD_MIN_FIGURES !== undefined && Number.isInteger(set) && set >= 0 ? set : null;
}

/**
 * The worker gets its own copy of the sums: above this it is not worth the memory (a whole
 * country's sums are hundreds of megabytes, and its `figures` must stay under 1 GB).
 */
const MAX_COPIED_BYTES = 64 * 1024 * 1024;

/**
 * The second thread, started before the survey is read so that it has loaded its modules by
 * the time the sums are there (`give`); it gets pass 1's results when this thread has them
 * (`csv`), so pass 1 is done once. Null with one thread (LAGESBILD_THREADS=1, one core) or a
 * format other than the CSVs. Always `stop` it (a live worker keeps the process running).
 */
export function startFiguresThread(format: string): FiguresThread | null {
  if (minFigures() === null || ingestThreads() < 2 || (format !== 'csv' && format !== 'excel-sv')) return null;
  return new FiguresThread(format);
}

export class FiguresThread {
  private readonly worker = new LiveWorker<AreaResult>(new URL('./figures-worker.js', import.meta.url), null);
  /** True once the worker has the sums (then: and pass 1's results); false if it will not be used. */
  private ready: Promise<boolean> = Promise.resolve(false);
  private given = false;

  constructor(private readonly format: 'csv' | 'excel-sv') {}

  /** The sums, as soon as the survey is read (loadProject's onSums). */
  give(inputs: SourceInputs): void {
    if (inputs.sums.partsBytes() > MAX_COPIED_BYTES) return;
    const { sums, config, pooling, references } = inputs;
    const setup: AreaWorkerSetup = { config, pooling, references, sums: sums.parts(), format: this.format };
    this.given = true;
    this.ready = this.worker.run({ setup } satisfies AreaWorkerJob).then((o) => o.ok && o.result.ok);
  }

  /**
   * The figures CSV with areas computed on both threads, or null where one thread is as good
   * (few figures, or sums too large to copy).
   */
  csv(project: Project, labels: Record<string, string>): { data: AsyncIterable<Buffer>; count: () => number; byWorker: () => number } | null {
    const { source } = project;
    const { meta } = source;
    // The county's records are computed already (loadProject); each area has about as many.
    const expected = source.recordsOf(meta.county).length * meta.areas.length;
    if (!this.given || meta.areas.length < 3 || expected < (minFigures() ?? Infinity)) {
      // Not needed: let it go (it holds a copy of the sums).
      void this.stop();
      return null;
    }
    const firstPass = source.firstPass();
    const ready = this.ready.then(async (ok) => {
      if (!ok) return false;
      const o = await this.worker.run({ firstPass } satisfies AreaWorkerJob);
      return o.ok && o.result.ok;
    });
    const { format, worker } = this;
    let count = 0;
    let byWorker = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      yield* figuresCsvChunks({ meta, records: [] }, format, labels);
      for await (const { bytes, records, warnings, worker: computedThere } of areaParts(source, worker, ready, format, labels)) {
        count += records;
        if (computedThere) byWorker++;
        // The area's warnings now, in area order, as one thread would have added them.
        source.warnings.push(...warnings);
        yield* bytes;
      }
    }
    return { data: chunks(), count: () => count, byWorker: () => byWorker };
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }
}

interface AreaPart {
  bytes: Buffer[];
  records: number;
  warnings: Message[];
  /** Computed by the worker. */
  worker?: boolean;
}

/**
 * Each area's part, in the file's order. This thread computes areas from the first on and
 * its parts are written at once; the worker computes areas from the last one back (never the
 * county: this thread computed it already), and its parts wait until this thread reaches
 * them. So both threads are busy until they meet, whatever each area costs, and no thread
 * waits for the other until the end. An area the worker could not compute (it failed, or the
 * thread died) is computed here, which gives its error exactly as one thread would.
 */
async function* areaParts(
  source: FiguresSource,
  worker: LiveWorker<AreaResult>,
  ready: Promise<boolean>,
  format: 'csv' | 'excel-sv',
  labels: Record<string, string>,
): AsyncGenerator<AreaPart> {
  const { areas, county } = source.meta;
  const here = (k: number): AreaPart => {
    const before = source.warnings.length;
    const records = source.recordsOf(areas[k]!);
    // Kept aside until the area is written (see the caller).
    const warnings = source.warnings.splice(before);
    return { bytes: [...figuresCsvChunks({ meta: source.meta, records }, format, labels, { header: false })], records: records.length, warnings };
  };
  const done = new Map<number, AreaPart>();
  let front = 0;
  let back = areas.length - 1;
  /** Null until the worker has the sums and pass 1's results (then true), false once it is not to be used. */
  let usable: boolean | null = null;
  /** The worker's area and the promise of its part (its error, from here(), is met when awaited). */
  const worked: { pending: { k: number; part: Promise<AreaPart> } | null } = { pending: null };
  const feed = (): void => {
    while (back >= front && areas[back] === county) {
      done.set(back, here(back));
      back--;
    }
    if (usable !== true || worked.pending !== null || back < front) return;
    const k = back--;
    const part = worker.run({ area: areas[k]! } satisfies AreaWorkerJob).then((outcome): AreaPart => {
      if (outcome.ok && outcome.result.ok) {
        const r = outcome.result;
        return { bytes: r.bytes.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)), records: r.count, warnings: r.warnings, worker: true };
      }
      if (!outcome.ok) usable = false;
      return here(k);
    });
    part.then(
      (p) => {
        done.set(k, p);
        worked.pending = null;
        feed();
      },
      () => undefined,
    );
    worked.pending = { k, part };
  };
  void ready.then((ok) => {
    usable = ok;
    feed();
  });
  for (let k = 0; k < areas.length; k++) {
    const finished = done.get(k);
    if (finished) {
      done.delete(k);
      yield finished;
    } else if (worked.pending?.k === k) {
      const part = await worked.pending.part;
      done.delete(k);
      yield part;
    } else {
      // Nobody has it: it is this thread's next (front === k).
      front++;
      const part = here(k);
      // Lets the worker's answer in (and gives it its next area) before the next one here.
      await new Promise((resolve) => setImmediate(resolve));
      yield part;
    }
  }
}
