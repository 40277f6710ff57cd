// The example's follow-up report as the CLI builds it: Ängsby's own text, police figures and
// two goals, all limited to Ängsby (`areas`), in the follow-up's chapter order and in Word;
// a small municipality of the same project (Lövåsen, ~25 pupils a year) gets none of them,
// and a name in `areas` that the data does not have is warned about with its config line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { FiguresTable, GoalRecord } from '../../src/analysis/types.js';
import { unknownAreas } from '../../src/cli/project.js';
import { render } from '../../src/messages/index.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { loadOwnTexts } from '../../src/owntext/load.js';
import { loadReferences } from '../../src/references/load.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { buildMunicipalityReport, unplacedTexts } from '../../src/report/index.js';
import type { ReportDocument } from '../../src/report/model.js';
import { loadSources, type SourceTable } from '../../src/sources/load.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';
import { greyPng } from '../render/html/fake-chart.js';
import { headingOutline, unzipParts, wordBody, type WordParagraph, type WordTable } from '../fixtures/ooxml.js';

let config: ProjectConfig;
let figures: FiguresTable;
let ownTexts: Awaited<ReturnType<typeof loadOwnTexts>>['texts'];
let sources: SourceTable[];
const build = (area: string) => buildMunicipalityReport({ figures, config, area, lang: 'sv', dateIso: '2024-05-31', profile: 'uppfoljning', ownTexts, sources });

beforeAll(async () => {
  config = (await loadConfig(EXAMPLE_CONFIG)).config;
  figures = computeFigures((await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG })).sums, config, {}, await loadReferences(config, EXAMPLE_CONFIG));
  ownTexts = (await loadOwnTexts(config, EXAMPLE_CONFIG, 'sv')).texts;
  sources = await loadSources(config, EXAMPLE_CONFIG);
});

const ownTextIds = (doc: ReportDocument) => doc.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.type === 'ownText' ? [`${c.id}/${b.id}`] : [])));

describe('the example’s follow-up report for Ängsby', () => {
  it('has the goals first, then the changes, the description with the own text, and the other source', () => {
    const doc = build('Ängsby');
    expect(doc.chapters.map((c) => c.title)).toEqual([
      'Sammanfattning',
      'Inledning',
      'Mål och uppföljning',
      'Utveckling över tid',
      'Om undersökningen',
      'Utsatthet för våld',
      'Våldsutövande och attityder',
      'Otrygghet',
      'Grupper',
      'Andra källor',
      'Jämförelse med länet',
      'Jämförelse med referensvärden',
      'Förändringsfaktorer',
      'Bilagor',
    ]);
    expect(ownTextIds(doc)).toEqual(['utsatthet/egen-text-1']);
  });

  it('in Word: the goal table, each goal’s status box, the other source’s table with its source, and the own text with its links', async () => {
    const doc = build('Ängsby');
    const { text } = unzipParts(await renderDocx(doc, { chartPng: () => Promise.resolve(greyPng(640, 320)) }));
    const body = wordBody(text['word/document.xml']!);
    const paras = body.filter((b): b is WordParagraph => b.kind === 'p');
    const tables = body.filter((b): b is WordTable => b.kind === 'tbl');
    const headings = paras.filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => [p.style, p.text]);
    expect(headings).toEqual(headingOutline(doc).map(([level, t]) => [`Heading${level}`, t]));
    expect(headings.slice(headings.findIndex(([, t]) => t === 'Mål och uppföljning'), headings.findIndex(([, t]) => t === 'Utveckling över tid'))).toEqual([
      ['Heading1', 'Mål och uppföljning'],
      ['Heading2', 'Mål'],
      ['Heading3', 'Sexuellt våld, flickor, åk 9'],
      ['Heading3', 'Kränkt på nätet, flickor'],
      ['Heading2', 'Utgångsvärden för nya mål'],
    ]);
    // No-break spaces compared as spaces.
    const rows = (t: WordTable) => t.rows.map((r) => r.map((c) => c.replace(/\u00a0/g, ' ')));
    expect(rows(tables.find((t) => t.rows[0]![0] === 'Mål')!)).toEqual([
      ['Mål', 'Utgångsvärde (%)', 'Senaste mätningen (%, 95 % KI)', 'Förändring, procentenheter (95 % KI)', 'Målvärde (%)', 'Status'],
      ['Sexuellt våld, flickor, åk 9', '14 (2019)', '11 (7–16)', '−3 (−9 till +4)', 'högst 12 (2027)', 'Ännu inte möjligt att säga'],
      ['Kränkt på nätet, flickor', '22 (2019)', '38 (33–44)', '+16 (+10 till +23)', 'högst 20 (2025)', 'Inte i takt med målet'],
    ]);
    expect(paras.filter((p) => p.style === 'LbNotice' && /^(Ännu|Inte i takt|På väg|Målet är)/.test(p.text)).map((p) => p.text)).toEqual([
      'Ännu inte möjligt att säga',
      'Inte i takt med målet',
    ]);
    expect(rows(tables.find((t) => t.rows[0]![0] === 'Område')!)).toEqual([
      ['Område', '2019', '2020', '2021', '2022', '2023'],
      ['Ängsby', '412,5', '398,1', '455,0', '470,2', '488,9'],
      ['Norrbacka län', '380,2', '371,4', '392,8', '401,5', '410,3'],
      ['Riket', '395,0', '388,2', '401,7', '409,9', '415,6'],
    ]);
    const flat = paras.map((p) => p.text.replace(/\u00a0/g, ' '));
    expect(flat).toContain('Figur 27. Anmälda misshandelsbrott, per 100 000 invånare');
    expect(flat).toContain('Fall som kommit till kännedom, inte hur många som utsatts: fler fall kan betyda att mer våld upptäcks och anmäls.');
    expect(flat).toContain('Källa: Brå, anmälda brott – fiktiva siffror för exemplet');
    expect(paras.find((p) => p.style === 'LbOwnStart')!.text).toBe('Kommunens egen text');
    expect(headings).toContainEqual(['Heading2', 'Arbetsgruppens analys']);
    const rels = text['word/_rels/document.xml.rels']!;
    expect(rels).toContain('Target="https://www.boj.se/" TargetMode="External"');
    expect(rels).toContain('Target="mailto:samordnare@angsby.example" TargetMode="External"');
  });
});

