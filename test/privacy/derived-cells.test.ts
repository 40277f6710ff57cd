// Numbers derived from cells are under disclosure control too: the rest of the county that a
// municipality's comparison shows is county − municipality, so it can reveal a hidden county
// cell. A small unweighted county without school years (the config has no groups.grade):
//   Aby: 30 girls (10 yes), 20 boys (0 yes); Bby: 20 girls (6 yes), 20 boys (2 yes).
// The county's boys have 2 yes (hidden), so the county's girls are hidden too (else boys =
// total − girls); without protection, Aby's girls plus the rest of the county's girls (Bby's,
// shown in Aby's comparison) would give them back, and with them the boys.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { ChangeRecord, EstimateRecord, FiguresTable } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { csv, tempDir, writeFile } from '../fixtures/mini-project.js';
import { attackerModel, recover } from './attacker.js';

const CONFIG = `
project: { county: Lilla län, source: Test }
columns: { area: kommun, year: ar }
groups:
  gender:
    column: kon
    label: Kön
    values: [{ code: F, label: Flickor }, { code: P, label: Pojkar }]
answer_scales:
  jn: { yes: [Ja], no: [Nej], missing: [""] }
indicators:
  - { id: slagen, label: Slagen, chapter: utsatthet, column: F1, answers: jn, key: true }
`;

function people(area: string, gender: string, n: number, yes: number): string[][] {
  return Array.from({ length: n }, (_, i) => [area, '2023', gender, i < yes ? 'Ja' : 'Nej']);
}

async function table(): Promise<{ figures: FiguresTable; config: ReturnType<typeof parseConfig> }> {
  const config = parseConfig(CONFIG, 'lagesbild.yaml');
  const rows = [...people('Aby', 'F', 30, 10), ...people('Aby', 'P', 20, 0), ...people('Bby', 'F', 20, 6), ...people('Bby', 'P', 20, 2)];
  const file = writeFile(tempDir(), 'enkat.csv', csv([['kommun', 'ar', 'kon', 'F1'], ...rows]));
  const { sums } = await ingestFiles([file], config);
  return { figures: computeFigures(sums, config), config };
}

const estimate = (t: FiguresTable, area: string, group: string) =>
  t.records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.area === area && r.group === group)!;
const restComparison = (t: FiguresTable, area: string, group: string) =>
  t.records.find((r): r is ChangeRecord => r.kind === 'change' && r.comparison === 'rest_of_county' && r.area === area && r.group === group)!;

describe('derived numbers under disclosure control', () => {
  it('works without groups.grade when a gender cell needs secondary suppression', async () => {
    const { figures } = await table();
    expect(estimate(figures, 'Bby', 'gender=P').suppression).toBe('count');
    expect(estimate(figures, 'Bby', 'gender=F').suppression).toBe('secondary');
    expect(estimate(figures, 'Lilla län', 'gender=P').suppression).toBe('count');
    expect(estimate(figures, 'Lilla län', 'gender=F').suppression).toBe('secondary');
  });

  it('the rest of the county in Aby\'s comparison of girls is hidden, so the county\'s boys stay hidden', async () => {
    const { figures, config } = await table();
    // Aby's girls are shown; the rest (Bby's girls) would give the county's girls back.
    expect(estimate(figures, 'Aby', 'gender=F').suppressed).toBe(false);
    const girls = restComparison(figures, 'Aby', 'gender=F');
    expect(girls.suppressed).toBe(true);
    expect([girls.estimate_from, girls.estimate_to, girls.diff, girls.p, girls.q, girls.significant]).toEqual([null, null, null, null, null, null]);
    const rows = parse(exportFigures(figures, 'csv'), { columns: true }) as Record<string, string>[];
    const { cells, relations } = attackerModel(rows, config);
    expect(recover(cells, relations).recovered).toEqual([]);
  });

  it('suppressed estimates carry nothing that depends on the hidden answers, not even the interval method', async () => {
    const { figures } = await table();
    const hidden = figures.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) {
      expect([r.x, r.estimate, r.se, r.ci_lower, r.ci_upper, r.ci_method, r.df, r.deff, r.n_eff]).toEqual([null, null, null, null, null, null, null, null, null]);
    }
    // A shown cell of 0 % says which interval rule it used (the 0/1 rule).
    expect(estimate(figures, 'Aby', 'gender=P').ci_method).toBe('clopper-pearson');
  });
});
