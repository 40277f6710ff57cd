// Design-based contrasts, the rule for a side at 0 or 1, and Benjamini–Hochberg, against R
// (contrasts.R → expected-contrasts.json): from rows folded by the reference fold, without
// the accumulator (the pipeline test runs the same values through it).
import { describe, expect, it } from 'vitest';
import { compareDomains, nullScoreTest, type ProportionSide } from '../../src/stats/compare.js';
import { contrast, domainCovariance, LOG_RATIO, type JointDomainSums } from '../../src/stats/contrast.js';
import { foldJointDomainSums, type JointDesignRow } from '../../src/stats/fold.js';
import { benjaminiHochberg, byIndexSort } from '../../src/stats/multiplicity.js';
import { estimateProportion, type ProportionEstimate } from '../../src/stats/proportion.js';
import { expectedContrasts, surveyWaves, type ContrastDesign, type CsvRow } from './reference-data.js';

const TOL = 1e-8;
const ref = expectedContrasts();
const rows = surveyWaves();
const AREAS = ['Alby', 'Bro', 'Cedby'];
const LATEST = '2023';

const close = (actual: number | null | undefined, expected: number | null | undefined, what: string) => {
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected!), what).toBeLessThan(TOL);
};

/** The latest wave as design rows of one of the reference designs. */
function designRow(design: ContrastDesign, r: CsvRow, i: number): Omit<JointDesignRow, 'inDomains'> {
  const y = r.y === '' ? null : (Number(r.y) as 0 | 1);
  switch (design) {
    case 'clustered':
      return { stratum: r.stratum!, psu: r.skola!, weight: Number(r.vikt), y };
    case 'stratified':
      return { stratum: r.stratum!, psu: String(i), weight: Number(r.vikt), y };
    case 'srs':
      return { stratum: '', psu: String(i), weight: 1, y };
    case 'lonely':
      return { stratum: r.kommun!, psu: r.skola_l!, weight: Number(r.vikt), y };
  }
}

function inGroup(r: CsvRow, group: string): boolean {
  if (group === 'total') return true;
  return group.split(';').every((part) => {
    const [kind, code] = part.split('=');
    return (kind === 'gender' ? r.kon : r.arskurs) === code;
  });
}

/** Two domains of the latest wave: [from, to] of the R record. */
function joint(design: ContrastDesign, indicator: string, domains: [(r: CsvRow) => boolean, (r: CsvRow) => boolean]): JointDomainSums {
  const wave = rows.filter((r) => r.ar === LATEST).map((r) => ({ ...r, y: r[indicator]! }));
  return foldJointDomainSums(
    wave.map((r, i) => ({ ...designRow(design, r, i), inDomains: domains.map((d) => d(r)) })),
    2,
  );
}

function side(e: ProportionEstimate): ProportionSide {
  return { estimate: e.estimate!, se: e.se, n: e.n, x: e.x, deff: e.deff, nEff: e.nEff };
}

const members = (area: string) => (area === ref.county ? AREAS : [area]);

describe.each(['clustered', 'stratified', 'srs', 'lonely'] as ContrastDesign[])('same-wave contrasts, %s design', (design) => {
  const lonelyPsu = design === 'lonely' ? 'average' : 'fail';
  const opts = { method: 'wilson' as const, level: 0.95, lonelyPsu } as const;
  const records = ref.designs[design].records.filter((r) => r.comparison === 'gender' || r.comparison === 'rest_of_county');

  it(`reproduces R for all ${records.length} gender and rest-of-county comparisons to 1e-8`, () => {
    expect(records.length).toBeGreaterThan(20);
    for (const r of records) {
      const what = `${r.comparison} ${r.indicator} ${r.area} ${r.group}`;
      const own = members(r.area);
      const domains: [(x: CsvRow) => boolean, (x: CsvRow) => boolean] =
        r.comparison === 'gender'
          ? [(x) => own.includes(x.kommun!) && inGroup(x, r.from!), (x) => own.includes(x.kommun!) && inGroup(x, r.to!)]
          : [(x) => !own.includes(x.kommun!) && inGroup(x, r.group), (x) => own.includes(x.kommun!) && inGroup(x, r.group)];
      const j = joint(design, r.indicator, domains);
      const [a, b] = [0, 1].map((d) => estimateProportion(j.map((s) => s.domains[d]!), opts));
      const diff = compareDomains(side(a!), side(b!), () => domainCovariance(j, 2, lonelyPsu), 0.95);
      if (r.rule === 'none') {
        expect(diff, what).toBeNull();
        continue;
      }
      expect(diff!.rule, what).toBe(r.rule);
      close(diff!.diff, r.diff, what);
      close(diff!.p, r.p, what);
      close(diff!.ciLower, r.ci![0], what);
      close(diff!.ciUpper, r.ci![1], what);
      if (r.rule === 'design') close(diff!.se, r.se, what);
      if (r.cov) {
        const cov = domainCovariance(j, 2, lonelyPsu).cov;
        for (let k = 0; k < 4; k++) close(cov[k % 2]![Math.floor(k / 2)]!, r.cov[k]!, `${what} cov[${k}]`);
        const lr = contrast(domainCovariance(j, 2, lonelyPsu), LOG_RATIO, 0.95);
        if (r.log_ratio !== undefined && r.log_ratio !== null) {
          close(lr!.value, r.log_ratio, `${what} log ratio`);
          close(lr!.se, r.log_ratio_se, `${what} log ratio SE`);
        }
      }
    }
  });
});

