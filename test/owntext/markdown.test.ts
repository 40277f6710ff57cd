// Own texts read from Markdown: every supported element becomes the block the renderers draw,
// and hostile Markdown is neutralised: raw HTML stays visible text, links other than
// http(s)/mailto lose their link, images outside the project folder (`..`, absolute paths,
// symbolic links, URLs), images that are not PNG/JPEG and images without alt text are refused
// with the text's line and column.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { LagesbildError } from '../../src/errors.js';
import { render } from '../../src/messages/index.js';
import { loadOwnTexts, MAX_IMAGE_BYTES } from '../../src/owntext/load.js';
import { parseOwnText, safeHref } from '../../src/owntext/markdown.js';
import type { OwnBlock } from '../../src/report/model.js';
import { greyPng } from '../render/html/fake-chart.js';
import { EVERY_ELEMENT, project } from './fixture.js';

const BASE = `
columns: { area: kommun, year: ar }
groups:
  gender: { column: kon, label: Kön, values: [{ code: "1", label: Flickor }, { code: "2", label: Pojkar }] }
indicators:
  - { id: hot, label: Hot, chapter: utsatthet, column: f1, answers: { yes: [Ja], no: [Nej] } }
`;

async function load(texts: string, files: Record<string, string | Buffer>, lang: 'sv' | 'en' = 'sv') {
  const p = project(files);
  const config = parseConfig(`${BASE}\ntexts:\n${texts}`, p.config);
  return { p, result: await loadOwnTexts(config, p.config, lang) };
}

