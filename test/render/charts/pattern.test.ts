// The bars' fill patterns (src/render/charts/draw.ts, paintPattern): copied from a sheet drawn
// once, they must land where the bar is, repeat at their spacing to the pixel and stay crisp
// (a canvas pattern, tried first, came out resampled and blurred).
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { paintPattern } from '../../../src/render/charts/draw.js';
import { loadChartRuntime } from '../../../src/render/charts/runtime.js';
import type { FillPattern } from '../../../src/render/charts/palette.js';

const ORANGE = [0xc3, 0x54, 0x00];
const SCALE = 2;

/** A bar of `width` × `height` CSS pixels at a fractional place, patterned; its pixels and where it is. */
function bar(pattern: FillPattern, width: number, height = 18.4, paint = paintPattern) {
  const rect = { left: 10.3, top: 5.7, width, height };
  const canvas = createCanvas(Math.ceil((width + 30) * SCALE), Math.ceil((height + 42) * SCALE));
  const ctx = canvas.getContext('2d');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#C35400';
  ctx.fillRect(rect.left, rect.top, rect.width, rect.height);
  paint(ctx, pattern, rect);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const at = (x: number, y: number) => [data[4 * (y * canvas.width + x)]!, data[4 * (y * canvas.width + x) + 1]!, data[4 * (y * canvas.width + x) + 2]!];
  // Device pixels well inside the rim (1.5 CSS px) and away from the anti-aliased edges.
  const inside = { x0: Math.ceil((rect.left + 2) * SCALE), x1: Math.floor((rect.left + rect.width - 2) * SCALE), y0: Math.ceil((rect.top + 2) * SCALE), y1: Math.floor((rect.top + rect.height - 2) * SCALE) };
  return { at, inside, canvas, rect };
}

const same = (a: number[], b: number[]) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

beforeAll(() => loadChartRuntime());

describe('bar patterns', () => {
  it.each([
    ['diagonal', 10, 10],
    ['cross', 10, 10],
    ['horizontal', 10, 8],
    ['dots', 10, 16],
  ] as const)('%s repeats every %i × %i device pixels inside the bar, crisp, and leaves the rim and the outside alone', (pattern, dx, dy) => {
    const { at, inside, canvas, rect } = bar(pattern, 700);
    let compared = 0;
    let white = 0;
    let orange = 0;
    let total = 0;
    for (let y = inside.y0; y + dy <= inside.y1; y++) {
      for (let x = inside.x0; x + dx <= inside.x1; x++) {
        expect(same(at(x, y), at(x + dx, y)), `${pattern} at ${x},${y}`).toBe(true);
        expect(same(at(x, y), at(x, y + dy)), `${pattern} at ${x},${y}`).toBe(true);
        compared++;
      }
    }
    for (let y = inside.y0; y <= inside.y1; y++) {
      for (let x = inside.x0; x <= inside.x1; x++) {
        const p = at(x, y);
        total++;
        if (same(p, [255, 255, 255])) white++;
        else if (same(p, ORANGE)) orange++;
      }
    }
    // The bar is wider than the first sheet (256 device pixels): the sheet grew to it.
    expect(compared).toBeGreaterThan(10_000);
    // Marks and ground, few half-tones (white 11–55 %, the series colour 16–70 %, half-tones
    // 19–30 %); as a canvas pattern (resampled), 96 % of a diagonal's pixels were half-tones.
    expect(white / total).toBeGreaterThan(0.1);
    expect(orange / total).toBeGreaterThan(0.1);
    expect((total - white - orange) / total).toBeLessThan(0.32);
    // The rim stays the series colour, and nothing is drawn beside the bar.
    const rimY = Math.floor((rect.top + 0.75) * SCALE);
    for (let x = inside.x0; x <= inside.x1; x++) expect(same(at(x, rimY), ORANGE)).toBe(true);
    for (let y = 0; y < canvas.height; y++) {
      expect(same(at(Math.floor((rect.left - 1) * SCALE), y), [255, 255, 255])).toBe(true);
      expect(same(at(Math.ceil((rect.left + rect.width + 1) * SCALE), y), [255, 255, 255])).toBe(true);
    }
  });

  it('draws nothing on a solid bar or a bar no wider than its rim', () => {
    for (const [pattern, width] of [
      ['solid', 100],
      ['dots', 3],
    ] as const) {
      const { at, rect } = bar(pattern, width);
      // Every device pixel wholly inside the bar.
      for (let y = Math.ceil(rect.top * SCALE); y < Math.floor((rect.top + rect.height) * SCALE); y++) {
        for (let x = Math.ceil(rect.left * SCALE); x < Math.floor((rect.left + width) * SCALE); x++) expect(same(at(x, y), ORANGE), `${pattern} at ${x},${y}`).toBe(true);
      }
    }
  });

  it('draws a bar the same on its first, smallest sheet as after a wide and tall bar made the sheet grow', async () => {
    // Fresh modules: no sheet yet (the tests above grew this file's).
    vi.resetModules();
    const runtime = await import('../../../src/render/charts/runtime.js');
    await runtime.loadChartRuntime();
    const { paintPattern: fresh } = await import('../../../src/render/charts/draw.js');
    for (const pattern of ['diagonal', 'cross', 'horizontal', 'dots'] as const) {
      const before = bar(pattern, 90, 18.4, fresh).canvas.data();
      bar(pattern, 1600, 300, fresh);
      expect(Buffer.compare(bar(pattern, 90, 18.4, fresh).canvas.data(), before), pattern).toBe(0);
    }
  });
});
