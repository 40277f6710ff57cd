import { writeFileSync } from 'node:fs';
import { renderPdf } from './src/render/pdf/index.js';
import { sampleDocument } from './test/fixtures/sample-document.js';
for (const lang of ['sv', 'en'] as const) {
  const t = performance.now();
  const pdf = await renderPdf(sampleDocument(lang));
  console.log(lang, pdf.length, (performance.now() - t).toFixed(0), 'ms');
  writeFileSync(`/tmp/report-${lang}.pdf`, pdf);
}
