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
  const canvas = keptCanvas(runtime, width, height, scale);
  const ctx = canvas.getContext('2d') as Ctx;
  // A kept canvas must draw as a new one. Chart.js sets the canvas's size at every chart,
  // which clears its pixels and resets most of its context (not the fill style, in
  // @napi-rs/canvas 1.0); the state is also saved here and restored after the chart, so
  // that nothing depends on what either of them resets.
  ctx.save();
  const item = ctx as unknown as ConstructorParameters<typeof Chart>[0];
  // Chart.js takes a chart's size in CSS pixels from its canvas, then makes the canvas
  // `scale` times larger: a canvas of the final size, kept from the last chart of that size,
  // is given its CSS size through the platform instead (responsive: Chart.js asks it).
  const platform = sizedPlatform(runtime, width, height);
  const sized = <C extends { options?: object }>(config: C): C => ({ ...config, platform, options: { ...config.options, responsive: true } });
  const chart =
    spec.type === 'bar'
      ? new Chart(item, sized(barChartConfig(spec, ctx, width, scale)))
      : new Chart(item, sized(lineChartConfig(spec, ctx, width, scale, drawPoint)));
  try {
    return encodeChartPng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
    ctx.restore();
    keep(canvas, width, height, scale);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Canvases of the last few chart sizes, kept for the next chart of the same size. A new
 * canvas is new memory for its pixels (1280 × 396 × 4 bytes at the usual size), and on a
 * batch's chart thread making and growing them was a seventh of the time. Very tall charts
 * (a county overview's bars) are not kept.
 */
const kept = new Map<string, Canvas>();
const KEPT_SIZES = 4;
const MAX_KEPT_PIXELS = 4_000_000;

const sizeKey = (width: number, height: number, scale: number) => `${width}x${height}@${scale}`;

function keptCanvas(runtime: ChartRuntime, width: number, height: number, scale: number): Canvas {
  const key = sizeKey(width, height, scale);
  const canvas = kept.get(key);
  if (canvas) {
    kept.delete(key);
    return canvas;
  }
  // The size Chart.js gives a canvas of `width` × `height` CSS pixels (createCanvas truncates).
  return runtime.createCanvas(Math.floor(Math.trunc(width) * scale), Math.floor(Math.trunc(height) * scale));
}

function keep(canvas: Canvas, width: number, height: number, scale: number): void {
  if (canvas.width * canvas.height > MAX_KEPT_PIXELS) return;
  kept.set(sizeKey(width, height, scale), canvas);
  if (kept.size > KEPT_SIZES) kept.delete(kept.keys().next().value!);
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
