// `lagesbild figures --json | head` : the reader closes the pipe early. That is not a bug
// to report with a stack trace; the CLI should stop quietly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { BIN, EXAMPLE_CONFIG, EXAMPLE_CSV, ROOT } from '../e2e/cli.js';
import { STACK_LINE } from '../bad-input/run-cli.js';

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))('stdout closed by the reader', () => {
  // bin/lagesbild.js handles EPIPE on stdout: without it node printed "Unhandled 'error' event"
  // with a stack trace and exited 1.
  it('figures --json into a pipe closed after the first chunk: no stack trace, no internal error', async () => {
    const child = spawn(process.execPath, [BIN, 'figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8'); // decodes characters split across chunks
    child.stderr.on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(STACK_LINE);
    expect(code).not.toBe(EXIT.internal);
  });
});
