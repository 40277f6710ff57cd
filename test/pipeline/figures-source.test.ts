// The figures computed area by area (FiguresSource): the same records as the whole table,
// whatever order areas are asked for in; what reports are given is enough for them; and the
// JSON written piece by piece is the whole table's JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures, figuresSource, streamOf, type FiguresSource } from '../../src/analysis/figures.js';
import type { FigureRecord, FiguresTable } from '../../src/analysis/types.js';
import { SurveySums } from '../../src/analysis/accumulate.js';
import { loadReferences, type ReferenceValue } from '../../src/references/load.js';
import { reportFigures } from '../../src/cli/project.js';
import { buildCountyReport, buildMunicipalityReport } from '../../src/report/index.js';
import { parse } from 'csv-parse/sync';
import { jsonChunks, exportFigures, FIGURE_COLUMNS, neutraliseFormula } from '../../src/render/tabular/figures-export.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';
import { tempDir } from '../fixtures/mini-project.js';

const DATE = '2024-06-01';

describe('the example, area by area', () => {
  let config: ProjectConfig;
  let sums: SurveySums;
  let references: ReferenceValue[];
  let table: FiguresTable;
  const fresh = (): FiguresSource => figuresSource(sums, config, {}, references);

  beforeAll(async () => {
    config = (await loadConfig(EXAMPLE_CONFIG)).config;
    sums = (await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG })).sums;
    references = await loadReferences(config, EXAMPLE_CONFIG);
    table = computeFigures(sums, config, {}, references);
  });

  it('each area computed on its own, in any order, gives the records of the whole table', () => {
    const source = fresh();
    expect(source.meta.areas).toEqual(['Björkträsk', 'Lövåsen', 'Myrheden', 'Tjärnvik', 'Ängsby', 'Norrbacka län']);
    const byArea = new Map([...source.meta.areas].reverse().map((a) => [a, source.recordsOf(a)]));
    expect(source.meta.areas.flatMap((a) => byArea.get(a)!)).toEqual(table.records);
    // Asked again, the same records (a municipality is computed anew, the county kept).
    expect(source.recordsOf('Ängsby')).toEqual(byArea.get('Ängsby'));
    expect(source.recordsOf('Norrbacka län')).toBe(byArea.get('Norrbacka län'));
    // The warnings of every area, once each, whatever was asked twice.
    expect(source.warnings).toEqual(table.warnings);
    expect(source.respondents).toEqual(table.respondents);
  });

  it('a source made on another thread from a copy of the sums and pass 1 gives the same records and warnings', () => {
    // As figures-threads.ts sends them: structured clones.
    const first = fresh();
    const copy = figuresSource(SurveySums.fromParts(config, structuredClone(sums.parts())), config, {}, references, structuredClone(first.firstPass()));
    expect(copy.meta).toEqual(first.meta);
    expect(copy.respondents).toEqual(first.respondents);
    for (const area of [...first.meta.areas].reverse()) expect(copy.recordsOf(area)).toEqual(first.recordsOf(area));
    expect(copy.warnings).toEqual(first.warnings);
    expect(copy.warnings).toEqual(table.warnings);
  });

  it('the stream writes every record once, area by area, and counts them', () => {
    const stream = streamOf(fresh());
    expect([...stream.records]).toEqual(table.records);
    expect(stream.count()).toBe(table.records.length);
  });

  it("the county overview made from what it reads equals the one made from every record, and reads a fraction of them", () => {
    const given = reportFigures(fresh(), 'Norrbacka län');
    expect(buildCountyReport({ figures: given, config, lang: 'sv', dateIso: DATE })).toEqual(buildCountyReport({ figures: table, config, lang: 'sv', dateIso: DATE }));
    expect(buildCountyReport({ figures: given, config, lang: 'en', dateIso: DATE })).toEqual(buildCountyReport({ figures: table, config, lang: 'en', dateIso: DATE }));
    const county = table.records.filter((r) => r.area === 'Norrbacka län').length;
    expect(given.records.length - county).toBeLessThan((table.records.length - county) / 10);
  });

  it("a municipality's report made from its own and the county's records equals the one made from every record", () => {
    for (const area of ['Lövåsen', 'Ängsby']) {
      const given = reportFigures(fresh(), area);
      expect(new Set(given.records.map((r) => r.area))).toEqual(new Set([area, 'Norrbacka län']));
      expect(buildMunicipalityReport({ figures: given, config, area, lang: 'sv', dateIso: DATE })).toEqual(buildMunicipalityReport({ figures: table, config, area, lang: 'sv', dateIso: DATE }));
    }
  });

  it('the JSON written piece by piece is JSON.stringify of the whole table', () => {
    const whole = `${JSON.stringify({ meta: table.meta, records: table.records }, null, 2)}\n`;
    expect(Buffer.concat([...jsonChunks(streamOf(fresh()))]).toString('utf8')).toBe(whole);
    expect(exportFigures(table, 'json')).toBe(whole);
    expect(Buffer.concat([...jsonChunks({ meta: table.meta, records: [] })]).toString('utf8')).toBe(`${JSON.stringify({ meta: table.meta, records: [] }, null, 2)}\n`);
  });

  it('the CSV has every field of every kind of record in its column, and nothing elsewhere', () => {
    // The writer reads only the fields each kind has (figures-export.ts): read back, every
    // column must be the record's value (numbers as JavaScript writes them) or empty.
    const rows = parse(exportFigures(table, 'csv'), { columns: false }) as string[][];
    expect(rows[0]).toEqual([...FIGURE_COLUMNS]);
    expect(rows.length - 1).toBe(table.records.length);
    expect(new Set(table.records.map((r) => r.kind))).toEqual(new Set(['estimate', 'change', 'trend', 'follow_up', 'goal', 'response', 'association']));
    const cell = (v: unknown): string => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      if (Array.isArray(v)) return v.join(';');
      return neutraliseFormula(String(v));
    };
    table.records.forEach((r, k) => {
      const record = r as unknown as Record<string, unknown>;
      expect(rows[k + 1]).toEqual(FIGURE_COLUMNS.map((c) => cell(record[c])));
    });
  });
});

