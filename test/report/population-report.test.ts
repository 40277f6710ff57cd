// What a report says with config `population`: the sentence and table of respondents out of
// the pupils in "Om undersökningen", the notice where fewer than half answered (and in the
// summary when the whole municipality is under half), the method text, and the county
// overview. On the bundled example (Ängsby; Lövåsen, without Gy 2) and on Lillby's own export
// with a coordinator's population file (test/fixtures/lillby). Exact sentences and cells.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { FiguresTable, ResponseRecord } from '../../src/analysis/types.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { rateText } from '../../src/report/cells.js';
import type { ReportContext } from '../../src/report/context.js';
import { buildCountyReport, buildMunicipalityReport, type ReportDocument } from '../../src/report/index.js';
import type { Block, NoticeBlock, TableBlock } from '../../src/report/model.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';
import { populationConfig, populationFigures } from '../pipeline/population-reference.js';
import { referencePath } from '../stats/reference-data.js';

const NB = '\u00a0';
const DATE = '2024-06-01';

const chapter = (d: ReportDocument, id: string): Block[] => d.chapters.find((c) => c.id === id)?.blocks ?? [];
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
const notices = (blocks: Block[]) => blocks.filter((b): b is NoticeBlock => b.type === 'notice');
const firstTable = (blocks: Block[]) => blocks.find((b): b is TableBlock => b.type === 'table')!;
const rows = (t: TableBlock) => t.table.rows.map((r) => [r.header, ...r.cells].join(' | '));

