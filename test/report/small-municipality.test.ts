// One small municipality through the whole pipeline: Lillby (test/fixtures/lillby), a
// Windows-1252 export with the question texts as headers, about 25 pupils in åk 9 only, two
// waves, and the county's shared groups (which list Gy 2). Every sentence must hold on these
// data: no county chapter, the questions as the pupils read them, the definition as the config
// states it, an introduction that names exactly the chapters present, a combined indicator
// described by its actual parts, nothing empty, nothing repeated, footnotes that match cells.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ProjectConfig } from '../../src/config/schema.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import type { FiguresTable } from '../../src/analysis/types.js';
import { buildMunicipalityReport, type ReportDocument } from '../../src/report/index.js';
import type { Block, TableSpec } from '../../src/report/model.js';

const DIR = fileURLToPath(new URL('../fixtures/lillby/', import.meta.url));
const FILES = [`${DIR}Lillby skolenkät 2022.csv`, `${DIR}Lillby skolenkät 2024.csv`];
const DATE = '2024-06-01';

let config: ProjectConfig;
let figures: FiguresTable;
let pooled: FiguresTable;
let doc: ReportDocument;
let pooledDoc: ReportDocument;

beforeAll(async () => {
  config = (await loadConfig(`${DIR}lagesbild.yaml`)).config;
  const { sums } = await ingestFiles(FILES, config);
  figures = computeFigures(sums, config);
  pooled = computeFigures(sums, config, { waves: true });
  doc = buildMunicipalityReport({ figures, config, area: 'Lillby', lang: 'sv', dateIso: DATE });
  pooledDoc = buildMunicipalityReport({ figures: pooled, config, area: 'Lillby', lang: 'sv', dateIso: DATE });
});

const blocks = (d: ReportDocument): Block[] => d.chapters.flatMap((c) => c.blocks);
const chapter = (d: ReportDocument, id: string) => d.chapters.find((c) => c.id === id);
const texts = (d: ReportDocument, id?: string): string[] =>
  (id === undefined ? blocks(d) : (chapter(d, id)?.blocks ?? [])).flatMap((b) =>
    b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : b.type === 'notice' ? [b.text] : [],
  );
const tables = (d: ReportDocument): { caption: string; table: TableSpec }[] =>
  blocks(d).flatMap((b) => (b.type === 'table' || b.type === 'figure' ? [{ caption: b.caption, table: b.table }] : []));
/**
 * Sentences of running text (a full stop, question or exclamation mark and a space end one).
 * Left out: the summary's findings (they restate, by design, the main results of the chapters),
 * the appendix's list of questions (each item lists its answers the same way), and "tolka med
 * försiktighet" with a group size, which belongs to each small figure it follows.
 */
const sentences = (d: ReportDocument) =>
  d.chapters
    .flatMap((c) => (c.id === 'bilagor' || c.id === 'sammanfattning' ? c.blocks.filter((b) => b.type !== 'list') : c.blocks))
    .flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : b.type === 'notice' ? [b.text] : []))
    .flatMap((t) => t.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ”])/u))
    .filter((s) => !/^Tolka med försiktighet: (gruppen|grupperna|mätningarna) har bara [\d och]+ svarande\.$/.test(s));

