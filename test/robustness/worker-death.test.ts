// A batch worker that dies mid-job (it exits, or throws an uncaught error, after writing its
// files and before answering: LAGESBILD_TEST_WORKER_FAULT, see src/cli/batch-worker.ts) fails
// that job: exit 7, the municipality named on stderr and in the --json summary, the other
// reports written by the remaining and replacement workers, and no temporary left.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import type { BatchSummary } from '../../src/cli/commands/batch.js';
import { tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV, ROOT, runCli } from '../e2e/cli.js';
import { STACK_LINE } from '../bad-input/run-cli.js';

// The first job dies, so a replacement worker must take some of the later ones.
const DIES = 'Björkträsk';
const OTHERS = ['Lövåsen', 'Myrheden', 'Tjärnvik', 'Ängsby'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name]));
}

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))('a batch worker that dies', () => {
  it.each([
    ['exit', 'the worker stopped unexpectedly (exit code 3)'],
    ['throw', 'the worker stopped with an error: injected worker fault'],
  ])('%s mid-job: exit 7, that job failed and named, the others written, no temporaries', async (kind, reason) => {
    const out = join(tempDir('lagesbild-worker-death-'), 'out');
    const run = await runCli(
      ['batch', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', out, '--jobs', '2', '--format', 'html', '--no-county', '--date', '2024-05-31', '--json'],
      { LAGESBILD_TEST_WORKER_FAULT: `${kind}:${DIES}` },
    );
    expect(run.code, run.stderr).toBe(EXIT.partial);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr.split('\n')).toContain(`error: ${DIES}: ${reason}`);

    const summary = JSON.parse(run.stdout) as BatchSummary;
    expect(summary.status).toBe('partial');
    expect(summary.jobs.map((j) => [j.area, j.status, j.error ?? null])).toEqual([
      [DIES, 'failed', reason],
      ...OTHERS.map((a) => [a, 'ok', null]),
    ]);
    expect(walk(out).sort()).toEqual(['figures.csv', ...OTHERS.map((a) => join(a, `${a}-2019-2023.html`))].sort());
  }, 300_000);
});