describe('the design-based contrast is not the independent-samples one', () => {
  it('schools shared by girls and boys change the SE of the difference (clustered design)', () => {
    const gender = ref.designs.clustered.records.filter((r) => r.comparison === 'gender' && r.rule === 'design');
    const ratios = gender.map((r) => r.se! / Math.sqrt(r.cov![0]! + r.cov![3]!));
    // A positive covariance (schools with more violence for both) makes the SE smaller, a negative one larger.
    expect(Math.min(...ratios)).toBeLessThan(0.9);
    expect(Math.max(...ratios)).toBeGreaterThan(1.05);
  });
});

describe('the 0/1 rule on unweighted counts = prop.test(correct = FALSE) and Newcombe (method 10)', () => {
  for (const c of ref.prop_test) {
    it(`${c.x1}/${c.n1} vs ${c.x2}/${c.n2}`, () => {
      const s = (x: number, n: number): ProportionSide => ({ estimate: x / n, se: 0, n, x, deff: 1, nEff: n });
      const d = nullScoreTest(s(c.x1, c.n1), s(c.x2, c.n2), 0.95);
      expect(d.rule).toBe('null_score');
      close(d.p, c.p, 'p');
      close(d.ciLower, c.newcombe[0], 'lower');
      close(d.ciUpper, c.newcombe[1], 'upper');
      expect(d.ciLower).toBeLessThanOrEqual(d.diff);
      expect(d.ciUpper).toBeGreaterThanOrEqual(d.diff);
    });
  }

  it('0 of 25 against 13 % is not "p < 0,001": the issue case', () => {
    const d = nullScoreTest({ estimate: 0, se: 0, n: 25, x: 0, deff: null, nEff: 25 }, { estimate: 60 / 460, se: 0.016, n: 460, x: 60, deff: 1, nEff: 460 }, 0.95);
    expect(d.p).toBeGreaterThan(0.05);
    expect(d.ciLower).toBeLessThan(0);
  });
});

describe('benjaminiHochberg = R p.adjust(p, "BH")', () => {
  it('reproduces q with ties and a p of 1', () => {
    const q = benjaminiHochberg(ref.p_adjust_bh.p);
    ref.p_adjust_bh.q.forEach((expected, i) => close(q[i], expected, `q[${i}]`));
  });

  it('keeps the input order, and q ≥ p', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
    const p = [0.5, 0.01, 0.02];
    const q = benjaminiHochberg(p);
    expect(q).toEqual([0.5, 0.03, 0.03]);
    q.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(p[i]!));
  });

  it('gives the q of sorting the indices, to the last bit, with many ties, zeros and ones', () => {
    // Seeded: p-values as figures tables have them (rounded ones repeat), and NaN (the index sort).
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const m = 1 + Math.floor(random() * 1500);
      const p = Array.from({ length: m }, () => {
        const r = random();
        return r < 0.05 ? 0 : r < 0.1 ? 1 : r < 0.4 ? Math.round(random() * 100) / 100 : random() ** 4;
      });
      expect(benjaminiHochberg(p)).toEqual(byIndexSort(p));
    }
    expect(benjaminiHochberg([0.2, Number.NaN, 0.01])).toEqual(byIndexSort([0.2, Number.NaN, 0.01]));
  });
});
