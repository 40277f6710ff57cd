import { renderPdf } from './src/render/pdf/index.js';
import { sampleDocument } from './test/fixtures/sample-document.js';
const d = sampleDocument('sv');
const noFig = { ...d, chapters: d.chapters.map((c) => ({ ...c, blocks: c.blocks.filter((b) => b.type !== 'figure') })) };
for (let i = 0; i < 8; i++) { const t = performance.now(); await renderPdf(noFig); console.log('pdf without figures', (performance.now() - t).toFixed(0)); }