async function loadError(markdown: string, files: Record<string, string | Buffer> = {}): Promise<LagesbildError> {
  try {
    await load('  utsatthet: texts/a.md', { 'texts/a.md': markdown, ...files });
  } catch (err) {
    if (err instanceof LagesbildError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('own texts: every supported element', () => {
  it('becomes headings, paragraphs with bold, italic, links and line breaks, nested lists, a table, a quote and an image', async () => {
    const { result } = await load('  utsatthet: texts/utsatthet.md', { 'texts/utsatthet.md': EVERY_ELEMENT });
    expect(result.warnings).toEqual([]);
    expect(result.texts).toHaveLength(1);
    const [text] = result.texts;
    expect(text!.place).toBe('utsatthet');
    expect(text!.lang).toBe('sv');
    const blocks = text!.blocks.map((b) => (b.type === 'ownImage' ? { ...b, data: b.data.length } : b));
    expect(blocks).toEqual([
      { type: 'heading', level: 2, id: '', text: 'Lokal analys i Ängsby' },
      {
        type: 'ownParagraph',
        runs: [
          { text: 'Arbetsgruppen ser att ' },
          { text: 'hot på nätet', emphasis: true },
          { text: ' är ' },
          { text: 'lika vanligt', strong: true },
          { text: ' som förra mätningen. Läs mer hos ' },
          { text: 'Brå', href: 'https://bra.se/statistik' },
          { text: ' eller mejla ' },
          { text: 'samordnaren', href: 'mailto:samordnare@angsby.se' },
          { text: '.', breakAfter: true },
          { text: 'Ny rad efter en hård radbrytning.' },
        ],
      },
      { type: 'heading', level: 3, id: '', text: 'Vad arbetsgruppen föreslår' },
      {
        type: 'ownList',
        ordered: true,
        start: 1,
        items: [
          { paragraphs: [[{ text: 'Trygghetsvandringar i centrum' }]], sublist: null },
          {
            paragraphs: [[{ text: 'Utbildning för personal' }]],
            sublist: {
              type: 'ownList',
              ordered: false,
              start: 1,
              items: [
                { paragraphs: [[{ text: 'i skolan' }]], sublist: null },
                { paragraphs: [[{ text: 'på fritidsgårdarna' }]], sublist: null },
              ],
            },
          },
          { paragraphs: [[{ text: 'Uppföljning', strong: true }, { text: ' våren 2025' }]], sublist: null },
        ],
      },
      { type: 'heading', level: 4, id: '', text: 'Ansvar' },
      {
        type: 'ownTable',
        table: {
          columns: [
            { header: 'Insats', align: 'left' },
            { header: 'Ansvarig', align: 'left' },
            { header: 'År', align: 'right' },
          ],
          rows: [
            { header: 'Trygghetsvandring', cells: ['Fritidsförvaltningen', '2025'] },
            { header: 'Utbildning', cells: ['Skolförvaltningen', '2026'] },
          ],
          notes: [],
        },
      },
      { type: 'ownQuote', paragraphs: [[{ text: 'Våld är aldrig en privatsak.' }]] },
      {
        type: 'ownImage',
        data: greyPng(320, 160).length,
        mime: 'image/png',
        width: 320,
        height: 160,
        alt: 'Karta över skolorna i Ängsby med de tre skolorna markerade',
        caption: 'Skolorna i Ängsby',
      },
    ]);
  });

  it('takes an own chapter’s title from its leading level-1 heading; other # and ## become sections, with a warning', async () => {
    const { result } = await load('  after:sammanfattning: texts/s.md', { 'texts/s.md': '# Arbetsgruppens slutsatser\n\nText.\n\n## Nästa steg\n\nMer.\n' });
    const [text] = result.texts;
    expect(text!.title).toBe('Arbetsgruppens slutsatser');
    expect(text!.blocks[1]).toEqual({ type: 'heading', level: 2, id: '', text: 'Nästa steg' });
    expect(result.warnings.map((w) => render(w, 'en'))).toEqual([
      'texts/s.md:5:1: a level-2 heading (##) is used as a section heading (###): the report\'s title and chapters use levels 1 and 2',
    ]);
    expect(render(result.warnings[0]!, 'sv')).toBe('texts/s.md:5:1: en rubrik på nivå 2 (##) används som avsnittsrubrik (###): rapportens titel och kapitel har nivå 1 och 2');
  });

  it('reads a text per language, marking a text used in the other language with its own', async () => {
    const files = { 'texts/sv.md': 'Svensk text.', 'texts/en.md': 'English text.' };
    const both = await load('  utsatthet: { sv: texts/sv.md, en: texts/en.md }', files, 'en');
    expect(both.result.texts[0]).toMatchObject({ lang: 'en', file: 'texts/en.md' });
    const swedishOnly = await load('  utsatthet: texts/sv.md', files, 'en');
    expect(swedishOnly.result.texts[0]).toMatchObject({ lang: 'sv', file: 'texts/sv.md' });
  });

  it('reads a Windows-1252 file, saying so', async () => {
    const { result } = await load('  utsatthet: texts/a.md', { 'texts/a.md': Buffer.from('Utsatthet för våld i Ängsby.', 'latin1') });
    expect(result.texts[0]!.blocks).toEqual([{ type: 'ownParagraph', runs: [{ text: 'Utsatthet för våld i Ängsby.' }] }]);
    expect(render(result.warnings[0]!, 'en')).toMatch(/^texts\/a\.md: the text is not UTF-8 and was read as Windows-1252/);
  });
});

describe('own texts: hostile Markdown is neutralised', () => {
  const noImage = () => {
    throw new Error('no image expected');
  };

  it('keeps raw HTML as visible text, with a warning naming line and column', () => {
    const parsed = parseOwnText('Text <img src=x onerror=alert(1)> här.\n\n<script>alert("x")</script>\n\n<iframe src="https://evil.example"></iframe>\n', { file: 'a.md', image: noImage });
    expect(parsed.blocks).toEqual([
      { type: 'ownParagraph', runs: [{ text: 'Text <img src=x onerror=alert(1)> här.' }] },
      { type: 'ownParagraph', runs: [{ text: '<script>alert("x")</script>' }] },
      { type: 'ownParagraph', runs: [{ text: '<iframe src="https://evil.example"></iframe>' }] },
    ]);
    expect(parsed.warnings.map((w) => render(w, 'en').split(': ')[0])).toEqual(['a.md:1:6', 'a.md:3:1', 'a.md:5:1']);
  });

  it('shows links that are not http(s) or mailto as their text only', () => {
    const parsed = parseOwnText(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](file:///etc/passwd) [e](rapport.pdf) [f](vbscript:x) [g](javascript&#58;alert(1)) [h][r]\n\n[r]: javascript:alert(2)\n',
      { file: 'a.md', image: noImage },
    );
    expect(parsed.blocks).toEqual([{ type: 'ownParagraph', runs: [{ text: 'a b c d e f g h' }] }]);
    expect(parsed.warnings).toHaveLength(8);
    expect(render(parsed.warnings[0]!, 'en')).toBe(
      'a.md:1:1: the link "javascript:alert(1)" is shown as text without a link: own texts may link only to web pages (https://…, http://…) and e-mail addresses (mailto:…)',
    );
  });

  it('accepts http, https and mailto addresses, normalised', () => {
    expect(safeHref('https://bra.se/statistik?x=1&y=2')).toBe('https://bra.se/statistik?x=1&y=2');
    expect(safeHref('HTTP://Bra.SE')).toBe('http://bra.se/');
    expect(safeHref('mailto:a@b.se')).toBe('mailto:a@b.se');
    expect(safeHref('https://x.se/"onmouseover="alert(1)')).toBe('https://x.se/%22onmouseover=%22alert(1)');
    for (const bad of ['javascript:alert(1)', ' javascript:x', 'java\nscript:x', 'data:,x', '//evil.example', '#x', 'http://', 'ftp://x.se']) expect(safeHref(bad), bad).toBeNull();
  });

  it('refuses images outside the project folder: .., absolute paths, URLs and links out', async () => {
    const outside = project({ 'bild.png': greyPng(4, 4) });
    const cases: [string, RegExp][] = [
      ['![Karta](../../bild.png)', /texts\/a\.md:1:1: the image "\.\.\/\.\.\/bild\.png" is outside the project folder/],
      ['![Karta](../../../../../../../../etc/passwd)', /is outside the project folder/],
      [`![Karta](${join(outside.dir, 'bild.png')})`, /is an absolute path/],
      ['![Karta](https://evil.example/x.png)', /is not a local file: a report loads nothing from the network/],
      ['![Karta](file:///etc/passwd)', /is not a local file/],
      ['![Karta](data:image/png;base64,iVBORw0KGgo=)', /is not a local file/],
      ['![Karta](%2E%2E/%2E%2E/bild.png)', /is outside the project folder/],
    ];
    for (const [md, message] of cases) {
      const err = await loadError(md);
      expect(err.toLine(), md).toMatch(message);
      expect(err.exitCode).toBe(3);
    }
    // A symbolic link inside the project that points out of it.
    const err = await (async () => {
      const p = project({ 'texts/a.md': '![Karta](bilder/ut.png)' });
      symlinkSync(join(outside.dir, 'bild.png'), join(p.dir, 'texts/bilder/ut.png'));
      const config = parseConfig(`${BASE}\ntexts:\n  utsatthet: texts/a.md`, p.config);
      return loadOwnTexts(config, p.config, 'sv').then(
        () => null,
        (e: unknown) => e as LagesbildError,
      );
    })();
    expect(err?.toLine()).toMatch(/texts\/a\.md:1:1: the image "bilder\/ut\.png" is a link to a file outside the project folder/);
  });

  it('refuses images that are not PNG or JPEG by their first bytes, too large, or without alt text', async () => {
    expect((await loadError('![Karta](bilder/x.png)', { 'texts/bilder/x.png': '<svg onload="alert(1)"/>' })).toLine()).toMatch(
      /texts\/a\.md:1:1: the image "bilder\/x\.png" is not a PNG or JPEG image\. Save or export it as PNG or JPEG/,
    );
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    greyPng(2, 2).copy(big);
    const tooBig = await loadError('![Karta](bilder/big.png)', { 'texts/bilder/big.png': big });
    expect(tooBig.exitCode).toBe(8);
    expect(tooBig.toLine()).toMatch(/is 8\.0 MB; an image may be at most 8 MB/);
    const noAlt = await loadError('Text.\n\n![](bilder/karta.png)');
    expect(noAlt.toLine()).toBe(
      'texts/a.md:3:1: the image "bilder/karta.png" has no alt text. Say what the image shows between the brackets: ![Karta över skolorna i kommunen](bild.png)',
    );
    expect((await loadError('![Karta](bilder/saknas.png)')).toLine()).toMatch(/texts\/a\.md:1:1: the image file "bilder\/saknas\.png" does not exist/);
  });

  it('names the config key when the text file is missing', async () => {
    const p = project();
    writeFileSync(p.config, `${BASE}\ntexts:\n  utsatthet: texts/saknas.md\n`);
    const config = parseConfig(`${BASE}\ntexts:\n  utsatthet: texts/saknas.md\n`, p.config);
    const err = await loadOwnTexts(config, p.config, 'sv').catch((e: unknown) => e as LagesbildError);
    expect(err).toBeInstanceOf(LagesbildError);
    expect((err as LagesbildError).toLine()).toBe(
      `${p.config}: texts.utsatthet: the text file texts/saknas.md does not exist. The path is relative to the config file; \`lagesbild init\` can write a texts/ folder to start from`,
    );
  });

  it('drops HTML comments and empty texts quietly', () => {
    const parsed = parseOwnText('<!-- Skriv kommunens analys här. -->\n\n<!--\nflera\nrader\n-->\n', { file: 'a.md', image: noImage });
    expect(parsed).toEqual({ title: null, blocks: [] as OwnBlock[], warnings: [] });
  });
});
