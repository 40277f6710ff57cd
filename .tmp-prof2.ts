import { renderChartPng } from './src/render/charts/index.js';
import { renderPdf } from './src/render/pdf/index.js';
import { sampleDocument } from './test/fixtures/sample-document.js';
const d = sampleDocument('sv');
const figs = d.chapters.flatMap((c) => c.blocks).filter((b) => b.type === 'figure');
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (const f of figs) await renderChartPng(f.chart);
  const charts = performance.now() - t;
  t = performance.now();
  await renderPdf(d);
  console.log('charts', charts.toFixed(0), 'pdf total', (performance.now() - t).toFixed(0));
}
const noFig = { ...d, chapters: d.chapters.map((c) => ({ ...c, blocks: c.blocks.filter((b) => b.type !== 'figure') })) };
let t = performance.now(); await renderPdf(noFig); console.log('pdf without figures', (performance.now() - t).toFixed(0));
