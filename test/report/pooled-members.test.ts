// A pooled area whose members did not all answer in every wave: its figures for such a wave are
// the other members' alone, and its report says so where the pooling is named and where waves
// are compared; so does the county overview when a municipality missed a wave. (Bby joined the
// survey in 2024; "Syd" pools Aby and Bby.)
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import { buildCountyReport, buildMunicipalityReport, type ReportDocument } from '../../src/report/index.js';
import { csv, MINI_CONFIG, MINI_HEADER, tempDir, writeFile } from '../fixtures/mini-project.js';

function rows(area: string, year: number, n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [area, year, i % 2 ? 'F' : 'P', i % 3 ? '9' : 'gy2', 1, i % 4 === 0 ? 1 : 2, i % 5 === 0 ? 1 : 2]);
}

const texts = (d: ReportDocument, id: string): string[] =>
  (d.chapters.find((c) => c.id === id)?.blocks ?? []).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

describe('a pooled area with a member missing in a wave', async () => {
  const file = writeFile(tempDir('lagesbild-pooled-'), 'enkat.csv', csv([MINI_HEADER, ...rows('Aby', 2022, 80), ...rows('Aby', 2024, 70), ...rows('Bby', 2024, 40)]));
  const config = parseConfig(MINI_CONFIG, 'lagesbild.yaml');
  const { sums } = await ingestFiles([file], config);
  const figures = computeFigures(sums, config, { areas: { Syd: ['Aby', 'Bby'] } });

  it('the figures say which member is absent in which wave (and nothing when all answered)', () => {
    expect(figures.meta.pooled.absent).toEqual({ Syd: { '2022': ['Bby'] } });
    expect(computeFigures(sums, config, { areas: { Aby2: ['Aby'] } }).meta.pooled).not.toHaveProperty('absent');
  });

  it('the report says it where the pooling is named and where waves are compared', () => {
    const sv = buildMunicipalityReport({ figures, config, area: 'Syd', lang: 'sv', dateIso: '2024-06-01' });
    expect(texts(sv, 'om-undersokningen').join(' ')).toContain('Syd är en sammanslagning av Aby och Bby. Bby har inga svarande 2022, så Syd 2022 avser bara Aby.');
    expect(texts(sv, 'utveckling')[0]).toMatch(
      / Några kommuner i Syd saknar svarande vid någon mätning \(se antalet svarande per mätning\), så jämförelserna över tid gäller inte samma kommuner: tolka dem med försiktighet\.$/,
    );
    const en = buildMunicipalityReport({ figures, config, area: 'Syd', lang: 'en', dateIso: '2024-06-01' });
    expect(texts(en, 'om-undersokningen').join(' ')).toContain('Syd pools Aby and Bby. Bby has no respondents in 2022, so Syd 2022 is Aby alone.');
  });

  it("the county overview's development says the same when a municipality missed a wave, and nothing when none did", async () => {
    const caution = 'Några kommuner i Testlän saknar svarande vid någon mätning (se antalet svarande per mätning), så jämförelserna över tid gäller inte samma kommuner: tolka dem med försiktighet.';
    const county = buildCountyReport({ figures: computeFigures(sums, config), config, lang: 'sv', dateIso: '2024-06-01' });
    expect(texts(county, 'lanets-utveckling')[0]).toContain(caution);
    const both = writeFile(tempDir('lagesbild-pooled-'), 'enkat.csv', csv([MINI_HEADER, ...rows('Aby', 2022, 80), ...rows('Aby', 2024, 70), ...rows('Bby', 2022, 40), ...rows('Bby', 2024, 40)]));
    const all = computeFigures((await ingestFiles([both], config)).sums, config);
    const everyWave = buildCountyReport({ figures: all, config, lang: 'sv', dateIso: '2024-06-01' });
    expect(texts(everyWave, 'lanets-utveckling')[0]).toMatch(/^Kapitlet visar hur nyckeltalen/);
    expect(texts(everyWave, 'lanets-utveckling').join(' ')).not.toContain('saknar svarande');
  });
});
