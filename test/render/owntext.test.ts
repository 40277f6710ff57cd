// The municipality's own text, with every element own texts support and a hostile paragraph,
// rendered by all three renderers: in the PDF as text (pdftotext) and in the structure tree
// (Div, headings, Link with its annotation, lists, table, figure with alt text); in HTML as
// semantic markup with zero axe violations in Chromium; in Word with heading styles,
// hyperlinks, list numbering and the picture's alt text.
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOwnText } from '../../src/owntext/markdown.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { ReportChapter, ReportDocument } from '../../src/report/model.js';
import { placeOwnTexts } from '../../src/report/owntexts.js';
import { sampleDocument } from '../fixtures/sample-document.js';
import { EVERY_ELEMENT } from '../owntext/fixture.js';
import { unzipParts, wordBody, type WordParagraph, headingOutline } from '../fixtures/ooxml.js';
import { auditReport, describeViolations, withChromium } from './html/browser.js';
import { fakeChartPng, greyPng } from './html/fake-chart.js';
import { literalStrings, poppler, savePdf } from './pdf/poppler.js';

const HOSTILE = `Farligt: <script>alert(1)</script> och [en länk](javascript:alert(1)).`;

/** The sample report's first chapter with the own text at its end, and an own chapter after it. */
function documentWithOwnText(): ReportDocument {
  const sample = sampleDocument('sv');
  const image = () => ({ data: greyPng(320, 160), mime: 'image/png' as const, width: 320, height: 160 });
  const all = parseOwnText(`${EVERY_ELEMENT}\n${HOSTILE}\n`, { file: 'texts/utsatthet.md', image });
  const chapter = parseOwnText('# Arbetsgruppens slutsatser\n\nTre prioriteringar för **2025**.\n', { file: 'texts/slutsatser.md', image, chapter: true });
  // Placed as the report builder places texts (ids, label, own chapter).
  const first: ReportChapter = { ...sample.chapters[0]!, id: 'utsatthet' };
  const chapters = placeOwnTexts('sv', 'lagesbild', [first], [
    { place: 'utsatthet', lang: 'sv', title: null, blocks: all.blocks },
    { place: 'after:utsatthet', lang: 'sv', title: chapter.title, blocks: chapter.blocks },
  ]);
  return { ...sample, chapters };
}

const doc = documentWithOwnText();