describe('the example (Norrbacka län)', () => {
  let config: ProjectConfig;
  let figures: FiguresTable;
  const report = (area: string, lang: 'sv' | 'en' = 'sv') => buildMunicipalityReport({ figures, config, area, lang, dateIso: DATE });

  beforeAll(async () => {
    config = (await loadConfig(EXAMPLE_CONFIG)).config;
    figures = computeFigures((await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG })).sums, config);
  });

  it('Ängsby: respondents out of the pupils in the first paragraph, per school year', () => {
    expect(paragraphs(chapter(report('Ängsby'), 'om-undersokningen'))[0]).toBe(
      // 751 answered, 742 of them in the reported groups: the rate is theirs.
      `Undersökningen har genomförts 2019, 2021 och 2023 i Ängsby. Vid den senaste mätningen (2023) svarade 751 personer. Andelarna för Totalt bygger på de 742 av dem som angett kön och årskurs bland de redovisade grupperna. De 742 är 67 procent av de 1${NB}109 eleverna: svarsfrekvensen var 84 procent i åk 9 och 55 procent i gy 2.`,
    );
    expect(paragraphs(chapter(report('Ängsby', 'en'), 'om-undersokningen'))[0]).toBe(
      'The survey was carried out in Ängsby in 2019, 2021 and 2023. In the latest wave (2023), 751 people responded. The shares for Total are based on the 742 of them who gave their gender and school year within the reported groups. Those 742 are 67% of the 1,109 pupils: the response rate was 84% in year 9 and 55% in upper secondary year 2.',
    );
  });

  it('Ängsby: the table of respondents shows each group out of its pupils, with the notes its cells need', () => {
    const t = firstTable(chapter(report('Ängsby'), 'om-undersokningen'));
    expect(t.caption).toBe('Svarande av eleverna per grupp och mätning, Ängsby');
    expect(rows(t)).toEqual([
      'Alla svarande | 794 | 722 | 751',
      `Totalt | 781 av 1${NB}213 (64${NB}%) | 709 av 1${NB}039 (68${NB}%) | 742 av 1${NB}109 (67${NB}%)`,
      `Flickor | 409 av 558 (73${NB}%) | 346 av 419 (83${NB}%) | 355 av 436 (81${NB}%)`,
      `Pojkar | 372 av 655 (57${NB}%) | 363 av 620 (59${NB}%) | 387 av 673 (58${NB}%)`,
      `Åk 9 | 413 av 520 (79${NB}%) | 384 av 433 (89${NB}%) | 376 av 448 (84${NB}%)`,
      `Gy 2 | 368 av 693 (53${NB}%) | 325 av 606 (54${NB}%) | 366 av 661 (55${NB}%)`,
      `Flickor, åk 9 | 206 av 249 (83${NB}%) | 191 av 209 (91${NB}%) | 179 av 202 (89${NB}%)`,
      `Flickor, gy 2 | 203 av 309 (66${NB}%) | 155 av 210 (74${NB}%) | 176 av 234 (75${NB}%)`,
      `Pojkar, åk 9 | 207 av 271 (76${NB}%) | 193 av 224 (86${NB}%) | 197 av 246 (80${NB}%)`,
      `Pojkar, gy 2 | 165 av 384 (43${NB}%) | 170 av 396 (43${NB}%) | 190 av 427 (44${NB}%)`,
    ]);
    expect(t.table.notes[0]).toBe('Antal svarande av antalet elever i gruppen, med svarsfrekvensen inom parentes.');
    expect(t.table.notes.at(-1)).toMatch(/De övriga hör inte till någon av grupperna och ingår inte i svarsfrekvensen, men de finns med i elevantalen, så svarsfrekvensen kan vara något lägre än den verkliga\.$/);
  });

  it('Ängsby: the one group under half is named with its rates, in plain Swedish; the summary has no such notice (67 %)', () => {
    const d = report('Ängsby');
    expect(notices(chapter(d, 'om-undersokningen')).map((n) => [n.title, n.text])).toEqual([
      [
        'Låg svarsfrekvens',
        'Färre än hälften av eleverna i gruppen pojkar, gy 2 svarade på enkäten (43 procent 2019, 43 procent 2021 och 44 procent 2023). När så många inte svarar kan resultaten bli missvisande, eftersom de som inte svarade kan ha andra erfarenheter av våld än de som svarade. Läs gruppens siffror med det i minnet.',
      ],
    ]);
    expect(notices(chapter(d, 'sammanfattning')).map((n) => n.title)).not.toContain('Låg svarsfrekvens');
  });

  it('the method text names the source of the counts and what a response rate is', () => {
    expect(paragraphs(chapter(report('Ängsby'), 'om-undersokningen'))).toContain(
      'Svarsfrekvensen räknas mot antalet elever per kommun, kön och årskurs enligt påhittade elevantal för Norrbacka län (syntetiska exempeldata). Svarsfrekvensen är andelen av eleverna i gruppen som besvarade enkäten, oavsett hur många av frågorna de svarade på. Den visar hur väl svaren kan antas spegla alla elever: ju lägre svarsfrekvens, desto större är risken att de som inte svarade skiljer sig från dem som svarade, och den osäkerheten syns inte i konfidensintervallen.',
    );
  });

  it('Lövåsen (no Gy 2, about 30 pupils): its rate, no school-year rows, hidden groups as `..` with the reason', () => {
    const blocks = chapter(report('Lövåsen'), 'om-undersokningen');
    expect(paragraphs(blocks)[0]).toBe(
      'Undersökningen har genomförts 2019, 2021 och 2023 i Lövåsen. Vid den senaste mätningen (2023) svarade 25 personer. Det är 86 procent av de 29 eleverna.',
    );
    const t = firstTable(blocks);
    expect(rows(t)).toEqual([
      'Alla svarande | 28 | 30 | 25',
      `Totalt | 28 av 33 (85${NB}%) | 29 av 34 (85${NB}%) | 25 av 29 (86${NB}%)`,
      'Flickor | .. | .. | ..',
      'Pojkar | (..) | (..) | ..',
    ]);
    expect(t.table.notes).toContain('.. = redovisas inte: gruppen har färre än 10 elever, eller bara 1–2 elever svarade eller lät bli att svara.');
    expect(t.table.notes).toContain('Alla svarande går i åk 9, så årskursen redovisas inte separat.');
    expect(notices(blocks)).toEqual([]);
  });

  it('the county overview shows each municipality out of its pupils', () => {
    const d = buildCountyReport({ figures, config, lang: 'sv', dateIso: DATE });
    const t = firstTable(chapter(d, 'om-oversikten'));
    expect(rows(t).filter((r) => /^(Lövåsen|Norrbacka län) /.test(r))).toEqual([
      `Lövåsen | 28 av 33 (85${NB}%) | 29 av 34 (85${NB}%) | 25 av 29 (86${NB}%)`,
      `Norrbacka län | 1${NB}076 av 1${NB}614 (67${NB}%) | 1${NB}005 av 1${NB}453 (69${NB}%) | 1${NB}027 av 1${NB}502 (68${NB}%)`,
    ]);
    expect(t.table.notes[0]).toBe('Antal svarande av antalet elever i gruppen, med svarsfrekvensen inom parentes.');
    // The example has respondents outside Totalt ("annat/vill ej ange", no school year): the counts say whose they are.
    expect(figures.respondents.some((r) => r.group === 'all' && r.n !== figures.respondents.find((t) => t.area === r.area && t.year === r.year && t.group === 'total')?.n)).toBe(true);
    expect(t.table.notes[1]).toBe(
      'Svarande räknas i Totalt, det vill säga bland dem som angett kön och årskurs bland de redovisade grupperna. Övriga svarande ingår inte i svarsfrekvensen men finns med i elevantalen, så den kan vara något lägre än den verkliga, som i kommunernas tabeller.',
    );
  });
});

