// Paths to the bundled assets. This file sits at src/render/charts/ (vitest) or
// dist/render/charts/ (after tsc): three levels below the package root either way.

import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = new URL('../../../', import.meta.url);

export type FontFace = 'Regular' | 'Italic' | 'SemiBold' | 'Bold';

export const FONT_FACES: readonly FontFace[] = ['Regular', 'Italic', 'SemiBold', 'Bold'];

/** The family name inside the bundled TTF files. */
export const FONT_FAMILY = 'Source Sans 3';

export function fontPath(face: FontFace): string {
  return fileURLToPath(new URL(`templates/fonts/SourceSans3-${face}.ttf`, PACKAGE_ROOT));
}
