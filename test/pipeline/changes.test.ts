// Comparisons on the example through the pipeline: series breaks stop trends and baseline
// comparisons from crossing them; gender and rest-of-county comparisons are there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import type { ChangeRecord, FigureRecord } from '../../src/analysis/types.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';

async function figuresWith(edit: (yaml: string) => string) {
  const config = parseConfig(edit(readFileSync(EXAMPLE_CONFIG, 'utf8')), EXAMPLE_CONFIG);
  const { sums } = await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG });
  return computeFigures(sums, config).records;
}

const of = (records: FigureRecord[], indicator: string, area = 'Ängsby', group = 'total') =>
  records.filter((r) => r.kind !== 'estimate' && r.kind !== 'association' && r.indicator === indicator && r.area === area && r.group === group);

describe('changes and trends on the example', () => {
  it('without a break: previous, baseline, trend, gender and rest-of-county records', async () => {
    const records = of(await figuresWith((y) => y), 'fysiskt_vald');
    const kinds = records.map((r) => (r.kind === 'change' ? r.comparison : r.kind)).sort();
    expect(kinds).toEqual(['baseline', 'follow_up', 'gender', 'previous', 'rest_of_county', 'trend']);
    const previous = records.find((r): r is ChangeRecord => r.kind === 'change' && r.comparison === 'previous')!;
    expect([previous.year_from, previous.year_to]).toEqual([2021, 2023]);
    expect(previous.diff!).toBeCloseTo(previous.estimate_to! - previous.estimate_from!, 12);
  });

  it('a series break in 2021 leaves only the 2021–2023 comparison', async () => {
    const records = of(
      await figuresWith((y) => y.replace(/(\n  - id: fysiskt_vald\n)/, '$1    series_breaks: [2021]\n')),
      'fysiskt_vald',
    );
    const kinds = records.map((r) => (r.kind === 'change' ? r.comparison : r.kind)).sort();
    expect(kinds).toEqual(['follow_up', 'gender', 'previous', 'rest_of_county']);
  });
});
