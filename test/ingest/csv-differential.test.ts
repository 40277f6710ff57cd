// The byte-level CSV reader against its reference (csv-parse, readers/csv-reference.ts): over
// the fuzz corpus (mutated example files, as csv.fuzz.test.ts makes them), the bad-input
// corpus, and files that put quotes, line breaks, multi-byte letters and errors across the
// 256 KiB chunks both read in, each is read by both, and everything must be identical: the
// header, every row with its line, every error (message, location, exit code), every row
// problem that validate collects, and the figures table byte for byte.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { LagesbildError } from '../../src/errors.js';
import { readRows } from '../../src/ingest/source.js';
import type { RowProblem } from '../../src/ingest/respondents.js';
import { render } from '../../src/messages/index.js';
import { MINI_CONFIG, MINI_HEADER, tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG_PATH } from '../examples/norrbacka.js';
import { applyCsvMutation, csvMutations, sampleCsv } from '../fuzz/mutate.js';
import { CASES, TABLE } from '../bad-input/table.js';

const RUNS = 300;
const READER = 'LAGESBILD_CSV_READER';

afterEach(() => {
  delete process.env[READER];
});

async function withReader<T>(reader: 'bytes' | 'csv-parse', fn: () => Promise<T>): Promise<T> {
  if (reader === 'csv-parse') process.env[READER] = 'csv-parse';
  else delete process.env[READER];
  try {
    return await fn();
  } finally {
    delete process.env[READER];
  }
}

/** What a run ended in: its value, or the error as the user sees it. */
async function outcome<T>(fn: () => Promise<T>): Promise<{ ok: T } | { error: string; exit: number }> {
  try {
    return { ok: await fn() };
  } catch (err) {
    if (!(err instanceof LagesbildError)) throw err;
    return { error: err.toLine('en'), exit: err.exitCode };
  }
}

/** The header and every row with its line, as readRows hands them on. */
function rowsOf(file: string) {
  return outcome(async () => {
    const rows: { line: number; fields: string[] }[] = [];
    const { header } = await readRows(file, { onHeader: () => undefined, onRow: (fields, line) => void rows.push({ line, fields: [...fields] }) });
    return { names: header.names, line: header.headerLine, encoding: header.encoding, delimiter: header.delimiter, rows };
  });
}

/** Every row problem validate would collect, then the figures table as CSV. */
function figuresOf(file: string, config: ProjectConfig) {
  return outcome(async () => {
    const problems: string[] = [];
    const collect = (p: RowProblem) => void problems.push(`${JSON.stringify(p.location)} ${p.kind} ${p.key} ${render(p.message, 'en')}`);
    const collected = await ingestFiles([file], config, { onProblem: collect, configPath: EXAMPLE_CONFIG_PATH });
    const strict = await outcome(() => ingestFiles([file], config, { configPath: EXAMPLE_CONFIG_PATH }));
    const figures = 'ok' in strict ? exportFigures(computeFigures(strict.ok.sums, config), 'csv') : strict;
    return { problems, rows: collected.files.map((f) => f.rows), figures };
  });
}

async function expectSame(file: string, config: ProjectConfig, figures = true): Promise<string> {
  const bytes = await withReader('bytes', () => rowsOf(file));
  const reference = await withReader('csv-parse', () => rowsOf(file));
  expect(bytes).toEqual(reference);
  if (figures) {
    const a = await withReader('bytes', () => figuresOf(file, config));
    const b = await withReader('csv-parse', () => figuresOf(file, config));
    expect(a).toEqual(b);
  }
  return 'ok' in bytes ? 'ok' : bytes.error;
}

