// Series styles. Colours are an Okabe–Ito subset plus a dark grey: safe for the common
// colour-vision deficiencies, no pink/blue pair, every colour ≥ 3:1 against white. Colour
// never carries meaning alone: each series also has its own fill pattern (bars) or dash
// and marker (lines), and the legend and direct labels name it.

export type FillPattern = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross';
export type Marker = 'circle' | 'triangle' | 'rect' | 'rectRot' | 'star';

export interface SeriesStyle {
  color: string;
  pattern: FillPattern;
  dash: number[];
  marker: Marker;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: '#0072B2', pattern: 'solid', dash: [], marker: 'circle' },
  { color: '#C35400', pattern: 'diagonal', dash: [9, 4], marker: 'triangle' },
  { color: '#3B3B3B', pattern: 'dots', dash: [2, 3], marker: 'rect' },
  { color: '#008060', pattern: 'horizontal', dash: [12, 4, 2, 4], marker: 'rectRot' },
  { color: '#A8437B', pattern: 'cross', dash: [5, 5], marker: 'star' },
];

export function seriesStyle(index: number): SeriesStyle {
  const style = SERIES_STYLES[index % SERIES_STYLES.length];
  if (!style) throw new Error('empty palette');
  return style;
}

/**
 * Background tints of table-chart cells (report TableRow.tones): light Okabe–Ito orange for
 * "higher", light blue for "lower", told apart with the common colour-vision deficiencies and
 * keeping ink text far above 4.5:1. The cell's symbol (▲ ▼) says the same without colour.
 */
export const CELL_TONES = { high: '#F9D9B4', low: '#CFE2F3' } as const;

/** Text and rule colours (text ≥ 4.5:1 against white). */
export const INK = '#1a1a1a';
export const MUTED_INK = '#595959';
export const GRID = '#e3e3e3';

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
