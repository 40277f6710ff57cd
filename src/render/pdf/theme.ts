// Page geometry, type scale and colours of the PDF. One place for every measurement so the
// layout stays consistent.

import type { FontFace } from '../charts/assets.js';
import { contrastRatio } from '../charts/palette.js';

export const PAGE = { width: 595.28, height: 841.89 } as const; // A4 in points

/** The text block; header and footer sit in the margins. */
export const CONTENT = {
  left: 68,
  right: PAGE.width - 68,
  width: PAGE.width - 136,
  top: 96,
  bottom: PAGE.height - 72,
} as const;

export interface TextStyle {
  face: FontFace;
  size: number;
  /** Line pitch in points. */
  leading: number;
  color: string;
}

export interface Theme {
  accent: string;
  accentTint: string;
  ink: string;
  muted: string;
  rule: string;
  caution: string;
  cautionTint: string;
  body: TextStyle;
  h1: TextStyle;
  h2: TextStyle;
  h3: TextStyle;
  caption: TextStyle;
  small: TextStyle;
  cell: TextStyle;
  cellHead: TextStyle;
  cellEmphasis: TextStyle;
  quote: TextStyle;
  noticeTitle: TextStyle;
  keyValue: TextStyle;
  keyLabel: TextStyle;
  header: TextStyle;
  headerNotice: TextStyle;
  /** The rule and label of the municipality's own texts. */
  own: string;
  ownLabel: TextStyle;
  /** A style in bold, italic or as a link (one object per variant, so equal styles compare equal). */
  variant: (base: TextStyle, marks: { strong: boolean; emphasis: boolean; link: boolean }) => TextStyle;
}

const WHITE = '#ffffff';
const INK = '#1a1a1a';
const MUTED = '#555555';

function mix(hex: string, other: string, t: number): string {
  const parse = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const a = parse(hex);
  const b = parse(other);
  return `#${a
    .map((v, i) => Math.round(v * (1 - t) + (b[i] ?? 0) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * The configured accent, darkened in small steps until text in it reaches 4.5:1 against
 * both white and its own tint (used behind key figures).
 */
export function readableAccent(accent: string): { accent: string; tint: string } {
  const base = /^#[0-9a-f]{6}$/i.test(accent) ? accent.toLowerCase() : '#1f5f8b';
  const tint = mix(base, WHITE, 0.9);
  let colour = base;
  for (let t = 0.05; contrastRatio(colour, WHITE) < 4.5 || contrastRatio(colour, tint) < 4.5; t += 0.05) {
    colour = mix(base, '#000000', Math.min(1, t));
  }
  return { accent: colour, tint };
}

export function makeTheme(accentHex: string): Theme {
  const { accent, tint } = readableAccent(accentHex);
  const style = (face: FontFace, size: number, leading: number, color = INK): TextStyle => ({ face, size, leading, color });
  const caution = '#8a4500';
  const own = '#6f4e7c';
  const variants = new Map<string, TextStyle>();
  // No bold italic face is bundled: bold wins.
  const variant: Theme['variant'] = (base, { strong, emphasis, link }) => {
    const face = strong ? (base.face === 'Regular' || base.face === 'Italic' ? 'Bold' : base.face) : emphasis ? 'Italic' : base.face;
    const color = link ? accent : base.color;
    if (face === base.face && color === base.color) return base;
    const key = `${base.face}|${base.size}|${base.leading}|${base.color}|${face}|${color}`;
    let s = variants.get(key);
    if (!s) {
      s = { ...base, face, color };
      variants.set(key, s);
    }
    return s;
  };
  return {
    accent,
    accentTint: tint,
    ink: INK,
    muted: MUTED,
    rule: '#c9c9c9',
    caution,
    cautionTint: '#fbf1e4',
    body: style('Regular', 10.5, 15.5),
    h1: style('SemiBold', 22, 27, accent),
    h2: style('SemiBold', 15, 19.5, accent),
    h3: style('Bold', 11.5, 15.5),
    caption: style('SemiBold', 10.5, 14.5),
    small: style('Regular', 8.5, 11.5, MUTED),
    cell: style('Regular', 8.8, 11.5),
    cellHead: style('SemiBold', 8.8, 11.5),
    cellEmphasis: style('Bold', 8.8, 11.5),
    quote: style('Italic', 11, 16.5),
    noticeTitle: style('Bold', 10.5, 15.5),
    keyValue: style('SemiBold', 24, 28, accent),
    keyLabel: style('SemiBold', 10, 13),
    header: style('Regular', 8, 10.5, MUTED),
    headerNotice: style('SemiBold', 8, 10.5, caution),
    own,
    ownLabel: style('Bold', 8, 11, own),
    variant,
  };
}
