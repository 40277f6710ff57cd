// `init` on an SPSS file proposes the questions from its variable labels and the answers from
// its value labels; data without a year or municipality column gets the year from --year or
// the file name or the dates the pupils answered on (said, and written as columns.year_by_file)
// and the municipality from --area-name; a date column is never taken as the survey year.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';
import { runCli } from '../validate/run-cli.js';

const SAV = fileURLToPath(new URL('../fixtures/formats/skolenkat.sav', import.meta.url));
const Q10 = 'Har någon under de senaste 12 månaderna slagit, sparkat, knuffat eller på annat sätt använt fysiskt våld mot dig?';

function copy(name: string): { dir: string; file: string } {
  const dir = tempDir('lagesbild-init-formats-');
  const file = join(dir, name);
  copyFileSync(SAV, file);
  return { dir, file };
}

describe('init on an SPSS file', () => {
  it('takes questions and answer texts from the labels; the config reads the file it came from', async () => {
    const { dir, file } = copy('skolenkat.sav');
    const out = join(dir, 'lagesbild.yaml');
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'en', '--year', '2023', '--area-name', 'Tallmo']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain(`Read all 25 rows of ${file}: SPSS, Windows-1252.\n`);
    // The question shown is the variable label, with the answers' texts (value labels) and counts.
    expect(run.stderr).toContain(`  ✓ fysiskt_vald\n      "${Q10}"\n      clear: violence: being subjected to it · physical violence · past 12 months\n      yes: "Ja, en gång" 4, "Ja, flera gånger" 2\n`);
    expect(run.stderr).toContain('The file has no column for the year: its survey year is 2023 (from --year).\n');
    const config = parseYaml(readFileSync(out, 'utf8'));
    const fysiskt = config.indicators.find((i: { id: string }) => i.id === 'fysiskt_vald');
    expect(fysiskt.question).toBe(Q10);
    expect(config.answer_scales[fysiskt.answers]).toEqual({ yes: ['Ja, en gång', 'Ja, flera gånger'], no: ['Nej'], missing: ['Vill inte svara', ''] });
    expect(config.groups.gender.values.map((v: { code: string }) => v.code)).toEqual(['Flicka', 'Pojke', 'Annat/vill ej ange']);
    expect(config.columns).toEqual({ year_by_file: { 'skolenkat.sav': 2023 }, id: 'lopnr' });
    expect(config.project.area).toBe('Tallmo');
    expect(readFileSync(out, 'utf8')).toContain('  # Frågan som den står i filen (variabeletiketten).\n  - id: fysiskt_vald\n');

    const check = await runCli(['validate', file, '-c', out, '--json']);
    expect(check.code).toBe(EXIT.ok);
    expect(JSON.parse(check.stdout).respondents.rows).toEqual([{ area: 'Tallmo', year: 2023, cells: [12, 12, 1], other: 0, total: 25 }]);
  });

  it('the year from the file name, said in the log', async () => {
    const { dir, file } = copy('elevenkat-ht2023.sav');
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'sv', '--area-name', 'Tallmo']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain('Filen har ingen kolumn för år: enkätåret är 2023 (taget ur filnamnet).\n');
    expect(parseYaml(readFileSync(join(dir, 'lagesbild.yaml'), 'utf8')).columns.year_by_file).toEqual({ 'elevenkat-ht2023.sav': 2023 });
  });

  it('without a municipality: the flag to pass; exit 2 (the year is known from the dates)', async () => {
    const { file } = copy('skolenkat.sav');
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('\nerror: found no column for the municipality: pass --area-name <name> (the data is then one municipality), or name the column with --area-column <column>\n');
    expect(run.stderr).not.toContain('for the year');
  });

  it('the year from the dates the pupils answered on, when all fall in one year: said in the log and beside the config line', async () => {
    const { dir, file } = copy('skolenkat.sav');
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'en', '--area-name', 'Tallmo']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain('The file has no column for the year: its survey year is 2023 (every date in column "startdatum" is in 2023). If that is wrong, pass --year <year>.\n');
    const text = readFileSync(join(dir, 'lagesbild.yaml'), 'utf8');
    expect(parseYaml(text).columns.year_by_file).toEqual({ 'skolenkat.sav': 2023 });
    expect(text).toContain('  # 2023 är taget ur datumen i kolumnen "startdatum": alla är från det året. Kontrollera det.\n  year_by_file:\n');
  });

  it('a date column is not taken as the survey year', async () => {
    const { file } = copy('skolenkat.sav');
    const run = await runCli(['init', file, '--yes', '--no-input', '--year-column', 'startdatum', '--area-name', 'Tallmo']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toBe(
      'error: column "startdatum" holds dates such as 2023-10-02, not the survey year. The survey year is the wave the pupils belong to: give it with --year (or in the file name, e.g. enkat-2023.xlsx), or name a column with four-digit years\n',
    );
  });
});

describe('init on a form export with a time stamp per answer (test/fixtures/google-forms)', () => {
  const FORMS = fileURLToPath(new URL('../fixtures/google-forms/svar.csv', import.meta.url));

  it('Google Forms\' "Tidstämpel" ("2024/03/04 1:07:00 em CET"): the survey year when every date is in one year', async () => {
    const dir = tempDir('lagesbild-init-forms-');
    const file = join(dir, 'svar.csv');
    copyFileSync(FORMS, file);
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'sv']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain('Filen har ingen kolumn för år: enkätåret är 2024 (alla datum i kolumnen "Tidstämpel" är från 2024). Stämmer det inte, ange --year <år>.\n');
    // The municipality from the question asking for it.
    const text = readFileSync(join(dir, 'lagesbild.yaml'), 'utf8');
    expect(parseYaml(text).columns).toEqual({ area: 'Vilken kommun går du i skola i?', year_by_file: { 'svar.csv': 2024 } });
    // Where it happened, ticked in one cell: suggested on that column with several_answers.
    expect(text).toContain(
      '#     column: "Om ja: var hände det? (Du kan välja flera svar)"\n#     answers:\n#       yes: [I skolan]\n#       no: ["Ute, på stan eller i parken", Hemma, På nätet]\n#       missing: [""]\n#     several_answers: true\n#     other_options: no\n',
    );
  });

  it('dates in two years (answered from December into January): no year is guessed; exit 2', async () => {
    const dir = tempDir('lagesbild-init-forms-');
    const file = join(dir, 'svar.csv');
    const [header, first, ...rest] = readFileSync(FORMS, 'utf8').split('\n');
    writeFileSync(file, [header, first!.replace(/^2024\/03\/\d\d/, '2023/12/18'), ...rest].join('\n'));
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'sv']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(
      'fel: hittade ingen kolumn för år (omgång), och filnamnet svar.csv har inget årtal; datumen i kolumnen "Tidstämpel" är från 2023 och 2024, så vilket år enkäten gäller går inte att avgöra: ange --year <år>\n',
    );
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });

  it('birth dates are never the survey year, though one school year\'s pupils are born in one year', async () => {
    const dir = tempDir('lagesbild-init-forms-');
    const file = join(dir, 'svar.csv');
    const rows = ['Kommun,Kön,Födelsedatum,Har någon hotat dig?', 'Ekvik,Tjej,2009-03-14,Nej', 'Ekvik,Kille,2009-11-02,Ja', 'Ekvik,Tjej,2009-06-30,Nej'];
    writeFileSync(file, `${rows.join('\n')}\n`);
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('error: found no column for the year (wave), and the file name svar.csv holds no year: pass --year <year>, or name the column with --year-column <column>\n');
  });
});
