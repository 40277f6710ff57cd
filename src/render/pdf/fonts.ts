// The bundled Source Sans 3 faces for pdfkit. pdfkit would parse the font files anew for
// every document, and decoding their layout tables costs about a second; one parsed
// fontkit font per face is shared by all documents of the process instead (pdfkit accepts
// a fontkit font wherever it takes a font file, and subsets per document).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FACES, type FontFace, fontPath } from '../charts/assets.js';
import type { Doc } from './text.js';

/** What pdfkit's registerFont accepts; a fontkit font is passed through as is. */
type FontSource = Parameters<Doc['registerFont']>[1];

interface Fontkit {
  create(data: Uint8Array): unknown;
}

const parsed = new Map<FontFace, FontSource>();

function load(face: FontFace): FontSource {
  let font = parsed.get(face);
  if (!font) {
    // fontkit ships no type definitions; only create() is used.
    const fontkit = createRequire(import.meta.url)('fontkit') as Fontkit;
    font = fontkit.create(readFileSync(fontPath(face))) as FontSource;
    parsed.set(face, font);
  }
  return font;
}

/** Registers the four faces under their names ("Regular", "Bold", …) and selects Regular. */
export function registerFonts(doc: Doc): void {
  for (const face of FONT_FACES) doc.registerFont(face, load(face));
  doc.font('Regular');
}
