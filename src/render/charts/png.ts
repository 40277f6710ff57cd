// Encodes opaque RGB PNGs from the canvas's raw RGBA pixels. Skia's own encoder always
// writes an alpha channel; an RGB image lets pdfkit embed the compressed data as is (no
// soft mask, no decoding in JavaScript) and keeps the bytes a pure function of the pixels.

import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)) | 0;
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.alloc(4 + data.length);
  body.write(type, 0, 'latin1');
  data.copy(body, 4);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * Composites RGBA over white and PNG-encodes it as 8-bit RGB. Every row uses the "Up"
 * filter: on charts (flat areas, horizontal structure) it compresses as well as per-row
 * adaptive filtering, at a fraction of the cost.
 */
export function encodeRgbPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    // Skia stores premultiplied colour, so adding white's share is the "over" operator.
    // (Non-null assertions: indices stay within the typed arrays by construction.)
    const white = 255 - rgba[i + 3]!;
    rgb[j] = Math.min(255, rgba[i]! + white);
    rgb[j + 1] = Math.min(255, rgba[i + 1]! + white);
    rgb[j + 2] = Math.min(255, rgba[i + 2]! + white);
  }

  const UP = 2;
  const out = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const offset = y * (stride + 1);
    out[offset] = UP;
    for (let x = 0; x < stride; x++) {
      out[offset + 1 + x] = (rgb[row + x]! - (y > 0 ? rgb[row - stride + x]! : 0)) & 0xff;
    }
  }

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour, no alpha
  // Bytes 10–12 stay 0: deflate, standard filter set, not interlaced (pdfkit embeds the
  // IDAT stream directly only when it is not interlaced).

  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(out, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
