// Loads chart.js and the native canvas on first use only (CLI start-up stays fast), and
// registers the bundled font and the chart components once per process.

import type { createCanvas } from '@napi-rs/canvas';
import type { BasicPlatform, Chart } from 'chart.js';
import type { drawPoint } from 'chart.js/helpers';
import { FONT_FACES, FONT_FAMILY, fontPath } from './assets.js';
import { CHART_FONT_SIZE } from './layout.js';
import { MUTED_INK } from './palette.js';

export interface ChartRuntime {
  Chart: typeof Chart;
  /** Chart.js's platform without a DOM, which paint.ts tells the chart's size through. */
  BasicPlatform: typeof BasicPlatform;
  createCanvas: typeof createCanvas;
  drawPoint: typeof drawPoint;
}

let runtime: Promise<ChartRuntime> | undefined;
let loaded: ChartRuntime | undefined;

export function loadChartRuntime(): Promise<ChartRuntime> {
  runtime ??= init().then((r) => (loaded = r));
  return runtime;
}

/** The runtime, in code that runs while a chart is drawn (so after loadChartRuntime). */
export function loadedChartRuntime(): ChartRuntime {
  if (!loaded) throw new Error('the chart runtime is used before it was loaded');
  return loaded;
}

async function init(): Promise<ChartRuntime> {
  const [canvas, chartjs, helpers] = await Promise.all([
    import('@napi-rs/canvas'),
    import('chart.js'),
    import('chart.js/helpers'),
  ]);
  for (const face of FONT_FACES) {
    const path = fontPath(face);
    if (!canvas.GlobalFonts.registerFromPath(path)) throw new Error(`could not load the chart font ${path}`);
  }
  const { Chart: ChartClass } = chartjs;
  ChartClass.register(
    chartjs.BarController,
    chartjs.BarElement,
    chartjs.LineController,
    chartjs.LineElement,
    chartjs.PointElement,
    chartjs.CategoryScale,
    chartjs.LinearScale,
  );
  ChartClass.defaults.font.family = `"${FONT_FAMILY}"`;
  ChartClass.defaults.font.size = CHART_FONT_SIZE;
  ChartClass.defaults.color = MUTED_INK;
  return { Chart: ChartClass, BasicPlatform: chartjs.BasicPlatform, createCanvas: canvas.createCanvas, drawPoint: helpers.drawPoint };
}
