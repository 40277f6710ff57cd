// Line breaking and line drawing. The PDF lays text out itself (greedy breaking at
// ordinary spaces; no-break spaces hold "12 %" together) so measurement and drawing
// always agree and pdfkit never adds pages on its own.

import type { TextStyle } from './theme.js';

export type Doc = PDFKit.PDFDocument;

export function useStyle(doc: Doc, style: TextStyle): Doc {
  return doc.font(style.face).fontSize(style.size).fillColor(style.color);
}

/**
 * Widths by face, size and text, shared by every document of the process: a width depends on
 * nothing else (pdfkit's widthOfString without options, on fonts shared by all documents, see
 * fonts.ts), and a batch's reports measure mostly the same words and numbers. Measuring was a
 * seventh of a batch's main thread with widths kept per document, most of it the same words
 * laid out again for each report. Looked up without building a key: a Map per face and size.
 */
const widthsByFace = new Map<string, Map<number, Map<string, number>>>();

/** Texts remembered per face and size; beyond this the cache starts again (a whole country's batch). */
const MAX_REMEMBERED = 20_000;

function widthsOf(style: TextStyle): Map<string, number> {
  let bySize = widthsByFace.get(style.face);
  if (!bySize) widthsByFace.set(style.face, (bySize = new Map()));
  let widths = bySize.get(style.size);
  if (!widths) bySize.set(style.size, (widths = new Map()));
  return widths;
}

/**
 * The faces each document has measured with. pdfkit numbers a document's fonts in the order
 * it first selects them, and measuring selected them first: a face is still selected at its
 * first measuring in each document, so that a report's bytes do not depend on the reports
 * rendered before it in the same process.
 */
const selectedFaces = new WeakMap<Doc, Set<string>>();

export function textWidth(doc: Doc, text: string, style: TextStyle): number {
  let faces = selectedFaces.get(doc);
  if (!faces) selectedFaces.set(doc, (faces = new Set()));
  if (!faces.has(style.face)) {
    faces.add(style.face);
    doc.font(style.face);
  }
  const texts = widthsOf(style);
  let w = texts.get(text);
  if (w === undefined) {
    w = doc.font(style.face).fontSize(style.size).widthOfString(text);
    if (texts.size >= MAX_REMEMBERED) texts.clear();
    texts.set(text, w);
  }
  return w;
}

/**
 * Width of one word as wrap() sets it. pdfkit shapes drawn text in runs of a word and the
 * space after it; measuring that same run (less the space) gives the width the drawn word
 * has. Source Sans 3 has no kerning against the space, so the result is the word's own width.
 */
export function wordWidth(doc: Doc, word: string, style: TextStyle): number {
  return textWidth(doc, `${word} `, style) - textWidth(doc, ' ', style);
}

/** Breaks a word that is wider than the line into pieces that fit. */
function breakWord(doc: Doc, word: string, style: TextStyle, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && textWidth(doc, piece + ch, style) > width) {
      pieces.push(piece);
      piece = ch;
    } else {
      piece += ch;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy line breaking at ordinary spaces, measuring word by word as pdfkit does. */
export function wrap(doc: Doc, text: string, style: TextStyle, width: number): string[] {
  const space = textWidth(doc, ' ', style);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const w = wordWidth(doc, word, style);
    if (line && lineWidth + space + w <= width) {
      line = `${line} ${word}`;
      lineWidth += space + w;
      continue;
    }
    if (line) lines.push(line);
    if (w <= width) {
      line = word;
      lineWidth = w;
    } else {
      const pieces = breakWord(doc, word, style, width);
      line = pieces.pop() ?? '';
      lineWidth = textWidth(doc, line, style);
      lines.push(...pieces);
    }
  }
  if (line) lines.push(line);
  // A trailing space on every line but the last keeps words apart in the extracted and
  // tagged text, which would otherwise join the last word of a line to the next line's first.
  return lines.map((l, i) => (i < lines.length - 1 ? `${l} ` : l));
}

