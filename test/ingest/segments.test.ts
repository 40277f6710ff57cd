// A large CSV file read in segments (analysis/segments.ts): cut small here (a few KiB instead
// of 32 MiB, LAGESBILD_SEGMENT_BYTES) and read in this thread (LAGESBILD_THREADS=1; the
// worker threads are tested through the CLI in test/e2e/threads.test.ts). The segments must
// give the whole-file read's rows and counts exactly and its estimates to rounding (the sums
// are added in another order); anything a segment cannot read alone sends the file to the
// whole-file read, which reports exactly what it always did.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { LagesbildError } from '../../src/errors.js';
import { MINI_CONFIG, tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG_PATH, dataFile } from '../examples/norrbacka.js';
import { applyCsvMutation, csvMutations, sampleCsv } from '../fuzz/mutate.js';

const SEGMENT = 'LAGESBILD_SEGMENT_BYTES';
const THREADS = 'LAGESBILD_THREADS';
/** Pupils in the three example waves. */
const ROWS = 1093 + 1023 + 1042;

afterEach(() => {
  delete process.env[SEGMENT];
  delete process.env[THREADS];
});

/** The figures table, the rows and how the file was read; or the error as the user sees it. */
async function read(file: string, config: ProjectConfig, segmentBytes: number | null) {
  if (segmentBytes === null) delete process.env[SEGMENT];
  else process.env[SEGMENT] = String(segmentBytes);
  process.env[THREADS] = '1';
  try {
    const { sums, files } = await ingestFiles([file], config, { configPath: EXAMPLE_CONFIG_PATH });
    return { ok: true as const, figures: exportFigures(computeFigures(sums, config), 'csv'), rows: files[0]!.rows, encoding: files[0]!.encoding, segments: files[0]!.segments };
  } catch (err) {
    if (!(err instanceof LagesbildError)) throw err;
    return { ok: false as const, error: err.toLine('en'), exit: err.exitCode };
  } finally {
    delete process.env[SEGMENT];
    delete process.env[THREADS];
  }
}

/** Two figures tables: the same text but for numbers, which agree to `tolerance` (relative). */
function expectSameFigures(a: string, b: string, tolerance = 1e-12): void {
  const la = a.trimEnd().split('\n');
  const lb = b.trimEnd().split('\n');
  expect(la.length).toBe(lb.length);
  let numbers = 0;
  for (let i = 0; i < la.length; i++) {
    const fa = la[i]!.split(',');
    const fb = lb[i]!.split(',');
    expect(fa.length).toBe(fb.length);
    for (let j = 0; j < fa.length; j++) {
      if (fa[j] === fb[j]) continue;
      const x = Number(fa[j]);
      const y = Number(fb[j]);
      // Only numbers may differ, and only in their last bits.
      expect(Number.isFinite(x) && Number.isFinite(y), `line ${i + 1}: ${fa[j]} vs ${fb[j]}`).toBe(true);
      expect(Math.abs(x - y)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(x)));
      numbers++;
    }
  }
  expect(numbers).toBeLessThan(la.length * 4);
}

/** The columns n and x (counts) of every row: these must be exactly the same. */
const counts = (figures: string) => figures.split('\n').map((line) => line.split(',').slice(0, 10).join(','));

/** The three example waves in one file, in the form Swedish Excel saves: semicolons, Windows-1252, CRLF, decimal commas. */
function exampleFile(dir: string, form: 'utf-8' | 'excel'): string {
  const records = [2019, 2021, 2023].flatMap((year, i) => parse(readFileSync(dataFile(year)), { from_line: i === 0 ? 1 : 2 }) as string[][]);
  const bytes =
    form === 'utf-8'
      ? Buffer.from(stringify(records))
      : Buffer.from(stringify(records.map((r) => r.map((f) => f.replace(/^(\d+)\.(\d+)$/, '$1,$2'))), { delimiter: ';', record_delimiter: '\r\n' }), 'latin1');
  const path = join(dir, `enkat-${form}.csv`);
  writeFileSync(path, bytes);
  return path;
}

