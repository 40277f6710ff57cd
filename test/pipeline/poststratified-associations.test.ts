// Issue 16 on a post-stratified design (issue 15): step 3's associations and the extra
// breakdowns' estimates when the weights are post-stratified to population counts equal R
// (poststratified-associations.R: svydesign + postStratify, the association's covariance by
// the influence functions on the calibrated design). The conditioned domains (pupils with and
// without a factor) and the extra breakdowns are domains like any other: their residual scores
// come from the same post-strata.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { AssociationRecord, FiguresTable } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { groupsConfig } from '../fixtures/groups-project.js';
import { expectClose, expectEstimatesLikeR, referencePath, type ExpectedEstimate, type ExpectedGroupRecord } from '../stats/reference-data.js';

const ref = JSON.parse(readFileSync(referencePath('expected-poststratified-associations.json'), 'utf8')) as {
  county: string;
  records: ExpectedGroupRecord[];
  estimates: ExpectedEstimate[];
};

async function figures(): Promise<FiguresTable> {
  const configPath = referencePath('groups.yaml');
  const text = `${groupsConfig('{ weight: vikt, strata: stratum, cluster: skola }', ref.county)}population: { file: groups-population.csv, poststratify: true }\n`;
  const cfg = parseConfig(text, configPath);
  const { sums } = await ingestFiles([referencePath('survey-groups.csv')], cfg, { configPath });
  return computeFigures(sums, cfg);
}

describe('post-stratified design: associations and extra breakdowns', () => {
  let table: FiguresTable;

  it('every estimate of an extra breakdown (and its gender crosses) equals R', async () => {
    table = await figures();
    expect(table.meta.population).toEqual({ poststratified: true });
    expect(ref.estimates.length).toBeGreaterThan(300);
    expectEstimatesLikeR(table.records, ref.estimates);
  });

  it('every association equals R: both sides, the ratio, its interval and p', () => {
    expect(ref.records.length).toBe(48);
    for (const r of ref.records) {
      const what = `${r.factor} → ${r.indicator} ${r.area} ${r.year}`;
      const rec = table.records.find(
        (x): x is AssociationRecord => x.kind === 'association' && x.factor === r.factor && x.indicator === r.indicator && x.area === r.area && x.year === r.year,
      );
      expect(rec, what).toBeDefined();
      expect(rec!.suppressed, what).toBe(!r.shown);
      if (!r.shown) continue;
      expectClose(rec!.estimate_with, r.estimate_with, what);
      expectClose(rec!.estimate_without, r.estimate_without, what);
      if (r.rule === 'design') {
        expectClose(rec!.ratio, r.ratio, what);
        expectClose(rec!.ratio_ci_lower, r.ratio_ci![0], what);
        expectClose(rec!.ratio_ci_upper, r.ratio_ci![1], what);
      }
      expectClose(rec!.p, r.p, what);
    }
    expect(new Set(ref.records.filter((r) => r.shown).map((r) => r.rule))).toContain('design');
  });
});
