// Line breaking and line drawing. The PDF lays text out itself (greedy breaking at
// ordinary spaces; no-break spaces hold "12 %" together) so measurement and drawing
// always agree and pdfkit never adds pages on its own.

import type { TextStyle } from './theme.js';

export type Doc = PDFKit.PDFDocument;

export function useStyle(doc: Doc, style: TextStyle): Doc {
  return doc.font(style.face).fontSize(style.size).fillColor(style.color);
}

/** Word widths per document, face and size: shaping each word once keeps layout fast. */
const widths = new WeakMap<Doc, Map<string, number>>();

export function textWidth(doc: Doc, text: string, style: TextStyle): number {
  let cache = widths.get(doc);
  if (!cache) {
    cache = new Map();
    widths.set(doc, cache);
  }
  const key = `${style.face}\u0000${style.size}\u0000${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    w = doc.font(style.face).fontSize(style.size).widthOfString(text);
    cache.set(key, w);
  }
  return w;
}

/**
 * Width of one word as wrap() sets it. pdfkit shapes drawn text in runs of a word and the
 * space after it, caching each run per document; measuring that same run (less the space)
 * shapes each word once for measuring and drawing together. Source Sans 3 has no kerning
 * against the space, so the result is the word's own width.
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
