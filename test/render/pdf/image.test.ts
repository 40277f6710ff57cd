import PDFDocument from 'pdfkit';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodeChartPng } from '../../../src/render/charts/png.js';
import { indexedPng, pdfImage } from '../../../src/render/pdf/image.js';

/** A chart-like PNG: stripes of a few colours, antialiased text-like noise in one corner. */
function chartPng(width: number, height: number): Buffer {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const x = i % width;
    const y = Math.floor(i / width);
    const c = x < 10 && y < 10 ? (x * 37 + y * 11) & 0xff : [0x1f77b4, 0xff7f0e, 0xffffff][Math.floor(x / 7) % 3]!;
    rgba.set([x < 10 && y < 10 ? c : c >> 16, x < 10 && y < 10 ? c : (c >> 8) & 0xff, x < 10 && y < 10 ? c : c & 0xff, 255], 4 * i);
  }
  return encodeChartPng(rgba, width, height);
}

/** An uncompressed PDF of one page. */
async function pdfWith(draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks).toString('latin1');
}

describe('pdfImage', () => {
  it('embeds a chart exactly as pdfkit embeds the PNG, under its own label', async () => {
    const png = chartPng(53, 21);
    const byPdfkit = await pdfWith((doc) => doc.image(png, 10, 10, { width: 200 }));
    const byChartImage = await pdfWith((doc) => doc.image(pdfImage(doc, png), 10, 10, { width: 200 }));
    expect(byChartImage).toContain('/P1 Do');
    expect(byChartImage.replaceAll('/P1', '/I1')).toBe(byPdfkit);
  });

  it('numbers the images it reads in turn, beside pdfkit’s own', async () => {
    const pdf = await pdfWith((doc) => {
      doc.image(pdfImage(doc, chartPng(20, 10)), 10, 10);
      doc.image(pdfImage(doc, chartPng(30, 10)), 10, 100);
      doc.image(chartPng(40, 10), 10, 200);
    });
    for (const label of ['/P1 Do', '/P2 Do', '/I1 Do']) expect(pdf).toContain(label);
  });

  it('reads the parts of the chart encoder’s PNG and leaves every other image to pdfkit', async () => {
    const png = chartPng(53, 21);
    const parts = indexedPng(png)!;
    expect([parts.width, parts.height]).toEqual([53, 21]);
    expect(parts.palette.length % 3).toBe(0);
    // A PNG with an alpha channel (RGBA), as @napi-rs/canvas writes it.
    const canvas = createCanvas(8, 8);
    canvas.getContext('2d').fillRect(0, 0, 4, 4);
    const rgba = canvas.toBuffer('image/png');
    expect(indexedPng(rgba)).toBeNull();
    const doc = new PDFDocument();
    expect(pdfImage(doc, rgba)).toBe(rgba);
    // A palette with transparency (tRNS) needs pdfkit's soft mask; a cut-off file, pdfkit's error.
    const trns = Buffer.concat([png.subarray(0, 33), Buffer.from([0, 0, 0, 1, 0x74, 0x52, 0x4e, 0x53, 0, 0, 0, 0, 0]), png.subarray(33)]);
    expect(indexedPng(trns)).toBeNull();
    expect(indexedPng(png.subarray(0, png.length - 20))).toBeNull();
    expect(indexedPng(Buffer.from('not a png'))).toBeNull();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
    expect(pdfImage(doc, jpeg)).toBe(jpeg);
    doc.end();
  });
});
