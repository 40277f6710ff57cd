import { encodeRgbPng } from './src/render/charts/png.js';
import { renderChartPng } from './src/render/charts/index.js';
import { sampleDocument } from './test/fixtures/sample-document.js';
const doc = sampleDocument('sv');
const figs = doc.chapters.flatMap((c) => c.blocks).filter((b) => b.type === 'figure');
for (let r = 0; r < 3; r++) for (const f of figs) { const t = performance.now(); await renderChartPng(f.chart); console.log(f.id, (performance.now() - t).toFixed(0)); }
const px = new Uint8Array(1920 * 1320 * 4).fill(255);
let t = performance.now(); encodeRgbPng(px, 1920, 1320); console.log('encode white', (performance.now() - t).toFixed(0));
