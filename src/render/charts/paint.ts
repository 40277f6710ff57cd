// Draws one chart on a canvas in this thread and encodes it as PNG.

import type { ChartSpec } from '../../report/model.js';
import { barChartConfig } from './bar.js';
import type { Ctx } from './draw.js';
import { lineChartConfig } from './line.js';
import { encodeChartPng } from './png.js';
import { loadChartRuntime } from './runtime.js';

/** The size in CSS pixels and the device pixels per CSS pixel. */
export interface ChartCanvas {
  width: number;
  height: number;
  scale: number;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Charts are drawn one at a time, with a turn of the event loop after each: the canvas
 * frees its native memory only then.
 */
export function paintChartPng(spec: ChartSpec, size: ChartCanvas): Promise<Buffer> {
  const png = queue.then(() => paint(spec, size));
  queue = png.catch(() => undefined);
  return png;
}

async function paint(spec: ChartSpec, { width, height, scale }: ChartCanvas): Promise<Buffer> {
  const { Chart, createCanvas, drawPoint } = await loadChartRuntime();
  // Chart.js resizes the canvas to width × scale itself (devicePixelRatio).
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d') as Ctx;
  const item = ctx as unknown as ConstructorParameters<typeof Chart>[0];
  const chart =
    spec.type === 'bar'
      ? new Chart(item, barChartConfig(spec, ctx, width, scale))
      : new Chart(item, lineChartConfig(spec, ctx, width, scale, drawPoint));
  try {
    return encodeChartPng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
