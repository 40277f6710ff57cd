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

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Residual of `raw` under PNG filter `type`, given left, up and upper-left neighbours. */
function residual(type: number, raw: number, left: number, up: number, upLeft: number): number {
  switch (type) {
    case 1:
      return (raw - left) & 0xff;
    case 2:
      return (raw - up) & 0xff;
    case 3:
      return (raw - ((left + up) >> 1)) & 0xff;
    case 4:
      return (raw - paeth(left, up, upLeft)) & 0xff;
    default:
      return raw;
  }
}

/**
 * Composites RGBA over white and PNG-encodes it as 8-bit RGB, choosing per row the filter
 * with the smallest sum of absolute residuals (the heuristic libpng uses).
 */
export function encodeRgbPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    // Skia stores premultiplied colour, so adding white's share is the "over" operator.
    const white = 255 - rgba[i + 3]!;
    rgb[j] = Math.min(255, rgba[i]! + white);
    rgb[j + 1] = Math.min(255, rgba[i + 1]! + white);
    rgb[j + 2] = Math.min(255, rgba[i + 2]! + white);
  }

  const out = Buffer.alloc((stride + 1) * height);
  const zeros = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const prev = y > 0 ? rgb.subarray(row - stride, row) : zeros;
    const cur = rgb.subarray(row, row + stride);
    let bestType = 0;
    let bestSum = Infinity;
    for (let type = 0; type <= 4; type++) {
      let sum = 0;
      for (let x = 0; x < stride && sum < bestSum; x++) {
        const v = residual(type, cur[x]!, x >= 3 ? cur[x - 3]! : 0, prev[x]!, x >= 3 ? prev[x - 3]! : 0);
        sum += v < 128 ? v : 256 - v;
      }
      if (sum < bestSum) {
        bestSum = sum;
        bestType = type;
      }
    }
    const offset = y * (stride + 1);
    out[offset] = bestType;
    for (let x = 0; x < stride; x++) {
      out[offset + 1 + x] = residual(bestType, cur[x]!, x >= 3 ? cur[x - 3]! : 0, prev[x]!, x >= 3 ? prev[x - 3]! : 0);
    }
  }

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour, no alpha
  // Bytes 10–12 stay 0: deflate, adaptive filtering, not interlaced (pdfkit embeds the
  // IDAT stream directly only when it is not interlaced).

  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(out, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
