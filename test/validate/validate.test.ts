// `lagesbild validate` end to end in this process: each real-world problem gives its exact
// message, its locations and its exit code, and identical problems are counted, not repeated.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';
import { CONFIG, HEADER, project, respondent, respondents, toCsv } from './fixtures.js';
import { runCli } from './run-cli.js';

const CONFIG_STRATA = CONFIG.replace('design:\n  weight: vikt', 'design:\n  weight: vikt\n  strata: skola');
/** A finding as printed: the label padded to the widest (WARNING), details indented under the message. */
function finding(label: 'ERROR' | 'WARNING' | 'NOTE', message: string, ...details: string[]): string {
  return [`  ${label.padEnd(7)}  ${message}`, ...details.map((d) => `${' '.repeat(11)}${d}`)].join('\n') + '\n';
}

const validate = (files: string[], config: string, ...flags: string[]) => runCli(['validate', ...files, '-c', config, '--lang', 'en', ...flags]);

interface JsonResult {
  reportable: boolean;
  exit_code: number;
  files: { file: string; rows: number; encoding: string; delimiter: string; failed: boolean }[];
  findings: { code: string; severity: string; message: string; hint: string | null; count: number; locations: { file: string; line?: number; column?: number }[] }[];
  respondents: { genders: string[]; grades: string[]; rows: { area: string; year: number; cells: number[]; other: number; total: number }[] };
  missing: { indicator: string; inPopulation: number; answered: number; yes: number; share: number }[];
  small_groups: { area: string; year: number; group: string; n: number }[];
}

async function validateJson(files: string[], config: string, ...flags: string[]): Promise<{ code: number; json: JsonResult }> {
  const run = await runCli(['validate', ...files, '-c', config, '--json', ...flags]);
  return { code: run.code, json: JSON.parse(run.stdout) as JsonResult };
}

