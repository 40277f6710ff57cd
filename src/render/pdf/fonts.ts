// The bundled Source Sans 3 faces for pdfkit. pdfkit would parse the font files anew for
// every document, and decoding their layout tables costs about a second; one parsed
// fontkit font per face is shared by all documents of the process instead (pdfkit accepts
// a fontkit font wherever it takes a font file, and subsets per document).
//
// Shaping a run of text (fontkit's layout: substitutions, kerning) is the costliest part of
// setting a PDF, and pdfkit caches runs per document only. The shared fonts remember every
// run they shaped, so later documents of a batch reuse the report texts' words.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FACES, type FontFace, fontPath } from '../charts/assets.js';
import type { Doc } from './text.js';

/** What pdfkit's registerFont accepts; a fontkit font is passed through as is. */
type FontSource = Parameters<Doc['registerFont']>[1];

/** The parts of fontkit's GlyphRun that pdfkit reads. */
interface GlyphRun {
  glyphs: unknown[];
  positions: Record<string, number>[];
  readonly advanceWidth: number;
}

interface FontkitFont {
  layout(text: string, features?: unknown): GlyphRun;
}

interface Fontkit {
  create(data: Uint8Array): FontkitFont;
}

/**
 * A copy pdfkit may change: it scales the positions in place, and reads the advance width
 * (a sum over the positions) afterwards.
 */
function copyRun(run: GlyphRun): GlyphRun {
  const positions = run.positions.map((p) => ({ ...p }));
  return {
    glyphs: run.glyphs,
    positions,
    get advanceWidth() {
      return positions.reduce((w, p) => w + (p['xAdvance'] ?? 0), 0);
    },
  };
}

/** The font with layout() remembered per text (pdfkit asks with default features only). */
function withRunCache(font: FontkitFont): FontkitFont {
  const runs = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      run = copyRun(font.layout(text));
      runs.set(text, run);
    }
    return copyRun(run);
  };
  return new Proxy(font, {
    get: (target, prop) => (prop === 'layout' ? layout : Reflect.get(target, prop, target)),
  });
}

const parsed = new Map<FontFace, FontkitFont>();

function load(face: FontFace): FontkitFont {
  let font = parsed.get(face);
  if (!font) {
    // fontkit ships no type definitions; only create() and layout() are used here.
    const fontkit = createRequire(import.meta.url)('fontkit') as Fontkit;
    font = withRunCache(fontkit.create(readFileSync(fontPath(face))));
    parsed.set(face, font);
  }
  return font;
}

/** Registers the four faces under their names ("Regular", "Bold", …) and selects Regular. */
export function registerFonts(doc: Doc): void {
  for (const face of FONT_FACES) doc.registerFont(face, load(face) as unknown as FontSource);
  doc.font('Regular');
}
