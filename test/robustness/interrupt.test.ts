// Ctrl+C leaves nothing half-written: the built CLI (dist/, built by `npm test`) is
// interrupted while it reads, and while it writes; it exits 130, the previous outputs are
// byte for byte as they were and no temporary file is left.
//
// No sleeps: the moments are observed. "Reading" is when /proc shows the input open;
// "writing" is made to last by putting a named pipe where the CLI writes its temporary
// (`.<name>.<pid>.tmp`, see src/cli/outputs.ts) and reading only its first bytes until the
// signal has been handled.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';
import { BIN, EXAMPLE_CONFIG, EXAMPLE_CSV, ROOT } from '../e2e/cli.js';
import { STACK_LINE } from '../bad-input/run-cli.js';

interface Running {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8'); // decodes characters split across chunks
  child.stderr!.on('data', (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Poll until `cond` holds; fails if the CLI ends first (then the moment was missed). */
async function until(run: Running, cond: () => boolean, what: string): Promise<void> {
  while (!cond()) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) throw new Error(`the CLI ended before ${what}`);
    await delay(2);
  }
}

function openFiles(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
}

/**
 * After the signal: wait until the CLI has removed its temporary, then let the write that is
 * blocked on the pipe finish (the process cannot complete its exit while a write hangs).
 */
async function release(run: Running, pipe: ReadStream, temp: string): Promise<void> {
  await until(run, () => !existsSync(temp), 'it removed its temporary');
  pipe.resume();
}

/** Files in the output folder: the previous outputs, and nothing else (no .tmp, no temp folder). */
const listing = (dir: string) => readdirSync(dir).sort();

/** The example's rows many times over, so that reading takes a while. */
function bigCsv(dir: string, copies: number): string {
  const [header, ...rows] = EXAMPLE_CSV.flatMap((f, i) => readFileSync(f, 'utf8').trimEnd().split('\n').slice(i === 0 ? 0 : 1));
  const path = join(dir, 'stor.csv');
  writeFileSync(path, [header, ...Array.from({ length: copies }, () => rows).flat(), ''].join('\n'));
  return path;
}

describe.skipIf(process.platform !== 'linux' || !existsSync(join(ROOT, 'dist', 'cli', 'main.js')))('Ctrl+C (SIGINT) leaves nothing half-written', () => {
  it('while reading the data: exit 130, the previous figures.csv unchanged, no temporary', async () => {
    const dir = tempDir('lagesbild-sigint-read-');
    const input = bigCsv(dir, 20);
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'figures.csv'), 'previous figures');

    const run = start(['figures', input, '-c', EXAMPLE_CONFIG, '-o', out, '--force']);
    await until(run, () => openFiles(run.child.pid!).includes(input), 'it opened the data');
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;

    expect(code).toBe(EXIT.interrupted);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(listing(out)).toEqual(['figures.csv']);
    expect(readFileSync(join(out, 'figures.csv'), 'utf8')).toBe('previous figures');
    rmSync(dir, { recursive: true });
  });

  it('while writing the figures table: exit 130, the previous figures.csv unchanged, the temporary removed', async () => {
    const dir = tempDir('lagesbild-sigint-write-');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'figures.csv'), 'previous figures');

    const run = start(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', out, '--force']);
    const temp = join(out, `.figures.csv.${run.child.pid}.tmp`);
    expect(spawnSync('mkfifo', [temp]).status).toBe(0);
    // The CLI's write blocks until the pipe is read; read one chunk, then hold it full.
    const pipe = createReadStream(temp);
    const firstChunk = await new Promise<Buffer>((resolve) => pipe.once('data', (d) => resolve(d as Buffer)));
    pipe.pause();
    expect(firstChunk.toString('utf8')).toMatch(/^kind,comparison,indicator,/);

    run.child.kill('SIGINT');
    await release(run, pipe, temp);
    const { code, stderr } = await run.done;

    expect(code).toBe(EXIT.interrupted);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(listing(out)).toEqual(['figures.csv']);
    expect(readFileSync(join(out, 'figures.csv'), 'utf8')).toBe('previous figures');
  });

  it('while writing a report: exit 130, the previous PDF and HTML unchanged, no temporary', async () => {
    const dir = tempDir('lagesbild-sigint-report-');
    const out = join(dir, 'out');
    mkdirSync(out);
    const base = join(out, 'Ängsby-2019-2023');
    writeFileSync(`${base}.pdf`, 'previous pdf');
    writeFileSync(`${base}.html`, 'previous html');

    const run = start(['report', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--area', 'Ängsby', '-o', out, '--force', '--date', '2024-05-31']);
    // PDF and HTML are written as a set: the HTML temporary is a pipe, so the PDF temporary
    // is complete and waiting for its rename when the signal comes.
    const temp = join(out, `.Ängsby-2019-2023.html.${run.child.pid}.tmp`);
    expect(spawnSync('mkfifo', [temp]).status).toBe(0);
    const pipe = createReadStream(temp);
    await new Promise((resolve) => pipe.once('data', resolve));
    pipe.pause();

    run.child.kill('SIGINT');
    await release(run, pipe, temp);
    const { code, stderr } = await run.done;

    expect(code).toBe(EXIT.interrupted);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(listing(out)).toEqual(['Ängsby-2019-2023.html', 'Ängsby-2019-2023.pdf']);
    expect(readFileSync(`${base}.pdf`, 'utf8')).toBe('previous pdf');
    expect(readFileSync(`${base}.html`, 'utf8')).toBe('previous html');
  });

  // Batch renders into a temporary folder; on Ctrl+C, `kill` (SIGTERM) or a closed terminal
  // (SIGHUP) the workers are stopped first, then the folder is removed (runCleanups in
  // src/cli/outputs.ts). The exit code is 128 + the signal's number.
  it.each([
    ['SIGINT', EXIT.interrupted],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('batch, while rendering, %s: exit %i and no temporary folder left', async (signal, exitCode) => {
    const out = join(tempDir('lagesbild-signal-batch-'), 'out');
    const run = start(['batch', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', out, '--jobs', '2', '--date', '2024-05-31']);
    const jobFolders = () => (existsSync(out) ? listing(out).filter((f) => f.startsWith('.lagesbild-tmp-')).flatMap((f) => readdirSync(join(out, f))) : []);
    await until(run, () => jobFolders().length > 0, 'it started rendering');
    run.child.kill(signal);
    const { code, stderr } = await run.done;
    expect(code).toBe(exitCode);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(listing(out)).toEqual([]);
  });
});