describe('validate: a clean file', () => {
  const p = project();
  const file = p.file('enkat.csv', toCsv([HEADER, ...respondents(20)]));

  it('prints respondents per group, missing answers and no problems; exit 0', async () => {
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain(`Files\n  ${file}   20 rows   UTF-8   comma-separated\n`);
    expect(run.stdout).toContain('Respondents per municipality, wave, gender and school year\n');
    expect(run.stdout).toContain(
      [
        '                      Flicka        Pojke',
        '  Municipality  Wave    Åk 9  Gy 2   Åk 9  Gy 2  Not in a group  Total',
        '  Åby           2023      5     5      5     5               0     20',
      ].join('\n'),
    );
    expect(run.stdout).toContain('  slagen   20.0%   4 of 20\n  hotad     0.0%   0 of 20\n');
    expect(run.stdout).toContain('Problems\n  none\n');
    expect(run.stdout.endsWith('Result: the data can be reported. (exit code 0)\n')).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('gives the same as JSON for CI', async () => {
    const { code, json } = await validateJson([file], p.config);
    expect(code).toBe(EXIT.ok);
    expect(json.reportable).toBe(true);
    expect(json.exit_code).toBe(0);
    expect(json.files).toEqual([{ file, format: 'csv', rows: 20, encoding: 'utf-8', delimiter: ',', bom: false, failed: false }]);
    expect(json.respondents.genders).toEqual(['Flicka', 'Pojke']);
    expect(json.respondents.rows).toEqual([{ area: 'Åby', year: 2023, cells: [5, 5, 5, 5], other: 0, total: 20 }]);
    expect(json.missing[0]).toEqual({ indicator: 'slagen', inPopulation: 20, answered: 16, yes: 8, share: 0.2 });
    expect(json.findings).toEqual([]);
  });

  it('speaks Swedish with --lang sv', async () => {
    const run = await runCli(['validate', file, '-c', p.config, '--lang', 'sv']);
    expect(run.stdout).toContain('Svarande per kommun, år, kön och årskurs\n');
    expect(run.stdout).toContain('  slagen   20,0 %   4 av 20\n');
    expect(run.stdout).toContain('Problem\n  inga\n');
    expect(run.stdout.endsWith('Resultat: data kan redovisas. (slutkod 0)\n')).toBe(true);
  });
});

describe('validate: groups too small to report', () => {
  it('lists reported groups under disclosure.min_base and marks their cells', async () => {
    const p = project();
    // 18 respondents: girls and boys in Gy 2 are 4 each (min_base is 5).
    const file = p.file('enkat.csv', toCsv([HEADER, ...respondents(18)]));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain('Groups too small to report (fewer than 5 respondents; shown as "..")\n  Åby 2023: Girls Year 11 (4), Boys Year 11 (4)\n');
    expect(run.stdout).toContain('  Åby           2023      5     4*     5     4*              0     18\n');
    expect(run.stdout).toContain('* fewer than 5 respondents: percentages for this group will be shown as ".."');
    const { json } = await validateJson([file], p.config);
    expect(json.small_groups).toEqual([
      { area: 'Åby', year: 2023, group: 'gender=Flicka;grade=Gy 2', n: 4 },
      { area: 'Åby', year: 2023, group: 'gender=Pojke;grade=Gy 2', n: 4 },
    ]);
  });
});

describe('validate: problems in rows are counted, not repeated', () => {
  it('10 000 answers with a trailing space: one finding, three locations, "… and 9 997 more"; exit 5', async () => {
    const p = project();
    const rows = respondents(10_020, (i) => (i > 20 ? { F1: 'Ja, flera gånger ' } : {}));
    const file = p.file('stor.csv', toCsv([HEADER, ...rows]));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.notReportable);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        '"Ja, flera gånger " is not an answer of slagen — 10 000 rows',
        'It differs from "Ja, flera gånger" only by spaces at the start or end: clean the file, or add "Ja, flera gånger " to the answers in lagesbild.yaml',
        `at ${file}:22:7 (F1), ${file}:23:7, ${file}:24:7 … and 9 997 more`,
      ),
    );
    // The line appears once, not 10 000 times.
    expect(run.stdout.split('is not an answer').length).toBe(2);
    expect(run.stdout.endsWith('Result: not reportable yet: fix the problems marked ERROR (10 000 rows were left out) and run validate again. (exit code 5)\n')).toBe(true);
    const { json } = await validateJson([file], p.config);
    expect(json.findings).toHaveLength(1);
    expect(json.findings[0]).toMatchObject({ code: 'row:answer', severity: 'error', count: 10_000 });
    expect(json.findings[0]!.locations).toEqual([
      { file, line: 22, column: 7, field: 'F1' },
      { file, line: 23, column: 7, field: 'F1' },
      { file, line: 24, column: 7, field: 'F1' },
    ]);
  });

  it('a wave written "2023/24" says how the config makes it a year; exit 5', async () => {
    const p = project();
    const file = p.file('ar.csv', toCsv([HEADER, ...respondents(10, (i) => (i <= 4 ? { ar: '2023/24' } : {}))]));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.notReportable);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        '"2023/24" is not a survey year — 4 rows',
        '"2023/24" is a school year: say when the survey was answered, with `answered_in: spring` (read as 2024) or `answered_in: autumn` (read as 2023) under `columns` in lagesbild.yaml',
        `at ${file}:2:3 (ar), ${file}:3:3, ${file}:4:3 … and 1 more`,
      ),
    );
  });

  it('decimal commas in a comma-separated file: every weight in one finding with the fix; exit 5', async () => {
    const p = project();
    const file = p.file('vikt.csv', toCsv([HEADER, ...respondents(6, (i) => ({ vikt: `1,${i}` }))]));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.notReportable);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        '"1,1" is not a number — 6 rows',
        'The weight has a decimal comma in a comma-separated file: write 1.5, or save the file with semicolons (Swedish Excel), where 1,5 is read as 1.5',
        `at ${file}:2:6 (vikt), ${file}:3:6, ${file}:4:6 … and 3 more`,
      ),
    );
  });

  it('an indicator whose yes answers never occur is a warning; exit 0', async () => {
    const p = project();
    const file = p.file('nej.csv', toCsv([HEADER, ...respondents(10, () => ({ F2: 'Nej' }))]));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain(
      finding(
        'WARNING',
        'no respondent answered yes to hotad (yes is "Ja, en gång", "Ja, flera gånger"; valid answers: 10)',
        'Check that the yes answers in lagesbild.yaml are spelled as in the file',
      ),
    );
  });
});