/**
 * Draws one line whose box starts at `top`; the glyphs are centred vertically in the
 * style's leading.
 */
export function drawLine(
  doc: Doc,
  text: string,
  style: TextStyle,
  x: number,
  top: number,
  align: 'left' | 'right' | 'center' = 'left',
  width = 0,
): void {
  const w = align === 'left' ? 0 : textWidth(doc, text.trimEnd(), style);
  useStyle(doc, style);
  const left = align === 'right' ? x + width - w : align === 'center' ? x + (width - w) / 2 : x;
  const offset = (style.leading - doc.currentLineHeight()) / 2;
  doc.text(text, left, top + offset, { lineBreak: false });
}

/** A run of text in one style, possibly part of a link (whatever the caller tags links with). */
export interface StyledRun<L> {
  text: string;
  style: TextStyle;
  link?: L;
  /** A hard line break follows. */
  breakAfter?: boolean;
}

/** A piece of a line in one style (and link). */
export interface Segment<L> {
  text: string;
  style: TextStyle;
  link?: L;
}

/**
 * wrap() for text in several styles (own texts: bold, italic, links): greedy breaking at
 * spaces, a word glued to the next one across a style change stays with it, hard breaks
 * are kept. Lines end with a space except the last, as in wrap().
 */
export function wrapRuns<L>(doc: Doc, runs: readonly StyledRun<L>[], width: number): Segment<L>[][] {
  type Word = { pieces: Segment<L>[]; width: number; spaceBefore: boolean; breakBefore: boolean };
  // Words: maximal pieces of text without white space, possibly spanning runs.
  const words: Word[] = [];
  let current: Word | null = null;
  let space = false;
  let hardBreak = false;
  for (const run of runs) {
    for (const part of run.text.split(/([ \t\n]+)/)) {
      if (part === '') continue;
      if (/^[ \t\n]+$/.test(part)) {
        current = null;
        space = true;
        continue;
      }
      if (current === null) {
        current = { pieces: [], width: 0, spaceBefore: space, breakBefore: hardBreak };
        words.push(current);
        space = false;
        hardBreak = false;
      }
      current.pieces.push({ text: part, style: run.style, ...(run.link !== undefined ? { link: run.link } : {}) });
      current.width += wordWidth(doc, part, run.style);
    }
    if (run.breakAfter) {
      current = null;
      space = false;
      hardBreak = true;
    }
  }

  const lines: Segment<L>[][] = [];
  let line: Segment<L>[] = [];
  let lineWidth = 0;
  const push = (seg: Segment<L>) => {
    const last = line[line.length - 1];
    if (last && last.style === seg.style && last.link === seg.link) last.text += seg.text;
    else line.push({ ...seg });
  };
  const endLine = () => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  for (const word of words) {
    if (word.breakBefore) endLine();
    const first = word.pieces[0]!;
    const spaceWidth = line.length > 0 && word.spaceBefore ? textWidth(doc, ' ', first.style) : 0;
    if (line.length > 0 && lineWidth + spaceWidth + word.width > width) {
      endLine();
    } else if (spaceWidth > 0) {
      // The space belongs to the text before it (a link's underline stops at its last word).
      const last = line[line.length - 1]!;
      push({ text: ' ', style: last.style, ...(last.link !== undefined && last.link === first.link ? { link: last.link } : {}) });
      lineWidth += spaceWidth;
    }
    if (word.width <= width || word.pieces.length > 1) {
      for (const piece of word.pieces) push(piece);
      lineWidth += word.width;
      continue;
    }
    // One piece wider than the line (a long address): broken where it must be.
    const pieces = breakWord(doc, first.text, first.style, width);
    pieces.forEach((p, i) => {
      if (i > 0) endLine();
      push({ ...first, text: p });
      lineWidth = textWidth(doc, p, first.style);
    });
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l, i) => {
    if (i === lines.length - 1 || l.length === 0) return l;
    const last = l[l.length - 1]!;
    return [...l.slice(0, -1), { ...last, text: `${last.text} ` }];
  });
}
