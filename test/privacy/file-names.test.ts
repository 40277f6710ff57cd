// Municipality names become file names (report, batch folders). Whatever a name holds, the
// file must land inside the output folder, under a name every operating system accepts.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/cli/outputs.js';
import { reportBaseName, reportYears } from '../../src/cli/report-files.js';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { EXIT } from '../../src/errors.js';
import { MINI_CONFIG, MINI_HEADER, csv, tempDir } from '../fixtures/mini-project.js';
import { runCli } from '../e2e/cli.js';

const HOSTILE = [
  '../../etc/passwd',
  '..',
  '.',
  '...',
  '/etc/passwd',
  '/tmp/lagesbild-evil',
  'C:\\Windows\\System32',
  '\\\\server\\share\\x',
  'CON',
  'con.txt',
  'Nul',
  'COM1',
  'lpt9.pdf',
  'AUX ',
  ' . ',
  'a\u0000b',
  'rad\nbrytning',
  '<script>alert(1)</script>',
  'a:b*c?d"e|f',
  '',
  '   ',
  '-',
  '.hidden',
  'x'.repeat(300),
  'Ängsby–Öja',
];

/** Windows reserves these device names, with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

describe('safeFileName keeps every name a plain file name inside the output folder', () => {
  const out = resolve('/srv/rapporter');
  for (const name of HOSTILE) {
    it(JSON.stringify(name.length > 20 ? `${name.slice(0, 20)}…` : name), () => {
      const safe = safeFileName(name);
      const base = reportBaseName(name, [2019, 2023], 'sv');
      for (const f of [safe, `${base}.pdf`]) {
        expect(f.length).toBeGreaterThan(0);
        expect(f.length).toBeLessThanOrEqual(120);
        expect(f).not.toMatch(/[/\\\u0000-\u001f<>:"|?*]/);
        expect(f).not.toMatch(/^[.\- ]|[. ]$/);
        expect(f).not.toMatch(RESERVED);
        expect(resolve(out, f).startsWith(out + sep)).toBe(true);
        expect(resolve(out, f)).toBe(join(out, f));
      }
    });
  }
  it('keeps Swedish letters', () => {
    expect(safeFileName('Ängsby–Öja')).toBe('Ängsby–Öja');
  });
});

describe('a report is named for its own waves', () => {
  it('a municipality that joined in the last wave is named for it; the county and pooled waves span them all', async () => {
    const dir = tempDir();
    const rows = (area: string, year: number) => Array.from({ length: 12 }, (_, i) => [area, year, i % 2 ? 'F' : 'P', '9', 1, i % 3 ? 'Nej' : 'Ja', 'Nej']);
    const file = join(dir, 'enkat.csv');
    writeFileSync(file, csv([MINI_HEADER, ...rows('Åby', 2022), ...rows('Åby', 2024), ...rows('Bby', 2024)]));
    const { sums } = await ingestFiles([file], parseConfig(MINI_CONFIG, 'lagesbild.yaml'));
    const meta = { county: 'Testlän', pooled: { waves: false, grades: false, areas: { 'Åby och Bby': ['Åby', 'Bby'] } } };
    expect(reportYears(sums, meta, 'Bby')).toEqual([2024]);
    expect(reportBaseName('Bby', reportYears(sums, meta, 'Bby'), 'sv')).toBe('Bby-2024');
    expect(reportYears(sums, meta, 'Åby')).toEqual([2022, 2024]);
    expect(reportYears(sums, meta, 'Åby och Bby')).toEqual([2022, 2024]);
    expect(reportYears(sums, meta, 'Testlän')).toEqual([2022, 2024]);
    expect(reportYears(sums, { ...meta, pooled: { ...meta.pooled, waves: true } }, 'Bby')).toEqual([2022, 2024]);
  });
});

describe('batch: two municipalities whose names give the same file name', () => {
  // "Upplands Väsby" and "Upplands-Väsby" both become the folder Upplands-Väsby: batch
  // refuses up front, naming both.
  it('gets one report per municipality, or refuses before writing anything', async () => {
    const dir = tempDir('lagesbild-collide-');
    const rows = ['Upplands Väsby', 'Upplands-Väsby'].flatMap((a) => [
      [a, 2023, 'F', '9', '1', '1', '2'],
      [a, 2023, 'P', '9', '1', '2', '2'],
      [a, 2023, 'F', 'gy2', '1', '1', '1'],
    ]);
    writeFileSync(join(dir, 'enkat.csv'), csv([MINI_HEADER, ...rows]));
    writeFileSync(join(dir, 'lagesbild.yaml'), MINI_CONFIG);
    const out = join(dir, 'out');
    const run = await runCli(['batch', join(dir, 'enkat.csv'), '-c', join(dir, 'lagesbild.yaml'), '-o', out, '--format', 'html', '--jobs', '1', '--force']);
    const folders = existsSync(out) ? readdirSync(out).filter((f) => f.startsWith('Upplands')) : [];
    // Today: exit 0 and one folder, holding whichever report was written last.
    if (run.code === EXIT.ok) expect(folders, run.stderr).toHaveLength(2);
    else expect(folders, run.stderr).toEqual([]);
  });
});
