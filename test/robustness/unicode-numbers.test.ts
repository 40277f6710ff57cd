// Unicode names and implausible numbers at the boundary (issue 13, classes 1 and 2):
// - a name in any normalisation form, with invisible format characters, is one name: from
//   two wave files, the config and --area alike;
// - format characters never reach a file name, and every quoted string in a message goes
//   through the printable filter;
// - a weight that would overflow w² or the sums (or underflow them) is refused with its line
//   and column.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { createLog } from '../../src/cli/log.js';
import { safeFileName } from '../../src/cli/outputs.js';
import { MINI_CONFIG, MINI_HEADER, csv, tempDir, writeFile } from '../fixtures/mini-project.js';
import { runCli } from '../bad-input/run-cli.js';

const NAME = 'Ängsö';
/** The same name as different files may hold it. */
const FORMS: Record<string, string> = {
  NFC: NAME.normalize('NFC'),
  NFD: NAME.normalize('NFD'),
  'NFD, only the first letter': `${'Ä'.normalize('NFD')}ngs${'ö'.normalize('NFC')}`,
  'zero-width space': `Ängs\u200bö`,
  'right-to-left override': `\u202eÄngsö`,
  'byte order mark inside': `Ängsö\ufeff`,
  'soft hyphen': `Äng\u00adsö`,
  'left-to-right isolate': `\u2066Ängsö\u2069`,
};
const FORMAT_CHARACTERS = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200e', '\u200f', '\u200d', '\ufeff', '\u00ad', '\u2060', '\u061c'];

function project(rows: (string | number)[][][]) {
  const dir = tempDir('lagesbild-unicode-');
  const config = writeFile(dir, 'lagesbild.yaml', MINI_CONFIG);
  const files = rows.map((r, i) => writeFile(dir, `enkat-${i}.csv`, csv([MINI_HEADER, ...r])));
  return { dir, config, files };
}
const rowsFor = (area: string, year: number, n = 12) => Array.from({ length: n }, (_, i) => [area, year, i % 2 ? 'F' : 'P', '9', '1', i % 3 ? 'Nej' : 'Ja', i % 4 ? 'Nej' : 'Ja']);

async function areasAndWaves(files: string[], config: string): Promise<Record<string, number[]>> {
  const run = await runCli(['figures', ...files, '-c', config, '--json']);
  expect(run.code, run.stderr).toBe(EXIT.ok);
  const records = (JSON.parse(run.stdout) as { records: { kind: string; area: string; year: number; group: string; indicator: string }[] }).records;
  const out: Record<string, number[]> = {};
  for (const r of records.filter((x) => x.kind === 'estimate' && x.group === 'total' && x.indicator === 'slagen' && x.area !== 'Testlän')) {
    out[r.area] = [...(out[r.area] ?? []), r.year].sort();
  }
  return out;
}

describe('one name, however it is written', () => {
  for (const [form, written] of Object.entries(FORMS)) {
    it(`a wave file with the name in ${form} and one in NFC: one municipality with both waves`, async () => {
      const { files, config } = project([rowsFor(FORMS.NFC!, 2021), rowsFor(written, 2023)]);
      expect(await areasAndWaves(files, config)).toEqual({ [NAME]: [2021, 2023] });
    });

    it(`--area typed in ${form} finds the municipality`, async () => {
      const { files, config, dir } = project([[...rowsFor(NAME, 2023), ...rowsFor('Åby', 2023)]]);
      const run = await runCli(['report', ...files, '-c', config, '--area', written, '-o', join(dir, 'out'), '--format', 'html', '--date', '2024-05-31']);
      expect(run.code, run.stderr).toBe(EXIT.ok);
      expect(run.stderr).toBe(`wrote ${join(dir, 'out', `${NAME}-2023.html`)}\n`);
    });
  }

  it('answers and group codes in NFD match the config (NFC)', async () => {
    const config = MINI_CONFIG.replace('no: ["2", "Nej"]', 'no: ["2", "Nej", "Nej aldrig"]').replace('aliases: [Flicka]', 'aliases: [Flicka, Tjej i år 9]');
    const dir = tempDir('lagesbild-unicode-');
    const path = writeFile(dir, 'lagesbild.yaml', config);
    const rows = rowsFor('Åby', 2023).map((r, i) => (i === 0 ? ['Åby'.normalize('NFD'), 2023, 'Tjej i år 9'.normalize('NFD'), '9', '1', 'Nej aldrig'.normalize('NFD'), 'Nej'] : r));
    const file = writeFile(dir, 'enkat.csv', csv([MINI_HEADER, ...rows]));
    expect(await areasAndWaves([file], path)).toEqual({ Åby: [2023] });
  });
});

