// Draws charts on a worker thread, so a report's charts are drawn while the main thread
// sets the PDF's text. One thread per process, started on first use; it does not keep the
// process alive while idle. Used only from the main thread and only when the compiled
// worker exists (a batch worker, or the sources run by vitest, draw in their own thread).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import type { ChartSpec } from '../../report/model.js';
import type { ChartCanvas } from './paint.js';

export interface ChartRequest {
  id: number;
  spec: ChartSpec;
  size: ChartCanvas;
}

export type ChartResponse = { id: number; png: Uint8Array } | { id: number; error: string };

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

export class ChartThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(url: URL) {
    this.worker = new Worker(url);
    this.worker.unref();
    this.worker.on('message', (r: ChartResponse) => this.settle(r));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`chart thread stopped (exit code ${code})`)));
  }

  /** False once the thread has failed; callers then draw in their own thread. */
  get usable(): boolean {
    return this.failure === null;
  }

  draw(spec: ChartSpec, size: ChartCanvas): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      // Referenced while it owes answers, so the process waits for them.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, spec, size } satisfies ChartRequest);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private settle(r: ChartResponse): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('png' in r) p.resolve(Buffer.from(r.png.buffer, r.png.byteOffset, r.png.byteLength));
    else p.reject(new Error(r.error));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

const WORKER_URL = new URL('./worker.js', import.meta.url);
let shared: ChartThread | null | undefined;

/** The process's chart thread, or null where charts are drawn in this thread. */
export function chartThread(): ChartThread | null {
  if (shared === undefined) shared = isMainThread && existsSync(fileURLToPath(WORKER_URL)) ? new ChartThread(WORKER_URL) : null;
  return shared?.usable ? shared : null;
}
