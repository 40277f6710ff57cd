// The worker thread of figures-threads.ts: the sums (a copy), then pass 1's results, make the
// same figures source as the main thread's; each area it is sent, as the CSV lines of its records.
import { parentPort } from 'node:worker_threads';
import { SurveySums } from '../analysis/accumulate.js';
import { figuresSource, type FiguresSource } from '../analysis/figures.js';
import { figuresCsvChunks } from '../render/tabular/figures-export.js';
import { indicatorLabels } from './figures-files.js';
import type { AreaResult, AreaWorkerJob, AreaWorkerSetup } from './figures-threads.js';

if (parentPort) {
  const port = parentPort;
  let setup: (Omit<AreaWorkerSetup, 'sums'> & { sums: SurveySums; labels: Record<string, string> }) | null = null;
  let source: FiguresSource | null = null;
  const fault = /^(exit|throw):(.+)$/su.exec(process.env.LAGESBILD_TEST_WORKER_FAULT ?? '');
  port.on('message', (job: AreaWorkerJob) => {
    // Test hook (as in batch-worker.ts): the worker dies, or fails the area, when sent that area.
    if (fault && 'area' in job && job.area === fault[2]) {
      if (fault[1] === 'exit') process.exit(3);
      port.postMessage({ ok: false } satisfies AreaResult);
      return;
    }
    void answer(job).then((result) => port.postMessage(result));
  });
  const answer = async (job: AreaWorkerJob): Promise<AreaResult> => {
    try {
      if ('setup' in job) {
        const { config, sums } = job.setup;
        setup = { ...job.setup, sums: SurveySums.fromParts(config, sums), labels: await indicatorLabels(config) };
        return { ok: true, bytes: [], count: 0, warnings: [] };
      }
      const { config, sums, pooling, references, format, labels } = setup!;
      if ('firstPass' in job) {
        source = figuresSource(sums, config, pooling, references, job.firstPass);
        return { ok: true, bytes: [], count: 0, warnings: [] };
      }
      const before = source!.warnings.length;
      const records = source!.recordsOf(job.area);
      const bytes = [...figuresCsvChunks({ meta: source!.meta, records }, format, labels, { header: false })];
      return { ok: true, bytes, count: records.length, warnings: source!.warnings.slice(before) };
    } catch {
      // The main thread computes the area itself and meets the error there.
      return { ok: false };
    }
  };
}
