// Renders a ChartSpec to an opaque RGB PNG at print resolution.

import type { ChartSpec } from '../../report/model.js';
import { barChartConfig } from './bar.js';
import type { Ctx } from './draw.js';
import { chartSize } from './layout.js';
import { lineChartConfig } from './line.js';
import { encodeRgbPng } from './png.js';
import { loadChartRuntime } from './runtime.js';

export interface ChartRenderOptions {
  /** CSS pixels; default from chartSize(). */
  width?: number;
  height?: number;
  /** Device pixels per CSS pixel (3 ≈ 300 dpi at the PDF's text width). */
  scale?: number;
}

export async function renderChartPng(spec: ChartSpec, opts: ChartRenderOptions = {}): Promise<Buffer> {
  const { Chart, createCanvas, drawPoint } = await loadChartRuntime();
  const size = chartSize(spec, opts.width);
  const width = opts.width ?? size.width;
  const height = opts.height ?? size.height;
  const scale = opts.scale ?? 3;

  // Chart.js resizes the canvas to width × scale itself (devicePixelRatio).
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d') as Ctx;
  const item = ctx as unknown as ConstructorParameters<typeof Chart>[0];
  const chart =
    spec.type === 'bar'
      ? new Chart(item, barChartConfig(spec, ctx, width, scale))
      : new Chart(item, lineChartConfig(spec, ctx, scale, drawPoint));
  try {
    return encodeRgbPng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
    // Native canvas memory is released only once the event loop turns.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
