// Two municipalities' own Google Forms export (test/fixtures/google-forms): question texts as
// headers, Google's timestamp, the municipality asked as a question, a check-box question in
// one cell, and pupils who would not give their gender. They are among all respondents but
// not in Totalt, and Hallsta's girls and boys are hidden for different reasons: what the
// report says of them must hold for each.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import type { EstimateRecord, FiguresTable } from '../../src/analysis/types.js';
import { buildCountyReport, buildMunicipalityReport, type ReportDocument } from '../../src/report/index.js';
import type { TableBlock } from '../../src/report/model.js';

const DIR = fileURLToPath(new URL('../fixtures/google-forms/', import.meta.url));
const DATE = '2024-06-01';

let config: ProjectConfig;
let figures: FiguresTable;
const report = (area: string, lang: 'sv' | 'en' = 'sv'): ReportDocument => buildMunicipalityReport({ figures, config, area, lang, dateIso: DATE });
// Non-breaking spaces (95 %, 1–2) read as spaces here; the typography has tests of its own.
const paragraphs = (d: ReportDocument, id: string): string[] =>
  d.chapters.find((c) => c.id === id)!.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text.replaceAll('\u00a0', ' ')] : []));
const estimate = (indicator: string, area: string, group: string) =>
  figures.records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === indicator && r.area === area && r.group === group)!;

beforeAll(async () => {
  config = (await loadConfig(`${DIR}lagesbild.yaml`)).config;
  const { sums } = await ingestFiles([`${DIR}svar.csv`], config);
  figures = computeFigures(sums, config);
});

describe('a Google Forms export of two municipalities', () => {
  it('the fixture hides Hallsta’s girls and boys for different reasons', () => {
    // Boys: 8 answered. Girls: 16, hidden to protect the boys' share (Totalt − girls), or for 1–2 yes.
    expect(['fysiskt_vald', 'hot', 'utsatt_nagon_form'].map((i) => estimate(i, 'Hallsta', 'gender=Kille')).map((r) => [r.n, r.suppression])).toEqual([
      [8, 'base'],
      [8, 'base'],
      [8, 'base'],
    ]);
    expect(['fysiskt_vald', 'hot'].map((i) => estimate(i, 'Hallsta', 'gender=Tjej')).map((r) => [r.n, r.suppression])).toEqual([
      [16, 'secondary'],
      [16, 'count'],
    ]);
  });

  it('gives each hidden gender its own reason, never "fewer than 10" for 16 girls', () => {
    const text = paragraphs(report('Hallsta'), 'utsatthet');
    expect(text).toContain(
      'Totalt uppgav 58 procent (95 % KI 38–76) att de svarat ja på minst en av frågorna om ”Fysiskt våld” och ”Hot”. Tolka med försiktighet: gruppen har bara 24 svarande. Andelen redovisas inte för tjejer: andelen döljs för att ett annat dolt värde inte ska kunna räknas fram; för killar: färre än 10 har svarat.',
    );
    expect(text).toContain(
      'Totalt uppgav 21 procent (95 % KI 9–42) att de utsatts för hot under de senaste 12 månaderna. Tolka med försiktighet: gruppen har bara 24 svarande. Andelen redovisas inte för tjejer: bara 1–2 har svarat ja (eller nej), och så små antal visas inte; för killar: färre än 10 har svarat.',
    );
    expect(text.join(' ')).not.toContain('tjejer och killar: färre än');
    expect(paragraphs(report('Hallsta', 'en'), 'utsatthet').join(' ')).toContain(
      'The share is not reported for girls: only 1–2 answered yes (or no), and counts that small are not shown; for boys: fewer than 10 responded.',
    );
  });

  it('groups hidden for the same reason are named together', () => {
    expect(paragraphs(report('Ekvik'), 'utsatthet').join(' ')).toContain(
      'Andelen redovisas inte för tjejer och killar: andelen döljs för att ett annat dolt värde inte ska kunna räknas fram.',
    );
  });

  it('calls the county comparison Totalt’s, as its numbers are, not all respondents’', () => {
    const doc = report('Hallsta');
    expect(paragraphs(doc, 'om-undersokningen')[0]).toBe(
      'Undersökningen har genomförts 2024 i Hallsta. Vid den senaste mätningen (2024) svarade 30 personer. Andelarna för Totalt bygger på de 24 av dem som angett kön och årskurs bland de redovisade grupperna.',
    );
    const table = doc.chapters.find((c) => c.id === 'jamforelse-lanet')!.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.caption).toBe('Hallsta jämfört med övriga länet, totalt, 2024');
    expect(table.table.rows.map((r) => r.cells[0])).toEqual(['38 (20–58)*', '21 (9–42)*', '58 (38–76)*']);
    expect(estimate('fysiskt_vald', 'Hallsta', 'total').n).toBe(24);
  });

  it('the county overview counts every respondent per municipality, as each municipality’s report does', () => {
    const county = buildCountyReport({ figures, config, lang: 'sv', dateIso: DATE });
    const table = county.chapters.find((c) => c.id === 'om-oversikten')!.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.caption).toBe('Antal svarande per kommun och mätning, Länet');
    // Hallsta: 30 answered, 24 of them in Totalt ("Vill inte svara" or no gender: 6).
    expect(table.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ['Ekvik', '46'],
      ['Hallsta', '30'],
      ['Länet', '76'],
    ]);
    expect(paragraphs(report('Hallsta'), 'om-undersokningen')[0]).toContain('svarade 30 personer');
  });

  it('one wave: the outline does not promise change between waves', () => {
    const outline = report('Hallsta').chapters.find((c) => c.id === 'inledning')!.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(outline).toContain('Utveckling över tid: att det ännu bara finns en mätning, som blir utgångsläget för kommande uppföljningar.');
    expect(outline.join(' ')).not.toContain('har förändrats mellan mätningarna');
  });

  it('most shares hidden: for its few respondents (Hallsta), or mostly to protect others (Ekvik, 46 answered)', () => {
    const notice = (area: string) =>
      report(area)
        .chapters.flatMap((c) => c.blocks)
        .flatMap((b) => (b.type === 'notice' ? [b.text.replaceAll('\u00a0', ' ')] : []));
    expect(notice('Hallsta')).toEqual([
      'Hallsta har få svarande (30 vid den senaste mätningen), så 20 av de 27 andelar som rapporten skulle visa redovisas inte (..): de döljs för att skydda de svarande, och i så små grupper blir andelarna mycket osäkra. Fler andelar kan redovisas om kommunen redovisas tillsammans med närliggande kommuner (lagesbild report --pool) eller om årskurserna redovisas tillsammans (lagesbild report --pool-grades).',
    ]);
    // Ekvik: 18 of its 20 hidden shares are hidden so that Hallsta's (or its own) cannot be worked out.
    expect(figures.records.filter((r) => r.kind === 'estimate' && r.area === 'Ekvik' && r.suppressed).map((r) => (r as EstimateRecord).suppression).filter((x) => x === 'secondary')).toHaveLength(18);
    expect(notice('Ekvik')).toEqual([
      '20 av de 27 andelar som rapporten skulle visa för Ekvik redovisas inte (..): de flesta döljs för att andra dolda värden, i Ekvik eller i länets andra kommuner, inte ska kunna räknas fram ur summorna. Fler andelar kan redovisas om kommunen redovisas tillsammans med närliggande kommuner (lagesbild report --pool) eller om årskurserna redovisas tillsammans (lagesbild report --pool-grades).',
    ]);
  });
});
