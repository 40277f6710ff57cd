// Chart rendering: Chart.js on @napi-rs/canvas, loaded lazily on the first render.

export { renderChartPng, type ChartRenderOptions } from './render.js';
export { chartSize, DEFAULT_CHART_WIDTH, type ChartSize } from './layout.js';
export { FONT_FAMILY, fontPath, type FontFace } from './assets.js';
export { contrastRatio, SERIES_STYLES } from './palette.js';
