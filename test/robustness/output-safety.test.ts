// Outputs: an I/O failure names the path and its real cause; no-overwrite is atomic, so two
// runs into the same folder never both succeed on the same file (raced for real, with the
// built CLI), and a set of files is placed whole or not at all.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, OutputError, ioCause } from '../../src/errors.js';
import { render } from '../../src/messages/index.js';
import { ensureFolder, writeOutputs, writePieces } from '../../src/cli/outputs.js';
import { exportFigures, figuresCsvChunks } from '../../src/render/tabular/figures-export.js';
import type { EstimateRecord, FiguresMeta } from '../../src/analysis/types.js';
import { tempDir } from '../fixtures/mini-project.js';
import { BIN, EXAMPLE_CONFIG, EXAMPLE_CSV, ROOT } from '../e2e/cli.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';

const FIGURES = ['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG];

describe('I/O errors name the path and the cause', () => {
  it('an error while the pieces are made is not called a write error, and nothing is left behind', async () => {
    const dir = tempDir('lagesbild-io-');
    const path = join(dir, 'figures.csv');
    function* pieces(): Generator<Buffer> {
      yield Buffer.from('kind\n');
      throw new TypeError('a bug while making the figures');
    }
    await expect(writeOutputs([{ path, data: pieces() }], false)).rejects.toThrow(new TypeError('a bug while making the figures'));
    expect(readdirSync(dir)).toEqual([]);
  });

  // The next piece is made while the previous one is written (writePieces).
  it('pieces are written whole and in order while the next ones are made', async () => {
    const path = join(tempDir('lagesbild-io-'), 'figures.csv');
    let made = 0;
    function* pieces(): Generator<Buffer> {
      for (let k = 0; k < 40; k++) {
        made++;
        yield Buffer.alloc(100_000 + k, 0x41 + (k % 26));
      }
    }
    await writePieces(path, pieces());
    const bytes = readFileSync(path);
    expect(made).toBe(40);
    expect(bytes.length).toBe(40 * 100_000 + (39 * 40) / 2);
    let at = 0;
    for (let k = 0; k < 40; k++) {
      expect(bytes.subarray(at, at + 100_000 + k).every((b) => b === 0x41 + (k % 26))).toBe(true);
      at += 100_000 + k;
    }
  });

  // figuresCsvChunks' pieces take turns in two buffers where writePieces writes them.
  it('the figures CSV in pieces that reuse their memory is written as one string would be', async () => {
    const path = join(tempDir('lagesbild-io-'), 'figures.csv');
    // About 5 MB: five pieces, so that each buffer holds several of them in turn.
    const records: EstimateRecord[] = Array.from({ length: 40_000 }, (_, k) => ({
      kind: 'estimate',
      indicator: `ind${k % 37}`,
      area: k % 3 === 0 ? 'Ängsby' : 'Lövåsen, "norra"',
      year: 2019 + (k % 5),
      pooled_years: k % 11 === 0 ? [2019, 2021] : null,
      group: k % 2 === 0 ? 'total' : 'gender=Flicka',
      n: 100 + k,
      x: k % 7 === 0 ? null : k % 100,
      estimate: k % 7 === 0 ? null : Math.sqrt(k) / 300,
      se: k / 1e7,
      ci_lower: 1 / (k + 3),
      ci_upper: 1 - 1 / (k + 3),
      ci_method: 'wilson',
      df: k % 40,
      deff: 1 + k / 1e5,
      n_eff: k * 0.97,
      suppressed: k % 7 === 0,
      suppression: k % 7 === 0 ? 'min_base' : null,
      flag: k % 13 === 0 ? 'caution' : null,
    }));
    // The plain CSV is written from the records alone.
    const meta = {} as FiguresMeta;
    await writePieces(path, figuresCsvChunks({ meta, records }, 'csv', {}, { reusePieces: true }));
    const written = readFileSync(path, 'utf8');
    expect(written.length).toBeGreaterThan(4 << 20);
    expect(written).toBe(exportFigures({ meta, records }, 'csv'));
  });

  // /dev/full refuses every write with ENOSPC: the failure comes while the next piece is made.
  it.skipIf(!existsSync('/dev/full'))('a write that fails while the next piece is made: its error, with the system call, and no unhandled rejection', async () => {
    let made = 0;
    function* pieces(): Generator<Buffer> {
      for (let k = 0; k < 3; k++) {
        made++;
        yield Buffer.alloc(1 << 16, 0x41);
      }
    }
    await expect(writePieces('/dev/full', pieces())).rejects.toMatchObject({ code: 'ENOSPC', syscall: 'write' });
    expect(made).toBe(2);
  });

  it('-o names an existing file: the folder, "in the way", EEXIST', async () => {
    const dir = tempDir('lagesbild-io-');
    const file = join(dir, 'rapporter');
    writeFileSync(file, 'a file, not a folder');
    const run = await runCli([...FIGURES, '-o', file]);
    expect(run.code).toBe(EXIT.output);
    expect(run.stderr).toBe(
      `error: cannot create the output folder ${file}: a file with that name (or with the name of a folder above it) is in the way (EEXIST). Choose another folder with -o, or move the file\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('a file, not a folder');
  });

  it('-o under a file: the folder asked for is named', async () => {
    const dir = tempDir('lagesbild-io-');
    writeFileSync(join(dir, 'fil'), '');
    const out = join(dir, 'fil', 'ut');
    const run = await runCli([...FIGURES, '-o', out]);
    expect(run.code).toBe(EXIT.output);
    expect(run.stderr).toMatch(new RegExp(`^error: cannot create the output folder ${out}: a file with that name .* is in the way \\((EEXIST|ENOTDIR)\\)\\. `));
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  // The kernel refuses folders under /proc (Node's recursive mkdir looped for ever on it).
  it.skipIf(process.platform !== 'linux')('a place where no folder can be made: the path and the cause, promptly', async () => {
    const run = await runCli([...FIGURES, '-o', '/proc/lagesbild-test/ut']);
    expect(run.code).toBe(EXIT.output);
    expect(run.stderr).toMatch(/^error: cannot create the output folder \/proc\/lagesbild-test\/ut: .+ \(E[A-Z]+\)\. .+\n$/);
  });

  it('the causes are said in words, with advice for writing', () => {
    const cause = (code: string, direction: 'read' | 'write' = 'write') => {
      const c = ioCause(Object.assign(new Error(code), { code }), direction);
      return { code: c.code, text: render(c.text, 'en'), hint: c.hint && render(c.hint, 'en') };
    };
    expect(cause('EACCES')).toEqual({ code: 'EACCES', text: 'permission denied', hint: 'Choose a folder you may write to with -o, or ask for write access' });
    expect(cause('EROFS')).toEqual({ code: 'EROFS', text: 'the file system is read-only', hint: 'Choose a folder on a writable disk with -o' });
    expect(cause('ENOSPC').text).toBe('the disk is full');
    expect(cause('EACCES', 'read').hint).toBe('Ask for read access to the file, or copy it to a folder of your own');
  });

  it('a folder is made one level at a time, and a file in the way is an OutputError naming the folder', async () => {
    const dir = tempDir('lagesbild-io-');
    await ensureFolder(join(dir, 'a', 'b', 'c'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    writeFileSync(join(dir, 'x'), '');
    await expect(ensureFolder(join(dir, 'x', 'y'))).rejects.toThrow(new RegExp(`^cannot create the output folder ${join(dir, 'x', 'y')}: `));
  });
});

describe('no-overwrite is atomic', () => {
  it('a set of files: when one target exists, none is written and no temporary is left', async () => {
    const dir = tempDir('lagesbild-set-');
    writeFileSync(join(dir, 'b.html'), 'theirs');
    await expect(
      writeOutputs(
        [
          { path: join(dir, 'a.pdf'), data: 'mine' },
          { path: join(dir, 'b.html'), data: 'mine' },
        ],
        false,
      ),
    ).rejects.toBeInstanceOf(OutputError);
    expect(readdirSync(dir)).toEqual(['b.html']);
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe('theirs');
  });

  // The race is made certain, not left to timing: each run's temporary is a named pipe (as
  // in interrupt.test.ts), so both runs have checked that figures.csv does not exist and are
  // writing when the pipes are drained together; only placing the file can decide.
  it.skipIf(process.platform !== 'linux' || !existsSync(join(ROOT, 'dist', 'cli', 'main.js')))(
    'two runs racing to write one figures.csv: exactly one succeeds, the other refuses (exit 6)',
    async () => {
      const out = join(tempDir('lagesbild-race-'), 'out');
      mkdirSync(out);
      const start = () => {
        const child = spawn(process.execPath, [BIN, ...FIGURES, '-o', out], { env: { ...process.env, NO_COLOR: '1', CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (d: string) => (stderr += d));
        const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
        const temp = join(out, `.figures.csv.${child.pid}.tmp`);
        expect(spawnSync('mkfifo', [temp]).status).toBe(0);
        return { done, temp };
      };
      const runs = [start(), start()];
      // Opening a pipe for reading waits for its writer: both runs are then past their checks.
      const pipes = await Promise.all(runs.map((r) => new Promise<ReadStream>((resolve) => { const s = createReadStream(r.temp); s.once('open', () => resolve(s)); })));
      const written = await Promise.all(pipes.map((p) => new Promise<number>((resolve) => { let n = 0; p.on('data', (d) => (n += d.length)); p.on('end', () => resolve(n)); })));
      expect(written.every((n) => n > 1000)).toBe(true);
      const results = await Promise.all(runs.map((r) => r.done));
      const codes = results.map((r) => r.code).sort();
      expect(codes, results.map((r) => r.stderr).join('')).toEqual([EXIT.ok, EXIT.output]);
      const loser = results.find((r) => r.code === EXIT.output)!;
      expect(loser.stderr).toBe(`error: would overwrite ${join(out, 'figures.csv')}. Pass --force to replace them, or choose another folder with -o\n`);
      expect(readdirSync(out)).toEqual(['figures.csv']);
    },
    120_000,
  );
});
