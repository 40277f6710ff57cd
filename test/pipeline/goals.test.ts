// Goals (indicator `target`): each status rule with numbers, in both good directions, and goal
// records through the pipeline on the example data (a girls-in-åk-9 goal and a total goal),
// whose change is the same test as the change records'.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessGoal, type GoalInput } from '../../src/analysis/goals.js';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { ChangeRecord, EstimateRecord, FigureRecord, GoalRecord } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { LagesbildError } from '../../src/errors.js';
import { compareIndependent, minimumDetectableChange } from '../../src/stats/index.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';

/** "Minska andelen flickor i åk 9 som utsatts för sexuellt våld från 16 till 12 procent till 2027", followed up in 2023. */
const BASE: GoalInput = {
  good: 'lower',
  target: 0.12,
  targetYear: 2027,
  baselineYear: 2019,
  baseline: 0.16,
  latestYear: 2023,
  latest: 0.13,
  lower: 0.09,
  upper: 0.18,
  change: { diff: -0.03, lower: -0.09, upper: 0.03, significant: false },
  mdc: 0.05,
};

describe('goal status: each rule with numbers', () => {
  it('the straight line to the target asks for half of the 4 percentage points by 2023', () => {
    const a = assessGoal(BASE);
    expect(a.required_change).toBeCloseTo(-0.02, 15);
    expect(a.remaining).toBeCloseTo(-0.01, 15);
    expect(a.detectable).toBe(false); // 1 point left, the next wave detects 5
  });

  it('uncertain ("ännu inte möjligt att säga"): the change’s interval holds both no change and the line', () => {
    // dL = −9 ≤ r = −2 (could be on track), not significant (could be no change).
    expect(assessGoal(BASE).status).toBe('uncertain');
  });

  it('on track: a significant fall whose interval reaches the line', () => {
    expect(assessGoal({ ...BASE, latest: 0.1, lower: 0.07, upper: 0.135, change: { diff: -0.06, lower: -0.1, upper: -0.02, significant: true } }).status).toBe('on_track');
    // The interval reaches the line (−2.5 ≤ −2) although the estimate (−1,5) is short of it.
    expect(assessGoal({ ...BASE, change: { diff: -0.015, lower: -0.025, upper: -0.005, significant: true } }).status).toBe('on_track');
  });

  it('not on track: the whole interval of the change is short of the line', () => {
    // A rise: dL = −1 > r = −2.
    expect(assessGoal({ ...BASE, latest: 0.18, lower: 0.14, upper: 0.22, change: { diff: 0.02, lower: -0.01, upper: 0.05, significant: false } }).status).toBe('not_on_track');
    // A significant fall, but too slow: dL = −1,8 > r = −2.
    expect(assessGoal({ ...BASE, change: { diff: -0.012, lower: -0.018, upper: -0.006, significant: true } }).status).toBe('not_on_track');
  });

  it('a significant fall by p but not by the report’s rule (q under fdr) is not called on track', () => {
    expect(assessGoal({ ...BASE, change: { diff: -0.06, lower: -0.1, upper: -0.02, significant: false } }).status).toBe('uncertain');
  });

  it('reached: the whole interval of the latest wave is at or below the target, before or after the target year', () => {
    expect(assessGoal({ ...BASE, latest: 0.08, lower: 0.05, upper: 0.12 }).status).toBe('reached');
    expect(assessGoal({ ...BASE, latestYear: 2029, latest: 0.08, lower: 0.05, upper: 0.115 }).status).toBe('reached');
    // The estimate is below the target, but the interval reaches above it: not reached for certain.
    expect(assessGoal({ ...BASE, latest: 0.1, lower: 0.07, upper: 0.121, change: null }).status).toBe('uncertain');
  });

  it('in or after the target year: not reached when the whole interval is above the target, else uncertain', () => {
    const at2027 = { ...BASE, latestYear: 2027 };
    expect(assessGoal({ ...at2027, latest: 0.16, lower: 0.121, upper: 0.2 }).status).toBe('not_reached');
    expect(assessGoal({ ...at2027, latest: 0.14, lower: 0.1, upper: 0.18 }).status).toBe('uncertain');
    expect(assessGoal({ ...at2027, latest: 0.14, lower: 0.1, upper: 0.18 }).required_change).toBeCloseTo(-0.04, 15);
  });

  it('one wave, or a baseline that cannot be shown: uncertain unless reached', () => {
    expect(assessGoal({ ...BASE, latestYear: 2019, baseline: 0.16, change: null }).status).toBe('uncertain');
    expect(assessGoal({ ...BASE, baseline: null, change: null }).status).toBe('uncertain');
    expect(assessGoal({ ...BASE, baseline: null, change: null }).required_change).toBeNull();
  });

  it('mirrored when higher is good (a goal to raise trust in adults from 60 to 70 % by 2027)', () => {
    const up: GoalInput = { ...BASE, good: 'higher', target: 0.7, baseline: 0.6, latest: 0.66, lower: 0.6, upper: 0.72, mdc: 0.03 };
    expect(assessGoal({ ...up, change: { diff: 0.06, lower: 0.02, upper: 0.1, significant: true } })).toEqual({
      status: 'on_track',
      required_change: expect.closeTo(0.05, 12) as number,
      remaining: expect.closeTo(0.04, 12) as number,
      detectable: true,
    });
    expect(assessGoal({ ...up, change: { diff: 0.01, lower: -0.02, upper: 0.04, significant: false } }).status).toBe('not_on_track');
    expect(assessGoal({ ...up, change: { diff: 0.03, lower: -0.01, upper: 0.07, significant: false } }).status).toBe('uncertain');
    expect(assessGoal({ ...up, lower: 0.7, upper: 0.8 }).status).toBe('reached');
    expect(assessGoal({ ...up, latestYear: 2027, lower: 0.6, upper: 0.69 }).status).toBe('not_reached');
  });
});

