import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontPath } from '../../../src/render/charts/assets.js';
import { usedCodePoints } from '../../../src/render/html/assets.js';
import { cmapTable, openFont, subsetFont } from '../../../src/render/html/font-subset.js';

interface Glyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface Font {
  numGlyphs: number;
  layout(text: string, features?: Record<string, boolean>): { advanceWidth: number };
  directory: { tables: Record<string, { checkSum: number; offset: number; length: number }> };
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): Glyph;
  characterSet: number[];
  postscriptName: string;
  familyName: string;
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Uint8Array): Font };

const regular = openFont(fontPath('Regular'));
const TEXT = 'Lägesbild: våld – Ängsby, 12\u00a0% (95\u00a0% KI 8–17), −2 procentenheter. ÅÄÖ';
const codePoints = [...new Set(TEXT)].map((c) => c.codePointAt(0)!);

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('subsetFont', () => {
  const data = subsetFont(regular, codePoints);
  const font = fontkit.create(data);

  it('keeps the requested characters, drawn and spaced exactly as in the full font', () => {
    for (const cp of codePoints) {
      expect(font.hasGlyphForCodePoint(cp), String.fromCodePoint(cp)).toBe(true);
      const [mine, original] = [font.glyphForCodePoint(cp), regular.font.glyphForCodePoint(cp) as unknown as Glyph];
      expect(mine.advanceWidth).toBe(original.advanceWidth);
      expect(mine.path.toSVG()).toBe(original.path.toSVG());
    }
    expect(font.hasGlyphForCodePoint('x'.codePointAt(0)!)).toBe(false);
    // The cmap's closing segment maps U+FFFF to .notdef, as the format requires.
    const mapped = font.characterSet.filter((cp) => cp !== 0xffff);
    expect(mapped.sort((a, b) => a - b)).toEqual([...codePoints].sort((a, b) => a - b));
  });

  it('is a complete, small font: the tables a browser requires, valid checksums, the original names', () => {
    expect(Object.keys(font.directory.tables).sort()).toEqual(
      ['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'kern', 'loca', 'maxp', 'name', 'post', 'prep'].sort(),
    );
    expect(font.numGlyphs).toBeLessThan(1.5 * codePoints.length); // with .notdef and accents' components
    expect(data.length).toBeLessThan(12_000);
    expect(font.familyName).toBe('Source Sans 3');
    for (const [tag, t] of Object.entries(font.directory.tables)) {
      const table = Buffer.alloc((t.length + 3) & ~3);
      data.copy(table, 0, t.offset, t.offset + t.length);
      if (tag === 'head') table.writeUInt32BE(0, 8);
      expect(checksum(table), tag).toBe(t.checkSum);
    }
    expect(checksum(data)).toBe(0xb1b0afba);
  });

  it('kerns as the full font does (its GPOS pairs become a kern table)', () => {
    const words = TEXT.split(' ').concat(['ÅÄÖ', 'Ängsby']);
    // Ligatures are not kept, so compare with the full font's layout without them.
    const widths = (f: Font, features?: Record<string, boolean>) => words.map((w) => f.layout(w, features).advanceWidth);
    const full = regular.font as unknown as Font;
    expect(widths(font)).toEqual(widths(full, { liga: false }));
    // … and the kerning is really there: unkerned, some words are wider.
    const unkerned = widths(full, { liga: false, kern: false });
    expect(widths(font).some((w, i) => w !== unkerned[i])).toBe(true);
  });

  it('is the same bytes for the same characters in any order', () => {
    expect(subsetFont(regular, [...codePoints].reverse()).equals(data)).toBe(true);
  });

  it('skips characters the font does not have', () => {
    const withEmoji = subsetFont(regular, [...codePoints, 0x1f600, 0x4e2d]);
    expect(withEmoji.equals(data)).toBe(true);
  });
});

describe('cmapTable', () => {
  it('joins consecutive characters on consecutive glyphs into one segment', () => {
    const segments = (cmap: Buffer) => cmap.readUInt16BE(12 + 6) / 2;
    expect(segments(cmapTable([[65, 3], [66, 4], [67, 5]]))).toBe(2); // A–C, and the final 0xFFFF
    expect(segments(cmapTable([[65, 3], [66, 7], [67, 8]]))).toBe(3);
    expect(segments(cmapTable([[65, 3], [67, 5]]))).toBe(3);
  });
});

describe('usedCodePoints', () => {
  it('adds upper and lower case, printable ASCII and the list bullet to the text’s characters', () => {
    const points = usedCodePoints('å–\u2212');
    for (const c of ['å', 'Å', '–', '\u2212', '•', "'", '~', ' ']) expect(points.has(c.codePointAt(0)!), c).toBe(true);
    expect(points.has('é'.codePointAt(0)!)).toBe(false);
  });

  it('reads characters outside the Basic Multilingual Plane whole, and every character once', () => {
    const points = usedCodePoints('ää \u{1F600}x\u{1F600}\uD800');
    for (const c of [0xe4, 0xc4, 0x1f600, 0xd800]) expect(points.has(c), c.toString(16)).toBe(true);
    expect(points.has(0xde00)).toBe(false);
    expect(points.size).toBe(usedCodePoints('').size + 4);
  });
});
