// Secondary suppression across the extra breakdowns' margins (total = Σ values + those
// without a value, gender = Σ gender × value, value = Σ genders, county = Σ municipalities),
// attacked from the outside (attacker.ts) on groups-associations.R's survey with the default
// disclosure rules: small municipalities, small values ("vet inte"), small gender crosses.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { parseConfig } from '../../src/config/load.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { groupsConfig } from '../fixtures/groups-project.js';
import { referencePath } from '../stats/reference-data.js';
import { attackerModel, recover } from './attacker.js';

async function published(disclosure: string, design = '{ weight: vikt, strata: stratum, cluster: skola }') {
  const config = parseConfig(groupsConfig(design, 'Reflän', disclosure).replace(/\nreferences:[\s\S]*$/, '\n'), referencePath('groups.yaml'));
  const { sums } = await ingestFiles([referencePath('survey-groups.csv')], config);
  const rows = parse(exportFigures(computeFigures(sums, config), 'csv'), { columns: true }) as Record<string, string>[];
  return { config, rows };
}

const DEFAULT = '{ min_base: 10, caution_base: 30, max_small_count: 2, secondary: true }';

describe('disclosure control over the extra breakdowns', () => {
  it('hides cells of the extra breakdowns for their own small numbers and to protect others', async () => {
    const { rows } = await published(DEFAULT);
    const extra = rows.filter((r) => r.kind === 'estimate' && /fodd|ekonomi/.test(r.group!));
    const reasons = new Set(extra.filter((r) => r.suppressed === 'true').map((r) => r.suppression));
    expect([...reasons].sort()).toEqual(['base', 'complement', 'count', 'secondary']);
    // Some are shown: the breakdowns are not simply hidden wholesale.
    expect(extra.filter((r) => r.suppressed === 'false').length).toBeGreaterThan(100);
  });

  it('no suppressed x can be derived through the new margins, weighted or unweighted', async () => {
    for (const design of ['{ weight: vikt, strata: stratum, cluster: skola }', '{ strata: stratum }']) {
      const { config, rows } = await published(DEFAULT, design);
      const { cells, relations } = attackerModel(rows, config);
      const { recovered, checked } = recover(cells, relations);
      expect(recovered).toEqual([]);
      expect(checked).toBeGreaterThan(200);
    }
  });

  it('the attack finds cells through the extra margins when secondary suppression is off', async () => {
    const { config, rows } = await published(DEFAULT.replace('secondary: true', 'secondary: false'));
    const { cells, relations } = attackerModel(rows, config);
    const found = recover(cells, relations).recovered;
    expect(found.filter((r) => /fodd|ekonomi/.test(r.cell)).length).toBeGreaterThan(0);
  });
});
