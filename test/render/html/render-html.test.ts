import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { FigureBlock, ReportDocument, TableBlock } from '../../../src/report/model.js';
import { esc } from '../../../src/render/html/escape.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { contrastRatio, parseHex } from '../../../src/render/html/contrast.js';
import { CELL_TONES } from '../../../src/render/charts/palette.js';
import { sampleDocument } from '../../fixtures/sample-document.js';
import { fakeChartPng, greyPng } from './fake-chart.js';

const render = (doc: ReportDocument) => renderHtml(doc, { chartPng: fakeChartPng().draw });
const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Uint8Array): { hasGlyphForCodePoint(cp: number): boolean } };

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function blocksOf<T extends 'figure' | 'table'>(doc: ReportDocument, type: T) {
  return doc.chapters.flatMap((c) => c.blocks).filter((b) => b.type === type) as (T extends 'figure'
    ? FigureBlock
    : TableBlock)[];
}

/** The markup between `<tag id="id"` and its closing tag (no nesting of the same tag). */
function element(html: string, tag: string, id: string): string {
  const at = html.indexOf(`id="${esc(id)}"`);
  const open = html.lastIndexOf(`<${tag}`, at);
  expect(at, `element ${tag}#${id}`).toBeGreaterThanOrEqual(0);
  expect(open).toBeGreaterThanOrEqual(0);
  return html.slice(open, html.indexOf(`</${tag}>`, open) + tag.length + 3);
}

const ATTACK = `<i>"x'&</i>" onerror="alert(1)`;

/** Every text in the document with markup and an attribute break-out attempt appended. */
function poisoned(doc: ReportDocument): ReportDocument {
  const keep = new Set(['type', 'lang', 'langTag', 'accent', 'dateIso', 'mime', 'tone', 'align']);
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return keep.has(key) ? value : value + ATTACK;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(doc, '') as ReportDocument;
}

