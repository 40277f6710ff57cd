// Encodes a chart's raw RGBA pixels as an opaque, 8-bit indexed (palette) PNG. Charts hold
// a few hundred colours (flat fills, text and edges antialiased against white), so a
// palette costs one byte per pixel instead of three: files a third the size, less to
// deflate, and pdfkit embeds the compressed data as is (no alpha, so no soft mask and no
// decoding in JavaScript). The bytes are a pure function of the pixels.

import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_COLOURS = 256;
/**
 * zlib level 4. On the bundled example's 64 charts (27 MB of rows): level 6 takes 114 ms and
 * makes 1 031 KB, level 4 74 ms and 1 070 KB (+3.8 %), level 3 37 ms but 1 193 KB (+16 %);
 * level 9 is 1 s for 946 KB. Deflating was a tenth of a batch's CPU time at level 6.
 */
const DEFLATE_LEVEL = 4;

// zlib.crc32 arrived only in Node 20.15; the package supports every Node 20.
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)) | 0;
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.alloc(4 + data.length);
  body.write(type, 0, 'latin1');
  data.copy(body, 4);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * The colour of pixel `i` as 0xRRGGBB, composited over white. The pixels are not
 * premultiplied (as getImageData gives them); each colour is premultiplied again as Skia
 * stores it (rounded to the nearest: Skia's own premultiplied value, exactly, since its
 * unpremultiplied value is the nearest too), and adding white's share is then the "over"
 * operator. (Non-null assertions: indices stay within the array by construction.)
 */
function rgbAt(rgba: Uint8Array, i: number): number {
  const o = i * 4;
  const alpha = rgba[o + 3]!;
  const white = 255 - alpha;
  const r = Math.min(255, Math.round((rgba[o]! * alpha) / 255) + white);
  const g = Math.min(255, Math.round((rgba[o + 1]! * alpha) / 255) + white);
  const b = Math.min(255, Math.round((rgba[o + 2]! * alpha) / 255) + white);
  return (r << 16) | (g << 8) | b;
}

/**
 * The pixels as 32-bit words, for cheap equality tests between neighbours (one word is one
 * RGBA quadruple whatever the byte order).
 */
function words(rgba: Uint8Array): Uint32Array {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
}

/**
 * The image's colours (composited over white) in order of first appearance, with how many
 * pixels have each. No per-pixel index is kept: at 4 bytes a pixel it would double the
 * memory of a tall chart (a county overview's 290 bars are 18 million pixels).
 */
interface Census {
  colours: number[];
  counts: number[];
  /** The image as runs of one colour: where each run ends (a pixel's index) and its colour, by its place in `colours`. */
  runEnds: Int32Array;
  runIds: Int32Array;
  runCount: number;
}

/**
 * Pixel words → colour ids, by open addressing. A chart has a few thousand distinct words
 * (flat fills, antialiased edges), each looked up at every run it starts: composited and
 * looked up in a Map of colours, encoding a chart took 4.0 ms, with this table 3.4 ms.
 */
class WordIds {
  private words = new Uint32Array(1024);
  private ids = new Int32Array(1024).fill(-1);
  private size = 0;
  private shift = 22;

  /** The word's id; -1 if it has none. */
  get(word: number): number {
    const mask = this.ids.length - 1;
    for (let i = Math.imul(word, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const id = this.ids[i]!;
      if (id < 0 || this.words[i] === word) return id;
    }
  }

  set(word: number, id: number): void {
    if (2 * (this.size + 1) > this.ids.length) this.grow();
    this.place(word, id);
    this.size++;
  }

  private place(word: number, id: number): void {
    const mask = this.ids.length - 1;
    let i = Math.imul(word, 0x9e3779b1) >>> this.shift;
    while (this.ids[i]! >= 0) i = (i + 1) & mask;
    this.words[i] = word;
    this.ids[i] = id;
  }

  private grow(): void {
    const { words, ids } = this;
    this.words = new Uint32Array(2 * words.length);
    this.ids = new Int32Array(2 * ids.length).fill(-1);
    this.shift--;
    for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) this.place(words[i]!, ids[i]!);
  }
}

/**
 * The census's runs, kept from image to image (a chart has tens of thousands; a tall county
 * overview a few million, whose arrays are not kept).
 */
let keptRuns: { ends: Int32Array; ids: Int32Array } = { ends: new Int32Array(0), ids: new Int32Array(0) };
const MAX_KEPT_RUNS = 1 << 20;

