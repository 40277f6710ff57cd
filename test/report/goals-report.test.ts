// Goals in the report, on the example (two goals with different statuses): the follow-up
// chapter's table and per-goal text say exactly what the goal records hold, and a follow-up
// report's summary opens with where each goal stands.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { FiguresTable } from '../../src/analysis/types.js';
import { loadConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { buildMunicipalityReport } from '../../src/report/index.js';
import type { ReportDocument, TableBlock } from '../../src/report/model.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';

let figures: FiguresTable;
let config: ProjectConfig;
let followUp: ReportDocument;
let sumsOf: Awaited<ReturnType<typeof ingestFiles>>['sums'];

beforeAll(async () => {
  config = (await loadConfig(EXAMPLE_CONFIG)).config;
  sumsOf = (await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG })).sums;
  figures = computeFigures(sumsOf, config);
  followUp = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'sv', dateIso: '2024-05-31', profile: 'uppfoljning' });
});

const chapter = (doc: ReportDocument, id: string) => doc.chapters.find((c) => c.id === id)!;

describe('goals in the follow-up chapter', () => {
  it('a table of every goal: baseline, latest with interval, change with interval, target and status', () => {
    const table = chapter(followUp, 'uppfoljning').blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.caption).toBe('Mål och hur långt Ängsby har kommit, 2023');
    expect(table.table.rows).toEqual([
      { header: 'Sexuellt våld, flickor, åk 9', cells: ['14 (2019)', '11 (7–16)', '−3 (−9 till +4)', 'högst 12 (2027)', 'Ännu inte möjligt att säga'] },
      { header: 'Kränkt på nätet, flickor', cells: ['22 (2019)', '38 (33–44)', '+16 (+10 till +23)', 'högst 20 (2025)', 'Inte i takt med målet'] },
    ]);
  });

  it('per goal: the values and the change, then the status with its reason, what is left and what the next wave can show', () => {
    const blocks = chapter(followUp, 'uppfoljning').blocks;
    // No-break spaces ("95 % KI", "12 procent") compared as spaces.
    const texts = blocks
      .flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'notice' ? [`[${b.title}] ${b.text}`] : b.type === 'heading' ? [`# ${b.text}`] : []))
      .map((t) => t.replace(/\u00a0/g, ' '));
    expect(texts.slice(0, 2)).toEqual([
      '# Mål',
      'Rapporten följer upp mätbara mål för indikatorerna nedan. För varje mål jämförs den senaste mätningen med utgångsläget och med en jämn takt från utgångsläget till målet. Målet är nått när hela det 95-procentiga konfidensintervallet ligger på rätt sida om målet. Före målåret är utvecklingen på väg mot målet när förändringen sedan utgångsläget är statistiskt säkerställd i rätt riktning och kan vara minst så stor som en jämn takt kräver, och inte i takt med målet när hela konfidensintervallet för förändringen ligger på fel sida om den takten. Från målåret är målet inte nått när hela konfidensintervallet ligger på fel sida om målet. I övriga fall är det ännu inte möjligt att säga: osäkerheten rymmer mer än ett av svaren.',
    ]);
    expect(texts.slice(2, 9)).toEqual([
      '# Sexuellt våld, flickor, åk 9',
      'Målet är att andelen ska vara högst 12 procent senast 2027. Utgångsvärdet 2019 var 14 procent, och 2023 var andelen 11 procent (95 % KI 7–16). Förändringen sedan 2019, −3 procentenheter (95 % KI −9 till +4), är inte statistiskt säkerställd (justerat p = 0,72).',
      '[Ännu inte möjligt att säga] Osäkerheten rymmer både att andelen är oförändrad och att den har minskat så mycket som en jämn takt mot målet kräver till 2023 (1 procentenhet). Andelen ligger redan vid målet eller på rätt sida om det, men osäkerheten är för stor för att säga att målet är nått. Nästa mätning kan visa en förändring på ungefär 9 procentenheter som statistiskt säkerställd.',
      '# Kränkt på nätet, flickor',
      'Målet är att andelen ska vara högst 20 procent senast 2025. Utgångsvärdet 2019 var 22 procent, och 2023 var andelen 38 procent (95 % KI 33–44). Ökningen sedan 2019 på 16 procentenheter (95 % KI +10 till +23) är statistiskt säkerställd (justerat p < 0,001).',
      '[Inte i takt med målet] Andelen har i stället ökat, statistiskt säkerställt, medan en jämn takt mot målet kräver en minskning på 1 procentenhet till 2023. En ökning av uppgiven utsatthet behöver inte betyda att det förebyggande arbetet har misslyckats: arbetet gör ofta att mer våld kommer fram. Till målet återstår en minskning på 18 procentenheter. Nästa mätning kan, med lika många svarande och samma upplägg, visa en förändring på ungefär 10 procentenheter som statistiskt säkerställd; en förändring lika stor som den som återstår går alltså att belägga.',
      '# Utgångsvärden för nya mål',
    ]);
  });

  it('a follow-up with goals says so in its subtitle, introduction and outline', () => {
    expect(followUp.subtitle).toBe('Uppföljning av mål och förändringar, enkätresultat 2019–2023');
    expect(chapter(followUp, 'uppfoljning').title).toBe('Mål och uppföljning');
    const intro = chapter(followUp, 'inledning').blocks;
    expect(intro).toContainEqual(
      expect.objectContaining({ type: 'paragraph', text: expect.stringMatching(/^Rapporten är en uppföljning enligt steg 5, Implementera, följ upp och sprid: den jämför den senaste mätningen med utgångsläget och med de mätbara mål som rapporten följer upp\. /) as string }),
    );
    expect(intro.flatMap((b) => (b.type === 'list' ? b.items : []))).toContain('Mål och uppföljning: målen, hur långt kommunen har kommit och vad nästa mätning kan visa.');
  });

  it('a follow-up’s summary opens with each goal’s status; a baseline report’s does not', () => {
    const items = (doc: ReportDocument) => chapter(doc, 'sammanfattning').blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(items(followUp).slice(0, 2)).toEqual([
      'Sexuellt våld, flickor, åk 9 – målet högst 12\u00a0% senast 2027: ännu inte möjligt att säga.',
      'Kränkt på nätet, flickor – målet högst 20\u00a0% senast 2025: inte i takt med målet.',
    ]);
    const baseline = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'sv', dateIso: '2024-05-31' });
    expect(items(baseline).some((i) => i.includes('målet'))).toBe(false);
    // The goals are in the baseline report's follow-up chapter too, near the end.
    expect(chapter(baseline, 'uppfoljning').blocks[0]).toEqual({ type: 'heading', level: 2, id: 'uppfoljning-mal', text: 'Mål' });
  });

  it('in English', () => {
    const en = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'en', dateIso: '2024-05-31', profile: 'uppfoljning' });
    const notices = chapter(en, 'uppfoljning').blocks.flatMap((b) => (b.type === 'notice' ? [b.title] : []));
    expect(notices).toEqual(['Not yet possible to say', 'Not on track']);
    expect(en.title).toBe('Follow-up: violence – Ängsby');
  });

  it('pooled waves: no change can be measured, and the report says how to follow the goal', async () => {
    const pooled = computeFigures((await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG })).sums, config, { waves: true });
    const doc = buildMunicipalityReport({ figures: pooled, config, area: 'Ängsby', lang: 'sv', dateIso: '2024-05-31', profile: 'uppfoljning' });
    const blocks = chapter(doc, 'uppfoljning').blocks;
    const texts = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'notice' ? [`[${b.title}] ${b.text}`] : [])).map((t) => t.replace(/\u00a0/g, ' '));
    expect(texts).toContain('Målet är att andelen ska vara högst 20 procent senast 2025. 2019–2023 (sammanslagna) var andelen 29,7 procent (95 % KI 27,1–32,5).');
    expect(texts.some((t) => t.startsWith('[Ännu inte möjligt att säga] Mätningarna är sammanslagna, så ingen förändring sedan utgångsläget kan mätas. Rapportera utan --pool-waves för att följa målet.'))).toBe(true);
  });

  it('a goal for a group the municipality has no one in (no upper-secondary school) is said, not dropped', () => {
    const gy2 = { ...config, indicators: config.indicators.map((i) => (i.id === 'sexuellt_vald' ? { ...i, target: { ...i.target!, group: { gender: 'Flickor', grade: 'Gy 2' }, areas: undefined } } : i)) };
    const f = computeFigures(sumsOf, gy2);
    const doc = buildMunicipalityReport({ figures: f, config: gy2, area: 'Lövåsen', lang: 'sv', dateIso: '2024-05-31', profile: 'uppfoljning' });
    const texts = chapter(doc, 'uppfoljning').blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('Målet ”Sexuellt våld, flickor, gy 2” följs inte upp här: Lövåsen har inga svarande i gruppen vid mätningen 2023.');
  });
});
