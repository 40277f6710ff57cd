// The R survey reference run through the real pipeline: CSV → config → ingest → figures
// (and the `figures` CSV export parsed back), not only through the math functions.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import type { EstimateRecord } from '../../src/analysis/types.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { CI_METHODS } from '../../src/config/schema.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';

const REF = join(dirname(fileURLToPath(import.meta.url)), '..', 'stats', 'reference');
const expected = JSON.parse(readFileSync(join(REF, 'expected-proportions.json'), 'utf8'));

/** The reference CSV with the area and wave columns every lagesbild file has. */
function withAreaAndYear(name: string): string {
  const lines = readFileSync(join(REF, name), 'utf8').trim().split(/\r?\n/);
  const out = [`kommun,ar,${lines[0]}`, ...lines.slice(1).map((l) => `Refby,2024,${l}`)];
  return writeFile(tempDir(), name, out.join('\n') + '\n');
}

function config(design: string, method: string, grade: boolean): string {
  return `
project: { county: Reflän, source: R-referens }
columns: { area: kommun, year: ar }
design: ${design}
statistics: { ci_method: ${method} }
disclosure: { min_base: 1, caution_base: 1, max_small_count: 0, secondary: false }
groups:
  gender:
    column: sex
    label: Kön
    values: [{ code: F, label: F }, { code: M, label: M }]
${grade ? `  grade:
    column: grade
    label: Årskurs
    values: [{ code: "9", label: "9" }, { code: gy2, label: gy2 }]` : ''}
answer_scales:
  y01: { yes: ["1"], no: ["0"], missing: [""] }
indicators:
  - { id: y, label: y, chapter: utsatthet, column: y, answers: y01 }
`;
}

const designs = [
  { name: 'design-a', file: 'design-a.csv', design: '{ weight: weight, strata: stratum }', grade: false },
  { name: 'design-c', file: 'design-c.csv', design: '{ weight: weight, strata: stratum, cluster: school }', grade: true },
  { name: 'design-c-unweighted', file: 'design-c.csv', design: '{}', grade: true },
] as const;

const groupKey = (domain: string) => (domain === 'all' ? 'total' : domain.replace('sex=', 'gender=').replace(/^grade=/, 'grade='));

describe.each(designs)('$name through the pipeline', ({ name, file, design, grade }) => {
  const csvPath = withAreaAndYear(file);
  for (const method of CI_METHODS) {
    it(`reproduces R's svymean and svyciprop(method="${method}") for every domain to 1e-8`, async () => {
      const cfg = parseConfig(config(design, method, grade), 'ref.yaml');
      const { sums } = await ingestFiles([csvPath], cfg);
      const table = computeFigures(sums, cfg);
      // Through the export too: what an analyst gets in the CSV is what R gives.
      const rows: Record<string, string>[] = parse(exportFigures(table, 'csv'), { columns: true });
      for (const ref of expected[name].results) {
        const rec = table.records.find(
          (r): r is EstimateRecord => r.kind === 'estimate' && r.area === 'Refby' && r.group === groupKey(ref.domain),
        )!;
        expect(rec, ref.domain).toBeDefined();
        expect(rec.n).toBe(ref.n);
        expect(rec.estimate!).toBeCloseTo(ref.estimate, 8);
        expect(rec.se!).toBeCloseTo(ref.se, 8);
        expect(rec.df).toBe(ref.df);
        expect(rec.deff!).toBeCloseTo(ref.deff_replace, 8);
        expect(rec.ci_lower!).toBeCloseTo(ref[method][0], 8);
        expect(rec.ci_upper!).toBeCloseTo(ref[method][1], 8);
        expect(rec.ci_method).toBe(method);
        const row = rows.find((r) => r.kind === 'estimate' && r.area === 'Refby' && r.group === groupKey(ref.domain))!;
        expect(Number(row.estimate)).toBeCloseTo(ref.estimate, 8);
        expect(Number(row.ci_lower)).toBeCloseTo(ref[method][0], 8);
        expect(Number(row.ci_upper)).toBeCloseTo(ref[method][1], 8);
      }
    });
  }
});
