// Draws one chart on a canvas in this thread and encodes it as PNG.

import type { Canvas } from '@napi-rs/canvas';
import type { ChartSpec } from '../../report/model.js';
import { barChartConfig } from './bar.js';
import type { Ctx } from './draw.js';
import { lineChartConfig } from './line.js';
import { encodeChartPng } from './png.js';
import { type ChartRuntime, loadChartRuntime } from './runtime.js';

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
  const runtime = await loadChartRuntime();
  const { Chart, drawPoint } = runtime;
  // The size Chart.js gives a canvas of `width` × `height` CSS pixels (createCanvas truncates).
  const device = { width: Math.floor(Math.trunc(width) * scale), height: Math.floor(Math.trunc(height) * scale) };
  const backing = backingCanvas(runtime, device.width, device.height);
  const ctx = backing.getContext('2d') as Ctx;
  const canvas = chartCanvas(backing, ctx, device);
  const item = ctx as unknown as ConstructorParameters<typeof Chart>[0];
  // Chart.js takes a chart's size in CSS pixels from its canvas, then makes the canvas
  // `scale` times larger: the canvas already has that size and is given its CSS size
  // through the platform instead (responsive: Chart.js asks it).
  const platform = sizedPlatform(runtime, width, height);
  const sized = <C extends { options?: object }>(config: C): C => ({ ...config, platform, options: { ...config.options, responsive: true } });
  // Chart.js takes the chart's canvas from the context: the chart's own while it is made.
  ctx.canvas = canvas;
  try {
    const chart =
      spec.type === 'bar'
        ? new Chart(item, sized(barChartConfig(spec, ctx, width, scale)))
        : new Chart(item, sized(lineChartConfig(spec, ctx, width, scale, drawPoint)));
    try {
      return encodeChartPng(pixelsOf(ctx, canvas.width, canvas.height), canvas.width, canvas.height);
    } finally {
      chart.destroy();
    }
  } finally {
    ctx.canvas = backing;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The canvas charts are drawn on, kept from chart to chart and grown to the largest drawn
 * on it; a chart is drawn in its top left corner. A new canvas is new memory for its pixels
 * (1280 × 396 × 4 bytes at the usual size), which the kernel clears: on a batch's chart
 * thread, making canvases for charts of ever other heights took 5 % of its time. Very tall
 * charts (a county overview's bars) get a canvas of their own, not kept.
 */
let kept: Canvas | null = null;
const MAX_KEPT_PIXELS = 4_000_000;

function backingCanvas(runtime: ChartRuntime, width: number, height: number): Canvas {
  if (kept && width <= kept.width && height <= kept.height) return kept;
  const grown = { width: Math.max(width, kept?.width ?? 0), height: Math.max(height, kept?.height ?? 0) };
  if (grown.width * grown.height > MAX_KEPT_PIXELS) return runtime.createCanvas(width, height);
  kept = runtime.createCanvas(grown.width, grown.height);
  return kept;
}

/**
 * The chart's canvas as Chart.js sees it: the top left `size` of the backing canvas. Chart.js
 * sets a canvas's size at every chart (its height, then its width), which clears a canvas's
 * pixels and resets its context; @napi-rs/canvas does so by making a new surface, in new
 * memory, even at the size the canvas has. Here a size that fits the backing canvas resets its
 * context instead (pixels cleared, every setting and the saved states as new), in the same
 * memory: the chart is drawn as on a new canvas of its size.
 */
export function chartCanvas(backing: Canvas, ctx: Ctx, size: { width: number; height: number }): Canvas {
  const resize = () => {
    if (size.width <= backing.width && size.height <= backing.height) ctx.reset();
    else {
      backing.width = Math.max(size.width, backing.width);
      backing.height = Math.max(size.height, backing.height);
    }
  };
  return {
    getContext: () => ctx,
    get width() {
      return size.width;
    },
    set width(value: number) {
      size.width = value;
      resize();
    },
    get height() {
      return size.height;
    },
    set height(value: number) {
      size.height = value;
      resize();
    },
  } as unknown as Canvas;
}

/** Device pixels in one strip read by pixelsOf (about 128 KB of RGBA). */
const STRIP_PIXELS = 32_768;

/** The buffer pixelsOf reads into, kept for the next chart while it is no larger than a kept canvas. */
let pixelBuffer: Uint8Array = new Uint8Array(0);

/**
 * The chart's pixels (the top left `width` × `height` of the canvas) as RGBA, not
 * premultiplied (as getImageData gives them), read a strip of rows at a time into a buffer
 * kept from chart to chart. `canvas.data()` gives the whole surface in new memory at every
 * call (2 MB at the usual size), which the kernel clears: on the virtual machines this runs
 * on, that was 81 % of its time (perf) and a sixth of a chart's. The image is the same:
 * Skia's premultiplied colours come back exactly from these (see rgbAt in png.ts, and the
 * test that compares both).
 */
function pixelsOf(ctx: Ctx, width: number, height: number): Uint8Array {
  const size = width * height * 4;
  const pixels = size <= pixelBuffer.length ? pixelBuffer.subarray(0, size) : new Uint8Array(size);
  if (size > pixelBuffer.length && width * height <= MAX_KEPT_PIXELS) pixelBuffer = pixels;
  const rows = Math.max(1, Math.floor(STRIP_PIXELS / width));
  for (let y = 0; y < height; y += rows) {
    const strip = ctx.getImageData(0, y, width, Math.min(rows, height - y));
    pixels.set(strip.data, y * width * 4);
  }
  return pixels;
}

/** Chart.js's platform without a DOM, with the chart's CSS size: one class per size, made once. */
const platforms = new Map<string, ChartRuntime['BasicPlatform']>();

function sizedPlatform({ BasicPlatform }: ChartRuntime, width: number, height: number): typeof BasicPlatform {
  const key = `${Math.trunc(width)}x${Math.trunc(height)}`;
  let platform = platforms.get(key);
  if (!platform) {
    platform = class extends BasicPlatform {
      override getMaximumSize(): { width: number; height: number } {
        return { width: Math.trunc(width), height: Math.trunc(height) };
      }
    };
    platforms.set(key, platform);
  }
  return platform;
}
