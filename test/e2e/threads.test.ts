// Large CSV files on worker threads (analysis/segments.ts), through the CLI as built: the
// example's files cut into segments of 16 KiB (LAGESBILD_SEGMENT_BYTES) and read on two
// threads must give the one-thread figures byte for byte; a file whose cut falls inside a
// quoted value, or whose rows have a problem, must come out exactly as the whole-file read.
// And the figures' areas computed on two threads (cli/figures-threads.ts): the same file,
// warnings and messages as on one thread, also when the second thread fails or dies.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_CONFIG, EXAMPLE_CSV, runCli } from './cli.js';

const SEGMENT = String(16 * 1024);

async function figures(files: string[], env: Record<string, string>, config = EXAMPLE_CONFIG, flags = ['--verbose']) {
  const out = mkdtempSync(join(tmpdir(), 'lagesbild-threads-'));
  const r = await runCli(['figures', ...files, '-c', config, '-o', out, ...flags], env);
  return { ...r, figures: r.code === 0 ? readFileSync(join(out, 'figures.csv'), 'utf8') : null };
}

describe('CSV files read on two threads', () => {
  it('the same figures, byte for byte, as on one thread', async () => {
    const two = await figures(EXAMPLE_CSV, { LAGESBILD_THREADS: '2', LAGESBILD_SEGMENT_BYTES: SEGMENT });
    const one = await figures(EXAMPLE_CSV, { LAGESBILD_THREADS: '1', LAGESBILD_SEGMENT_BYTES: SEGMENT });
    expect(two.code, two.stderr).toBe(0);
    expect(one.code, one.stderr).toBe(0);
    // Every file was cut, and read by the workers (a failed worker would fall back to one thread, unsegmented).
    for (const file of EXAMPLE_CSV) {
      const segments = Math.ceil(readFileSync(file).length / (16 * 1024));
      expect(two.stderr).toContain(`read ${file}: `);
      expect(two.stderr).toMatch(new RegExp(`read ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\d+ rows \\(utf-8, ",", ${segments} segments on 2 threads\\)`));
      expect(one.stderr).toContain(`${segments} segments on 1 thread)`);
    }
    expect(two.figures).toBe(one.figures);
    expect(two.figures!.split('\n').length).toBeGreaterThan(1000);
  }, 120_000);

  it('a cut inside a quoted value, or a row problem: as the whole-file read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-threads-files-'));
    const [header, ...rows] = readFileSync(EXAMPLE_CSV[1]!, 'utf8').trimEnd().split('\n');
    // A free-text column; one answer of many lines covers the first cut (byte 16 384).
    // The last row that ends before the cut gets the answer (the rows gain a comma each).
    let at = 0;
    for (let end = Buffer.byteLength(`${header},fritext\n`); end + Buffer.byteLength(rows[at]!) + 1 < 16 * 1024 - 20; at++) end += Buffer.byteLength(rows[at]!) + 2;
    at--;
    const note = `"${Array.from({ length: 300 }, (_, k) => `rad ${k}`).join('\n')}"`;
    const quoted = [`${header},fritext`, ...rows.map((r, i) => `${r},${i === at ? note : ''}`)].join('\n') + '\n';
    const quotedFile = join(dir, 'fritext-2021.csv');
    writeFileSync(quotedFile, quoted);
    const noteAt = Buffer.from(quoted).indexOf('"rad 0');
    expect(noteAt).toBeLessThan(16 * 1024);
    expect(noteAt + note.length).toBeGreaterThan(16 * 1024 + 100);
    const badFile = join(dir, 'fel-2021.csv');
    writeFileSync(badFile, [header, ...rows.slice(0, 800), rows[800]!.replace(/,Nej,/, ',Nja,'), ...rows.slice(801)].join('\n') + '\n');

    const wholes = [];
    for (const file of [quotedFile, badFile]) {
      const two = await figures([file], { LAGESBILD_THREADS: '2', LAGESBILD_SEGMENT_BYTES: SEGMENT });
      const whole = await figures([file], {});
      wholes.push(whole);
      expect(two.code).toBe(whole.code);
      expect(two.figures).toBe(whole.figures);
      // Everything the user reads is the same, but for times and the output folder.
      const shown = (stderr: string) => stderr.replace(/\d+ ms/g, '').replace(/lagesbild-threads-\w+/g, 'out');
      expect(shown(two.stderr)).toBe(shown(whole.stderr));
    }
    const [quotedWhole, bad] = wholes;
    expect(quotedWhole!.code).toBe(0);
    expect(bad!.code).toBe(4);
    expect(bad!.stderr).toContain(`fel-2021.csv:${802}:`);
  }, 120_000);
});

describe("the figures' areas on two threads", () => {
  it('the same file, warnings and messages as one thread, plain and for Swedish Excel, also when the second thread fails an area or dies', async () => {
    // The example with school year as the PSU and lonely_psu: average: every domain of one
    // school year (Lövåsen in every wave; Tjärnvik and Ängsby, made all Åk 9 in 2021 and
    // 2023) gets a warning, so areas of both threads warn, in the areas' order.
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-areas-'));
    cpSync(EXAMPLE, dir, { recursive: true });
    const config = join(dir, 'lagesbild.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  lonely_psu: fail', '  cluster: arskurs\n  lonely_psu: average'));
    for (const year of ['2021', '2023']) {
      const file = join(dir, 'data', `enkat-${year}.csv`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^([^,\n]*,[^,\n]*,(?:Tjärnvik|Ängsby),[^,\n]*,)[^,\n]*/gmu, '$1Åk 9'));
    }
    const files = ['2019', '2021', '2023'].map((y) => join(dir, 'data', `enkat-${y}.csv`));
    const two = { LAGESBILD_THREADS: '2', LAGESBILD_THREAD_MIN_FIGURES: '0' };
    // Everything the user reads but the times, the output folder and the threads' line.
    const shown = (stderr: string) =>
      stderr
        .split('\n')
        .filter((l) => !/ ms\b|^areas on 2 threads/.test(l))
        .join('\n')
        .replace(/lagesbild-threads-\w+/g, 'out');
    for (const flags of [['--verbose'], ['--verbose', '--excel-sv']]) {
      const one = await figures(files, { LAGESBILD_THREADS: '1' }, config, flags);
      expect(one.code, one.stderr).toBe(0);
      const warned = one.stderr.split('\n').filter((l) => l.includes('design.lonely_psu: average gives no standard error'));
      for (const area of ['Lövåsen', 'Tjärnvik', 'Ängsby']) expect(warned.some((l) => l.includes(`, ${area}, `))).toBe(true);
      expect(one.stderr).not.toContain('areas on 2 threads');
      const runs = [
        { env: two, second: /areas on 2 threads: [1-5] of 6 on the second\n/ },
        // The worker starts from the last municipality (Ängsby): failed there, or dead there,
        // this thread computes it.
        { env: { ...two, LAGESBILD_TEST_WORKER_FAULT: 'throw:Ängsby' }, second: /areas on 2 threads: [0-4] of 6 on the second\n/ },
        { env: { ...two, LAGESBILD_TEST_WORKER_FAULT: 'exit:Ängsby' }, second: /areas on 2 threads: 0 of 6 on the second\n/ },
      ];
      // Swedish Excel: the same parts, written another way (once is enough).
      for (const { env, second } of flags.includes('--excel-sv') ? runs.slice(0, 1) : runs) {
        const r = await figures(files, env, config, flags);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(second);
        expect(r.figures).toBe(one.figures);
        expect(shown(r.stderr)).toBe(shown(one.stderr));
      }
    }
  }, 120_000);
});
