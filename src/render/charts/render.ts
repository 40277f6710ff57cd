// Renders a ChartSpec to an opaque indexed-colour PNG, on the chart thread where there is
// one. Renders are remembered for the process, so the PDF and the HTML of one report share
// a chart drawn at the same size.

import type { ChartSpec } from '../../report/model.js';
import { chartSize } from './layout.js';
import { chartThread } from './offthread.js';
import { type ChartCanvas, paintChartPng } from './paint.js';

export interface ChartRenderOptions {
  /** CSS pixels; default from chartSize(). */
  width?: number;
  height?: number;
  /** Device pixels per CSS pixel (2 ≈ 200 dpi at the PDF's text width). */
  scale?: number;
}

const DEFAULT_CHART_SCALE = 2;

/**
 * Recent renders by spec and size. A report has a few dozen charts, each asked for by the
 * PDF and the HTML; a batch moves on to other specs, so old entries are dropped.
 */
const CACHE_ENTRIES = 128;
const cache = new Map<string, Promise<Buffer>>();

export function renderChartPng(spec: ChartSpec, opts: ChartRenderOptions = {}): Promise<Buffer> {
  const size = chartSize(spec, opts.width);
  const canvas: ChartCanvas = {
    width: opts.width ?? size.width,
    height: opts.height ?? size.height,
    scale: opts.scale ?? DEFAULT_CHART_SCALE,
  };
  const key = JSON.stringify([canvas, spec]);
  let png = cache.get(key);
  if (png) {
    cache.delete(key); // most recently used last
  } else {
    png = draw(spec, canvas);
    png.catch(() => cache.delete(key));
    const oldest = cache.keys().next();
    if (cache.size >= CACHE_ENTRIES && !oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, png);
  return png;
}

async function draw(spec: ChartSpec, canvas: ChartCanvas): Promise<Buffer> {
  const thread = chartThread();
  if (!thread) return paintChartPng(spec, canvas);
  try {
    return await thread.draw(spec, canvas);
  } catch (err) {
    // A thread that could not start or stopped: draw here instead. A chart that cannot be
    // drawn fails here too, with its own error.
    if (chartThread()) throw err;
    return paintChartPng(spec, canvas);
  }
}