describe('validate: encodings', () => {
  it('a Windows-1252 file says which encoding was detected; exit 0', async () => {
    const p = project();
    const file = p.file('ansi.csv', Buffer.from(toCsv([HEADER, ...respondents(10)]), 'latin1'));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain(`  ${file}   10 rows   Windows-1252   comma-separated\n`);
    expect(run.stdout).toContain(
      finding(
        'NOTE',
        'read as Windows-1252 (not UTF-8); å, ä and ö are read correctly',
        'Nothing to fix. Saving the file as "CSV UTF-8" makes it safer to open in other programs',
        `in ${file}`,
      ),
    );
  });

  it('a file converted to UTF-8 twice ("Ã¥" for "å") is explained; exit 5', async () => {
    const p = project();
    const utf8 = toCsv([HEADER, ...respondents(10)]);
    // What a second conversion does: the UTF-8 bytes read as Latin-1, written again as UTF-8.
    const twice = Buffer.from(Buffer.from(utf8, 'utf8').toString('latin1'), 'utf8');
    expect(twice.toString('utf8')).toContain('gÃ¥ng');
    const file = p.file('dubbel.csv', twice);
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.notReportable);
    // Garbled: 10 municipalities (Åby), 6 × "Åk 9", 4 + 3 answers with "gång".
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        'å, ä and ö are garbled ("Ã¥", "Ã¤", "Ã¶" instead of "å", "ä", "ö"): the file was converted to UTF-8 twice — 23 cells',
        'Export the file again from the survey tool, or open the original in a text editor and save it once as UTF-8; do not convert a file that is already UTF-8',
        `at ${file}:2:2 (kommun), ${file}:2:5, ${file}:2:7 … and 20 more`,
      ),
    );
    // A garbled "Å" holds the control character U+0085: printed as an escape, never raw.
    expect(run.stdout).toContain('"Ã\\u0085k 9" is not a value of school year — 6 rows');
    expect(run.stdout).not.toContain('\u0085');
  });

  it('UTF-8 read as Windows-1252 (forced) says so', async () => {
    const p = project();
    const file = p.file('utf8.csv', toCsv([HEADER, ...respondents(4)]));
    const run = await validate([file], p.config, '--encoding', 'windows-1252');
    expect(run.code).toBe(EXIT.notReportable);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        'å, ä and ö are garbled ("Ã¥", "Ã¤", "Ã¶" instead of "å", "ä", "ö"): the file holds UTF-8 text but was read as Windows-1252 — 9 cells',
        'If you passed --encoding windows-1252, leave it out; otherwise parts of the file have different encodings: save the whole file again as "CSV UTF-8"',
        `at ${file}:2:2 (kommun), ${file}:2:5, ${file}:2:7 … and 6 more`,
      ),
    );
    // The note that å ä ö read correctly would contradict it.
    expect(run.stdout).not.toContain('read as Windows-1252 (not UTF-8)');
  });
});

