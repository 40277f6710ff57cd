// Every comparison and trend the pipeline computes, against R (contrasts.R): CSV → config →
// ingest → accumulator → figures, for a clustered, a stratified (strata spanning
// municipalities), an unweighted and a lonely-PSU design. Same-wave comparisons are
// design-based contrasts, wave comparisons independent, a side at 0 or 1 uses the null-score
// rule, trends are fitted to convergence, and q is Benjamini–Hochberg within each area.
import { render } from '../../src/messages/index.js';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord, EstimateRecord, FiguresTable, TrendRecord } from '../../src/analysis/types.js';
import { expectChangeLikeR, expectedContrasts, expectClose, type ContrastDesign } from '../stats/reference-data.js';
import { surveyWavesFigures } from './survey-waves.js';

const ref = expectedContrasts();

async function figures(design: ContrastDesign, multiple: 'fdr' | 'none' = 'fdr'): Promise<FiguresTable> {
  return (await surveyWavesFigures(design, { multiple })).table;
}

describe.each(['clustered', 'stratified', 'srs', 'lonely'] as ContrastDesign[])('%s design through the pipeline', (design) => {
  const expected = ref.designs[design];
  let table: FiguresTable;

  it('estimates equal R (svymean on the domain), every group and wave', async () => {
    table = await figures(design);
    for (const e of expected.estimates) {
      const rec = table.records.find(
        (r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === e.indicator && r.area === e.area && r.year === e.year && r.group === e.group,
      );
      const what = `${e.indicator} ${e.area} ${e.year} ${e.group}`;
      expect(rec, what).toBeDefined();
      expect([rec!.n, rec!.x]).toEqual([e.n, e.x]);
      expectClose(rec!.estimate, e.estimate, what);
      if (e.se === null) expect(rec!.se, what).toBeNull();
      else expectClose(rec!.se, e.se, what);
    }
  });

  it('every change record equals R: difference, interval and p (design, independent or 0/1 rule)', () => {
    const changes = expected.records.filter((r) => r.kind === 'change');
    for (const r of changes) expect(expectChangeLikeR(table.records, r).suppressed).toBe(false);
    // Nothing more than R's records: the families of q are the same.
    expect(table.records.filter((x) => x.kind === 'change').length).toBe(changes.length);
  });

  if (design !== 'lonely') {
    it('every trend equals the converged svyglm(…, epsilon = 1e-12) to 1e-8: odds ratio, interval, p', () => {
      const trends = expected.records.filter((r) => r.kind === 'trend');
      expect(trends.length).toBe(36);
      for (const r of trends) {
        const what = `trend ${r.indicator} ${r.area} ${r.group}`;
        const rec = table.records.find(
          (x): x is TrendRecord => x.kind === 'trend' && x.indicator === r.indicator && x.area === r.area && x.group === r.group,
        )!;
        expect(rec, what).toBeDefined();
        if (r.p === null) {
          expect(rec.p, what).toBeNull();
          continue;
        }
        expectClose(rec.odds_ratio_per_year, r.odds_ratio, what);
        expectClose(rec.or_ci_lower, r.or_ci![0], what);
        expectClose(rec.or_ci_upper, r.or_ci![1], what);
        expectClose(rec.p, r.p, what);
        // svyglm without the refit takes its variance one iteration before the end: ~1e-7.
        expect(Math.abs(rec.p! - r.p_svyglm!), what).toBeLessThan(1e-6);
      }
    });

    it('q is p.adjust(p, "BH") over all tests of the area, and "significant" follows q', () => {
      let significant = 0;
      for (const r of expected.records.filter((x) => x.p !== null)) {
        const what = `${r.kind} ${r.comparison ?? ''} ${r.indicator} ${r.area} ${r.group}`;
        const rec = table.records.find(
          (x): x is ChangeRecord | TrendRecord =>
            (x.kind === 'change' || x.kind === 'trend') &&
            x.kind === r.kind &&
            (x.kind === 'trend' || x.comparison === r.comparison) &&
            x.indicator === r.indicator &&
            x.area === r.area &&
            x.group === r.group,
        )!;
        expectClose(rec.q, r.q, what);
        expect(rec.significant, what).toBe(r.q! < 0.05);
        if (rec.significant) significant++;
      }
      expect(table.meta.multiple_comparisons).toBe('fdr');
      if (design === 'clustered') expect(significant).toBe(7);
    });
  }
});

describe('statistics.multiple_comparisons', () => {
  it('none: "significant" follows p, and q is still reported', async () => {
    const table = await figures('clustered', 'none');
    const tested = table.records.filter((r): r is ChangeRecord | TrendRecord => (r.kind === 'change' || r.kind === 'trend') && r.p !== null);
    expect(tested.length).toBe(ref.designs.clustered.records.filter((r) => r.p !== null).length);
    for (const r of tested) {
      expect(r.significant).toBe(r.p! < 0.05);
      expect(r.q).not.toBeNull();
    }
    expect(tested.filter((r) => r.significant).length).toBe(27);
  });
});

describe('lonely_psu: average with a municipality in one PSU', () => {
  it('gives no SE for that domain only, with a warning naming wave, stratum and domain', async () => {
    const table = await figures('lonely');
    const cedby = table.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.area === 'Cedby');
    expect(cedby.length).toBeGreaterThan(0);
    for (const r of cedby) expect([r.se, r.ci_lower, r.ci_method]).toEqual([null, null, null]);
    const alby = table.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.area === 'Alby');
    for (const r of alby) expect(r.se).not.toBeNull();
    expect(table.warnings.map((w) => render(w, 'en'))).toContain(
      '2023, Cedby, total: every stratum with answers ("Cedby") has a single PSU, so design.lonely_psu: average gives no standard error, interval or test for y1, y2, y3 in this group (R gives NaN); merge the stratum with another or use lonely_psu: adjust',
    );
  });
});