describe('CSV reader: byte level = csv-parse (the reference)', () => {
  it(`${RUNS} mutated example files: the same rows, errors, problems and figures`, async () => {
    const { config } = await loadConfig(EXAMPLE_CONFIG_PATH);
    const base = sampleCsv();
    const file = join(tempDir('lagesbild-csv-diff-'), 'enkat.csv');
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(csvMutations, fc.boolean(), async (mutations, figures) => {
        writeFileSync(file, mutations.reduce(applyCsvMutation, base));
        seen.add((await expectSame(file, config, figures)).replace(/^[^:]*:[\d:]*\s*/, '').slice(0, 30));
      }),
      { seed: 20261130, numRuns: RUNS },
    );
    // Both paths were compared on many kinds of outcome, not only on one error.
    expect(seen.size).toBeGreaterThan(10);
  });

  it('the bad-input corpus: the same rows, errors, problems and figures', async () => {
    const config = parseConfig(MINI_CONFIG, 'lagesbild.yaml');
    const dir = tempDir('lagesbild-csv-diff-bad-');
    const files = readdirSync(CASES)
      .filter((f) => /\.(csv|bin)$/.test(f))
      .map((f) => join(CASES, f));
    for (const c of TABLE.filter((c) => c.generate)) {
      const path = join(dir, c.file);
      writeFileSync(path, c.generate!());
      files.push(path);
    }
    for (const f of files) await expectSame(f, config);
    expect(files.length).toBeGreaterThan(30);
  });

  describe('across the 256 KiB chunks both read in', () => {
    const config = parseConfig(MINI_CONFIG, 'lagesbild.yaml');
    const dir = tempDir('lagesbild-csv-diff-chunks-');
    mkdirSync(dir, { recursive: true });
    const CHUNK = 256 * 1024;
    // Constructs that the end of a chunk may cut: quoted line breaks, doubled quotes, CRLF,
    // å in both encodings, an euro sign (three UTF-8 bytes), and errors.
    const constructs: [string, string][] = [
      ['quoted line break', 'Åby,2023,F,9,1,"1\n",2'],
      ['quoted CRLF', 'Åby,2023,F,9,1,"Ja\r\n",2'],
      ['doubled quotes', 'Åby,2023,F,9,1,"""Ja""",2'],
      ['CRLF row', 'Åby,2023,P,gy2,1,2,1\r'],
      ['CR row', 'Åby,2023,P,gy2,1,2,1\r'],
      ['euro sign', 'Åby,2023,F,9,1,€,2'],
      ['quote inside', 'Åby,2023,F,9,1,1"x,2'],
      ['after quote', 'Åby,2023,F,9,1,"1"x,2'],
      ['unknown answer', 'Åby,2023,F,9,1,7,2'],
    ];
    const filler = 'Åby,2023,F,9,1.25,1,2\n';
    const head = `${MINI_HEADER.join(',')}\n`;
    for (const encoding of ['utf-8', 'windows-1252'] as const) {
      for (const [name, row] of constructs) {
        it(`${name}, ${encoding}: at each offset around a chunk's end`, async () => {
          const enc = (s: string) => (encoding === 'utf-8' ? Buffer.from(s) : Buffer.from(s.replace('€', '\u0080'), 'latin1'));
          const outcomes = new Set<string>();
          // The construct starts k bytes before the end of the first chunk; a NUL byte in
          // the second chunk (every other k) must win or lose against the row as in the reference.
          const prefix = enc(head + filler.repeat(Math.floor((CHUNK - 400) / enc(filler).length)));
          const padRow = enc('Åby,2023,F,9,1,1,2');
          for (let k = 0; k <= 5; k++) {
            const commas = CHUNK - k - prefix.length - padRow.length - 1;
            const data = Buffer.concat([prefix, padRow, enc(`${','.repeat(commas)}\n${row}\n${filler}`), Buffer.from(k % 2 ? [0x00] : []), enc(filler)]);
            expect(data.indexOf(enc(row))).toBe(CHUNK - k);
            const file = join(dir, `${encoding}-${name.replace(/\W/g, '-')}-${k}.csv`);
            writeFileSync(file, data);
            outcomes.add(await expectSame(file, config, false));
          }
          expect(outcomes.size).toBeGreaterThan(0);
        });
      }
    }
  });

  it('reads the bundled example to the same figures', async () => {
    const { config } = await loadConfig(EXAMPLE_CONFIG_PATH);
    const file = join(tempDir('lagesbild-csv-diff-example-'), 'enkat.csv');
    writeFileSync(file, readFileSync(EXAMPLE_CONFIG_PATH.replace('lagesbild.yaml', 'data/enkat-2021.csv')));
    expect(await expectSame(file, config)).toBe('ok');
  });
});
