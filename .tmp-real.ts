import { writeFileSync } from 'node:fs';
import { buildMunicipalityReport, buildCountyReport } from './src/report/index.js';
import { renderPdf } from './src/render/pdf/index.js';
import { config, figures } from './test/report/fixtures.js';
for (const [name, doc] of [['angsby', buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'sv', dateIso: '2024-03-05' })], ['county', buildCountyReport({ figures, config, lang: 'sv', dateIso: '2024-03-05' })]] as const) {
  const t = performance.now();
  const pdf = await renderPdf(doc);
  console.log(name, pdf.length, (performance.now() - t).toFixed(0), 'ms', doc.chapters.flatMap(c => c.blocks).filter(b => b.type === 'figure').length, 'figures');
  writeFileSync(`/tmp/real-${name}.pdf`, pdf);
}
