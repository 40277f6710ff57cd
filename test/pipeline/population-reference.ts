// The population.R reference designs as lagesbild configs, and their figures table from the
// survey CSV and the population file (test/stats/reference/), through the real pipeline.
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { FiguresTable } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import type { CiMethod } from '../../src/config/schema.js';
import { expectedPopulation, referencePath, type PopulationDesign } from '../stats/reference-data.js';

const ref = expectedPopulation();

export const POPULATION_DESIGNS: Record<PopulationDesign, { design: string; poststratify: boolean }> = {
  fpc_clustered: { design: '{ weight: vikt, strata: stratum, cluster: skola, fpc: fpc_skolor }', poststratify: false },
  fpc_pupils: { design: '{ weight: vikt, strata: stratum, fpc: andel }', poststratify: false },
  fpc_adjust: { design: '{ weight: vikt, strata: stratum, cluster: skola, fpc: fpc_adj, lonely_psu: adjust }', poststratify: false },
  ps_clustered: { design: '{ weight: vikt, strata: stratum2, cluster: skola }', poststratify: true },
  ps_stratified: { design: '{ weight: vikt, strata: stratum2 }', poststratify: true },
  ps_fpc: { design: '{ weight: vikt, strata: stratum, cluster: skola, fpc: fpc_skolor }', poststratify: true },
};

export function populationConfig(design: PopulationDesign, ciMethod: CiMethod = 'wilson'): string {
  const spec = POPULATION_DESIGNS[design];
  return `
project: { county: ${ref.county}, source: R-referens }
columns: { area: kommun, year: ar }
design: ${spec.design}
population: { file: population-counts.csv, poststratify: ${spec.poststratify} }
statistics: { ci_method: ${ciMethod} }
disclosure: { min_base: 1, caution_base: 1, max_small_count: 0, secondary: false }
groups:
  gender:
    column: kon
    label: Kön
    values: [{ code: F, label: Flickor }, { code: M, label: Pojkar }, { code: X, label: Annat, report: false }]
  grade:
    column: arskurs
    label: Årskurs
    values: [{ code: "7", label: Åk 7 }, { code: "9", label: Åk 9 }]
answer_scales:
  y01: { yes: ["1"], no: ["0"], missing: [""] }
indicators:
  - { id: y1, label: y1, chapter: utsatthet, column: y1, answers: y01 }
  - { id: y2, label: y2, chapter: utsatthet, column: y2, answers: y01 }
  - { id: y3, label: y3, chapter: utsatthet, column: y3, answers: y01 }
  - { id: y4, label: y4, chapter: utsatthet, column: y4, answers: y01, population: { column: filt, values: ["1"] } }
`;
}

export async function populationFigures(design: PopulationDesign, ciMethod: CiMethod = 'wilson'): Promise<FiguresTable> {
  const configPath = referencePath('lagesbild.yaml');
  const cfg = parseConfig(populationConfig(design, ciMethod), configPath);
  const { sums } = await ingestFiles([referencePath('population-waves.csv')], cfg, { configPath });
  return computeFigures(sums, cfg);
}

