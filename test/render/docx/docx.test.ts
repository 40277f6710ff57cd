// The Word renderer on the hand-made sample document: every block of the model as the Word
// element a coordinator expects (heading styles, captions, real tables with header rows,
// pictures with alt text, notes, sources), the language and title set for accessibility,
// and identical bytes for identical input.
import { describe, expect, it } from 'vitest';
import type { Block, ChartSpec, FigureBlock, ReportDocument, TableBlock, TableSpec } from '../../../src/report/model.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { CHART_MAX_HEIGHT_PX, TEXT_WIDTH_TWIPS } from '../../../src/render/docx/styles.js';
import { CELL_TONES } from '../../../src/render/charts/palette.js';
import { sampleDocument } from '../../fixtures/sample-document.js';
import { greyPng } from '../html/fake-chart.js';
import { attr, headingOutline, unzipParts, type WordParagraph, type WordTable, wordBody, zipEntries } from '../../fixtures/ooxml.js';

/** A stand-in chart: grey, 640 px wide, taller with more categories (so charts differ). */
const chartHeight = (spec: ChartSpec) => 300 + 20 * spec.categories.length;
const render = (doc: ReportDocument) => renderDocx(doc, { chartPng: (spec) => Promise.resolve(greyPng(640, chartHeight(spec))) });

const blocks = (doc: ReportDocument): Block[] => doc.chapters.flatMap((c) => c.blocks);
const ofType = <T extends Block['type']>(doc: ReportDocument, type: T) => blocks(doc).filter((b): b is Extract<Block, { type: T }> => b.type === type);

async function parts(doc: ReportDocument) {
  const zip = await render(doc);
  const { text, binary } = unzipParts(zip);
  return { zip, text, binary, body: wordBody(text['word/document.xml']!) };
}

const paragraphs = (body: ReturnType<typeof wordBody>) => body.filter((b): b is WordParagraph => b.kind === 'p');
const tables = (body: ReturnType<typeof wordBody>) => body.filter((b): b is WordTable => b.kind === 'tbl');

/** The rows a TableSpec should give: the header row, then each row header with its cells. */
const expectedRows = (spec: TableSpec) => [spec.columns.map((c) => c.header), ...spec.rows.map((r) => [r.header, ...r.cells])];