describe('a CSV file read in segments', () => {
  it('gives the whole-file read its rows and counts exactly, and its estimates to rounding (UTF-8 and Swedish Excel)', async () => {
    const { config } = await loadConfig(EXAMPLE_CONFIG_PATH);
    const dir = tempDir('lagesbild-segments-');
    for (const form of ['utf-8', 'excel'] as const) {
      const file = exampleFile(dir, form);
      const whole = await read(file, config, null);
      const cut = await read(file, config, 16 * 1024);
      if (!whole.ok || !cut.ok) throw new Error(`${form}: ${JSON.stringify([whole, cut])}`);
      expect(whole.segments).toBeUndefined();
      expect(cut.segments).toEqual({ count: Math.ceil(readFileSync(file).length / (16 * 1024)), threads: 1 });
      expect(cut.rows).toBe(whole.rows);
      expect(cut.rows).toBe(ROWS);
      expect(cut.encoding).toBe(whole.encoding);
      expect(counts(cut.figures)).toEqual(counts(whole.figures));
      expectSameFigures(cut.figures, whole.figures);
      // The same segments again: the same figures to the last bit.
      expect((await read(file, config, 16 * 1024)).figures).toBe(cut.figures);
    }
  });

  const config = parseConfig(MINI_CONFIG, 'lagesbild.yaml');
  const SEG = 4096;
  // A free-text column that the config does not read, as survey tools export it.
  const HEAD = 'kommun,ar,kon,ak,vikt,F1,F2,fritext\n';
  const row = (i: number, area = `Kommun ${i % 7}`) => `${area},${2021 + (i % 2)},${'FP'[i % 2]},${i % 3 ? '9' : 'gy2'},${(1 + (i % 5) / 4).toFixed(2)},${1 + (i % 2)},${1 + ((i >> 1) % 2)},\n`;
  const rows = (from: number, to: number, area?: string) => Array.from({ length: to - from }, (_, k) => row(from + k, area)).join('');
  const write = (name: string, data: string | Buffer) => {
    const file = join(tempDir('lagesbild-segments-'), name);
    writeFileSync(file, data);
    return file;
  };

  it('a cut inside a quoted value: the file is read whole, to the same figures', async () => {
    let text = HEAD + rows(0, 135);
    expect(Buffer.byteLength(text)).toBeLessThan(SEG - 100);
    expect(Buffer.byteLength(text)).toBeGreaterThan(SEG - 300);
    // A free-text answer of many lines that covers byte 4096, where the first cut is planned.
    const answer = Array.from({ length: 40 }, (_, k) => `rad ${k} med "citat"`).join('\n').replaceAll('"', '""');
    text += row(135).replace(/,\n$/, `,"${answer}"\n`) + rows(136, 600);
    const file = write('fritext.csv', text);
    const start = text.indexOf('"rad 0');
    expect(start).toBeLessThan(SEG);
    expect(start + answer.length).toBeGreaterThan(SEG + 100);
    const whole = await read(file, config, null);
    const cut = await read(file, config, SEG);
    expect(whole.ok && whole.rows).toBe(600);
    expect(cut).toEqual(whole);
  });

  it('a row problem in a later segment: the same error, line and column as the whole-file read', async () => {
    for (const [bad, expected] of [
      ['Kommun 1,2022,F,9,1.00,7,1,', /enkat\.csv:\d+:6/],
      ['Kommun 1,2022,F,9,-1,1,1,', /enkat\.csv:\d+:5/],
      ['Kommun 1,2022,F,9,1.00,"1"x,1,', /enkat\.csv:\d+:6/],
      ['Kommun 1,2022,F,9,1.00,1,1', /enkat\.csv:\d+/],
    ] as const) {
      const file = write('enkat.csv', HEAD + rows(0, 500) + `${bad}\n` + rows(500, 700));
      const whole = await read(file, config, null);
      const cut = await read(file, config, SEG);
      expect(whole.ok).toBe(false);
      expect(cut).toEqual(whole);
      expect(!whole.ok && whole.error).toMatch(expected);
    }
  });

  it('an ASCII start and Windows-1252 names further down: decided as the whole-file read decides', async () => {
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    // More than the 64 KiB sample of ASCII, then "Östby" in Windows-1252 in several segments.
    const ascii = HEAD + rows(0, 2500);
    expect(ascii.length).toBeGreaterThan(64 * 1024);
    const file = write('enkat.csv', Buffer.concat([latin1(ascii), latin1(rows(2500, 2600, 'Östby')), latin1(rows(2600, 2900)), latin1(rows(2900, 3000, 'Ängsö'))]));
    const whole = await read(file, config, null);
    const cut = await read(file, config, SEG);
    if (!whole.ok || !cut.ok) throw new Error(JSON.stringify([whole, cut]));
    expect(cut.segments?.count).toBeGreaterThan(10);
    expect(whole.figures).toContain(',Östby,');
    expect(whole.figures).toContain(',Ängsö,');
    expect(counts(cut.figures)).toEqual(counts(whole.figures));
    expectSameFigures(cut.figures, whole.figures);

    // UTF-8 in one segment, Windows-1252 in a later one: the whole-file read's error.
    const mixed = write('blandad.csv', Buffer.concat([latin1(ascii), Buffer.from(rows(2500, 2600, 'Östby')), latin1(rows(2600, 2900)), latin1(rows(2900, 3000, 'Ängsö'))]));
    const wholeMixed = await read(mixed, config, null);
    expect(wholeMixed.ok).toBe(false);
    expect(await read(mixed, config, SEG)).toEqual(wholeMixed);
  });
});

describe('mutated survey files (the fuzz corpus) read in segments', () => {
  it('the same error as the whole-file read, or the same rows, counts and (to rounding) figures', async () => {
    const { config } = await loadConfig(EXAMPLE_CONFIG_PATH);
    const base = sampleCsv();
    const file = join(tempDir('lagesbild-segments-fuzz-'), 'enkat.csv');
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(csvMutations, async (mutations) => {
        writeFileSync(file, mutations.reduce(applyCsvMutation, base));
        const whole = await read(file, config, null);
        const cut = await read(file, config, 2048);
        if (!whole.ok || !cut.ok) {
          expect(cut).toEqual(whole);
          outcomes.add(whole.ok ? 'ok' : whole.error.replace(/^[^:]*:[\d:]*\s*/, '').slice(0, 30));
          return;
        }
        expect({ ...cut, figures: counts(cut.figures), segments: undefined }).toEqual({ ...whole, figures: counts(whole.figures) });
        expectSameFigures(cut.figures, whole.figures);
        outcomes.add(cut.segments ? 'segments' : 'whole');
      }),
      { seed: 20261130, numRuns: 60 },
    );
    // Files read in segments, files sent back to the whole read, and several errors.
    expect(outcomes.has('segments')).toBe(true);
    expect(outcomes.size).toBeGreaterThan(5);
  });
});