describe('own text in the PDF', () => {
  let pdf: Buffer;
  let text: string;
  let struct: string;
  beforeAll(async () => {
    pdf = await renderPdf(doc);
    const file = savePdf(pdf);
    text = poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');
    struct = poppler('pdfinfo', ['-struct-text', file]);
  });

  it('prints every element, labelled as the municipality’s own text', () => {
    for (const s of [
      'KOMMUNENS EGEN TEXT',
      'Lokal analys i Ängsby',
      'Arbetsgruppen ser att hot på nätet är lika vanligt som förra mätningen. Läs mer hos Brå eller mejla samordnaren.',
      'Ny rad efter en hård radbrytning.',
      'Vad arbetsgruppen föreslår',
      '1. Trygghetsvandringar i centrum',
      '– i skolan',
      '3. Uppföljning våren 2025',
      'Ansvar',
      'Trygghetsvandring Fritidsförvaltningen 2025',
      'Våld är aldrig en privatsak.',
      'Skolorna i Ängsby',
      'Farligt: <script>alert(1)</script> och en länk.',
      'Arbetsgruppens slutsatser',
      'Tre prioriteringar för 2025.',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('tags it in the structure tree: a Div titled by the label, headings, links, lists, a table, a quote and a figure with alt text', () => {
    expect(struct).toContain('Div "Kommunens egen text"');
    for (const tag of ['H2', 'H3', 'H4', 'Link', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TH', 'TD', 'BlockQuote', 'Figure', 'Caption']) {
      expect(struct, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    }
    expect(struct).toMatch(/H2 \(block\)\s+"Lokal analys i Ängsby"/);
    expect(struct).toMatch(/H3 \(block\)\s+"Vad arbetsgruppen föreslår"/);
    expect(struct).toMatch(/H4 \(block\)\s+"Ansvar"/);
    expect(struct).toMatch(/Link \(inline\)\s+"Brå"/);
    expect(literalStrings(pdf, '/Alt')).toContain('Karta över skolorna i Ängsby med de tre skolorna markerade');
  });

  it('links only to the http(s) and mailto addresses, each annotation tagged', () => {
    expect(literalStrings(pdf, '/URI').sort()).toEqual(['https://bra.se/statistik', 'mailto:samordnare@angsby.se']);
    expect(pdf.toString('latin1')).not.toMatch(/javascript/i);
    // Every link annotation has its place in the structure tree (PDF/UA).
    const annots = pdf.toString('latin1').match(/\/Subtype \/Link[\s\S]{0,400}?\/StructParent \d+/g) ?? [];
    expect(annots.length).toBeGreaterThanOrEqual(2);
  });
});

describe('own text in HTML', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderHtml(doc, { chartPng: fakeChartPng().draw });
  });

  it('is a labelled section with semantic markup and no markup from the text', () => {
    expect(html).toContain('<section class="own-text" id="egen-text-1" aria-labelledby="egen-text-1-etikett">');
    expect(html).toContain('<p class="own-text-label" id="egen-text-1-etikett">Kommunens egen text</p>');
    expect(html).toContain('<h3 id="egen-text-1-1">Lokal analys i Ängsby</h3>');
    expect(html).toContain('<h4 id="egen-text-1-2">Vad arbetsgruppen föreslår</h4>');
    expect(html).toContain('<h5 id="egen-text-1-3">Ansvar</h5>');
    expect(html).toContain('Arbetsgruppen ser att <em>hot på nätet</em> är <strong>lika vanligt</strong>');
    expect(html).toContain('<a href="https://bra.se/statistik">Brå</a>');
    expect(html).toContain('<a href="mailto:samordnare@angsby.se">samordnaren</a>.<br>Ny rad');
    expect(html).toContain('<ol><li>Trygghetsvandringar i centrum</li><li>Utbildning för personal<ul><li>i skolan</li>');
    expect(html).toContain('<th scope="col" class="num">År</th>');
    expect(html).toContain('<blockquote class="own-quote"><p>Våld är aldrig en privatsak.</p></blockquote>');
    expect(html).toMatch(/<figure class="own-image"><img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="320" height="160" alt="Karta över skolorna i Ängsby med de tre skolorna markerade"><figcaption>Skolorna i Ängsby<\/figcaption><\/figure>/);
    expect(html).toContain('Farligt: &lt;script&gt;alert(1)&lt;/script&gt; och en länk.');
    expect(html).not.toMatch(/<script|javascript:/i);
  });

  it('has no axe violations in Chromium', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-owntext-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const audit = await withChromium((browser) => auditReport(browser, file, { width: 1024 }));
    expect(describeViolations(audit.violations)).toBe('');
    expect(audit.requests).toEqual([]);
    expect(audit.consoleErrors).toEqual([]);
  });
});

describe('own text in Word', () => {
  it('uses heading styles, real hyperlinks, Word lists, the report’s table and a picture with alt text; the same bytes twice', async () => {
    const render = () => renderDocx(doc, { chartPng: () => Promise.resolve(greyPng(640, 320)) });
    const zip = await render();
    expect((await render()).equals(zip)).toBe(true);
    const { text } = unzipParts(zip);
    const body = wordBody(text['word/document.xml']!);
    const paras = body.filter((b): b is WordParagraph => b.kind === 'p');
    const headings = paras.filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => [p.style, p.text]);
    expect(headings).toEqual(headingOutline(doc).map(([level, t]) => [`Heading${level}`, t]));
    expect(headings).toContainEqual(['Heading4', 'Ansvar']);
    const start = paras.findIndex((p) => p.style === 'LbOwnStart');
    expect(paras[start]!.text).toBe('Kommunens egen text');
    expect(paras.some((p) => p.style === 'LbOwnEnd')).toBe(true);
    const rels = text['word/_rels/document.xml.rels']!;
    for (const url of ['https://bra.se/statistik', 'mailto:samordnare@angsby.se']) expect(rels).toMatch(new RegExp(`Target="${url}" TargetMode="External"`));
    expect(rels).not.toMatch(/javascript/i);
    const link = paras.find((p) => p.text.startsWith('Arbetsgruppen ser att'))!;
    expect(link.xml).toMatch(/<w:hyperlink w:history="1" r:id="rIdLink1">[\s\S]*?<w:rStyle w:val="Hyperlink"\/>[\s\S]*?<w:t[^>]*>Brå<\/w:t>/);
    expect(link.xml).toMatch(/<w:i\/>[\s\S]*?hot på nätet/);
    expect(link.xml).toMatch(/<w:b\/>[\s\S]*?lika vanligt/);
    const own = paras.slice(start, paras.findIndex((p) => p.style === 'LbOwnEnd'));
    const items = own.filter((p) => /<w:numPr>/.test(p.xml)).map((p) => [/<w:ilvl w:val="(\d)"\/>/.exec(p.xml)![1], p.text]);
    expect(items).toEqual([
      ['0', 'Trygghetsvandringar i centrum'],
      ['0', 'Utbildning för personal'],
      ['1', 'i skolan'],
      ['1', 'på fritidsgårdarna'],
      ['0', 'Uppföljning våren 2025'],
    ]);
    expect(body.some((b) => b.kind === 'tbl' && b.rows[0]!.join('|') === 'Insats|Ansvarig|År')).toBe(true);
    expect(text['word/document.xml']).toContain('descr="Karta över skolorna i Ängsby med de tre skolorna markerade"');
    expect(paras.some((p) => p.text === 'Farligt: <script>alert(1)</script> och en länk.')).toBe(true);
  });
});
