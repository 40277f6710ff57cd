// The batch pool's heap limits (src/cli/worker-pool.ts, PoolOptions.resourceLimits): a job
// that fits runs on a limited worker; a job that runs out of memory under the limit is run
// once more on a worker without it and succeeds; the jobs after it get limited workers again.
// And when batch asks for them (renderingPlan: only for large reports).
import { describe, expect, it } from 'vitest';
import { defaultJobs, renderingPlan } from '../../src/cli/commands/batch.js';
import { runOnWorkers } from '../../src/cli/worker-pool.js';
import { render } from '../../src/messages/index.js';

interface Job {
  id: number;
  megabytes: number;
}
interface Result {
  id: number;
  held?: number;
  heapLimitMb?: number;
  error?: string;
}

const WORKER = new URL('../fixtures/workers/holds-memory.mjs', import.meta.url);
const LIMIT_MB = 32;

async function run(jobs: Job[], size: number): Promise<Result[]> {
  const results: Result[] = [];
  await runOnWorkers<Job, Result>({
    url: WORKER,
    workerData: null,
    size,
    jobs,
    resourceLimits: { maxOldGenerationSizeMb: LIMIT_MB },
    onResult: (r) => results.push(r),
    onDeath: (job, reason) => ({ id: job.id, error: render(reason, 'en') }),
  });
  return results.sort((a, b) => a.id - b.id);
}

describe('batch workers under a heap limit', () => {
  it('runs a job that outgrows the limit again without it, and the rest under it', async () => {
    const results = await run(
      [
        { id: 1, megabytes: 4 },
        { id: 2, megabytes: 96 },
        { id: 3, megabytes: 4 },
      ],
      1,
    );
    expect(results.map((r) => [r.id, r.held, r.error])).toEqual([
      [1, 4, undefined],
      [2, 96, undefined],
      [3, 4, undefined],
    ]);
    const [small, large, after] = results.map((r) => r.heapLimitMb ?? 0);
    // The limit covers the old generation; the young one (48 MB in Node 20) comes on top.
    expect(small).toBeGreaterThanOrEqual(LIMIT_MB);
    expect(small).toBeLessThan(4 * LIMIT_MB);
    expect(large).toBeGreaterThan(8 * LIMIT_MB);
    expect(after).toBe(small);
  }, 60_000);

  it('does the same on two lanes, each job once', async () => {
    const jobs = [4, 96, 4, 96, 4].map((megabytes, i) => ({ id: i + 1, megabytes }));
    const results = await run(jobs, 2);
    expect(results.map((r) => [r.id, r.held, r.error])).toEqual(jobs.map((j) => [j.id, j.megabytes, undefined]));
    expect(results.map((r) => (r.heapLimitMb ?? 0) > 8 * LIMIT_MB)).toEqual([false, true, false, true, false]);
  }, 60_000);
});

// A result that makes the rest useless (a CSV segment that failed) stops the queue: the jobs
// already started finish, no other job starts.
describe('a pool asked to stop', () => {
  it.each([1, 2])('on %i lane(s), starts no job after the stop', async (size) => {
    const results: Result[] = [];
    await runOnWorkers<Job, Result>({
      url: WORKER,
      workerData: null,
      size,
      jobs: Array.from({ length: 8 }, (_, i) => ({ id: i + 1, megabytes: 1 })),
      onResult: (r) => results.push(r),
      onDeath: (job, reason) => ({ id: job.id, error: render(reason, 'en') }),
      stop: () => results.length > 0,
    });
    // Each lane had started one job before the first result came back.
    expect(results.length).toBe(size);
    expect(results.every((r) => r.held === 1)).toBe(true);
  }, 60_000);
});

describe('how batch renders, by its largest job (tables in bytes, own and county)', () => {
  it('puts speed first below 4 MiB: two reports at a time in-process, workers without a heap limit', () => {
    // The bench's 50-municipality county: 2.4 MB at most.
    expect(renderingPlan(2_400_000)).toEqual({ lanes: 2, workerHeapMb: null });
    expect(renderingPlan(4 * 1024 * 1024 - 1)).toEqual({ lanes: 2, workerHeapMb: null });
  });

  it('puts memory first from 4 MiB: one report at a time in-process, workers held to 256 MB', () => {
    expect(renderingPlan(4 * 1024 * 1024)).toEqual({ lanes: 1, workerHeapMb: 256 });
    // A whole country: 10–12 MB a municipality, 25 MB the county overview.
    expect(renderingPlan(25_000_000)).toEqual({ lanes: 1, workerHeapMb: 256 });
  });
});

describe('batch without --jobs', () => {
  it('renders in its own thread on one or two cores (charts on a second thread), else one worker per core', () => {
    expect([1, 2, 3, 4, 8].map((cores) => defaultJobs(cores))).toEqual([1, 1, 3, 4, 8]);
  });
});
