// The accent colour as CSS custom properties. The configured colour is kept for rules and
// bars (decoration); text and focus rings get a version darkened to at least 4.5:1 against
// every background it is drawn on. The table-chart tints come from the charts' palette.
import { CELL_TONES } from '../charts/palette.js';
import { darkenForContrast, mix, parseHex, toHex, type Rgb } from './contrast.js';

const WHITE: Rgb = [255, 255, 255];

export interface Theme {
  accent: string;
  /** Accent for text (links, labels, key figure values): ≥ 4.5:1 on white and on the tint. */
  accentText: string;
  /** Very light accent for the backgrounds of key figure cards and the contents box. */
  accentTint: string;
}

export function themeFor(accentHex: string): Theme {
  const accent = parseHex(accentHex);
  const tint = mix(accent, WHITE, 0.93);
  return {
    accent: toHex(accent),
    accentText: toHex(darkenForContrast(accent, [WHITE, tint])),
    accentTint: toHex(tint),
  };
}

export function themeCss(theme: Theme): string {
  return (
    `:root{--accent:${theme.accent};--accent-text:${theme.accentText};` +
    `--accent-tint:${theme.accentTint};--tone-high:${CELL_TONES.high};--tone-low:${CELL_TONES.low}}`
  );
}
