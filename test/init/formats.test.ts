// `init` on an SPSS file proposes the questions from its variable labels and the answers from
// its value labels; data without a year or municipality column gets the year from --year or
// the file name (said, and written as columns.year_by_file) and the municipality from
// --area-name; a date column is never taken as the survey year.
import { copyFileSync, readFileSync } from 'node:fs';
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

  it('without a year or a municipality: the flags to pass; exit 2', async () => {
    const { file } = copy('skolenkat.sav');
    const run = await runCli(['init', file, '--yes', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(
      'error: found no column for the year (wave), and the file name skolenkat.sav holds no year: pass --year <year>, or name the column with --year-column <column>\n' +
        'error: found no column for the municipality: pass --area-name <name> (the data is then one municipality), or name the column with --area-column <column>\n',
    );
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
