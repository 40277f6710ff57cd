// `lagesbild init` without a terminal, in this process: it never asks, --yes writes the
// proposals, anything else stops with the flags to pass; the written config validates and
// gives figures that agree with a count made directly from the CSV.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { commandName } from '../../src/cli/invocation.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import type { EstimateRecord } from '../../src/analysis/types.js';
import { EXIT } from '../../src/errors.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';
import { runCli } from '../validate/run-cli.js';

const MESSY = fileURLToPath(new URL('../fixtures/messy/skolenkat-ht23.csv', import.meta.url));
const NEED_YES =
  'error: init needs answers but cannot ask (no terminal, or --no-input). Run it in a terminal, or pass --yes to accept the proposals above ' +
  '(change them with --area-column, --year-column, --gender-column, --grade-column, --weight-column, --id-column, --county and --definition).\n';

function messyCopy(): { dir: string; csv: string } {
  const dir = tempDir('lagesbild-init-');
  const csv = join(dir, 'skolenkat-ht23.csv');
  copyFileSync(MESSY, csv);
  return { dir, csv };
}

describe('init without a terminal', () => {
  it('without --yes: shows the proposals, names the flags, writes nothing; exit 2', async () => {
    const { dir, csv } = messyCopy();
    const run = await runCli(['init', csv, '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('Proposed columns:\n  municipality   Kommun\n  year (wave)    Undersökningsår\n');
    // Every standard indicator: taken (✓) or only suggested (?), with its question, how sure, why, and its answers with counts.
    expect(run.stderr).toContain(
      [
        '  ✓ fysiskt_vald',
        '      F12_slagen (only a column name, no question text in the file)',
        '      clear: violence: being subjected to it · physical violence',
        '      yes: "Ja, en gång" 18, "Ja, flera gånger" 7, "Ja, flera gånger " 3',
        '      no: "Nej" 82',
        '      no answer: (empty) 6, "Vill inte svara" 4',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain(
      [
        '  ? vald_i_parrelation  (2 more candidates)',
        '      F16b_partner_våld (only a column name, no question text in the file)',
        '      unsure: violence: being subjected to it · physical violence · by a partner (the column name does not say whether the pupil was subjected to it or did it (read as subjected))',
        '      only pupils who answered "Ja" to F16a_partner',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain('  – sexuellt_vald: no column fits\n');
    expect(run.stderr).toContain('Not used:\n  "F40_mobbad": like fysiskt_vald, but the question is about bullying, the indicator about physical violence\n');
    expect(run.stderr.endsWith(NEED_YES)).toBe(true);
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });

  it('without a CSV: says how to name it; exit 2', async () => {
    const run = await runCli(['init', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toBe('error: name the survey file: lagesbild init <file.csv>\n');
  });

  it('a required column it cannot find is named with its flag; exit 2', async () => {
    const dir = tempDir('lagesbild-init-');
    const csv = writeFile(dir, 'x.csv', 'ar,kon,F10_slagen\n2023,Flicka,Nej\n2023,Pojke,Ja\n');
    const run = await runCli(['init', csv, '--yes', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('error: found no column for the municipality: pass --area-name <name> (the data is then one municipality), or name the column with --area-column <column>\n');
    const wrong = await runCli(['init', csv, '--yes', '--no-input', '--area-column', 'kommun']);
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.stderr).toContain(`error: column "kommun" is not in the header of ${csv}. The columns are: ar, kon, F10_slagen\n`);
  });

  it('a gender column with too many values to be one is refused; exit 2', async () => {
    const { dir, csv } = messyCopy();
    const run = await runCli(['init', csv, '--yes', '--no-input', '--gender-column', 'Löpnr']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('error: column "Löpnr" has too many different values to be the gender. Name the right column with --gender-column\n');
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });

  it('no column surely fits an indicator: says so, counts the codes-only ones, writes nothing; exit 2', async () => {
    const dir = tempDir('lagesbild-init-');
    // Answers as codes without labels, and one column with no question at all.
    const rows = Array.from({ length: 30 }, (_, i) => `Åsby,2023,${i % 2 ? 'Flicka' : 'Pojke'},${i % 3},${(i % 2) + 1},${i % 4}`);
    const csv = writeFile(dir, 'koder.csv', ['kommun,ar,kon,Har du under det senaste året blivit slagen?,Har någon hotat dig under det senaste året?,F12', ...rows].join('\n') + '\n');
    const run = await runCli(['init', csv, '--yes', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(
      'error: no column surely fits a standard indicator, so the config would have no indicators (2 columns that fit hold only codes). Run init in a terminal to choose the columns and their answers yourself, or write the indicators into a config by hand (`lagesbild example` copies a complete one to start from)\n',
    );
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });

  it('a year column of school years: not guessed, the term is asked for with --answered-in; given, the config reads them', async () => {
    const dir = tempDir('lagesbild-init-');
    const rows = ['Läsår;Kommun;Kön;Årskurs;Har du blivit slagen eller sparkad under det senaste året?'];
    for (const [year, k] of [['2022/23', 0], ['2023/24', 1]] as const) for (let i = 0; i < 24; i++) rows.push(`${year};Åby;${i % 2 ? 'Flicka' : 'Pojke'};Åk ${8 + (i % 2)};${(i + k) % 4 ? 'Nej' : 'Ja'}`);
    const csv = writeFile(dir, 'enkat.csv', `${rows.join('\n')}\n`);
    const run = await runCli(['init', csv, '--yes', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('error: Läsår holds school years ("2022/23"): say when the survey was answered with --answered-in spring (2022/23 is read as 2023) or --answered-in autumn (read as 2022)\n');
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
    const given = await runCli(['init', csv, '--yes', '--no-input', '--answered-in', 'autumn', '--lang', 'en']);
    expect(given.code).toBe(EXIT.ok);
    // No warning that the years cannot be read.
    expect(given.stderr).not.toContain('four-digit');
    const written = readFileSync(join(dir, 'lagesbild.yaml'), 'utf8');
    expect(written).toContain('  year: Läsår\n  # Kolumnen för år har läsår (2022/23): spring läser dem som vårterminens år (2023), autumn som\n  # höstterminens (2022). Rapporten anger mätningarna med det året.\n  answered_in: autumn\n');
    const { config } = await loadConfig(join(dir, 'lagesbild.yaml'));
    expect((await ingestFiles([csv], config, { configPath: join(dir, 'lagesbild.yaml') })).sums.years).toEqual([2022, 2023]);
  });

  it('prints in Swedish with --lang sv', async () => {
    const { csv } = messyCopy();
    const run = await runCli(['init', csv, '--no-input', '--lang', 'sv']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(`Läste alla 120 raderna i ${csv}: Windows-1252, semikolonseparerad (svensk Excel).\n`);
    expect(run.stderr).toContain('fel: init behöver svar men kan inte fråga');
  });
});

describe('init --yes: a config that validates and gives figures', () => {
  it('writes lagesbild.yaml next to the data, prints the next commands, and refuses to overwrite without --force', async () => {
    const { dir, csv } = messyCopy();
    const out = join(dir, 'lagesbild.yaml');
    const run = await runCli(['init', csv, '--yes', '--no-input', '--county', 'Norrbacka län', '--lang', 'en']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain(
      'warning: vuxen_att_prata_med (F31_vuxen_att_prata_med): unknown answers "Kanske" now count as missing; change this in the config if they mean yes or no\n',
    );
    expect(run.stderr).toContain('warning: F50_berusad looks like berusad but has only codes ("1", "2", "9"); it was left out: add it by hand with the codes that mean yes\n');
    // The next steps name lagesbild as it can be run from here (see test/e2e/invocation.test.ts).
    const lagesbild = commandName();
    expect(run.stderr.endsWith(`Wrote ${out}.\nNext steps:\n  ${lagesbild} validate ${csv} -c ${out}\n  ${lagesbild} report ${csv} -c ${out} --area Tallmo\n`)).toBe(true);

    const again = await runCli(['init', csv, '--yes', '--no-input']);
    expect(again.code).toBe(EXIT.output);
    expect(again.stderr).toContain(`error: would overwrite ${out}. Pass --force to replace it, or name another config file with -o\n`);
    expect((await runCli(['init', csv, '--yes', '--no-input', '--force', '-o', join(dir, 'ny.yaml')])).code).toBe(EXIT.ok);

    // The config validates against the file it was made from: reportable, only notes.
    const v = await runCli(['validate', csv, '-c', out, '--json']);
    expect(v.code).toBe(EXIT.ok);
    const findings = (JSON.parse(v.stdout) as { findings: { code: string; severity: string }[] }).findings;
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['windows-1252', 'info'],
      ['trailing-empty-columns', 'info'],
      ['decimal-comma-weights', 'info'],
    ]);

    // And the figures agree with a count made straight from the CSV.
    const { config } = await loadConfig(out);
    // The source names the survey, not the years of this file (next year's files join it).
    expect(config.project.source).toEqual({ sv: 'Enkät om våld, Norrbacka län', en: 'Survey on violence, Norrbacka län' });
    const { sums } = await ingestFiles([csv], config);
    const figures = computeFigures(sums, config);
    const est = figures.records.find(
      (r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === 'fysiskt_vald' && r.area === 'Ängsby' && r.group === 'total',
    )!;
    const rows = parseCsv(new TextDecoder('windows-1252').decode(readFileSync(csv)), { delimiter: ';', columns: true }) as Record<string, string>[];
    const asked = rows.filter((r) => r.Kommun === 'Ängsby' && ['Tjej', 'tjej', 'Kille'].includes(r['Kön']!) && r['Årskurs'] !== '');
    const valid = asked.filter((r) => r.F12_slagen === 'Nej' || r.F12_slagen!.startsWith('Ja'));
    const yes = valid.filter((r) => r.F12_slagen!.startsWith('Ja'));
    expect(est.n).toBe(valid.length);
    expect(valid.length).toBeGreaterThan(50);
    const weight = (r: Record<string, string>) => Number(r.Vikt!.replace(',', '.'));
    const p = yes.reduce((s, r) => s + weight(r), 0) / valid.reduce((s, r) => s + weight(r), 0);
    expect(est.estimate ?? Number.NaN).toBeCloseTo(p, 12);
  });
});

describe('init on a SurveyMonkey export with check boxes', () => {
  it('shows each check box with what its empty cells mean, and writes it with its question\'s boxes', async () => {
    const dir = tempDir('lagesbild-init-boxes-');
    const rows = [
      '"Respondent ID","Kommun","År","Jag är","Har du under de senaste 12 månaderna blivit slagen?","Var hände det? (välj alla som stämmer)","",""',
      '"","Svar","Svar","Svar","Svar","I skolan","På nätet","Hemma"',
      ...Array.from({ length: 12 }, (_, i) => `"${9000 + i}","Åby","2025","${i % 2 ? 'Tjej' : 'Kille'}","${i % 3 ? 'Nej' : 'Ja'}","${i % 3 ? '' : 'I skolan'}","${i % 4 ? '' : 'På nätet'}",""`),
    ];
    const csv = writeFile(dir, 'Trygghetsenkät 2025.csv', `${rows.join('\n')}\n`);
    const run = await runCli(['init', csv, '--yes', '--no-input', '--lang', 'sv', '-o', join(dir, 'lagesbild.yaml'), '--no-texts']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      [
        '  ? plats_skolan',
        '      "Var hände det? (välj alla som stämmer) – I skolan"',
        '      osäker: en följdfråga om våld eleven utsatts för · det hände i skolan (en följdfråga: vilken fråga den följer syns inte i filen, och mallen räknar den bland dem som utsatts för någon form av våld)',
        '      ja: "I skolan" 4',
        '      nej: (tom) 8',
        '      en kryssruta, en av frågans 3: tom är nej bara där en annan ruta är ikryssad; den som inte kryssat i någon räknas som inget svar',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'lagesbild.yaml'), 'utf8')).toContain(
      '#     checkboxes:\n#       - Var hände det? (välj alla som stämmer) – I skolan\n#       - Var hände det? (välj alla som stämmer) – På nätet\n#       - Var hände det? (välj alla som stämmer) – Hemma\n',
    );
  });
});
