// A "tick all that apply" question written a column per box, as SurveyMonkey exports it: the
// option's text when ticked, empty otherwise. With config `checkboxes`, an empty box is "not
// here" only beside a ticked one; a respondent who ticked none skipped the question.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { EstimateRecord } from '../../src/analysis/types.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { buildMunicipalityReport } from '../../src/report/index.js';
import { MINI_CONFIG, tempDir, withCsvReader, writeFile } from '../fixtures/mini-project.js';

const SCHOOL = 'Var hände det? (välj alla som stämmer) – I skolan';
const ONLINE = 'Var hände det? (välj alla som stämmer) – På nätet';
const HOME = 'Var hände det? (välj alla som stämmer) – Hemma';
const HEADER = ['kommun', 'ar', 'kon', 'ak', 'vikt', 'F1', 'F2', SCHOOL, ONLINE, HOME];

const PLACE = `
  - id: plats_skolan
    label: { sv: Hände i skolan, en: At school }
    chapter: utsatthet
    aspect: plats
    population: { indicator: slagen, answer: yes }
    column: "${SCHOOL}"
    answers: { yes: [I skolan], no: [""], missing: [] }
    checkboxes: ["${SCHOOL}", "${ONLINE}", "${HOME}"]
`;

/** Respondent i: hit on two rows of three; of those, ticks by i mod 4: school, online, both, none. */
function rows(n: number): string[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const hit = i % 3 !== 0;
    const ticks = hit ? i % 4 : 3;
    return ['Åby', '2024', i % 2 ? 'F' : 'P', '9', '1', hit ? 'Ja' : 'Nej', 'Nej', ticks === 0 || ticks === 2 ? 'I skolan' : '', ticks === 1 || ticks === 2 ? 'På nätet' : '', ''];
  });
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (table: string[][]) => `${table.map((r) => r.map(quote).join(',')).join('\n')}\n`;

function placeEstimate(config: string, file: string, reader?: 'csv-parse'): Promise<EstimateRecord> {
  return withCsvReader(reader, async () => {
    const { config: cfg } = await loadConfig(config);
    const { sums } = await ingestFiles([file], cfg, { configPath: config });
    return computeFigures(sums, cfg).records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === 'plats_skolan' && r.group === 'total')!;
  });
}

describe('check boxes (config `checkboxes`)', () => {
  it('count among those who ticked some box of the question; those who ticked none skipped it', async () => {
    const dir = tempDir('lagesbild-checkboxes-');
    const data = rows(120);
    const file = writeFile(dir, 'enkat-2024.csv', csv([HEADER, ...data]));
    const config = writeFile(dir, 'lagesbild.yaml', `${MINI_CONFIG}${PLACE}`);
    // Hit: 80. Ticked some box: those with i mod 4 in 0..2; at school: i mod 4 in {0, 2}.
    const hit = data.filter((r) => r[5] === 'Ja');
    const answered = hit.filter((r) => r[7] !== '' || r[8] !== '' || r[9] !== '');
    const atSchool = answered.filter((r) => r[7] === 'I skolan');
    expect([hit.length, answered.length, atSchool.length]).toEqual([80, 60, 40]);
    for (const reader of [undefined, 'csv-parse'] as const) {
      const e = await placeEstimate(config, file, reader);
      expect([e.n, e.x, e.estimate]).toEqual([answered.length, atSchool.length, atSchool.length / answered.length]);
    }
    // Without `checkboxes` the 20 who ticked nothing would count as "not at school": 40 of 80.
    const plain = writeFile(dir, 'utan.yaml', `${MINI_CONFIG}${PLACE.replace(/\n\s*checkboxes:.*\n/, '\n')}`);
    const e = await placeEstimate(plain, file);
    expect([e.n, e.x]).toEqual([hit.length, atSchool.length]);

    // The report's list of questions says whom the share is among.
    const { config: cfg } = await loadConfig(config);
    const figures = computeFigures((await ingestFiles([file], cfg, { configPath: config })).sums, cfg);
    const text = JSON.stringify(buildMunicipalityReport({ figures, config: cfg, area: 'Åby', lang: 'sv', dateIso: '2024-06-01' }).chapters.find((c) => c.id === 'bilagor'));
    expect(text).toContain(
      'Räknas som ja: ”I skolan”. En kryssruta: den som inte kryssat i den räknas som nej, den som inte kryssat i någon av frågans rutor som inget svar (ingår inte i andelen). Gäller bara dem som svarat ja på ”Utsatt för fysiskt våld”.',
    );
    // An empty box listed as no answer is not said to be no.
    const emptyMissing = writeFile(dir, 'tom-saknas.yaml', `${MINI_CONFIG}${PLACE.replace('answers: { yes: [I skolan], no: [""], missing: [] }', 'answers: { yes: [I skolan], no: [], missing: [""] }')}`);
    const { config: cfg2 } = await loadConfig(emptyMissing);
    const figures2 = computeFigures((await ingestFiles([file], cfg2, { configPath: emptyMissing })).sums, cfg2);
    const text2 = JSON.stringify(buildMunicipalityReport({ figures: figures2, config: cfg2, area: 'Åby', lang: 'sv', dateIso: '2024-06-01' }).chapters.find((c) => c.id === 'bilagor'));
    expect(text2).toContain('Räknas som ja: ”I skolan”. En kryssruta: den som inte kryssat i någon av frågans rutor räknas som inget svar (ingår inte i andelen).');
    expect(text2).not.toContain('räknas som nej');
  });

  it('is an indicator\'s with a column, naming columns that exist', async () => {
    const dir = tempDir('lagesbild-checkboxes-');
    const file = writeFile(dir, 'enkat-2024.csv', csv([HEADER, ...rows(30)]));
    const derived = writeFile(dir, 'a.yaml', `${MINI_CONFIG}  - id: platser\n    label: { sv: P, en: P }\n    chapter: utsatthet\n    any_of: [slagen, hotad]\n    checkboxes: [a, b]\n`);
    const error = (await loadConfig(derived).catch((e: unknown) => e)) as ConfigError;
    expect([error.constructor.name, error.message]).toEqual(['ConfigError', '`checkboxes` belongs to an indicator read from a column (one box of the question)']);
    const missing = writeFile(dir, 'b.yaml', `${MINI_CONFIG}${PLACE.replace(`"${HOME}"]`, '"Var hände det? – I parken"]')}`);
    const { config } = await loadConfig(missing);
    const read = (await ingestFiles([file], config, { configPath: missing }).catch((e: unknown) => e)) as ConfigError;
    expect(read.message).toContain('column "Var hände det? – I parken" (indicators[3].checkboxes[2] in the config) is not in the header');
  });
});
