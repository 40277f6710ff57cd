import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/render/charts/palette.js';
import { type Flowable, paginate } from '../../../src/render/pdf/flow.js';
import { readableAccent } from '../../../src/render/pdf/theme.js';

/** A test flowable: `lines` lines of 10 pt, splittable with two lines on each side. */
function block(name: string, lines: number, opts: { keep?: boolean; space?: number; splittable?: boolean } = {}): Flowable {
  const min = 2;
  const canSplit = (opts.splittable ?? true) && lines >= 2 * min;
  return {
    spaceBefore: opts.space ?? 0,
    keepWithNext: opts.keep ?? false,
    anchor: { id: name, level: 1, title: name },
    height: () => lines * 10,
    minHeight: () => (canSplit ? min * 10 : lines * 10),
    split(avail) {
      if (!canSplit) return null;
      const k = Math.min(Math.floor(avail / 10), lines - min);
      return k < min ? null : [block(`${name}a`, k, { ...opts, keep: false }), block(`${name}b`, lines - k, { ...opts, space: 0 })];
    },
    draw: () => undefined,
  };
}

const names = (pages: ReturnType<typeof paginate>) => pages.map((p) => p.map((pl) => pl.flowable.anchor?.id));

describe('paginate', () => {
  it('moves a heading that would end a page to the next page with its text', () => {
    const pages = paginate([[block('p1', 8), block('h', 1, { keep: true }), block('p2', 3)]], 0, 100);
    expect(names(pages)).toEqual([['p1'], ['h', 'p2']]);
  });

  it('splits a long block leaving at least two lines on each page', () => {
    const pages = paginate([[block('p1', 7), block('p2', 6)]], 0, 100);
    expect(names(pages)).toEqual([['p1', 'p2a'], ['p2b']]);
    expect(pages[0]?.[1]?.flowable.height()).toBe(30);
    const widow = paginate([[block('p1', 5), block('p2', 6, { space: 0 })]], 0, 100);
    // Five lines would fit, but that would leave one line alone on the next page.
    expect(widow[0]?.[1]?.flowable.height()).toBe(40);
  });

  it('drops space above a block at the top of a page', () => {
    const pages = paginate([[block('p1', 9), block('p2', 2, { space: 15 })]], 0, 100);
    expect(pages[1]?.[0]?.top).toBe(0);
  });

  it('starts each section on a new page and never makes an empty page', () => {
    const pages = paginate([[block('a', 10)], [block('b', 3)], [block('c', 25, { splittable: false })]], 0, 100);
    expect(names(pages)).toEqual([['a'], ['b'], ['c']]);
    expect(pages.every((p) => p.length > 0)).toBe(true);
  });
});

describe('readableAccent', () => {
  it('keeps an accent that already has 4.5:1 contrast and darkens one that does not', () => {
    expect(readableAccent('#1f5f8b').accent).toBe('#1f5f8b');
    for (const light of ['#ffcc00', '#66ccee', '#ee6677']) {
      const { accent, tint } = readableAccent(light);
      expect(contrastRatio(accent, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(accent, tint)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