describe.each(['sv', 'en'] as const)('renderDocx (%s)', (lang) => {
  const doc = sampleDocument(lang);

  it('writes chapters as Heading 1 (each on a new page) and sections as Heading 2/3, in order', async () => {
    const { body } = await parts(doc);
    const headings = paragraphs(body)
      .filter((p) => /^Heading\d$/.test(p.style ?? ''))
      .map((p) => [p.style, p.text]);
    expect(headings).toEqual(headingOutline(doc).map(([level, text]) => [`Heading${level}`, text]));
    for (const p of paragraphs(body).filter((x) => x.style === 'Heading1')) expect(p.xml).toContain('<w:pageBreakBefore/>');
  });

  it('has a table of contents whose entries link to bookmarks on the chapter and section headings', async () => {
    const { body, text } = await parts(doc);
    const xml = text['word/document.xml']!;
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(xml).not.toMatch(/w:dirty="true"/); // Word does not ask to update fields on opening
    const toc = paragraphs(body).filter((p) => p.style === 'TOC1' || p.style === 'TOC2');
    const heads = paragraphs(body).filter((p) => p.style === 'Heading1' || p.style === 'Heading2');
    expect(toc.map((p) => [p.style === 'TOC1' ? 1 : 2, p.text])).toEqual(heads.map((h) => [h.style === 'Heading1' ? 1 : 2, h.text]));
    toc.forEach((entry, i) => {
      const anchor = attr(entry.xml, 'w:anchor')!;
      expect(anchor).toMatch(/^_Toc\d+$/);
      const start = /<w:bookmarkStart [^>]*\/>/.exec(heads[i]!.xml)![0];
      expect([attr(start, 'w:name'), attr(start, 'w:id')]).toEqual([anchor, String(i + 1)]);
      expect(heads[i]!.xml).toContain(`<w:bookmarkEnd w:id="${i + 1}"/>`);
    });
  });

  it('draws each chart as a picture with the figure alt text, sized to the text width', async () => {
    const { text, binary } = await parts(doc);
    const xml = text['word/document.xml']!;
    const figures = ofType(doc, 'figure');
    const drawings = [...xml.matchAll(/<wp:inline[\s\S]*?<\/wp:inline>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(figures.length);
    drawings.forEach((d, i) => {
      const docPr = /<wp:docPr [^>]*\/>/.exec(d)![0];
      expect(attr(docPr, 'descr')).toBe(figures[i]!.alt);
      expect(attr(docPr, 'name')).toBe(`${doc.labels.figure} ${figures[i]!.number}`);
      expect(attr(docPr, 'id')).toBe(String(i + 1));
      const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(d)!;
      // 9525 EMU per pixel at 96 dpi; the height keeps the chart's aspect ratio.
      expect(Number(extent[1])).toBe(Math.round((TEXT_WIDTH_TWIPS / 1440) * 96) * 9525);
      expect(Number(extent[2]) / Number(extent[1])).toBeCloseTo(chartHeight(figures[i]!.chart) / 640, 2);
    });
    expect(Object.keys(binary).filter((n) => n.startsWith('word/media/'))).toHaveLength(figures.length);
  });

  it('captions figures and tables as "Figur N." / "Tabell N." with a SEQ field holding N', async () => {
    const { body } = await parts(doc);
    const captions = paragraphs(body).filter((p) => p.style === 'Caption');
    const expected = blocks(doc)
      .filter((b): b is FigureBlock | TableBlock => b.type === 'figure' || b.type === 'table')
      .map((b) => `${b.type === 'figure' ? doc.labels.figure : doc.labels.table} ${b.number}. ${b.caption}`);
    expect(captions.map((c) => c.text)).toEqual(expected);
    for (const c of captions) {
      const label = c.text.split(' ')[0]!;
      const n = /^\S+ (\d+)\./.exec(c.text)![1];
      expect(c.xml).toContain(`<w:fldSimple w:instr="SEQ ${label} \\* ARABIC"><w:r><w:t xml:space="preserve">${n}</w:t></w:r></w:fldSimple>`);
    }
  });

  it('writes every table (and each chart\'s numbers) as a Word table with a repeating header row, then its notes and source', async () => {
    const { body } = await parts(doc);
    const withTables = blocks(doc).filter((b): b is FigureBlock | TableBlock => b.type === 'figure' || b.type === 'table');
    const found = tables(body);
    expect(found).toHaveLength(withTables.length);
    withTables.forEach((block, i) => {
      const t = found[i]!;
      expect(t.rows).toEqual(expectedRows(block.table));
      expect(t.headerRows).toEqual(t.rows.map((_, r) => r === 0));
      expect(t.xml.match(/<w:cantSplit\/>/g)).toHaveLength(t.rows.length);
      const grid = [...t.xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid).toHaveLength(block.table.columns.length);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH_TWIPS);
      // Right-aligned columns are right-aligned in every row.
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(t.xml)![0];
      const aligns = [...firstRow.matchAll(/<w:jc w:val="(\w+)"\/>/g)].map((m) => m[1]);
      expect(aligns).toEqual(block.table.columns.map((c) => (c.align === 'right' ? 'right' : 'left')));
      // Emphasised rows are bold.
      block.table.rows.forEach((row, r) => {
        const rowXml = [...t.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)][r + 1]![0];
        expect(/<w:b\/>/.test(rowXml)).toBe(row.emphasis === true);
      });
      // After the table: its notes, then "Källa: …".
      const after = body.slice(body.indexOf(t) + 1, body.indexOf(t) + 2 + block.table.notes.length) as WordParagraph[];
      expect(after.map((p) => [p.style, p.text])).toEqual([
        ...block.table.notes.map((n) => ['LbTableNote', n]),
        ['LbSource', `${doc.labels.source}: ${block.source}`],
      ]);
    });
  });

  it('renders paragraphs, lists, notices, quotes and key figures in their styles, text unchanged', async () => {
    const { body, text } = await parts(doc);
    const ps = paragraphs(body);
    const texts = ps.map((p) => p.text);
    for (const b of ofType(doc, 'paragraph')) expect(texts).toContain(b.text);
    const items = ps.filter((p) => p.style === 'ListParagraph');
    expect(items.map((p) => p.text)).toEqual(ofType(doc, 'list').flatMap((l) => l.items));
    // Each list is its own numbering instance, so an ordered list starts at 1.
    const numIds = ofType(doc, 'list').map((l) => {
      const first = items.find((p) => p.text === l.items[0])!;
      return /<w:numId w:val="(\d+)"\/>/.exec(first.xml)![1];
    });
    expect(new Set(numIds).size).toBe(numIds.length);
    const numbering = text['word/numbering.xml']!;
    for (const l of ofType(doc, 'list').filter((x) => x.ordered)) {
      const first = items.find((p) => p.text === l.items[0])!;
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(first.xml)![1];
      expect(numbering).toMatch(new RegExp(`<w:num w:numId="${numId}"`));
    }
    for (const n of ofType(doc, 'notice')) {
      const style = n.tone === 'caution' ? 'LbNoticeCaution' : 'LbNotice';
      expect(ps.filter((p) => p.style === style).map((p) => p.text)).toEqual(expect.arrayContaining([n.title, n.text]));
    }
    for (const q of ofType(doc, 'quote')) {
      const open = lang === 'sv' ? '”' : '“';
      const close = lang === 'sv' ? '”' : '”';
      expect(ps.filter((p) => p.style === 'Quote').map((p) => p.text)).toContain(`${open}${q.text}${close}`);
      if (q.attribution) expect(ps.filter((p) => p.style === 'LbAttribution').map((p) => p.text)).toContain(`– ${q.attribution}`);
    }
    const keys = ofType(doc, 'keyFigures').flatMap((k) => k.items);
    expect(ps.filter((p) => p.style?.startsWith('LbKey')).map((p) => p.text)).toEqual(keys.flatMap((k) => [k.value, k.label, k.detail]));
  });

  it('marks the language: the document\'s by default, another language on its passage', async () => {
    const { text, body } = await parts(doc);
    expect(text['word/styles.xml']).toMatch(new RegExp(`<w:rPrDefault><w:rPr>.*<w:lang w:val="${doc.langTag}"/>`));
    const other = ofType(doc, 'paragraph').find((p) => p.lang)!;
    const p = paragraphs(body).find((x) => x.text === other.text)!;
    expect(p.xml).toContain(`<w:lang w:val="${other.lang === 'en' ? 'en-GB' : 'sv-SE'}"/>`);
    const plain = paragraphs(body).find((x) => x.text === ofType(doc, 'paragraph')[0]!.text)!;
    expect(plain.xml).not.toContain('<w:lang');
  });

  it('has the title, subject, author, language and report date in its properties', async () => {
    const { text } = await parts(doc);
    const core = text['docProps/core.xml']!;
    const field = (tag: string) => new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(core)?.[1];
    expect(field('dc:title')).toBe(doc.title);
    expect(field('dc:subject')).toBe(doc.subtitle);
    expect(field('dc:creator')).toBe(doc.publisher);
    expect(field('dc:language')).toBe(doc.langTag);
    expect(field('dcterms:created')).toBe(`${doc.dateIso}T00:00:00Z`);
    expect(field('dcterms:modified')).toBe(`${doc.dateIso}T00:00:00Z`);
  });

  it('shows the synthetic-data notice on the title page and in the header of every other page', async () => {
    const { text, body } = await parts(doc);
    expect(doc.syntheticNotice).toBeTruthy();
    expect(paragraphs(body).filter((p) => p.style === 'LbSynthetic').map((p) => p.text)).toEqual([doc.syntheticNotice]);
    const rels = text['word/_rels/document.xml.rels']!;
    const sect = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(text['word/document.xml']!)![0];
    const part = (type: 'header' | 'footer', kind: 'default' | 'first') => {
      const id = new RegExp(`<w:${type}Reference w:type="${kind}" r:id="(\\w+)"/>`).exec(sect)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return text[`word/${target[1] ?? target[2]}`]!;
    };
    expect(sect).toContain('<w:titlePg/>');
    expect(wordBody(`<w:body>${part('header', 'default')}</w:body>`).map((p) => (p as WordParagraph).text)).toEqual([doc.title, doc.syntheticNotice]);
    expect(wordBody(`<w:body>${part('header', 'first')}</w:body>`).map((p) => (p as WordParagraph).text).join('')).toBe('');
    const footer = part('footer', 'default');
    expect(footer).toContain(`${doc.labels.page} </w:t>`);
    expect(footer).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*PAGE/);
  });

  it('gives identical bytes for identical input, every zip entry dated at the report date', async () => {
    const a = await render(doc);
    const b = await render(structuredClone(doc));
    expect(a.equals(b)).toBe(true);
    const entries = zipEntries(a);
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
    for (const e of entries) expect(e.stamp).toBe(`${doc.dateIso} 12:00:00`);
    const later = await render({ ...doc, dateIso: '2025-01-02' });
    expect(later.equals(a)).toBe(false);
    for (const e of zipEntries(later)) expect(e.stamp).toBe('2025-01-02 12:00:00');
  });
});