describe('validate: delimiters and columns', () => {
  it('a semicolon file from Swedish Excel: delimiter named, decimal-comma weights read; trailing empty columns noted; exit 0', async () => {
    const p = project();
    const rows = [[...HEADER, '', '', ''], ...respondents(8, (i) => ({ vikt: `0,9${i}` })).map((r) => [...r, '', '', ''])];
    const file = p.file('excel.csv', toCsv(rows, ';', '\r\n'));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain(`  ${file}   8 rows   UTF-8   semicolon-separated (Swedish Excel)\n`);
    expect(run.stdout).toContain(finding('NOTE', 'the header ends with 3 empty columns (as Excel writes them): ignored', `at ${file}:1`));
    expect(run.stdout).toContain(
      finding(
        'NOTE',
        'weights in vikt are written with a decimal comma (1,5): they are read as decimal numbers, as Swedish Excel means them — 8 rows',
        `at ${file}:2:6 (vikt), ${file}:3:6, ${file}:4:6 … and 5 more`,
      ),
    );
  });

  it('rows separated differently from the header stop that file with the hint; exit 4', async () => {
    const p = project();
    const good = p.file('a.csv', toCsv([HEADER, ...respondents(6)]));
    const mixed = p.file('b.csv', toCsv([HEADER], ';') + toCsv(respondents(3, () => ({ F1: 'Nej', F2: 'Nej' }))));
    const run = await validate([good, mixed], p.config);
    expect(run.code).toBe(EXIT.data);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        'row has 1 field, the header has 8',
        'The header is separated by semicolons but this row is not: are delimiters mixed in the file?',
        `at ${mixed}:2`,
      ),
    );
    // The other file is still read and summarised.
    expect(run.stdout).toContain(`  ${good}   6 rows   UTF-8   comma-separated\n`);
    expect(run.stdout).toContain(`  ${mixed}   0 rows   UTF-8   semicolon-separated (Swedish Excel)   left out: see Problems\n`);
    expect(run.stdout).toContain('  Åby           2023      2*    1*     2*    1*              0      6\n');
    expect(run.stdout).toContain('Result: not reportable: a file or the config could not be read (see ERROR above). (exit code 4)');
  });

  it('two columns with one name: a warning when the config does not use it, an error when it does', async () => {
    const p = project();
    const unused = p.file('x.csv', toCsv([[...HEADER, 'extra', 'extra'], ...respondents(5).map((r) => [...r, 'a', 'b'])]));
    const warn = await validate([unused], p.config);
    expect(warn.code).toBe(EXIT.ok);
    expect(warn.stdout).toContain(
      finding(
        'WARNING',
        'the header has 2 columns named "extra" (columns 9, 10)',
        'The config does not use this name, so it does no harm; rename one of them if you need it',
        `at ${unused}:1:10`,
      ),
    );
    const used = p.file('y.csv', toCsv([[...HEADER, 'F1'], ...respondents(5).map((r) => [...r, 'Nej'])]));
    const fail = await validate([used], p.config);
    expect(fail.code).toBe(EXIT.data);
    expect(fail.stdout).toContain(
      finding('ERROR', 'the header has two columns named "F1" (columns 7 and 9)', 'Rename one of them so the config can tell them apart', `at ${used}:1:9`),
    );
  });

  it('a column the config names but the file lacks is a config error for that file; exit 3', async () => {
    const p = project();
    const file = p.file('utan.csv', toCsv([HEADER.slice(0, 7), ...respondents(4).map((r) => r.slice(0, 7))]));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.config);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        'column "F2" (indicators[1].column in the config) is not in the header',
        'Check indicators[1].column in the config; the file has 7 columns: lopnr, kommun, ar, kon, ak, vikt, F1',
        `at ${file}:1`,
      ),
    );
    expect(run.stdout.endsWith('Result: not reportable: a file or the config could not be read (see ERROR above). (exit code 3)\n')).toBe(true);
  });

  it('a missing config is reported the same way; exit 3', async () => {
    const p = project();
    const file = p.file('a.csv', toCsv([HEADER, ...respondents(4)]));
    const run = await validate([file], `${p.dir}/saknas.yaml`);
    expect(run.code).toBe(EXIT.config);
    expect(run.stdout).toContain(finding('ERROR', 'config file not found', 'Pass it with -c <file>, or run `lagesbild init <csv>` to create one', `in ${p.dir}/saknas.yaml`));
  });
});

describe('validate: duplicate respondent ids', () => {
  it('reports repeated ids by line numbers only, never the id; exit 5', async () => {
    const p = project();
    const rows = respondents(8, (i) => (i === 5 || i === 7 ? { lopnr: '1002' } : {}));
    // The same id in another wave is another respondent (ids restart each year).
    rows.push(respondent(9, { lopnr: '1002', ar: '2021' }));
    const a = p.file('a.csv', toCsv([HEADER, ...rows]));
    const again = p.file('kopia.csv', toCsv([HEADER, respondent(1)]));
    const run = await validate([a, again], p.config);
    expect(run.code).toBe(EXIT.notReportable);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        'the same respondent id (lopnr) is on more than one row in a municipality and wave — 3 rows',
        'Each row must be one respondent: remove repeated rows (a file given twice, rows exported twice) or correct the ids. Only line numbers are shown, never ids',
        `at ${a}:6 (same id as line 3), ${a}:8 (same id as line 3), ${again}:2 (same id as ${a}:2)`,
      ),
    );
    expect(run.stdout).not.toContain('1002');
    expect(run.stdout).not.toContain('1001');
    expect(run.stdout.endsWith('Result: not reportable yet: fix the problems marked ERROR and run validate again. (exit code 5)\n')).toBe(true);
  });
});

