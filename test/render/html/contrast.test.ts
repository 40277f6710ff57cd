import { describe, expect, it } from 'vitest';
import { contrastRatio, darkenForContrast, parseHex, toHex } from '../../../src/render/html/contrast.js';
import { pngSize } from '../../../src/render/image-size.js';
import { greyPng } from './fake-chart.js';

describe('contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
    expect(contrastRatio(parseHex('#767676'), [255, 255, 255])).toBeCloseTo(4.54, 2);
    expect(contrastRatio(parseHex('#777777'), [255, 255, 255])).toBeCloseTo(4.48, 2);
  });

  it('parses and prints #rrggbb and rejects anything else', () => {
    expect(parseHex('#1F5f8b')).toEqual([31, 95, 139]);
    expect(toHex([31, 95, 139])).toBe('#1f5f8b');
    expect(() => parseHex('red')).toThrow(/hex colour/);
    expect(() => parseHex('#fff')).toThrow(/hex colour/);
  });

  it('darkens only as far as needed, against every background', () => {
    const white = [255, 255, 255] as const;
    const tint = [240, 240, 230] as const;
    expect(darkenForContrast(parseHex('#1f5f8b'), [white])).toEqual(parseHex('#1f5f8b'));
    const c = darkenForContrast(parseHex('#e69f00'), [white, tint]);
    expect(contrastRatio(c, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c, tint)).toBeGreaterThanOrEqual(4.5);
    // Darkened in small steps, so it lands just above the limit rather than near black.
    expect(Math.min(contrastRatio(c, white), contrastRatio(c, tint))).toBeLessThan(4.8);
  });
});

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk and rejects non-PNG data', () => {
    expect(pngSize(greyPng(123, 45))).toEqual({ width: 123, height: 45 });
    expect(() => pngSize(Buffer.from('GIF89a not a png at all, really'))).toThrow(/not a PNG/);
  });
});
