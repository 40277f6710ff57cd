// Flags that contradict each other, and dates that do not exist, are usage errors (exit 2)
// that name both flags or the date; nothing is silently resolved.
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { declaredConflicts } from '../../src/cli/main.js';
import { isCalendarDate, resolveDate } from '../../src/cli/outputs.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';
import { tempDir } from '../fixtures/mini-project.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';

/** What the user must not combine, written out here so that a missing declaration fails. */
const CONTRADICTIONS: [string, string, string][] = [
  ['', '--quiet', '--verbose'],
  ['figures', '--excel-sv', '--format'],
  ['figures', '--json', '--excel-sv'],
  ['figures', '--json', '--format'],
  ['figures', '--json', '--out'],
  ['figures', '--xlsx', '--excel-sv'],
  ['figures', '--xlsx', '--format'],
  ['figures', '--xlsx', '--json'],
  ['batch', '--xlsx', '--excel-sv'],
];

/** A value for a flag that takes one. */
const VALUE: Record<string, string[]> = { '--format': ['json'], '--out': ['tabeller'] };
const flag = (f: string) => [f, ...(VALUE[f] ?? [])];
const COMMANDS: Record<string, string[]> = {
  '': ['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG],
  figures: ['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG],
  batch: ['batch', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG],
};

describe('contradicting flags', () => {
  it('are declared with commander (.conflicts), exactly these pairs', () => {
    const key = (p: [string, string, string]) => `${p[0]} ${[p[1], p[2]].sort().join(' ')}`;
    expect(declaredConflicts().map(key).sort()).toEqual(CONTRADICTIONS.map(key).sort());
  });

  for (const [command, a, b] of CONTRADICTIONS) {
    for (const [first, second] of [
      [a, b],
      [b, a],
    ] as const) {
      it(`${command || '(global)'} ${first} with ${second}: exit 2, both named, nothing written`, async () => {
        const out = tempDir('lagesbild-flags-');
        const args = command === '' ? [...flag(first), ...flag(second), ...COMMANDS['']!] : [...COMMANDS[command]!, ...flag(first), ...flag(second)];
        const run = await runCli([...args, ...(args.includes('--out') || args.includes('--json') ? [] : ['-o', out])]);
        expect(run.code).toBe(EXIT.usage);
        expect(run.stdout).toBe('');
        const line = run.stderr.split('\n')[0]!;
        expect(line).toMatch(/^error: option '.*' cannot be used with option '.*'$/);
        for (const f of [first, second]) expect(line).toContain(f);
        expect(run.stderr).not.toMatch(STACK_LINE);
      });
    }
  }
});

describe('dates', () => {
  const IMPOSSIBLE = ['2023-02-30', '2023-02-29', '2100-02-29', '2023-04-31', '2023-06-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-1-5', '20230105', '2023-01-32', '0000-01-01'];

  it.each(IMPOSSIBLE)('--date %s is refused (exit 2) before any work', async (date) => {
    const out = tempDir('lagesbild-date-');
    const run = await runCli(['report', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--area', 'Ängsby', '-o', out, '--date', date]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toBe(`error: --date "${date}" is not a date in the calendar. Use the form YYYY-MM-DD with a real day, such as 2024-03-31\n`);
  });

  it('real days are dates, leap days only in leap years', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-02-28', '2023-04-30', '2023-12-31', '2023-01-01']) expect(isCalendarDate(d), d).toBe(true);
    expect(resolveDate('2024-02-29')).toBe('2024-02-29');
  });

  it('SOURCE_DATE_EPOCH: seconds since 1970 give the day; a malformed value is an error, not today', () => {
    expect(resolveDate(undefined, { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    for (const bad of ['yesterday', '-5', '1.5e9', '99999999999999']) {
      expect(() => resolveDate(undefined, { SOURCE_DATE_EPOCH: bad }), bad).toThrow(`SOURCE_DATE_EPOCH "${bad}" is not a number of seconds since 1970`);
    }
  });
});

describe('usage errors in Swedish (LC_ALL=sv_SE.UTF-8 or --lang sv)', () => {
  it('commander\'s own errors are said in Swedish too', async () => {
    const sv = (args: string[]) => runCli(args, 'sv_SE.UTF-8');
    expect((await sv(['figures', ...EXAMPLE_CSV, '--json', '--excel-sv'])).stderr).toBe(
      "fel: flaggan '--json' kan inte användas tillsammans med flaggan '--excel-sv'\n(kör med --help för att se hur kommandot används)\n",
    );
    expect((await sv(['figures', ...EXAMPLE_CSV, '--jsn'])).stderr.split('\n')[0]).toBe("fel: okänd flagga '--jsn' (menade du --json?)");
    expect((await sv(['figures'])).stderr.split('\n')[0]).toBe("fel: argumentet 'files' saknas");
    expect((await sv(['figures', ...EXAMPLE_CSV, '--encoding', 'latin9'])).stderr.split('\n')[0]).toBe(
      `fel: flaggan '--encoding <name>': "latin9" är inte ett av utf-8, windows-1252`,
    );
    expect((await sv(['rapport'])).stderr.split('\n')[0]).toBe("fel: okänt kommando 'rapport' (menade du report?)");
  });

  it('--lang sv decides for report, whatever the locale', async () => {
    const run = await runCli(['report', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--area', 'Ängsby', '--lang', 'sv', '--date', '2023-02-30']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toBe('fel: --date "2023-02-30" är inte ett datum som finns i almanackan. Skriv datumet som ÅÅÅÅ-MM-DD med en dag som finns, till exempel 2024-03-31\n');
  });
});