describe('renderDocx: table-chart cells', () => {
  it('shades a cell with its tone (TableRow.tones), from the palette the PDF and HTML use', async () => {
    const doc = sampleDocument('sv');
    const table = blocks(doc).find((b): b is TableBlock => b.type === 'table')!;
    table.table.rows[0]!.tones = table.table.rows[0]!.cells.map((_, i) => (i === 1 ? 'low' : null));
    const { body } = await parts(doc);
    const t = tables(body)[blocks(doc).filter((b) => b.type === 'figure' || b.type === 'table').indexOf(table)]!;
    const rows = [...t.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const cells = [...rows[1]!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    // The row header, then the cells: only the second body cell is shaded.
    expect(cells.map((c) => /<w:shd [^>]*w:fill="([0-9A-F]{6})"/i.exec(c)?.[1]?.toUpperCase() ?? null)).toEqual(
      cells.map((_, i) => (i === 2 ? CELL_TONES.low.slice(1).toUpperCase() : null)),
    );
    expect(t.xml.match(/<w:shd /g)).toHaveLength(1);
  });
});

describe('renderDocx: a chart taller than a page', () => {
  it('is scaled down to the text height less its caption\'s room, aspect kept (Word would cut it off)', async () => {
    const doc = sampleDocument('sv');
    const figure = blocks(doc).find((b): b is FigureBlock => b.type === 'figure')!;
    // 85 categories: the stand-in chart is 640 × 2000 px, at the text width 605 × 1891.
    figure.chart = { ...figure.chart, categories: Array.from({ length: 85 }, (_, i) => `Kommun ${i + 1}`) };
    const { text } = await parts(doc);
    const first = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(text['word/document.xml']!)!;
    // A4 less 2.5 cm margins: 14 002 twips, 933 px, less 60 px for the caption.
    expect(CHART_MAX_HEIGHT_PX).toBe(873);
    expect(Number(first[2])).toBe(873 * 9525);
    expect(Number(first[1])).toBe(Math.round((873 * 640) / 2000) * 9525);
  });
});

describe('renderDocx: text from the data is escaped, never markup', () => {
  it('keeps <, &, quotes and apostrophes in area names and table cells as text', async () => {
    const doc = sampleDocument('sv');
    const hostile = `Å<b>&"'kommun</b>`;
    const table = ofType(doc, 'table')[0]!;
    const changed: ReportDocument = {
      ...doc,
      area: hostile,
      title: `${doc.title} ${hostile}`,
      chapters: doc.chapters.map((c) => ({
        ...c,
        blocks: c.blocks.map((b) => (b === table ? { ...table, table: { ...table.table, rows: [{ header: hostile, cells: table.table.rows[0]!.cells }] } } : b)),
      })),
    };
    const { text, body } = await parts(changed);
    expect(paragraphs(body).find((p) => p.style === 'LbArea')!.text).toBe(hostile);
    expect(tables(body).some((t) => t.rows[1]![0] === hostile)).toBe(true);
    expect(text['word/document.xml']).not.toContain('<b>');
    expect(text['docProps/core.xml']).toContain('Å&lt;b&gt;&amp;"\'kommun&lt;/b&gt;');
  });
});