describe.each(['sv', 'en'] as const)('renderHtml (%s)', (lang) => {
  const doc = sampleDocument(lang);

  it('is one self-contained file: no URL to anywhere, only data: images and fonts, #anchors', async () => {
    const html = await render(doc);
    const withoutData = html.replace(/data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+/g, 'data:');
    expect(withoutData).not.toMatch(/\b(?:https?|ftp|file|wss?):|\/\/[a-z]/i);
    const images = [...html.matchAll(/\b(?:src|srcset)="([^"]*)"/g)].map((m) => m[1]);
    expect(images.length).toBe(2 * blocksOf(doc, 'figure').length);
    for (const url of images) expect(url).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
    for (const [, url] of html.matchAll(/\bhref="([^"]*)"/g)) expect(url).toMatch(/^#[^#\s]+$/);
    const cssUrls = [...html.matchAll(/url\(([^)]{0,30})/g)].map((m) => m[1]);
    expect(cssUrls.length).toBe(3); // Regular, Italic, Bold
    for (const url of cssUrls) expect(url).toMatch(/^data:font\/ttf;base64,/);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import/i);
  });

  it('inlines the fonts subset to the characters of the report', async () => {
    const html = await render(doc);
    const fonts = [...html.matchAll(/url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1]!, 'base64'));
    expect(fonts).toHaveLength(3);
    const text = new Set(doc.chapters.flatMap((c) => [c.title, ...c.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))]).join(''));
    for (const data of fonts) {
      expect(data.length).toBeLessThan(40_000); // the full faces are 240–380 kB
      const font = fontkit.create(data);
      for (const ch of [...text, '–', '\u00a0', 'Å']) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
      expect(font.hasGlyphForCodePoint('ŋ'.codePointAt(0)!)).toBe(false);
    }
  });

  it('sets a restrictive CSP whose style hash matches the one <style> element', async () => {
    const html = await render(doc);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = csp!.split('; ');
    expect(directives).toEqual(
      expect.arrayContaining(["default-src 'none'", 'img-src data:', 'font-src data:', "base-uri 'none'"]),
    );
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]![1]!, 'utf8').digest('base64');
    expect(directives).toContain(`style-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/\sstyle="/); // inline style attributes would be blocked
    // The CSP comes before anything it must govern.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('is deterministic', async () => {
    expect(await render(doc)).toBe(await render(sampleDocument(lang)));
  });

  it('declares the document language and the language of foreign passages', async () => {
    const html = await render(doc);
    expect(html.startsWith(`<!DOCTYPE html>\n<html lang="${doc.langTag}">`)).toBe(true);
    const other = lang === 'sv' ? 'en' : 'sv';
    const foreign = doc.chapters.flatMap((c) => c.blocks).find((b) => b.type === 'paragraph' && b.lang);
    expect(foreign).toBeDefined();
    expect(html).toContain(`<p lang="${other}">${esc((foreign as { text: string }).text)}</p>`);
  });

  it('has a skip link and the landmarks in order: header, nav (contents), main, footer', async () => {
    const html = await render(doc);
    const skip = html.indexOf(`<a class="skip-link" href="#lb-main">${esc(doc.labels.skipToContent)}</a>`);
    const order = [skip, ...['<header', '<nav', '<main id="lb-main"', '<footer'].map((t) => html.indexOf(t))];
    expect(order.every((pos, i) => pos >= 0 && (i === 0 || pos > order[i - 1]!))).toBe(true);
    for (const t of ['<header', '<nav', '<main', '<footer']) expect(count(html, t)).toBe(1);
    const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect(nav).toContain(esc(doc.labels.contents));
    for (const ch of doc.chapters) expect(nav).toContain(`<a href="#${ch.id}">${esc(ch.title)}</a>`);
    expect(count(nav, '<li>')).toBe(doc.chapters.length);
  });

  it('numbers headings without gaps: h1 title, h2 chapters, h3/h4 for section levels 2/3', async () => {
    const html = await render(doc);
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
    expect(levels.filter((l) => l === 2)).toHaveLength(doc.chapters.length + 1); // + "Innehåll"
    expect(html).toContain(`<h1>${esc(doc.title)}</h1>`);
    for (const ch of doc.chapters) expect(html).toContain(`<h2 id="${ch.id}">${esc(ch.title)}</h2>`);
    for (const b of doc.chapters.flatMap((c) => c.blocks)) {
      if (b.type === 'heading') expect(html).toContain(`<h${b.level + 1} id="${b.id}">${esc(b.text)}</h${b.level + 1}>`);
    }
  });

  it('draws every chart as a figure: caption, alt text, its numbers as a table, source', async () => {
    const charts = fakeChartPng();
    const html = await renderHtml(doc, { chartPng: charts.draw });
    const figures = blocksOf(doc, 'figure');
    expect(figures.length).toBeGreaterThan(0);
    expect(charts.drawn).toEqual(figures.flatMap((f) => [640, 360].map((width) => ({ spec: f.chart, width }))));
    expect(count(html, '<figure')).toBe(figures.length);
    for (const f of figures) {
      const fig = element(html, 'figure', f.id);
      expect(fig).toMatch(
        new RegExp(`^<figure class="figure" id="${f.id}"><figcaption><span class="caption-label">${doc.labels.figure} ${f.number}\\.</span> `),
      );
      expect(fig).toContain(`${esc(f.caption)}</figcaption>`);
      // A narrow chart for phones, the wide one otherwise; both sized so nothing jumps.
      expect(fig).toMatch(
        new RegExp(
          `</figcaption><picture><source media="\\(max-width: 35em\\)" srcset="data:image/png;base64,[^"]+" width="360" height="225">` +
            `<img class="chart" src="data:image/png;base64,[^"]+" width="640" height="400" alt="${esc(f.alt).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"></picture>`,
        ),
      );
      expect(fig).toContain(`<details class="numbers"><summary>${esc(doc.labels.showNumbers)}</summary>`);
      expect(fig).toContain(`<caption id="${f.id}-numbers-caption">${doc.labels.figure} ${f.number}. ${esc(f.caption)}</caption>`);
      expect(fig).toContain(`role="region" tabindex="0" aria-labelledby="${f.id}-numbers-caption"`);
      expect(count(fig, '<th scope="col"')).toBe(f.table.columns.length);
      expect(count(fig, '<th scope="row">')).toBe(f.table.rows.length);
      expect(count(fig, '<td')).toBe(f.table.rows.reduce((n, r) => n + r.cells.length, 0));
      expect(fig).toContain(`<p class="source">${esc(doc.labels.source)}: ${esc(f.source)}</p>`);
      for (const note of f.table.notes) expect(fig).toContain(`<li>${esc(note)}</li>`);
    }
  });

  it('draws every table with caption, header scopes, right-aligned number columns and source', async () => {
    const html = await render(doc);
    const tables = blocksOf(doc, 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const block = html.slice(html.indexOf(`<div class="table-block" id="${t.id}">`));
      const tableHtml = block.slice(0, block.indexOf('</table>'));
      expect(tableHtml).toContain(
        `<caption id="${t.id}-table-caption"><span class="caption-label">${doc.labels.table} ${t.number}.</span> ${esc(t.caption)}</caption>`,
      );
      expect(tableHtml).toContain(`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${t.id}-table-caption">`);
      const heads = [...tableHtml.matchAll(/<th scope="col"( class="num")?>([^<]*)<\/th>/g)];
      expect(heads.map((h) => h[2])).toEqual(t.table.columns.map((c) => esc(c.header)));
      expect(heads.map((h) => (h[1] ? 'right' : 'left'))).toEqual(t.table.columns.map((c) => c.align));
      const rows = [...tableHtml.matchAll(/<tr( class="emphasis")?><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)];
      expect(rows.map((r) => r[2])).toEqual(t.table.rows.map((r) => esc(r.header)));
      rows.forEach((r, i) => {
        const spec = t.table.rows[i]!;
        expect(Boolean(r[1])).toBe(Boolean(spec.emphasis));
        const cells = [...r[3]!.matchAll(/<td( class="num")?>([^<]*)<\/td>/g)];
        expect(cells.map((c) => c[2])).toEqual(spec.cells.map(esc));
        expect(cells.map((c) => (c[1] ? 'right' : 'left'))).toEqual(spec.cells.map((_, j) => t.table.columns[j + 1]!.align));
      });
      expect(block.slice(0, block.indexOf('</div>\n') + 1 || undefined)).toContain(
        `<p class="source">${esc(doc.labels.source)}: ${esc(t.source)}</p>`,
      );
    }
  });

  it('shows key figures, notices and the quote as text', async () => {
    const html = await render(doc);
    const blocks = doc.chapters.flatMap((c) => c.blocks);
    for (const b of blocks) {
      if (b.type === 'keyFigures') {
        for (const k of b.items) {
          expect(html).toContain(
            `<div class="key-figure"><dt>${esc(k.label)}</dt><dd class="key-value">${esc(k.value)}</dd><dd class="key-detail">${esc(k.detail)}</dd></div>`,
          );
        }
      }
      if (b.type === 'notice') {
        expect(html).toContain(`<div class="notice notice-${b.tone}" role="note"><p class="notice-title">${esc(b.title)}</p><p>${esc(b.text)}</p></div>`);
      }
      if (b.type === 'quote') expect(html).toContain(`<blockquote class="quote"><p>${esc(b.text)}</p>`);
    }
  });

  it('shows the synthetic-data notice at the top and in the footer, and not when unset', async () => {
    const html = await render(doc);
    const notice = `<p class="synthetic-notice" role="note">${esc(doc.syntheticNotice!)}</p>`;
    expect(count(html, notice)).toBe(2);
    expect(html.indexOf(notice)).toBeLessThan(html.indexOf('<h1>'));
    expect(html.lastIndexOf(notice)).toBeGreaterThan(html.indexOf('<footer'));
    const real = await render({ ...doc, syntheticNotice: null });
    expect(real).not.toContain('synthetic-notice"');
  });
});

