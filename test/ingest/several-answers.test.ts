// A "tick all that apply" question whose ticked options are written in one cell: Google Forms
// joins them with ", " (an option may hold a comma itself), Microsoft Forms with ";" and a
// trailing ";". With config `several_answers` an indicator is yes when its option is among those
// ticked, no when only others are, and missing when the cell is empty; a part of a cell that is
// no option is an error that names its line and column but never quotes what a pupil typed.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { EstimateRecord } from '../../src/analysis/types.js';
import { loadConfig } from '../../src/config/load.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, EXIT } from '../../src/errors.js';
import { buildMunicipalityReport } from '../../src/report/index.js';
import { MINI_CONFIG, tempDir, withCsvReader, writeFile } from '../fixtures/mini-project.js';
import { runCli } from '../validate/run-cli.js';

const WHERE = 'Om ja: var hände det? (Du kan välja flera svar)';
const OUT = 'Ute, på stan eller i parken';
const HEADER = ['kommun', 'ar', 'kon', 'ak', 'vikt', 'F1', 'F2', WHERE];

const SCALE = `
  var_hande:
    yes: [I skolan, "${OUT}", Hemma, På nätet]
    missing: ["", Vill inte svara]
`;
const place = (id: string, option: string) => `
  - id: ${id}
    label: { sv: ${id}, en: ${id} }
    chapter: utsatthet
    aspect: plats
    population: { indicator: slagen, answer: yes }
    column: "${WHERE}"
    answers: var_hande
    yes: ["${option}"]
    several_answers: true
`;
const config = (dir: string, extra = '') =>
  writeFile(dir, 'lagesbild.yaml', `${MINI_CONFIG.replace('answer_scales:\n', `answer_scales:${SCALE}`)}${place('plats_skolan', 'I skolan')}${place('plats_ute', OUT)}${extra}`);

/** The cells of the where-question, each on `copies` rows of respondents who were hit (and one in three not hit, with no answer). */
const CELLS: [string, { school: boolean | null; out: boolean | null }][] = [
  ['I skolan', { school: true, out: false }],
  [`I skolan, ${OUT}`, { school: true, out: true }], // Google Forms: ", ", a comma inside an option
  [`${OUT}, Hemma`, { school: false, out: true }],
  ['Hemma;På nätet;', { school: false, out: false }], // Microsoft Forms
  [`På nätet;${OUT};I skolan;`, { school: true, out: true }],
  ['Hemma', { school: false, out: false }],
  ['Vill inte svara', { school: null, out: null }], // the whole cell a missing answer
  ['', { school: null, out: null }], // skipped
];

function rows(copies: number): string[][] {
  const out: string[][] = [];
  let i = 0;
  for (let c = 0; c < copies; c++) {
    for (const [cell] of CELLS) {
      i++;
      out.push(['Åby', '2024', i % 2 ? 'F' : 'P', '9', '1', 'Ja', 'Nej', cell]);
      // Not hit: the follow-up does not count them, whatever they wrote.
      if (i % 3 === 0) out.push(['Åby', '2024', i % 2 ? 'F' : 'P', '9', '1', 'Nej', 'Nej', '']);
    }
  }
  return out;
}

const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (table: string[][]) => `${table.map((r) => r.map(quote).join(',')).join('\n')}\n`;

function estimates(configPath: string, file: string, reader?: 'csv-parse'): Promise<Record<string, EstimateRecord>> {
  return withCsvReader(reader, async () => {
    const { config: cfg } = await loadConfig(configPath);
    const { sums } = await ingestFiles([file], cfg, { configPath });
    const records = computeFigures(sums, cfg).records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.group === 'total');
    return Object.fromEntries(records.map((r) => [r.indicator, r]));
  });
}