describe('a small municipality of the same project (Lövåsen)', () => {
  it('gets no text, source or goal limited to Ängsby, and its follow-up speaks of no goals', () => {
    const doc = build('Lövåsen');
    expect(ownTextIds(doc)).toEqual([]);
    expect(unplacedTexts(doc, ownTexts)).toEqual([]);
    expect(doc.chapters.map((c) => c.id)).not.toContain('andra-kallor');
    const goals = figures.records.filter((r): r is GoalRecord => r.kind === 'goal');
    expect([...new Set(goals.map((g) => g.area))]).toEqual(['Ängsby']);
    expect(doc.subtitle).toBe('Uppföljning av förändringar, enkätresultat 2019–2023');
    const followUp = doc.chapters.find((c) => c.id === 'uppfoljning')!;
    expect(followUp.title).toBe('Underlag för uppföljning');
    expect(followUp.blocks.some((b) => b.type === 'heading' && b.id === 'uppfoljning-mal')).toBe(false);
    const text = JSON.stringify(doc);
    for (const word of ['Ängsby', 'Brå', 'Arbetsgruppen', 'målet']) expect(text, word).not.toContain(word);
  });
});

describe('areas the data does not have', () => {
  it('are warned about with the config file, line, column and key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-areas-'));
    const file = join(dir, 'lagesbild.yaml');
    const yaml = `columns: { area: kommun, year: ar }
groups:
  gender: { column: kon, label: Kön, values: [{ code: "1", label: Flickor }] }
indicators:
  - { id: hot, label: Hot, chapter: utsatthet, column: f1, answers: { yes: [Ja] }, target: { value: 10, year: 2027, areas: [Ängsby, Lövåsen] } }
texts:
  utsatthet: { file: texts/u.md, areas: [Ängsbi] }
sources:
  - { title: Anmälda brott, source: Brå, file: b.csv, areas: [Ängsby] }
`;
    writeFileSync(file, yaml);
    const cfg = parseConfig(yaml, file);
    const meta = { ...figures.meta, areas: ['Lövåsen', 'Ängsby', 'Norrbacka län'], county: 'Norrbacka län' };
    const warnings = await unknownAreas(cfg, file, { meta });
    expect(warnings.map((w) => render(w, 'en'))).toEqual([
      `${file}:7:42: texts.utsatthet.areas[0]: "Ängsbi" is not a municipality of the data (Lövåsen, Ängsby), so no report has what is limited to it. Write the name as the data does`,
    ]);
    expect(render(warnings[0]!, 'sv')).toBe(
      `${file}:7:42: texts.utsatthet.areas[0]: "Ängsbi" är ingen kommun i data (Lövåsen, Ängsby), så ingen rapport får det som är begränsat till den. Skriv namnet som det står i data`,
    );
    // Names compared in one Unicode form: "Ängsby" typed with a combining ring is the same name.
    expect(await unknownAreas(cfg, file, { meta: { ...meta, areas: ['Lövåsen', 'A\u0308ngsby'.normalize('NFD'), 'Ängsbi'] } })).toEqual([]);
  });
});
