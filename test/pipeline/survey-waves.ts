// The contrasts.R reference survey (test/stats/reference/survey-waves.csv) through the real
// pipeline: its designs as lagesbild configs, and their figures table.
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { SurveySums } from '../../src/analysis/accumulate.js';
import type { FiguresTable } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { expectedContrasts, referencePath, type ContrastDesign } from '../stats/reference-data.js';

export const SURVEY_WAVES_DESIGNS: Record<ContrastDesign, string> = {
  clustered: '{ weight: vikt, strata: stratum, cluster: skola }',
  stratified: '{ weight: vikt, strata: stratum }',
  srs: '{}',
  // Cedby's schools are one PSU each in their stratum: lonely.
  lonely: '{ weight: vikt, strata: kommun, cluster: skola_l, lonely_psu: average }',
};

export interface SurveyWavesOptions {
  multiple?: 'fdr' | 'none';
  /** disclosure.min_base (default 1: nothing hidden, as R computes every cell). */
  minBase?: number;
}

export function surveyWavesConfig(design: ContrastDesign, { multiple = 'fdr', minBase = 1 }: SurveyWavesOptions = {}): string {
  return `
project: { county: ${expectedContrasts().county}, source: R-referens }
columns: { area: kommun, year: ar }
design: ${SURVEY_WAVES_DESIGNS[design]}
statistics: { ci_method: wilson, multiple_comparisons: ${multiple} }
disclosure: { min_base: ${minBase}, caution_base: 1, max_small_count: 0, secondary: false }
groups:
  gender:
    column: kon
    label: Kön
    values: [{ code: F, label: Flickor }, { code: M, label: Pojkar }]
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
`;
}

/** The figures table of a design, and the sums it was computed from. */
export async function surveyWavesFigures(design: ContrastDesign, options: SurveyWavesOptions = {}): Promise<{ table: FiguresTable; sums: SurveySums }> {
  const cfg = parseConfig(surveyWavesConfig(design, options), 'ref.yaml');
  const { sums } = await ingestFiles([referencePath('survey-waves.csv')], cfg);
  return { table: computeFigures(sums, cfg), sums };
}