describe('validate: statistics', () => {
  it('a stratum with a single respondent under lonely_psu: fail is a config problem; exit 3', async () => {
    const p = project(CONFIG_STRATA);
    const file = p.file('a.csv', toCsv([[...HEADER, 'skola'], ...respondents(9).map((r, k) => [...r, k === 0 ? 'Ensam' : 'Stor'])]));
    const run = await validate([file], p.config);
    expect(run.code).toBe(EXIT.config);
    expect(run.stdout).toContain(
      finding(
        'ERROR',
        'stratum "Ensam" has only one PSU (primary sampling unit), so its variance cannot be estimated with design.lonely_psu: fail',
        'Set design.lonely_psu to adjust, average, certainty or remove, or merge the stratum with another',
      ),
    );
    expect(run.stdout.endsWith('Result: not reportable: the statistics cannot be computed with this config (see ERROR above). (exit code 3)\n')).toBe(true);
  });
});


describe("validate: the config's other files", () => {
  it('a reference value, a source table or an own text that report would stop on is an error here too', async () => {
    const dir = join(tempDir('lagesbild-validate-others-'), 'ex');
    expect((await runCli(['example', dir])).code).toBe(EXIT.ok);
    const config = join(dir, 'lagesbild.yaml');
    const data = ['2019', '2021', '2023'].map((y) => join(dir, 'data', `enkat-${y}.csv`));
    expect((await validateJson(data, config)).code).toBe(EXIT.ok);

    const references = join(dir, 'referensvarden.csv');
    const original = readFileSync(references, 'utf8');
    writeFileSync(references, original.replace(';55,0;54,3;55,7;', ';55 procent;54,3;55,7;'));
    const broken = await validateJson(data, config);
    expect(broken.code).toBe(EXIT.data);
    expect(broken.json.findings.filter((f) => f.severity === 'error').map((f) => [f.message, f.hint, f.locations])).toEqual([
      ['"55 procent" is not a number', 'Write a percentage such as 12 or 12,5', [{ file: references, line: 2, column: 4, field: 'estimate' }]],
    ]);
    writeFileSync(references, original);

    // Notes under the tables, as people write them below their figures: skipped, and said where.
    const source = join(dir, 'kallor', 'anmalda-misshandelsbrott.csv');
    const sourceText = readFileSync(source, 'utf8');
    writeFileSync(references, `${original};;;;;;\nKälla: påhittade siffror;;;;;;\n`);
    writeFileSync(source, `${sourceText}\nKälla: Brå, anmälda brott\nAnm. 2020 preliminära siffror\n`);
    // And a sum row in the population table, as Excel tables have them.
    const population = join(dir, 'befolkning.csv');
    const populationText = readFileSync(population, 'utf8');
    writeFileSync(population, `${populationText}Summa;;;;12 345\n`);
    const notes = await validateJson(data, config);
    expect(notes.code).toBe(EXIT.ok);
    // Lines of the tables as they were: the notes come after them (the reference file's after a row of ";").
    const referenceLines = original.trimEnd().split('\n').length;
    const sourceLines = sourceText.trimEnd().split('\n').length;
    expect(notes.json.findings.filter((f) => f.severity === 'info' && f.message.includes('under the table')).map((f) => [f.message, f.locations])).toEqual([
      ['the line under the table is a note (such as "Källa: …"), not a row of figures: skipped', [{ file: references, line: referenceLines + 2 }]],
      [
        '2 lines under the table are notes (such as "Källa: …"), not rows of figures: skipped',
        [2, 3].map((k) => ({ file: join('kallor', 'anmalda-misshandelsbrott.csv'), line: sourceLines + k })),
      ],
    ]);
    expect(notes.json.findings.filter((f) => f.message.includes('sum row')).map((f) => [f.severity, f.message, f.locations])).toEqual([
      ['info', 'a sum row ("Totalt", "Summa") in the population table: skipped, the counts are those of the groups', [{ file: population, line: populationText.trimEnd().split('\n').length + 1 }]],
    ]);
    writeFileSync(references, original);
    writeFileSync(source, sourceText);
    writeFileSync(population, populationText);

    rmSync(join(dir, 'texts', 'utsatthet.md'));
    const noText = await validateJson(data, config);
    expect(noText.code).not.toBe(EXIT.ok);
    expect(noText.json.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([expect.stringContaining('utsatthet.md')]);
  });
});
