import { beforeAll, describe, expect, it } from 'vitest';
import { encodeChartPng } from '../../../src/render/charts/png.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import type { FigureBlock, ReportDocument, TableBlock } from '../../../src/report/model.js';
import { sampleDocument } from '../../fixtures/sample-document.js';
import { literalStrings, pageTexts, poppler, savePdf } from './poppler.js';

const sv = sampleDocument('sv');
const blocks = (doc: ReportDocument) => doc.chapters.flatMap((c) => c.blocks);
const figures = blocks(sv).filter((b): b is FigureBlock => b.type === 'figure');
const tables = blocks(sv).filter((b): b is TableBlock => b.type === 'table');

let pdf: Buffer;
let file: string;
let structText: string;
let pages: string[];

beforeAll(async () => {
  pdf = await renderPdf(sv);
  file = savePdf(pdf);
  structText = poppler('pdfinfo', ['-struct-text', file]);
  pages = pageTexts(file);
});

/** Values of pdfinfo's "Key: value" lines. */
function info(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of poppler('pdfinfo', [path]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

function count(haystack: string, re: RegExp): number {
  return (haystack.match(re) ?? []).length;
}

describe('renderPdf (Swedish sample)', () => {
  it('is byte-identical when rendered twice', async () => {
    const again = await renderPdf(sampleDocument('sv'));
    expect(again.equals(pdf)).toBe(true);
  });

  it('is a tagged A4 PDF 1.7 with title, language and dates from the document', () => {
    const i = info(file);
    expect(i['Tagged']).toBe('yes');
    expect(i['Title']).toBe(sv.title);
    expect(i['PDF version']).toBe('1.7');
    expect(i['Page size']).toContain('(A4)');
    expect(Number(i['Pages'])).toBeGreaterThan(3);
    expect(i['CreationDate']).toContain('Mar 15 00:00:00 2024');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (sv-SE)');
    expect(raw).toContain('/DisplayDocTitle true');
  });

  it('declares PDF/UA-1 (pdfuaid:part 1) in its XMP metadata, with the title there too', () => {
    const xmp = poppler('pdfinfo', ['-meta', file]);
    expect(xmp).toMatch(/<rdf:Description xmlns:pdfuaid="http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/" rdf:about="">\s*<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${sv.title}</rdf:li>`);
  });

  it('keeps the XMP metadata well-formed when names hold & and <', async () => {
    const hostile = { ...sampleDocument('sv'), title: 'Lägesbild: våld – <Å & Ö>', publisher: 'Kommun A & B <test>' };
    const meta = poppler('pdfinfo', ['-meta', savePdf(await renderPdf(hostile))]);
    expect(meta).toContain('<rdf:li xml:lang="x-default">Lägesbild: våld – &lt;Å &amp; Ö&gt;</rdf:li>');
    expect(meta).toContain('<rdf:li>Kommun A &amp; B &lt;test&gt;</rdf:li>');
    expect(meta.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/&|<[^?/a-zA-Z!]/);
    expect(info(savePdf(await renderPdf(hostile)))['Title']).toBe(hostile.title); // the Info dictionary keeps plain text
  });

  it('embeds only the bundled Source Sans 3 faces', () => {
    const rows = poppler('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/\+SourceSans3-(Regular|SemiBold|Bold|Italic)\s/);
      expect(row).toMatch(/\syes\s+yes\s+yes\s/); // embedded, subset, ToUnicode
    }
    expect(pdf.toString('latin1')).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('has a structure tree with headings, lists, figures with alt text and tables', () => {
    expect(structText.startsWith('Document')).toBe(true);
    for (const chapter of sv.chapters) expect(structText).toContain(`H1 (block)\n      "${chapter.title}"`);
    for (const tag of ['H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'TOC', 'TOCI', 'Link', 'TR', 'TD']) {
      expect(structText).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    }
    expect(count(structText, /^\s*Figure\b/gm)).toBe(figures.length);
    expect(count(structText, /^\s*Table\b/gm)).toBe(figures.length + tables.length);
    expect(count(structText, /^\s*Caption\b/gm)).toBe(figures.length + tables.length);
    expect(structText).toMatch(/TH:\s+\/Scope \/Column/);
    expect(structText).toMatch(/TH:\s+\/Scope \/Row/);
    expect(literalStrings(pdf, '/Alt')).toEqual(figures.map((f) => f.alt));
  });

  it('keeps words apart across line breaks in the tagged text', () => {
    const intro = blocks(sv).find((b) => b.type === 'paragraph');
    expect(intro?.type === 'paragraph' && structText.includes(`"${intro.text}"`)).toBe(true);
  });

  it('marks the passage in the other language with its own language', () => {
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');
  });

  it('keeps running headers and page numbers out of the structure (artifacts)', () => {
    expect(pages[2]).toMatch(/Sida 3\s*$/);
    expect(structText).not.toContain('Sida 3');
    expect(pages[2]).toContain('Syntetiska data.');
    expect(count(structText, /Syntetiska data\./g)).toBe(1); // the title page's notice only
  });

  it('prints chapter headings with å ä ö, suppressed cells, captions and sources', () => {
    const text = pages.join('\n');
    for (const chapter of sv.chapters) expect(text).toContain(chapter.title);
    expect(text).toMatch(/Sexuellt våld\s+14\s+8–23\s+\.\.\s+\.\./);
    for (const f of figures) expect(text).toContain(`Figur ${f.number}. ${f.caption.slice(0, 40)}`);
    for (const t of tables) expect(text).toContain(`Tabell ${t.number}. ${t.caption.slice(0, 40)}`);
    expect(count(text, /Källa: /g)).toBe(figures.length + tables.length);
  });

  it('has a title page with the synthetic-data notice, area, date and publisher', () => {
    const title = pages[0] ?? '';
    for (const s of ['Ängsby', 'Lägesbild: våld bland unga i Ängsby', '15 mars 2024', 'Kommunledningsförvaltningen', 'Syntetiska data.']) {
      expect(title).toContain(s);
    }
  });

  it('has a table of contents whose page numbers match the headings and bookmarks', () => {
    const toc = pages[1] ?? '';
    expect(toc).toContain('Innehåll');
    const dests = new Map<string, number>();
    for (const line of poppler('pdfinfo', ['-dests', file]).split('\n')) {
      const m = /^\s*(\d+)\s+\[.*\]\s+"(.+)"$/.exec(line);
      if (m?.[1] && m[2]) dests.set(m[2], Number(m[1]));
    }
    const anchors = sv.chapters.flatMap((c) => [
      { id: c.id, title: c.title },
      ...c.blocks.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [{ id: b.id, title: b.text }] : [])),
    ]);
    expect(anchors.length).toBeGreaterThan(sv.chapters.length);
    for (const { id, title } of anchors) {
      const m = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)\\s*$`, 'm').exec(toc);
      const page = Number(m?.[1]);
      expect(dests.get(id), id).toBe(page);
      expect(pages[page - 1], `page ${page}`).toContain(title);
    }
    // Outline: one bookmark per chapter and section, opening at its heading's destination.
    expect(literalStrings(pdf, '/Dest').sort()).toEqual(anchors.map((a) => a.id).sort());
    for (const line of poppler('pdfinfo', ['-dests', file]).split('\n').filter((l) => l.includes('"'))) {
      expect(line).toMatch(/\[ XYZ\s+0\s+\d+/); // left edge, the heading's height on the page
      expect(line).not.toMatch(/Fit/);
    }
  });

  it('splits the long appendix table across pages, repeating its header row untagged', () => {
    const withHeader = pages.filter((p) => /Skolområde\s+Svarande\s+Fysiskt våld/.test(p));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    expect(count(structText, /"Skolområde"/g)).toBe(1);
    const appendix = tables.find((t) => t.id === 'tabell-skolomraden');
    const rows = structText.split('Tabell 3.')[1] ?? '';
    expect(count(rows, /^\s*TR\b/gm)).toBe((appendix?.table.rows.length ?? 0) + 1);
  });

  it('never leaves a page without body content', () => {
    for (const [i, p] of pages.entries()) {
      const body = p.split('\n').filter((l) => l.trim() && !/Sida \d+\s*$/.test(l) && !l.includes(sv.title) && !l.includes('Syntetiska'));
      expect(body.length, `page ${i + 1}`).toBeGreaterThan(2);
    }
  });
});

describe('renderPdf (variants)', () => {
  it('renders the English sample in English with its own language tag', async () => {
    const en = sampleDocument('en');
    const out = await renderPdf(en);
    const f = savePdf(out);
    expect(info(f)['Title']).toBe(en.title);
    expect(out.toString('latin1')).toContain('/Lang (en-GB)');
    const text = pageTexts(f).join('\n');
    expect(text).toContain('Contents');
    expect(text).toContain('Source: ');
    expect(text).toContain('Figure 1.');
  });

  it('shows a logo on the title page and omits the notice when the data are real', async () => {
    const logo = encodeChartPng(new Uint8Array(40 * 20 * 4).fill(120), 40, 20);
    const doc: ReportDocument = { ...sv, syntheticNotice: null, logo: { data: logo, mime: 'image/png' } };
    const out = await renderPdf(doc);
    const f = savePdf(out);
    const struct = poppler('pdfinfo', ['-struct-text', f]);
    expect(count(struct, /^\s*Figure\b/gm)).toBe(figures.length + 1);
    expect(pageTexts(f).join('\n')).not.toContain('Syntetiska');
  });
});