function takeCensus(raw: Uint32Array, rgba: Uint8Array): Census {
  const idOf = new Map<number, number>();
  const idOfWord = new WordIds();
  const colours: number[] = [];
  const counts: number[] = [];
  let { ends: runEnds, ids: runIds } = keptRuns;
  let runCount = 0;
  const n = raw.length;
  // Charts are mostly long runs of one colour: look a colour up only where a run starts.
  let start = 0;
  while (start < n) {
    const word = raw[start]!;
    let end = start + 1;
    while (end < n && raw[end] === word) end++;
    let id = idOfWord.get(word);
    if (id < 0) {
      // Words that differ may composite to the same colour (alpha over white).
      const colour = rgbAt(rgba, start);
      const known = idOf.get(colour);
      if (known === undefined) {
        id = colours.length;
        idOf.set(colour, id);
        colours.push(colour);
        counts.push(0);
      } else id = known;
      idOfWord.set(word, id);
    }
    counts[id]! += end - start;
    if (runCount === runEnds.length) ({ runEnds, runIds } = grownRuns(runEnds, runIds));
    runEnds[runCount] = end;
    runIds[runCount++] = id;
    start = end;
  }
  if (runEnds.length <= MAX_KEPT_RUNS) keptRuns = { ends: runEnds, ids: runIds };
  return { colours, counts, runEnds, runIds, runCount };
}

function grownRuns(ends: Int32Array, ids: Int32Array): { runEnds: Int32Array; runIds: Int32Array } {
  const size = Math.max(4096, 2 * ends.length);
  const runEnds = new Int32Array(size);
  const runIds = new Int32Array(size);
  runEnds.set(ends);
  runIds.set(ids);
  return { runEnds, runIds };
}

/** Squared distance weighted for the eye's sensitivity (green most, blue least). */
function distance(a: number, b: number): number {
  const dr = (a >> 16) - (b >> 16);
  const dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
  const db = (a & 0xff) - (b & 0xff);
  return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
}

interface Palette {
  colours: number[];
  /** Palette index for each of the image's colours (by their index in Indexed.colours). */
  remap: Uint8Array;
}

/**
 * The image's own colours when there are at most 256 (lossless). Otherwise the 256 most
 * frequent, and every rarer colour (a few edge pixels of antialiased text and lines) drawn
 * in its nearest palette colour. Ties are broken by colour value, so the result is stable.
 */
function choosePalette({ colours, counts }: Census): Palette {
  const remap = new Uint8Array(colours.length);
  if (colours.length <= MAX_COLOURS) {
    remap.forEach((_, k) => (remap[k] = k));
    return { colours, remap };
  }
  const byUse = colours.map((_, k) => k).sort((a, b) => counts[b]! - counts[a]! || colours[a]! - colours[b]!);
  const kept = byUse.slice(0, MAX_COLOURS);
  kept.forEach((k, i) => (remap[k] = i));
  const palette = kept.map((k) => colours[k]!);
  for (const k of byUse.slice(MAX_COLOURS)) {
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const d = distance(colours[k]!, palette[i]!);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    remap[k] = best;
  }
  return { colours: palette, remap };
}

/**
 * PNG-encodes RGBA pixels (not premultiplied, as getImageData gives them; composited over
 * white) as an indexed-colour image. Rows use filter "None", which suits palette indices best.
 */
export function encodeChartPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const raw = words(rgba);
  const census = takeCensus(raw, rgba);
  const palette = choosePalette(census);
  const { remap } = palette;

  // Each row is a filter byte, 0 (None), and the row's palette indices, written run by run
  // from the census (a run may go on into the next rows).
  const rows = Buffer.alloc((width + 1) * height);
  const { runEnds, runIds, runCount } = census;
  let at = 0;
  let rowEnd = width;
  let out = 1;
  for (let k = 0; k < runCount; k++) {
    const end = runEnds[k]!;
    const index = remap[runIds[k]!]!;
    while (at < end) {
      const stop = end < rowEnd ? end : rowEnd;
      const outStop = out + stop - at;
      // fill() pays a call for short runs (antialiased edges are runs of one or two).
      if (stop - at > 16) rows.fill(index, out, outStop);
      else for (let o = out; o < outStop; o++) rows[o] = index;
      out = outStop;
      at = stop;
      if (at === rowEnd) {
        rowEnd += width;
        out++; // the next row's filter byte, 0
      }
    }
  }

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: indexed
  // Bytes 10–12 stay 0: deflate, standard filter set, not interlaced (pdfkit embeds the
  // IDAT stream directly only when it is not interlaced).

  const plte = Buffer.alloc(palette.colours.length * 3);
  palette.colours.forEach((c, i) => {
    plte[3 * i] = c >> 16;
    plte[3 * i + 1] = (c >> 8) & 0xff;
    plte[3 * i + 2] = c & 0xff;
  });

  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: DEFLATE_LEVEL })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
