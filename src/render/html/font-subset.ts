// Subsets a TrueType font to the characters a report uses, as a standalone font a browser
// accepts. fontkit's subsetter writes only the tables a PDF needs (glyphs, metrics); a
// browser's font sanitiser also requires cmap, OS/2, name and post, so they are added: a
// cmap for the kept characters, OS/2 and name (copyright and licence) copied from the
// original, post without glyph names. OpenType layout refers to the original glyph ids and
// is left out; its pair kerning is kept as a 'kern' table (see kerning.ts). Ligatures and
// other substitutions are not kept.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Gpos, kernTable, kerningPairs } from './kerning.js';

interface FontkitGlyph {
  id: number;
}

interface FontkitSubset {
  includeGlyph(glyph: number | FontkitGlyph): number;
  encode(): Uint8Array;
}

export interface FontkitFont {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  GPOS?: Gpos;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
  createSubset(): FontkitSubset;
}

export interface SourceFont {
  /** The font file as read. */
  data: Buffer;
  font: FontkitFont;
}

export function openFont(path: string): SourceFont {
  // fontkit ships no type definitions; FontkitFont above lists what is used.
  const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Uint8Array): FontkitFont };
  const data = readFileSync(path);
  return { data, font: fontkit.create(data) };
}

function rawTable(source: SourceFont, tag: string): Buffer {
  const entry = source.font.directory.tables[tag];
  if (!entry) throw new Error(`font has no ${tag} table`);
  return source.data.subarray(entry.offset, entry.offset + entry.length);
}

/** The tables of an sfnt (TrueType) file by tag. */
function readTables(sfnt: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const count = sfnt.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const offset = sfnt.readUInt32BE(record + 8);
    tables.set(sfnt.toString('latin1', record, record + 4), sfnt.subarray(offset, offset + sfnt.readUInt32BE(record + 12)));
  }
  return tables;
}

/**
 * cmap with one format 4 subtable (Windows, Unicode BMP). Runs of consecutive characters
 * on consecutive glyphs share a segment.
 */
export function cmapTable(map: readonly (readonly [number, number])[]): Buffer {
  const sorted = [...map].sort((a, b) => a[0] - b[0]);
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of sorted) {
    const last = segments[segments.length - 1];
    if (last && cp === last.end + 1 && gid - cp === last.delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta: gid - cp });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 }); // the required final segment
  const n = segments.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 * 2 ** entrySelector;
  const sub = Buffer.alloc(16 + 8 * n);
  sub.writeUInt16BE(4, 0); // format
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(0, 4); // language
  sub.writeUInt16BE(2 * n, 6);
  sub.writeUInt16BE(searchRange, 8);
  sub.writeUInt16BE(entrySelector, 10);
  sub.writeUInt16BE(2 * n - searchRange, 12);
  segments.forEach((s, i) => {
    sub.writeUInt16BE(s.end, 14 + 2 * i);
    sub.writeUInt16BE(s.start, 16 + 2 * n + 2 * i);
    sub.writeUInt16BE((s.delta + 0x10000) % 0x10000, 16 + 4 * n + 2 * i);
    // idRangeOffset stays 0: glyph = character + delta.
  });
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0, 0); // version
  header.writeUInt16BE(1, 2); // one subtable
  header.writeUInt16BE(3, 4); // platform: Windows
  header.writeUInt16BE(1, 6); // encoding: Unicode BMP
  header.writeUInt32BE(12, 8);
  return Buffer.concat([header, sub]);
}

/** post version 3: the original's metrics, no glyph names. */
function postTable(original: Buffer): Buffer {
  const post = Buffer.from(original.subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);
  return post;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word = (data[i]! << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/** Writes an sfnt file: tables in tag order, 4-byte aligned, checksums set. */
export function writeSfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 16 * 2 ** entrySelector;
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(16 * n - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = Buffer.from(tables.get(tag) ?? Buffer.alloc(0));
    if (tag === 'head') {
      data.writeUInt32BE(0, 8); // checkSumAdjustment, set below
      headOffset = offset;
    }
    const record = 12 + 16 * i;
    header.write(tag, record, 'latin1');
    header.writeUInt32BE(checksum(data), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([header, ...bodies]);
  if (headOffset >= 0) font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

/** A TrueType font with the glyphs for `codePoints` (those the font has) and nothing else. */
export function subsetFont(source: SourceFont, codePoints: Iterable<number>): Buffer {
  const { font } = source;
  const subset = font.createSubset();
  const map: [number, number][] = [];
  const ids = new Map<number, number>(); // original glyph id → subset glyph id
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (cp > 0xffff || !font.hasGlyphForCodePoint(cp)) continue;
    const original = font.glyphForCodePoint(cp).id;
    const id = subset.includeGlyph(original);
    ids.set(original, id);
    map.push([cp, id]);
  }
  const tables = readTables(Buffer.from(subset.encode()));
  tables.set('cmap', cmapTable(map));
  tables.set('OS/2', rawTable(source, 'OS/2'));
  tables.set('name', rawTable(source, 'name'));
  tables.set('post', postTable(rawTable(source, 'post')));
  const pairs = font.GPOS ? kerningPairs(font.GPOS, [...ids.keys()]) : [];
  const kern = kernTable(pairs.map(([a, b, value]) => [ids.get(a) ?? 0, ids.get(b) ?? 0, value]));
  if (kern) tables.set('kern', kern);
  return writeSfnt(tables);
}
