// Renders a ChartSpec to an opaque indexed-colour PNG. Renders are remembered for the
// process, so the PDF and the HTML of one report share a chart drawn at the same size.

import type { ChartSpec } from '../../report/model.js';
import { barChartConfig } from './bar.js';
import type { Ctx } from './draw.js';
import { chartSize } from './layout.js';
import { lineChartConfig } from './line.js';
import { encodeChartPng } from './png.js';
import { loadChartRuntime } from './runtime.js';

export interface ChartRenderOptions {
  /** CSS pixels; default from chartSize(). */
  width?: number;
  height?: number;
  /** Device pixels per CSS pixel (2 ≈ 200 dpi at the PDF's text width). */
  scale?: number;
}

export const DEFAULT_CHART_SCALE = 2;

/**
 * Recent renders by spec and size. A report has a few dozen charts, each asked for by the
 * PDF and the HTML; a batch moves on to other specs, so old entries are dropped.
 */
const CACHE_ENTRIES = 128;
const cache = new Map<string, Promise<Buffer>>();

export function renderChartPng(spec: ChartSpec, opts: ChartRenderOptions = {}): Promise<Buffer> {
  const size = chartSize(spec, opts.width);
  const width = opts.width ?? size.width;
  const height = opts.height ?? size.height;
  const scale = opts.scale ?? DEFAULT_CHART_SCALE;
  const key = JSON.stringify([width, height, scale, spec]);
  let png = cache.get(key);
  if (png) {
    cache.delete(key); // most recently used last
  } else {
    png = draw(spec, width, height, scale);
    png.catch(() => cache.delete(key));
    const oldest = cache.keys().next();
    if (cache.size >= CACHE_ENTRIES && !oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, png);
  return png;
}

async function draw(spec: ChartSpec, width: number, height: number, scale: number): Promise<Buffer> {
  const { Chart, createCanvas, drawPoint } = await loadChartRuntime();
  // Chart.js resizes the canvas to width × scale itself (devicePixelRatio).
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d') as Ctx;
  const item = ctx as unknown as ConstructorParameters<typeof Chart>[0];
  const chart =
    spec.type === 'bar'
      ? new Chart(item, barChartConfig(spec, ctx, width, scale))
      : new Chart(item, lineChartConfig(spec, ctx, scale, drawPoint));
  try {
    return encodeChartPng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
    // Native canvas memory is released only once the event loop turns.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
