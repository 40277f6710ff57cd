// A small, valid, grey PNG standing in for a chart, so content tests need no canvas.
import { crc32, deflateSync } from 'node:zlib';
import type { ChartSpec } from '../../../src/report/model.js';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function greyPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xcc);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A chartPng option (images 16:10, as wide as asked) that records what it was asked to draw. */
export function fakeChartPng(): {
  draw: (spec: ChartSpec, size: { width: number }) => Promise<Buffer>;
  drawn: { spec: ChartSpec; width: number }[];
} {
  const drawn: { spec: ChartSpec; width: number }[] = [];
  return {
    drawn,
    draw: (spec, { width }) => {
      drawn.push({ spec, width });
      return Promise.resolve(greyPng(width, Math.round(width * 0.625)));
    },
  };
}
