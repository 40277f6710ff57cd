import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodeChartPng } from '../../../src/render/charts/png.js';

/** Decoded RGBA pixels of a PNG. */
async function decode(png: Buffer, width: number, height: number): Promise<Uint8ClampedArray> {
  const img = await loadImage(png);
  const ctx = createCanvas(width, height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, width, height).data;
}

/** An opaque RGBA image whose pixel i has colour `colourOf(i)` (0xRRGGBB). */
function image(width: number, height: number, colourOf: (i: number) => number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const c = colourOf(i);
    rgba.set([c >> 16, (c >> 8) & 0xff, c & 0xff, 255], 4 * i);
  }
  return rgba;
}

function ihdr(png: Buffer) {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), depth: png[24], colourType: png[25] };
}

describe('encodeChartPng', () => {
  it('round-trips up to 256 colours exactly and composites transparency over white', async () => {
    const width = 37;
    const height = 23;
    // 200 colours in runs of varying length, across row ends.
    const rgba = image(width, height, (i) => ((Math.floor(i / 3) % 200) * 0x010203 + 0x100000) & 0xffffff);
    rgba.set([0, 0, 0, 0], 0); // fully transparent → white
    rgba.set([0, 0, 128, 128], 4); // half-transparent dark blue (not premultiplied, as getImageData gives it) → light blue
    const png = encodeChartPng(rgba, width, height);
    expect(ihdr(png)).toEqual({ width, height, depth: 8, colourType: 3 });

    const back = await decode(png, width, height);
    expect([...back.subarray(0, 8)]).toEqual([255, 255, 255, 255, 127, 127, 191, 255]);
    for (let i = 8; i < rgba.length; i++) expect(back[i]).toBe(i % 4 === 3 ? 255 : rgba[i]);
  });

  it('keeps the 256 most used colours exact and draws rarer ones in the nearest of them', async () => {
    const width = 100;
    const height = 120;
    // 256 grey levels, 40 pixels each, then 27 rarer colours just off mid grey, 10 pixels each.
    const rare = (k: number) => 0x808080 + (1 + (k % 3)) * 0x10000 + (1 + (Math.floor(k / 3) % 3)) * 0x100 + (1 + (Math.floor(k / 9) % 3));
    const rgba = image(width, height, (i) => (i < 10240 ? Math.floor(i / 40) * 0x010101 : i < 10510 ? rare(i % 27) : 0xffffff));
    const back = await decode(encodeChartPng(rgba, width, height), width, height);
    let worst = 0;
    for (let i = 0; i < width * height; i++) {
      const error = Math.max(...[0, 1, 2].map((c) => Math.abs((back[4 * i + c] ?? 0) - (rgba[4 * i + c] ?? 0))));
      if (i < 10240 || i >= 10510) expect(error, `pixel ${i}`).toBe(0);
      worst = Math.max(worst, error);
    }
    expect(worst).toBeGreaterThan(0); // the rare colours were mapped …
    expect(worst).toBeLessThanOrEqual(3); // … to a neighbour, not to some other colour
  });

  it('is a pure function of the pixels', () => {
    const rgba = image(64, 16, (i) => (i * 2654435761) & 0xffffff); // more than 256 colours
    expect(encodeChartPng(rgba, 64, 16).equals(encodeChartPng(rgba.slice(), 64, 16))).toBe(true);
  });
});