describe('Lillby with its population file (all under half in 2024)', () => {
  const DIR = fileURLToPath(new URL('../fixtures/lillby/', import.meta.url));
  let doc: ReportDocument;
  let poststratified: ReportDocument;

  beforeAll(async () => {
    const configPath = `${DIR}lagesbild.yaml`;
    const files = [`${DIR}Lillby skolenkät 2022.csv`, `${DIR}Lillby skolenkät 2024.csv`];
    const build = async (poststratify: boolean) => {
      const config = parseConfig(`${readFileSync(configPath, 'utf8')}\npopulation: { file: befolkning.csv, poststratify: ${poststratify} }\n`, configPath);
      const figures = computeFigures((await ingestFiles(files, config, { configPath })).sums, config);
      return buildMunicipalityReport({ figures, config, area: 'Lillby', lang: 'sv', dateIso: DATE });
    };
    [doc, poststratified] = await Promise.all([build(false), build(true)]);
  });

  it('the rate beside the respondents, and a table where hidden groups stay hidden', () => {
    const blocks = chapter(doc, 'om-undersokningen');
    expect(paragraphs(blocks)[0]).toBe('Undersökningen har genomförts 2022 och 2024 i Lillby. Vid den senaste mätningen (2024) svarade 23 personer. Andelarna för Totalt bygger på de 22 av dem som angett kön och årskurs bland de redovisade grupperna. De 22 är 39 procent av de 56 eleverna.');
    expect(rows(firstTable(blocks))).toEqual([
      'Alla svarande | 26 | 23',
      `Totalt | 25 av 35 (71${NB}%) | 22 av 56 (39${NB}%)`,
      `Tjejer | .. | 12 av 26 (46${NB}%)`,
      `Killar | (..) | 10 av 30 (33${NB}%)`,
    ]);
  });

  it('a notice names every group under half, the whole municipality first; the summary says it too', () => {
    expect(notices(chapter(doc, 'om-undersokningen')).map((n) => n.text)).toEqual([
      'Färre än hälften av eleverna svarade på enkäten i dessa grupper: alla elever (39 procent 2024), tjejer (46 procent 2024) och killar (33 procent 2024). När så många inte svarar kan resultaten bli missvisande, eftersom de som inte svarade kan ha andra erfarenheter av våld än de som svarade. Läs rapportens siffror med det i minnet.',
    ]);
    expect(notices(chapter(doc, 'sammanfattning')).filter((n) => n.title === 'Låg svarsfrekvens').map((n) => n.text)).toEqual([
      'Bara 39 procent av eleverna i Lillby svarade på enkäten vid mätningen 2024. När så många inte svarar kan resultaten bli missvisande, eftersom de som inte svarade kan ha andra erfarenheter av våld än de som svarade. Svarsfrekvensen i varje grupp finns i kapitlet Om undersökningen.',
    ]);
  });

  it('post-stratified: the method says what was corrected and what was not, and the notice says what weighting cannot do', () => {
    const blocks = chapter(poststratified, 'om-undersokningen');
    expect(paragraphs(blocks)).toContain(
      'Svaren är efterstratifierade: vikterna är justerade så att varje kombination av kommun, kön och årskurs väger lika mycket i resultaten som den gör bland eleverna. Det rättar för att grupperna svarade i olika grad, men bara för det: om de som inte svarade inom en grupp har andra erfarenheter än de som svarade, rättar vikterna inte det. Osäkerheten är beräknad med hänsyn till efterstratifieringen. Elever som inte angett kön eller årskurs, eller som angett ett kön som inte redovisas, hör inte till någon av grupperna; deras vikter justeras lika mycket som de övriga svarandes i kommunen i genomsnitt.',
    );
    expect(paragraphs(blocks)).toContain('Resultaten är viktade så att de beskriver hela målgruppen. Konfidensintervallen är 95-procentiga och beräknade med Wilsons metod.');
    expect(notices(blocks)[0]!.text).toMatch(/ Efterstratifieringen rättar för att grupperna svarade i olika grad, men inte för skillnader inom en grupp mellan dem som svarade och dem som inte gjorde det\.$/);
  });
});

describe('a low rate in figures', () => {
  // rateText reads only the language of the report.
  const ctx = { lang: 'sv' } as ReportContext;
  const rec = (n: number, population: number): ResponseRecord & { rate: number } => ({
    kind: 'response', area: 'A', year: 2023, pooled_years: null, group: 'total', n, population, rate: n / population, suppressed: false, suppression: null, flag: n / population < 0.5 ? 'low_response' : null,
  });

  it('is never rounded up to the 50 % the warning names', () => {
    expect(rateText(rec(199, 400), ctx)).toBe(`49,8${NB}%`);
    expect(rateText(rec(9999, 20000), ctx)).toBe(`49,995${NB}%`);
    expect(rateText(rec(200, 400), ctx)).toBe(`50${NB}%`);
    expect(rateText(rec(197, 400), ctx, false)).toBe('49');
  });
});

describe('a design with a finite population correction (population.R: fpc_clustered)', () => {
  it('the method text says the intervals include it and what that means', async () => {
    const configPath = referencePath('lagesbild.yaml');
    const config = parseConfig(populationConfig('fpc_clustered'), configPath);
    const figures = await populationFigures('fpc_clustered');
    const d = buildMunicipalityReport({ figures, config, area: 'Älvby', lang: 'sv', dateIso: DATE });
    expect(paragraphs(chapter(d, 'om-undersokningen'))).toContain(
      'Osäkerheten är beräknad med ändlig populationskorrektion: undersökningen omfattar en känd andel av skolorna (eller de andra enheter som svaren samlats in från) i varje stratum, och ju större andel som undersökts, desto mindre är osäkerheten. Ett stratum där alla har undersökts bidrar inte alls till den. Konfidensintervallen beskriver alltså osäkerheten om hur det såg ut bland eleverna vid mätningen, inte i en tänkt större grupp av elever.',
    );
  });
});
