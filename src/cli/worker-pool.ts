// A small pool of worker threads for batch and the segments of a large CSV: each job goes to
// a free worker; a worker that dies (an uncaught error, process.exit, out of memory) fails
// the job it had, and a new worker takes the rest of the queue. The main thread never waits
// on a worker that is gone. (figures-threads.ts drives one LiveWorker itself.)
//
// Hand-written rather than tinypool or piscina: tinypool's thread workers listen for
// 'error' but not for 'exit', so a worker that exits without an error leaves its task
// waiting forever (the failure this pool must handle); piscina handles both but brings an
// optional native dependency (@napi-rs/nice, a binary per platform) and much we do not use.
// What is needed here is some 80 lines: queue, exit and error listeners, replacement, a retry
// for a worker that ran out of memory under its limits, and registration with the cleanup on
// signals (src/cli/outputs.ts).
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { onCleanup } from './outputs.js';
import { msg, type Message } from '../errors.js';

export interface PoolOptions<J, R> {
  /** The worker script; it answers every job message with exactly one result message. */
  url: URL;
  /** Sent to every worker once, when it starts. */
  workerData: unknown;
  size: number;
  jobs: J[];
  onResult(result: R): void;
  /** The result of a job whose worker died before answering. */
  onDeath(job: J, reason: Message): R;
  /**
   * Limits for each worker's heap. V8 lets a heap grow well past what it holds alive before
   * it collects; a limit makes it collect sooner. A job whose worker runs out of memory under
   * the limits is run once more on a worker without them, so the limits can make a run
   * smaller but never fail a job that would have succeeded.
   */
  resourceLimits?: ResourceLimits;
  /**
   * Asked before each job is started: true leaves the queued jobs undone (a result made the
   * rest useless, e.g. a segment of a CSV that failed: the file is then read again whole).
   */
  stop?: () => boolean;
}

export async function runOnWorkers<J, R>(opts: PoolOptions<J, R>): Promise<void> {
  const queue = [...opts.jobs];
  const lane = async () => {
    let worker: LiveWorker<R> | null = null;
    try {
      for (let job = queue.shift(); job !== undefined && !opts.stop?.(); job = queue.shift()) {
        worker ??= new LiveWorker<R>(opts.url, opts.workerData, opts.resourceLimits);
        let outcome = await worker.run(job);
        if (!outcome.ok) {
          // Its replacement starts with the next job.
          await worker.stop();
          worker = null;
          if (outcome.outOfMemory && opts.resourceLimits) outcome = await runUnlimited<R>(opts, job);
        }
        opts.onResult(outcome.ok ? outcome.result : opts.onDeath(job, outcome.reason));
      }
    } finally {
      await worker?.stop();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.size, opts.jobs.length)) }, lane));
}

export type Outcome<R> = { ok: true; result: R } | { ok: false; reason: Message; outOfMemory: boolean };

/** One job on a worker of its own without the pool's limits (see PoolOptions.resourceLimits). */
async function runUnlimited<R>(opts: Pick<PoolOptions<unknown, R>, 'url' | 'workerData'>, job: unknown): Promise<Outcome<R>> {
  const worker = new LiveWorker<R>(opts.url, opts.workerData);
  try {
    return await worker.run(job);
  } finally {
    await worker.stop();
  }
}

/** One worker thread and the job it is doing; knows when the thread is gone. */
export class LiveWorker<R> {
  private readonly worker: Worker;
  private readonly release: () => void;
  private settle: ((o: Outcome<R>) => void) | null = null;
  private death: Message | null = null;
  private outOfMemory = false;

  constructor(url: URL, workerData: unknown, resourceLimits?: ResourceLimits) {
    this.worker = new Worker(url, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    this.release = onCleanup(() => this.worker.terminate());
    this.worker.on('message', (result: R) => this.finish({ ok: true, result }));
    this.worker.on('error', (err) => {
      if (this.death === null) this.outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.die(msg('batch.workerError', { text: err instanceof Error ? err.message : String(err) }));
    });
    this.worker.on('messageerror', (err) => this.die(msg('batch.workerAnswer', { text: err.message })));
    this.worker.on('exit', (code) => this.die(msg('batch.workerExit', { code })));
  }

  run(job: unknown): Promise<Outcome<R>> {
    if (this.death !== null) return Promise.resolve({ ok: false, reason: this.death, outOfMemory: this.outOfMemory });
    return new Promise((resolve) => {
      this.settle = resolve;
      this.worker.postMessage(job);
    });
  }

  async stop(): Promise<void> {
    this.death ??= msg('batch.workerStopped');
    this.release();
    await this.worker.terminate();
  }

  private die(reason: Message): void {
    // The first cause is the one worth reporting ('error' comes before its 'exit').
    if (this.death === null) this.death = reason;
    this.finish({ ok: false, reason: this.death, outOfMemory: this.outOfMemory });
  }

  private finish(o: Outcome<R>): void {
    const settle = this.settle;
    this.settle = null;
    settle?.(o);
  }
}
