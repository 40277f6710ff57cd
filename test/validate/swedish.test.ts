// validate's findings in Swedish (--lang sv): every kind of problem it reports, those it
// detects itself and those raised by ingest, the config loader and the statistics, speaks
// Swedish with no English left (paths, quoted values, config keys and codes aside).
import { describe, expect, it } from 'vitest';
import { englishIn } from '../bad-input/run-cli.js';
import { CONFIG, HEADER, project, respondents, toCsv } from './fixtures.js';
import { runCli } from './run-cli.js';

/** The lines of the "Problem" section and the result line. */
function problemLines(stdout: string): string[] {
  const part = stdout.split(/(?:^|\n)Problems?\n/)[1];
  expect(part, stdout).toBeDefined();
  return part!.split('\n').filter(Boolean);
}

describe('validate --lang sv: every finding in Swedish', () => {
  const p = project();
  const cases: [string, () => { files: string[]; config?: string; args?: string[] }][] = [
    [
      'row problems of every kind',
      () => {
        const rows = respondents(40, (i) => {
          if (i === 2) return { F1: 'Nej ' }; // near-miss: spaces
          if (i === 3) return { F1: 'ID-7f3a9c2e' }; // not a near-miss
          if (i === 4) return { kon: 'Flika' }; // a typo
          if (i === 5) return { ar: '2023/24' };
          if (i === 6) return { ar: 'tjugotre' };
          if (i === 7) return { vikt: '-1' };
          if (i === 8) return { vikt: '' };
          if (i === 9) return { vikt: '1e308' };
          if (i === 10) return { vikt: '0' };
          if (i === 11) return { kommun: '' };
          if (i === 12) return { kommun: '\u0001Åby' };
          if (i === 13) return { vikt: '1,5' };
          if (i === 14 || i === 15) return { lopnr: '1001' }; // a repeated id
          return {};
        });
        return { files: [p.file('rader.csv', toCsv([HEADER, ...rows]))] };
      },
    ],
    ['garbled letters (converted twice)', () => ({ files: [p.file('dubbel.csv', Buffer.from(Buffer.from(toCsv([HEADER, ...respondents(12)]), 'utf8').toString('latin1'), 'utf8'))] })],
    ['Windows-1252, forced on UTF-8', () => ({ files: [p.file('utf8.csv', toCsv([HEADER, ...respondents(12)]))], args: ['--encoding', 'windows-1252'] })],
    ['Windows-1252 detected', () => ({ files: [p.file('ansi.csv', Buffer.from(toCsv([HEADER, ...respondents(12)]), 'latin1'))] })],
    [
      'Swedish Excel: empty columns, decimal commas, a repeated header name',
      () => ({ files: [p.file('excel.csv', toCsv([[...HEADER, 'F1x', 'F1x', ''], ...respondents(12, (i) => ({ vikt: `0,9${i}` })).map((r) => [...r, '', '', ''])], ';'))] }),
    ],
    ['an indicator nobody answered yes', () => ({ files: [p.file('aldrig.csv', toCsv([HEADER, ...respondents(20, () => ({ F2: 'Nej' }))]))] })],
    ['a ragged file', () => ({ files: [p.file('trasig.csv', `${toCsv([HEADER, ...respondents(5)])}Åby,2023\n`)] })],
    ['a column the config names but the file lacks', () => ({ files: [p.file('utan.csv', toCsv([HEADER.filter((h) => h !== 'F2'), ...respondents(5).map((r) => r.slice(0, -1))]))] })],
    ['a missing config', () => ({ files: [p.file('ok.csv', toCsv([HEADER, ...respondents(5)]))], config: `${p.dir}/finns-inte.yaml` })],
    [
      'a lonely PSU',
      () => {
        const config = p.file('strata.yaml', CONFIG.replace('design:\n  weight: vikt', 'design:\n  weight: vikt\n  strata: kommun'));
        return { files: [p.file('strata.csv', toCsv([HEADER, ...respondents(10), ...respondents(1, () => ({ kommun: 'Öby', lopnr: '9999' }))]))], config };
      },
    ],
    ['a config with an unknown key', () => ({ files: [p.file('ok2.csv', toCsv([HEADER, ...respondents(5)]))], config: p.file('fel.yaml', CONFIG.replace('  source: Testenkät', '  source: Testenkät\n  sorce: x')) })],
  ];

  it.each(cases)('%s', async (_, make) => {
    const { files, config = p.config, args = [] } = make();
    const run = await runCli(['validate', ...files, '-c', config, '--lang', 'sv', ...args]);
    const lines = problemLines(run.stdout);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(englishIn(line, [...files, config, p.dir]), line).toEqual([]);
    expect(run.stdout).not.toContain('7f3a'); // and no respondent id
    const english = await runCli(['validate', ...files, '-c', config, '--lang', 'en', ...args]);
    expect(problemLines(english.stdout).some((l) => englishIn(l, [...files, config, p.dir]).length > 0), 'the English run is English').toBe(true);
  });
});