describe('several ticked answers in one cell (config `several_answers`)', () => {
  it('yes when the option is among those ticked, no when only others are, missing when the cell is; the same with either CSV reader', async () => {
    const dir = tempDir('lagesbild-several-');
    const file = writeFile(dir, 'enkat-2024.csv', csv([HEADER, ...rows(12)]));
    const cfg = config(dir);
    // Counted from CELLS: 12 copies of 6 answered cells; at school in 3 of them, outdoors in 3.
    const answered = 12 * CELLS.filter(([, v]) => v.school !== null).length;
    const school = 12 * CELLS.filter(([, v]) => v.school === true).length;
    const out = 12 * CELLS.filter(([, v]) => v.out === true).length;
    expect([answered, school, out]).toEqual([72, 36, 36]);
    for (const reader of [undefined, 'csv-parse'] as const) {
      const e = await estimates(cfg, file, reader);
      expect([e.plats_skolan!.n, e.plats_skolan!.x, e.plats_skolan!.estimate]).toEqual([answered, school, 0.5]);
      expect([e.plats_ute!.n, e.plats_ute!.x]).toEqual([answered, out]);
    }

    // The report's list of questions says that one ticked yes option is enough.
    const { config: loaded } = await loadConfig(cfg);
    const figures = computeFigures((await ingestFiles([file], loaded, { configPath: cfg })).sums, loaded);
    const appendix = (lang: 'sv' | 'en') => JSON.stringify(buildMunicipalityReport({ figures, config: loaded, area: 'Åby', lang, dateIso: '2024-06-01' }).chapters.find((c) => c.id === 'bilagor'));
    expect(appendix('sv')).toContain(
      `Räknas som ja: ”I skolan”. Flera svar kunde kryssas i: den som bara kryssat i andra (”${OUT}”, ”Hemma”, ”På nätet”) räknas som nej. Räknas som inget svar (ingår inte i andelen): ”Vill inte svara”. Gäller bara dem som svarat ja på ”Utsatt för fysiskt våld”.`,
    );
    expect(appendix('en')).toContain(`Several answers could be ticked: a pupil who ticked only others (“${OUT}”, “Hemma”, “På nätet”) counts as no.`);
  });

  it('a Microsoft Forms workbook: the same figures as the CSV', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const dir = tempDir('lagesbild-several-');
    const data = rows(12);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow(HEADER);
    for (const r of data) sheet.addRow(r);
    const xlsx = join(dir, 'enkat-2024.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const csvFile = writeFile(dir, 'enkat-2024.csv', csv([HEADER, ...data]));
    const fromXlsx = await estimates(config(dir), xlsx);
    const fromCsv = await estimates(config(dir), csvFile);
    expect([fromXlsx.plats_skolan!.n, fromXlsx.plats_skolan!.x, fromXlsx.plats_ute!.x]).toEqual([72, 36, 36]);
    expect(fromXlsx.plats_skolan).toEqual(fromCsv.plats_skolan);
  });

  it('a part of a cell that is no option: an error at its line and column that does not quote free text; exit 4', async () => {
    const dir = tempDir('lagesbild-several-');
    const data = rows(2);
    data[4]![7] = 'Hemma, Bakom gympasalen vid Björkskolan';
    const file = writeFile(dir, 'enkat-2024.csv', csv([HEADER, ...data]));
    const run = await runCli(['figures', file, '-c', config(dir), '-o', join(dir, 'ut')]);
    expect(run.code).toBe(EXIT.data);
    expect(run.stderr).toContain(`enkat-2024.csv:6:8: ${WHERE}: an unknown value of 32 characters is not an answer of plats_skolan.`);
    expect(run.stderr).not.toContain('Björkskolan');
    expect(existsSync(join(dir, 'ut', 'figures.csv'))).toBe(false);
    // A near miss of an option is shown, with what it differs by.
    const near = rows(2);
    near[4]![7] = 'Hemma;på nätet;';
    const nearFile = writeFile(dir, 'enkat-2024.csv', csv([HEADER, ...near]));
    const nearRun = await runCli(['figures', nearFile, '-c', config(dir), '-o', join(dir, 'ut')]);
    expect(nearRun.stderr).toContain(`enkat-2024.csv:6:8: ${WHERE}: "på nätet" is not an answer of plats_skolan.`);
  });

  it('with other_options, a part that is no option (a pupil\'s own words under "Övrigt", commas and all) counts as another option or as no answer', async () => {
    const dir = tempDir('lagesbild-several-');
    // Every answered cell of rows(12), plus own words: beside an option, and alone.
    const data = rows(12);
    const own: [string, boolean | null][] = [
      ['Hemma, på bussen, i matsalen', false],
      ['I skolan, bakom idrottshallen', true],
      ['Någon annanstans', null],
    ];
    for (const [cell] of own) for (let k = 0; k < 4; k++) data.push(['Åby', '2024', k % 2 ? 'F' : 'P', '9', '1', 'Ja', 'Nej', cell]);
    const file = writeFile(dir, 'enkat-2024.csv', csv([HEADER, ...data]));
    const asNo = writeFile(dir, 'no.yaml', readFileSync(config(dir), 'utf8').replaceAll('several_answers: true', 'several_answers: true\n    other_options: no'));
    const asMissing = writeFile(dir, 'missing.yaml', readFileSync(config(dir), 'utf8').replaceAll('several_answers: true', 'several_answers: true\n    other_options: missing'));
    for (const reader of [undefined, 'csv-parse'] as const) {
      const no = await estimates(asNo, file, reader);
      // 72 answered before; 12 more, of which 4 at school; "Någon annanstans" alone is another place: no.
      expect([no.plats_skolan!.n, no.plats_skolan!.x]).toEqual([72 + 12, 36 + 4]);
      const missing = await estimates(asMissing, file, reader);
      // Only own words: no answer; beside an option, the option decides.
      expect([missing.plats_skolan!.n, missing.plats_skolan!.x]).toEqual([72 + 8, 36 + 4]);
    }
    const { config: loaded } = await loadConfig(asNo);
    const figures = computeFigures((await ingestFiles([file], loaded, { configPath: asNo })).sums, loaded);
    const appendix = JSON.stringify(buildMunicipalityReport({ figures, config: loaded, area: 'Åby', lang: 'sv', dateIso: '2024-06-01' }).chapters.find((c) => c.id === 'bilagor'));
    expect(appendix).toContain(`Flera svar kunde kryssas i: den som bara kryssat i andra (”${OUT}”, ”Hemma”, ”På nätet” eller ett annat svar) räknas som nej.`);
    // validate counts the rows with such a part (by line, never what was written): a scale that
    // spells an option otherwise than the file would show here with many more rows.
    const validated = await runCli(['validate', file, '-c', asNo, '--lang', 'sv']);
    expect(validated.code).toBe(EXIT.ok);
    // One line for the two indicators that read the column with one scale.
    expect(validated.stdout).toContain(
      `OBS      plats_skolan och plats_ute: i "${WHERE}" är något ikryssat som inte är ett av svarsskalans alternativ; det räknas som ett annat alternativ, alltså nej (other_options: no) — 12 rader`,
    );
    expect(validated.stdout.match(/other_options: no/g)).toHaveLength(1);
    expect(validated.stdout).toContain(`på ${file}:130:8 (${WHERE}), ${file}:131:8, ${file}:132:8 … och 9 till`);
    for (const words of ['bussen', 'idrottshallen', 'annanstans']) expect(validated.stdout).not.toContain(words);
    const inEnglish = await runCli(['validate', file, '-c', asMissing, '--lang', 'en']);
    expect(inEnglish.stdout).toContain(`plats_skolan and plats_ute: in "${WHERE}" something is ticked that is none of the scale's options; it counts as no answer where none of the options is ticked (other_options: missing)`);
  });

  it('belongs to an indicator read from one column, not with `checkboxes`', async () => {
    const dir = tempDir('lagesbild-several-');
    const derived = writeFile(dir, 'a.yaml', `${MINI_CONFIG}  - id: platser\n    label: { sv: P, en: P }\n    chapter: utsatthet\n    any_of: [slagen, hotad]\n    several_answers: true\n`);
    const error = (await loadConfig(derived).catch((e: unknown) => e)) as ConfigError;
    expect([error.constructor.name, error.message]).toEqual(['ConfigError', '`several_answers` belongs to an indicator read from one column that holds all the ticked options (not to one of `checkboxes`)']);
    const alone = writeFile(dir, 'b.yaml', `${MINI_CONFIG.replace('    answers: jn\n    key: true', '    answers: jn\n    key: true\n    other_options: no')}`);
    const otherError = (await loadConfig(alone).catch((e: unknown) => e)) as ConfigError;
    expect(otherError.message).toBe('`other_options` belongs to an indicator with `several_answers: true` (what a ticked part that is no option counts as)');
  });
});