describe('a one-municipality report on its own data', () => {
  for (const [name, d] of [
    ['by wave', () => doc],
    ['pooled waves', () => pooledDoc],
  ] as const) {
    it(`${name}: no county chapter and no comparison with the county anywhere`, () => {
      expect(d().chapters.map((c) => c.id)).not.toContain('jamforelse-lanet');
      expect(texts(d()).join(' ')).not.toMatch(/övriga länet|Norrbacka län utan/);
    });

    it(`${name}: no group the municipality does not have (no Gy 2 rows, columns, bars or legend entries)`, () => {
      for (const { table } of tables(d())) {
        expect(table.columns.map((c) => c.header).join('|')).not.toMatch(/Gy 2/);
        expect(table.rows.map((r) => r.header).join('|')).not.toMatch(/Gy 2|åk 9|Åk 9/);
      }
      for (const b of blocks(d())) if (b.type === 'figure') expect([...b.chart.categories, ...b.chart.series.map((s) => s.label)].join('|')).not.toMatch(/Gy 2/);
    });

    it(`${name}: no empty chart: every chart shows at least two values, every series at least one`, () => {
      for (const b of blocks(d())) {
        if (b.type !== 'figure') continue;
        const values = b.chart.series.flatMap((s) => s.values).filter((v) => v !== null);
        expect(values.length, b.caption).toBeGreaterThanOrEqual(2);
        for (const s of b.chart.series) expect(s.values.some((v) => v !== null), `${b.caption}: ${s.label}`).toBe(true);
      }
    });

    it(`${name}: no sentence is said twice`, () => {
      const seen = new Map<string, number>();
      for (const s of sentences(d())) seen.set(s, (seen.get(s) ?? 0) + 1);
      expect([...seen].filter(([, n]) => n > 1).map(([s]) => s)).toEqual([]);
    });

    it(`${name}: key figure cards show words and numbers, never dots`, () => {
      const cards = blocks(d()).flatMap((b) => (b.type === 'keyFigures' ? b.items : []));
      expect(cards.length).toBeGreaterThan(0);
      for (const c of cards) {
        expect(c.value).toMatch(/^\d+\u00a0%$/);
        expect(c.detail).not.toMatch(/\.\.|, \.|–$/);
      }
    });

    it(`${name}: every table note explains a symbol its cells use, and every symbol used is explained`, () => {
      for (const { caption, table } of tables(d())) {
        const cells = table.rows.flatMap((r) => r.cells);
        const has = (f: (c: string) => boolean) => cells.some(f);
        const note = (prefix: string) => table.notes.some((n) => n.startsWith(prefix));
        expect(note('.. = '), caption).toBe(has((c) => c === '..'));
        expect(note('(..) = '), caption).toBe(has((c) => c === '(..)'));
        expect(note('* '), caption).toBe(has((c) => c.endsWith('*')));
        expect(note('– = '), caption).toBe(has((c) => c === '–'));
      }
    });
  }

  it('quotes the questions exactly as the data has them (the header of each column)', () => {
    const header = (parseCsv(new TextDecoder('windows-1252').decode(readFileSync(FILES[1]!)), { delimiter: ';', to_line: 1 }) as string[][])[0]!;
    const questions = texts(doc, 'bilagor').filter((t) => t.includes('”'));
    for (const ind of config.indicators) {
      if (ind.column === undefined) continue;
      expect(header).toContain(ind.column);
      // Inner quotation marks become ’…’ inside the report's ”…”.
      const quoted = `”${ind.column.replace(/"([^"]*)"/g, '’$1’')}”`;
      expect(questions.some((q) => q.startsWith(`${typeof ind.label === 'string' ? ind.label : ind.label.sv}: ${quoted}`)), ind.id).toBe(true);
    }
    // The population filter in words, never a column name = code.
    expect(questions.join(' ')).toContain(
      'Gäller bara elever som svarat ”Ja, just nu” eller ”Ja, tidigare” på frågan ”Har du någon gång haft en pojkvän, flickvän eller partner?”.',
    );
    expect(questions.join(' ')).not.toContain(' = ');
  });

  it('presents the definition as agreed only when the config says so', () => {
    expect(texts(doc, 'inledning')).toContain('Rapporten utgår från följande definition av våld:');
    expect(texts(doc, 'inledning').join(' ')).not.toContain('har enats om');
    const agreed = ProjectConfig.parse({ ...config, project: { ...config.project, violence_definition_agreed: true } });
    const d = buildMunicipalityReport({ figures, config: agreed, area: 'Lillby', lang: 'sv', dateIso: DATE });
    expect(texts(d, 'inledning')).toContain('Lillby har enats om följande definition av våld:');
  });

  it('the introduction names exactly the chapters the report has', () => {
    const outline = (d: ReportDocument) => {
      const list = chapter(d, 'inledning')!.blocks.filter((b) => b.type === 'list')[1]!;
      return list.type === 'list' ? list.items.map((i) => i.split(':')[0]) : [];
    };
    for (const d of [doc, pooledDoc]) expect(outline(d)).toEqual(d.chapters.filter((c) => c.id !== 'inledning').map((c) => c.title));
    expect(doc.chapters.map((c) => c.id)).toEqual(['sammanfattning', 'inledning', 'om-undersokningen', 'utsatthet', 'utovande-attityder', 'utveckling', 'forandringsfaktorer', 'uppfoljning', 'bilagor']);
    // What the results describe: no "otrygghet", since no indicator of that chapter is configured.
    expect(texts(doc, 'inledning')[0]).toBe(
      'Den här lägesbilden beskriver utsatthet för våld, våldsutövande och attityder till våld i Lillby utifrån enkätundersökningen 2022 och 2024. Den är ett underlag för det våldsförebyggande arbetet och följer handboken Inget att vänta på – handbok för våldsförebyggande arbete (Jämställdhetsmyndigheten, MÄN och Unizon, reviderad upplaga 2020).',
    );
  });

  it('describes the combined indicator by exactly its parts, under its own heading', () => {
    const section = chapter(doc, 'utsatthet')!.blocks;
    const at = section.findIndex((b) => b.type === 'heading' && b.text === 'Utsatt för någon form av våld');
    expect(at).toBe(1);
    const para = section[at + 1]!;
    expect(para.type === 'paragraph' && para.text.split('. ')[0]).toBe(
      'Totalt uppgav 38 procent (95\u00a0% KI 20–61) att de svarat ja på minst en av frågorna om ”Fysiskt våld”, ”Hot” och ”Kränkningar på nätet”',
    );
    expect(section.some((b) => b.type === 'heading' && b.text === 'Övriga former av våld')).toBe(false);
  });

  it('says once that most shares are hidden, why, and what would help; the pooled report needs no such notice', () => {
    const notices = blocks(doc).filter((b) => b.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ tone: 'caution', title: 'De flesta andelar kan inte redovisas' });
    expect(notices[0]!.type === 'notice' && notices[0]!.text).toMatch(
      /^Lillby har få svarande \(23 vid den senaste mätningen\), så \d+ av de \d+ andelar som rapporten skulle visa redovisas inte \(\.\.\): .* Fler andelar kan redovisas om mätningarna 2022 och 2024 slås samman \(lagesbild report --pool-waves\) eller om kommunen redovisas tillsammans med närliggande kommuner \(lagesbild report --pool\)\.$/,
    );
    expect(blocks(pooledDoc).filter((b) => b.type === 'notice')).toHaveLength(0);
  });

  it('carries "tolka med försiktighet" into key figures and comparison sentences', () => {
    const cards = blocks(doc).flatMap((b) => (b.type === 'keyFigures' ? b.items : []));
    for (const c of cards) expect(c.detail).toMatch(/Tolka med försiktighet/);
    expect(texts(doc, 'utsatthet').join(' ')).toContain('Det är ingen statistiskt säkerställd skillnad (justerat p = 0,70). Tolka med försiktighet: grupperna har bara 11 och 10 svarande.');
  });

  it('names a hidden indicator and the true reason, never "för få svarande" for 22 respondents', () => {
    expect(texts(doc, 'utsatthet')).toContain('”Utsatt för fysiskt våld” redovisas inte för 2024: bara 1–2 har svarat ja (eller nej), och så små antal visas inte.');
    expect(texts(doc, 'utsatthet')).toContain('”Utsatt för våld i parrelation” redovisas inte för 2024: färre än 10 har svarat.');
    expect(texts(doc).join(' ')).not.toContain('för få svarande för att redovisas');
  });

  it('a pooled report reads as one measurement: no development chapter, the pooling said once', () => {
    expect(pooledDoc.chapters.map((c) => c.id)).not.toContain('utveckling');
    // 49 answered; 2 of them outside the reported groups (not in Totalt).
    expect(texts(pooledDoc, 'om-undersokningen')[0]).toBe(
      'Undersökningen har genomförts 2022 och 2024 i Lillby. Sammanlagt svarade 49 personer vid mätningarna. Andelarna för Totalt bygger på de 47 av dem som angett kön och årskurs bland de redovisade grupperna.',
    );
    expect(texts(pooledDoc).filter((t) => t.includes('sammanslagna, så rapporten visar ingen utveckling'))).toHaveLength(1);
  });
});
