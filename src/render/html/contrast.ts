// WCAG 2.1 contrast arithmetic, used to turn the configured accent colour into a text colour
// that keeps 4.5:1 against the report's light backgrounds.

export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m || m[1] === undefined) throw new Error(`not a hex colour (#rrggbb): ${hex}`);
  const h = m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** Relative luminance (WCAG 2.1 definition). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mix `rgb` towards `target` by `t` (0 = rgb, 1 = target), rounded to whole channel values. */
export function mix(rgb: Rgb, target: Rgb, t: number): Rgb {
  return rgb.map((c, i) => Math.round(c + ((target[i] ?? 0) - c) * t)) as unknown as Rgb;
}

const BLACK: Rgb = [0, 0, 0];

/**
 * The colour itself if it reaches `min` contrast against every background, otherwise the
 * least-darkened version that does (hue kept, mixed towards black in 2 % steps).
 */
export function darkenForContrast(colour: Rgb, backgrounds: readonly Rgb[], min = 4.5): Rgb {
  for (let step = 0; step <= 50; step++) {
    const c = mix(colour, BLACK, step / 50);
    if (backgrounds.every((bg) => contrastRatio(c, bg) >= min)) return c;
  }
  return BLACK;
}
