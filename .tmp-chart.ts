import { writeFileSync } from 'node:fs';
import { renderChartPng } from './src/render/charts/index.js';
import { sampleDocument } from './test/fixtures/sample-document.js';
const doc = sampleDocument('sv');
let k = 0;
for (const ch of doc.chapters) for (const b of ch.blocks) if (b.type === 'figure') {
  const t = Date.now();
  const png = await renderChartPng(b.chart);
  console.log(b.id, png.length, Date.now() - t, 'ms');
  writeFileSync(`/tmp/chart-${k++}.png`, png);
}
