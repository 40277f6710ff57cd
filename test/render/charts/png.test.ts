import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodeRgbPng } from '../../../src/render/charts/png.js';

describe('encodeRgbPng', () => {
  it('round-trips pixels exactly and composites transparency over white', async () => {
    const width = 37;
    const height = 23;
    const rgba = new Uint8Array(width * height * 4);
    let seed = 7;
    for (let i = 0; i < rgba.length; i += 4) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      rgba[i] = seed & 0xff;
      rgba[i + 1] = (seed >> 8) & 0xff;
      rgba[i + 2] = (seed >> 16) & 0xff;
      rgba[i + 3] = 255;
    }
    rgba.set([0, 0, 0, 0], 0); // fully transparent pixel → white
    const png = encodeRgbPng(rgba, width, height);
    expect(png[25]).toBe(2); // colour type RGB

    const img = await loadImage(png);
    const ctx = createCanvas(width, height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const back = ctx.getImageData(0, 0, width, height).data;
    expect([back[0], back[1], back[2], back[3]]).toEqual([255, 255, 255, 255]);
    for (let i = 4; i < rgba.length; i++) expect(back[i]).toBe(i % 4 === 3 ? 255 : rgba[i]);
  });
});
