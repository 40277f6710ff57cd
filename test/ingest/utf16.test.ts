// Excel's "Unicode text" (Spara som → Unicode-text): UTF-16 with a byte order mark, tabs between
// fields, CRLF, Swedish decimal commas. Read through a UTF-8 copy (src/ingest/utf16.ts): the
// same figures as the same table saved as CSV UTF-8, the file's own encoding reported, errors
// on the file's own lines, and no copy left behind.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { loadConfig } from '../../src/config/load.js';
import { loadPopulation } from '../../src/ingest/population.js';
import { DataError } from '../../src/errors.js';
import { render } from '../../src/messages/index.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { EXAMPLE_CONFIG, EXAMPLE, runCli } from '../e2e/cli.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';

const ORIGINAL = `${EXAMPLE}/data/enkat-2023.csv`;

/** The example's 2023 file as Swedish Excel saves it as Unicode text. */
function unicodeText(encoding: 'utf-16le' | 'utf-16be', bom = true): Buffer {
  const rows = parse(readFileSync(ORIGINAL, 'utf8')) as string[][];
  const weight = rows[0]!.indexOf('vikt');
  const text = rows
    .map((row, r) =>
      row
        .map((v, c) => (r > 0 && c === weight ? v.replace('.', ',') : v))
        .map((v) => (/[\t"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
        .join('\t'),
    )
    .join('\r\n');
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}\r\n`, 'utf16le');
  return encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
}

async function figuresOf(file: string) {
  const { config } = await loadConfig(EXAMPLE_CONFIG);
  const { sums, files } = await ingestFiles([file], config, { configPath: EXAMPLE_CONFIG });
  return { csv: exportFigures(computeFigures(sums, config), 'csv'), files };
}

describe('UTF-16 text (Excel\'s "Unicode text")', () => {
  it('gives the figures of the same table saved as CSV UTF-8, and says what it read', async () => {
    const expected = await figuresOf(ORIGINAL);
    expect(expected.csv.split('\n').length).toBeGreaterThan(1000);
    const dir = tempDir('lagesbild-utf16-');
    for (const [name, bytes, encoding] of [
      ['enkat-2023-le.txt', unicodeText('utf-16le'), 'utf-16le'],
      ['enkat-2023-be.txt', unicodeText('utf-16be'), 'utf-16be'],
      ['enkat-2023-le-utan-bom.txt', unicodeText('utf-16le', false), 'utf-16le'],
    ] as const) {
      const read = await figuresOf(writeFile(dir, name, bytes));
      expect(read.csv).toBe(expected.csv);
      expect(read.files.map((f) => [f.encoding, f.delimiter, f.rows])).toEqual([[encoding, '\t', expected.files[0]!.rows]]);
    }
  });

  it('is an error on the line where the text stops being UTF-16 (a file cut off in a character)', async () => {
    const dir = tempDir('lagesbild-utf16-');
    const whole = unicodeText('utf-16le');
    const lines = whole.toString('utf16le').split('\r\n').length - 1;
    const cut = writeFile(dir, 'avklippt.txt', whole.subarray(0, whole.length - 3));
    const error = await figuresOf(cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect([e.message, e.location, e.hintText && render(e.hintText, 'en')]).toEqual([
      'the file is UTF-16LE text (Excel\'s "Unicode text"), but not from this line on: it is cut off, or not all text',
      { file: cut, line: lines },
      'Save the whole table again as "Unicode text" or as "CSV UTF-8" (in Excel: Spara som)',
    ]);
    // A lone surrogate on line 3 (the second data row).
    const text = whole.toString('utf16le');
    const third = text.indexOf('\r\n', text.indexOf('\r\n') + 2) + 2;
    const broken = Buffer.concat([whole.subarray(0, third * 2), Buffer.from([0x00, 0xdc]), whole.subarray(third * 2)]);
    const error3 = (await figuresOf(writeFile(dir, 'trasig.txt', broken)).catch((e: unknown) => e)) as DataError;
    expect(error3.location).toEqual({ file: `${dir}/trasig.txt`, line: 3 });
  });

  it('is read for the config\'s own tables too (the population file as Unicode text)', async () => {
    const { config } = await loadConfig(EXAMPLE_CONFIG);
    const expected = await loadPopulation(config, EXAMPLE_CONFIG);
    const dir = tempDir('lagesbild-utf16-');
    const text = readFileSync(`${EXAMPLE}/befolkning.csv`, 'utf8').replaceAll(';', '\t').replaceAll('\n', '\r\n');
    writeFile(dir, 'befolkning.txt', Buffer.from(`\uFEFF${text}`, 'utf16le'));
    const read = await loadPopulation({ ...config, population: { ...config.population!, file: 'befolkning.txt' } }, `${dir}/lagesbild.yaml`);
    expect([read.delimiter, read.rows]).toEqual(['\t', expected.rows]);
    expect(read.rows.length).toBeGreaterThan(20);
  });

  it('through the CLI: validate names the encoding, figures leaves no copy behind', async () => {
    const dir = tempDir('lagesbild-utf16-');
    const file = writeFile(dir, 'Trygghetsenkät 2023.txt', unicodeText('utf-16le'));
    const tmp = tempDir('lagesbild-utf16-tmp-');
    const validate = await runCli(['validate', file, '-c', EXAMPLE_CONFIG, '--lang', 'en'], { TMPDIR: tmp });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/Trygghetsenkät 2023\.txt +1 042 rows +UTF-16LE +tab-separated\n/);
    const figures = await runCli(['figures', file, '-c', EXAMPLE_CONFIG, '-o', `${dir}/out`], { TMPDIR: tmp });
    const original = await runCli(['figures', ORIGINAL, '-c', EXAMPLE_CONFIG, '-o', `${dir}/csv`], { TMPDIR: tmp });
    expect([figures.code, figures.stderr]).toEqual([0, `wrote ${dir}/out/figures.csv (6,357 figures)\n`]);
    expect(readFileSync(`${dir}/out/figures.csv`, 'utf8')).toBe(readFileSync(`${dir}/csv/figures.csv`, 'utf8'));
    expect(original.stderr).toBe(`wrote ${dir}/csv/figures.csv (6,357 figures)\n`);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