async function figuresWith(edit: (yaml: string) => string, opts: Parameters<typeof computeFigures>[2] = {}) {
  const config = parseConfig(edit(readFileSync(EXAMPLE_CONFIG, 'utf8')), 'lagesbild.yaml');
  const { sums } = await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG });
  return computeFigures(sums, config, opts).records;
}

/** Adds a target under the indicator with this id in the example config. */
const withTarget = (id: string, target: string) => (example: string) => {
  // The example's own goals are replaced by the one under test.
  const yaml = example.replace(/^    target: .*\n/gm, '');
  const out = yaml.replace(new RegExp(`(\\n  - id: ${id}\\n)`), `$1    target: ${target}\n`);
  if (out === yaml) throw new Error(`no indicator ${id}`);
  return out;
};

const goals = (records: FigureRecord[]) => records.filter((r): r is GoalRecord => r.kind === 'goal');
const estimate = (records: FigureRecord[], indicator: string, area: string, year: number, group: string) =>
  records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === indicator && r.area === area && r.year === year && r.group === group)!;

describe('goal records through the pipeline (example data)', () => {
  it('a goal for girls in åk 9: one record per municipality, from the estimates and the same test as a change record', async () => {
    const records = await figuresWith(withTarget('sexuellt_vald', '{ value: 12, year: 2027, group: { gender: flickor, grade: åk 9 } }'));
    const all = goals(records);
    expect(all.map((g) => g.area)).toEqual(['Björkträsk', 'Lövåsen', 'Myrheden', 'Tjärnvik', 'Ängsby']);
    const g = all.find((r) => r.area === 'Ängsby')!;
    expect(g).toMatchObject({ indicator: 'sexuellt_vald', group: 'gender=Flicka;grade=Åk 9', year: 2023, year_from: 2019, year_to: 2023, target: 0.12, target_year: 2027 });
    const from = estimate(records, 'sexuellt_vald', 'Ängsby', 2019, 'gender=Flicka;grade=Åk 9');
    const to = estimate(records, 'sexuellt_vald', 'Ängsby', 2023, 'gender=Flicka;grade=Åk 9');
    expect(g.estimate_from).toBe(from.estimate);
    expect(g.estimate_to).toBe(to.estimate);
    expect([g.ci_lower, g.ci_upper]).toEqual([to.ci_lower, to.ci_upper]);
    const side = (e: EstimateRecord) => ({ estimate: e.estimate!, se: e.se, n: e.n, x: e.x!, deff: e.deff, nEff: e.n_eff });
    const d = compareIndependent(side(from), side(to), 0.95)!;
    expect(g.diff).toBeCloseTo(d.diff, 14);
    expect(g.diff_ci_lower).toBeCloseTo(d.ciLower, 14);
    expect(g.p).toBeCloseTo(d.p, 14);
    expect(g.mdc).toBeCloseTo(minimumDetectableChange(to.estimate!, to.n, to.deff!, { level: 0.95, power: 0.8 })!, 14);
    expect(g.required_change).toBeCloseTo((0.12 - from.estimate!) / 2, 14);
    expect(g.remaining).toBeCloseTo(0.12 - to.estimate!, 14);
    expect(g.status).toBe(assessGoal({ good: 'lower', target: 0.12, targetYear: 2027, baselineYear: 2019, baseline: from.estimate, latestYear: 2023, latest: to.estimate!, lower: to.ci_lower!, upper: to.ci_upper!, change: { diff: g.diff!, lower: g.diff_ci_lower!, upper: g.diff_ci_upper!, significant: g.significant! }, mdc: g.mdc }).status);
  });

  it('a goal for everyone has the change of the baseline change record', async () => {
    const records = await figuresWith(withTarget('fysiskt_vald', '{ value: 10, year: 2026 }'));
    const g = goals(records).find((r) => r.area === 'Ängsby')!;
    const c = records.find((r): r is ChangeRecord => r.kind === 'change' && r.comparison === 'baseline' && r.indicator === 'fysiskt_vald' && r.area === 'Ängsby' && r.group === 'total')!;
    expect([g.diff, g.diff_ci_lower, g.diff_ci_upper, g.p, g.significant]).toEqual([c.diff, c.diff_ci_lower, c.diff_ci_upper, c.p, c.significant]);
    expect(g.required_change).toBeCloseTo(((0.1 - g.estimate_from!) * 4) / 7, 14);
  });

  it('a baseline wave of the goal’s own; a baseline that is no wave, or a target year not after it, is a config error', async () => {
    const g = goals(await figuresWith(withTarget('fysiskt_vald', '{ value: 10, year: 2026, baseline: 2021 }'))).find((r) => r.area === 'Ängsby')!;
    expect([g.year_from, g.year_to]).toEqual([2021, 2023]);
    const error = (target: string) =>
      figuresWith(withTarget('fysiskt_vald', target)).then(
        () => '',
        (e: unknown) => (e as LagesbildError).toLine(),
      );
    expect(await error('{ value: 10, year: 2026, baseline: 2020 }')).toBe(
      'indicators[0].target.baseline: 2020 is not a wave in the data (2019, 2021, 2023). Use one of the waves, or leave baseline out to start from the first',
    );
    expect(await error('{ value: 10, year: 2019 }')).toBe("indicators[0].target.year: 2019 is not after the goal's baseline wave 2019. A goal is set for a later year than the wave it starts from");
  });

  it('pooled waves: no change to follow, so a goal is reached or not yet possible to say', async () => {
    const records = await figuresWith(withTarget('fysiskt_vald', '{ value: 10, year: 2026 }'), { waves: true });
    const g = goals(records).find((r) => r.area === 'Ängsby')!;
    expect([g.year_from, g.year_to, g.diff, g.p, g.required_change]).toEqual([2023, 2023, null, null, null]);
    expect(g.status).toBe('uncertain');
  });

  it('a hidden share gives a hidden goal: no numbers, no status', async () => {
    // Girls in Gy 2 in Björkträsk and Myrheden: their share may not be shown.
    const records = await figuresWith(withTarget('sexuellt_vald', '{ value: 12, year: 2027, group: { gender: "1", grade: Gy 2 } }'));
    const hidden = goals(records).filter((g) => g.suppressed);
    expect(hidden.map((g) => g.area)).toEqual(['Björkträsk', 'Myrheden']);
    for (const g of hidden) {
      expect([g.estimate_to, g.ci_lower, g.diff, g.p, g.mdc, g.status, g.remaining]).toEqual([null, null, null, null, null, null, null]);
      expect(estimate(records, 'sexuellt_vald', g.area, 2023, g.group).suppressed).toBe(true);
    }
  });
});