describe('format characters', () => {
  it.each(FORMAT_CHARACTERS.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s never reaches a file name', (_, c) => {
    expect(safeFileName(`Öst${c}ra Göinge${c}`)).toBe('Östra-Göinge');
    expect(safeFileName(`${c}fdp.exe`)).toBe('fdp.exe');
  });

  it.each(FORMAT_CHARACTERS.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    '%s in --area is shown escaped in the message, and so is the list of choices',
    async (code, c) => {
      const { files, config } = project([[...rowsFor(NAME, 2023), ...rowsFor('Åby', 2023)]]);
      const run = await runCli(['report', ...files, '-c', config, '--area', `X${c}Y`]);
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toBe(`error: no municipality "X\\u${code.slice(2).toLowerCase()}Y" in the data. Choose one of: Åby, Ängsö\n`);
    },
  );

  it("every line a log prints (batch's wrote and failed lines too) goes through the printable filter", () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let text = '';
    (stream as unknown as PassThrough).on('data', (d: Buffer) => (text += d.toString('utf8')));
    const log = createLog({}, stream, {});
    log.info('wrote ut/\u202efdp.exe/x.pdf');
    log.error('Kommun\u001b[31m: the worker stopped');
    log.warn('two\nlines\u2028here');
    // A warning or an error is one line: a line break in it is shown as \\n.
    expect(text).toBe('wrote ut/\\u202efdp.exe/x.pdf\nerror: Kommun\\u001b[31m: the worker stopped\nwarning: two\\nlines\\u2028here\n');
  });
});

describe('weights that overflow or underflow are refused with their line and column', () => {
  const OUTSIDE = ['1e308', '1.7976931348623157e308', '1e200', '1e155', '2e6', '1e-320', '1e-200', '9e-7'];
  it.each(OUTSIDE)('weight %s', async (w) => {
    const rows = rowsFor('Åby', 2023);
    rows[4]![4] = w;
    const { files, config } = project([rows]);
    const run = await runCli(['figures', ...files, '-c', config, '--json']);
    expect(run.code).toBe(EXIT.data);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `error: ${files[0]}:6:5: vikt: weight "${w}" is outside the plausible range 0.000001 to 1,000,000. Check the weight column: a shifted row, or weights in another unit?\n`,
    );
  });

  it.each(['1e309', '1e400', 'Infinity', 'NaN'])('weight %s (not a finite number)', async (w) => {
    const rows = rowsFor('Åby', 2023);
    rows[0]![4] = w;
    const { files, config } = project([rows]);
    const run = await runCli(['figures', ...files, '-c', config, '--json']);
    expect(run.code).toBe(EXIT.data);
    expect(run.stderr).toMatch(new RegExp(`^error: ${files[0]}:2:5: vikt: .+\\n$`));
  });

  it('every weight huge but equal is refused too (the sums would overflow, not the ratio)', async () => {
    const { files, config } = project([rowsFor('Åby', 2023).map((r) => r.map((v, i) => (i === 4 ? '1e300' : v)))]);
    expect((await runCli(['figures', ...files, '-c', config, '--json'])).code).toBe(EXIT.data);
  });

  it('the bounds themselves are accepted', async () => {
    const rows = rowsFor('Åby', 2023);
    rows[0]![4] = '0.000001';
    rows[1]![4] = '1000000';
    const { files, config } = project([rows]);
    expect(await areasAndWaves(files, config)).toEqual({ Åby: [2023] });
  });
});
