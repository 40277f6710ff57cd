import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildMunicipalityReport, buildCountyReport } from '../../src/report/index.js';
import { config, figures } from './fixtures.js';
it('dump', () => {
  for (const lang of ['sv', 'en'] as const) {
    const doc = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang, dateIso: '2024-03-05' });
    writeFileSync(`/tmp/rep/angsby-${lang}.json`, JSON.stringify(doc, null, 1));
    const b = buildMunicipalityReport({ figures, config, area: 'Backe', lang, dateIso: '2024-03-05' });
    writeFileSync(`/tmp/rep/backe-${lang}.json`, JSON.stringify(b, null, 1));
    const c = buildCountyReport({ figures, config, lang, dateIso: '2024-03-05' });
    writeFileSync(`/tmp/rep/county-${lang}.json`, JSON.stringify(c, null, 1));
  }
});