describe('a municipality that did not take part in the latest wave', () => {
  it('is compared with its genders and the rest of the county in its own latest wave, as if that were the last', async () => {
    // Tjärnvik's 2023 rows removed: its latest wave is 2021, the county's 2023.
    const dir = tempDir('lagesbild-absent-');
    const [, , last] = EXAMPLE_CSV;
    const lines = readFileSync(last!, 'utf8').split('\n');
    const area = lines[0]!.split(',').indexOf('kommun');
    const without = join(dir, 'enkat-2023.csv');
    writeFileSync(without, lines.filter((l) => l.split(',')[area] !== 'Tjärnvik').join('\n'));
    const config = (await loadConfig(EXAMPLE_CONFIG)).config;
    const tableOf = async (files: string[]) => computeFigures((await ingestFiles(files, config, { configPath: EXAMPLE_CONFIG })).sums, config);
    const figuresOf = async (files: string[]) => (await tableOf(files)).records.filter((r) => r.area === 'Tjärnvik');
    const whole = await tableOf([EXAMPLE_CSV[0]!, EXAMPLE_CSV[1]!, without]);
    const absent = whole.records.filter((r) => r.area === 'Tjärnvik');
    const comparisons = absent.filter((r) => r.kind === 'change' && (r.comparison === 'gender' || r.comparison === 'rest_of_county'));
    expect(comparisons.length).toBeGreaterThan(50);
    expect(new Set(comparisons.map((r) => (r.kind === 'change' ? r.year_to : null)))).toEqual(new Set([2021]));
    expect(comparisons.some((r) => !r.suppressed)).toBe(true);
    // The same records as when 2021 is the county's latest wave too: its 2021 respondents, the
    // rest of the county's, their disclosure control and the area's multiplicity adjustment.
    // Only the population file's 2023 pupils are more: a response rate of 0.
    const in2023 = (r: FigureRecord) => r.kind === 'response' && r.year === 2023;
    expect(absent.filter(in2023).map((r) => (r.kind === 'response' ? [r.group, r.n, r.rate] : null))).toContainEqual(['total', 0, 0]);
    expect(absent.filter((r) => !in2023(r))).toEqual(await figuresOf([EXAMPLE_CSV[0]!, EXAMPLE_CSV[1]!]));

    // Its report says why it is of 2021, and its comparison with the county is of 2021.
    const doc = buildMunicipalityReport({ figures: whole, config, area: 'Tjärnvik', lang: 'sv', dateIso: DATE });
    const survey = doc.chapters.find((c) => c.id === 'om-undersokningen')!;
    const first = survey.blocks[0]!;
    expect(first.type === 'paragraph' && first.text.endsWith('Tjärnvik har inga svarande vid länets senaste mätning, 2023. Rapporten bygger därför på mätningen 2021, och jämförelserna med övriga länet gäller 2021.')).toBe(true);
    const county = doc.chapters.find((c) => c.id === 'jamforelse-lanet');
    expect(county?.title).toBe('Jämförelse med länet');
    expect(JSON.stringify(county)).toContain('vid mätningen 2021');
    // A municipality in the latest wave is not told so.
    const angsby = buildMunicipalityReport({ figures: whole, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(JSON.stringify(angsby)).not.toContain('inga svarande vid länets senaste mätning');
  });

  it('says its comparisons with the county are of its own wave only when it has such comparisons', async () => {
    const dir = tempDir('lagesbild-absent-');
    const [first, second, last] = EXAMPLE_CSV;
    const area = readFileSync(last!, 'utf8').split('\n')[0]!.split(',').indexOf('kommun');
    const keep = (file: string, name: string, wanted: (kommun: string) => boolean) => {
      const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
      writeFileSync(join(dir, name), [header, ...rows.filter((l) => l !== '' && wanted(l.split(',')[area]!))].join('\n'));
      return join(dir, name);
    };
    const config = (await loadConfig(EXAMPLE_CONFIG)).config;
    const surveyText = async (files: string[], cfg: ProjectConfig, lang: 'sv' | 'en') => {
      const figures = computeFigures((await ingestFiles(files, cfg, { configPath: EXAMPLE_CONFIG })).sums, cfg);
      const doc = buildMunicipalityReport({ figures, config: cfg, area: 'Tjärnvik', lang, dateIso: DATE });
      const block = doc.chapters.find((c) => c.id === 'om-undersokningen')!.blocks[0]!;
      return block.type === 'paragraph' ? block.text : '';
    };
    const absent = [first!, second!, keep(last!, 'enkat-2023.csv', (k) => k !== 'Tjärnvik')];
    // The config asks for no comparison with the county.
    const noCounty = { ...config, project: { ...config.project, compare_with_county: false } };
    expect(await surveyText(absent, noCounty, 'sv')).toMatch(/Tjärnvik har inga svarande vid länets senaste mätning, 2023\. Rapporten bygger därför på mätningen 2021\.$/);
    // Nobody else answered in 2021: there is no rest of the county to compare with then.
    const alone = [first!, keep(second!, 'enkat-2021.csv', (k) => k === 'Tjärnvik'), absent[2]!];
    expect(await surveyText(alone, config, 'sv')).toMatch(/Tjärnvik har inga svarande vid länets senaste mätning, 2023\. Rapporten bygger därför på mätningen 2021\.$/);
    expect(await surveyText(absent, config, 'en')).toMatch(
      /Tjärnvik has no respondents in the county's latest wave, 2023\. This report is therefore based on the 2021 wave, and the comparisons with the rest of the county are for 2021\.$/,
    );
  });
});