describe('renderHtml escaping', () => {
  it('escapes every text of the document, in content and attributes', async () => {
    const doc = poisoned(sampleDocument('sv'));
    doc.area = '<script>alert("Ängsby")</script>';
    doc.publisher = null; // the area is then shown as the publisher line
    const html = await render(doc);
    expect(html).not.toContain('<i>');
    expect(html).not.toContain('</i>');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/"\s+onerror=/);
    expect(html).toContain(esc(doc.area));
    expect(html).toContain(`<h1>${esc(doc.title)}</h1>`);
    expect(html).toContain(`<title>${esc(doc.title)}</title>`);
    // Every poisoned string that reaches the page arrives escaped, never raw.
    expect(count(html, esc(ATTACK))).toBeGreaterThan(150);
    const fig = blocksOf(doc, 'figure')[0]!;
    expect(html).toContain(`alt="${esc(fig.alt)}"`);
    expect(html).toContain(`id="${esc(fig.id)}"`);
  });
});

describe('renderHtml details', () => {
  it('clamps a level-3 heading that has no level-2 heading before it to h3', async () => {
    const doc = sampleDocument('sv');
    doc.chapters = [
      {
        id: 'kap',
        title: 'Kapitel',
        blocks: [
          { type: 'heading', level: 3, id: 'a', text: 'A' },
          { type: 'heading', level: 3, id: 'b', text: 'B' },
          { type: 'heading', level: 2, id: 'c', text: 'C' },
          { type: 'heading', level: 3, id: 'd', text: 'D' },
        ],
      },
    ];
    const html = await render(doc);
    expect(html).toContain('<h3 id="a">A</h3>\n<h3 id="b">B</h3>\n<h3 id="c">C</h3>\n<h4 id="d">D</h4>');
  });

  it('tints table-chart cells by their tone (TableRow.tones), from the palette the PDF and Word use', async () => {
    const doc = sampleDocument('sv');
    const table = doc.chapters.flatMap((c) => c.blocks).find((b): b is TableBlock => b.type === 'table')!;
    const row = table.table.rows[0]!;
    row.tones = row.cells.map((_, i) => (i === 0 ? 'high' : i === 1 ? 'low' : null));
    const html = await render(doc);
    const marked = element(html, 'div', table.id);
    expect(marked).toContain(`<td class="num tone-high">${esc(row.cells[0]!)}</td><td class="num tone-low">${esc(row.cells[1]!)}</td>`);
    expect(count(marked, 'tone-')).toBe(2);
    expect(html).toContain(`--tone-high:${CELL_TONES.high};--tone-low:${CELL_TONES.low}`);
    for (const tone of Object.values(CELL_TONES)) expect(contrastRatio(parseHex(tone), parseHex('#1a1a1a'))).toBeGreaterThanOrEqual(4.5);
  });

  it('inlines the logo as a data URI', async () => {
    const logo = greyPng(8, 4);
    const html = await render({ ...sampleDocument('en'), logo: { data: logo, mime: 'image/png' } });
    expect(html).toContain(`<img class="logo" src="data:image/png;base64,${logo.toString('base64')}" alt="">`);
  });

  it('keeps a dark accent and darkens a light one until text reaches 4.5:1', async () => {
    const accentText = (html: string) => /--accent-text:(#[0-9a-f]{6})/.exec(html)?.[1];
    const dark = await render({ ...sampleDocument('sv'), accent: '#1f5f8b' });
    expect(accentText(dark)).toBe('#1f5f8b');
    const light = await render({ ...sampleDocument('sv'), accent: '#f2c200' });
    const text = accentText(light)!;
    expect(text).not.toBe('#f2c200');
    expect(contrastRatio(parseHex(text), [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
    const tint = /--accent-tint:(#[0-9a-f]{6})/.exec(light)![1]!;
    expect(contrastRatio(parseHex(text), parseHex(tint))).toBeGreaterThanOrEqual(4.5);
  });

  it('uses a plain <img> when the chart drawer gives one image for both widths', async () => {
    const png = greyPng(50, 30);
    const html = await renderHtml(sampleDocument('sv'), { chartPng: () => Promise.resolve(png) });
    expect(html).not.toContain('<picture');
    expect(html).toContain(`</figcaption><img class="chart" src="data:image/png;base64,${png.toString('base64')}" width="50" height="30" alt=`);
  });

  it('uses the chart renderer, at twice the pixel density, when no chartPng is given', async () => {
    const doc = sampleDocument('sv');
    doc.chapters = doc.chapters.filter((c) => c.blocks.some((b) => b.type === 'figure')).slice(0, 1);
    const html = await renderHtml(doc);
    const wide = /<img class="chart" src="data:image\/png;base64,([^"]+)" width="1280" height="\d+"/.exec(html);
    const narrow = /<source media="[^"]+" srcset="data:image\/png;base64,([^"]+)" width="720" height="\d+"/.exec(html);
    for (const m of [wide, narrow]) {
      expect(m).not.toBeNull();
      expect(Buffer.from(m![1]!, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});
