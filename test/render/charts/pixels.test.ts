import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { fontPath } from '../../../src/render/charts/assets.js';

/**
 * The chart encoder reads a canvas's pixels with getImageData (not premultiplied) and
 * premultiplies each colour again, rounding to the nearest (png.ts, rgbAt): the colours over
 * white must be those of Skia's own premultiplied pixels (`canvas.data()`), for every
 * antialiased edge, translucent fill and line a chart has.
 */
describe('chart pixels read with getImageData', () => {
  it("composite over white exactly as Skia's premultiplied pixels do", () => {
    GlobalFonts.registerFromPath(fontPath('Regular'));
    const width = 640;
    const height = 300;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 400; k++) {
      const colour = `rgba(${Math.floor(256 * random())}, ${Math.floor(256 * random())}, ${Math.floor(256 * random())}, ${random().toFixed(3)})`;
      ctx.globalAlpha = 0.2 + 0.8 * random();
      if (k % 4 === 0) {
        ctx.fillStyle = colour;
        ctx.font = `${8 + Math.floor(20 * random())}px "Source Sans 3"`;
        ctx.fillText('Andel elever, 95 % KI', width * random(), height * random());
      } else if (k % 4 === 1) {
        ctx.strokeStyle = colour;
        ctx.lineWidth = 0.5 + 4 * random();
        ctx.beginPath();
        ctx.moveTo(width * random(), height * random());
        ctx.lineTo(width * random(), height * random());
        ctx.stroke();
      } else if (k % 4 === 2) {
        ctx.fillStyle = colour;
        ctx.beginPath();
        ctx.arc(width * random(), height * random(), 1 + 12 * random(), 0, 2 * Math.PI);
        ctx.fill();
      } else {
        ctx.fillStyle = colour;
        ctx.fillRect(width * random(), height * random(), 40 * random(), 40 * random());
      }
    }
    const premultiplied = canvas.data();
    const straight = ctx.getImageData(0, 0, width, height).data;
    let translucent = 0;
    let differing = 0;
    for (let o = 0; o < premultiplied.length; o += 4) {
      const alpha = premultiplied[o + 3]!;
      if (straight[o + 3] !== alpha) differing++;
      if (alpha > 0 && alpha < 255) translucent++;
      for (let c = 0; c < 3; c++) {
        const fromSkia = Math.min(255, premultiplied[o + c]! + 255 - alpha);
        const fromStraight = Math.min(255, Math.round((straight[o + c]! * alpha) / 255) + 255 - alpha);
        if (fromSkia !== fromStraight) differing++;
      }
    }
    expect(translucent).toBeGreaterThan(10_000); // the test has what it tests
    expect(differing).toBe(0);
  });
});
