// Extra breakdowns, step 3's associations and reference values against R
// (groups-associations.R): CSV → config → ingest → accumulator → figures, for a weighted,
// stratified, clustered design and a weighted, stratified one. Every estimate of every group
// (extra breakdowns and their gender crosses included), every association (both sides, the
// prevalence ratio with its interval, p) and every comparison with a reference value equals
// R, and q is Benjamini–Hochberg over all the tests of an area, associations included.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { AssociationRecord, ChangeRecord, FiguresTable } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { loadReferences } from '../../src/references/load.js';
import { svColumns } from '../../src/render/tabular/figures-sv.js';
import { groupsConfig } from '../fixtures/groups-project.js';
import { expectChangeLikeR, expectedGroupsAssociations, expectClose, expectEstimatesLikeR, referencePath, type GroupsDesign } from '../stats/reference-data.js';

const ref = expectedGroupsAssociations();

const DESIGNS: Record<GroupsDesign, string> = {
  clustered: '{ weight: vikt, strata: stratum, cluster: skola }',
  stratified: '{ weight: vikt, strata: stratum }',
};

async function figures(design: GroupsDesign): Promise<FiguresTable> {
  const configPath = referencePath('groups.yaml');
  const cfg = parseConfig(groupsConfig(DESIGNS[design], ref.county), configPath);
  const { sums } = await ingestFiles([referencePath('survey-groups.csv')], cfg);
  return computeFigures(sums, cfg, {}, await loadReferences(cfg, configPath));
}


describe.each(['clustered', 'stratified'] as GroupsDesign[])('%s design', (design) => {
  const expected = ref.designs[design];
  let table: FiguresTable;

  it('every estimate equals R, extra breakdowns and their gender crosses included', async () => {
    table = await figures(design);
    const extra = expected.estimates.filter((e) => /fodd|ekonomi/.test(e.group));
    expect(extra.length).toBeGreaterThan(300);
    expectEstimatesLikeR(table.records, expected.estimates);
    // No group R does not have: "Totalt" excludes gender X and pupils without a school year,
    // and so do the extra breakdowns; X is crossed with no extra breakdown.
    expect(table.records.filter((r) => r.kind === 'estimate').length).toBe(expected.estimates.length);
    expect(table.meta.groups.filter((g) => g.includes('gender=X;fodd'))).toEqual([]);
  });

  it('every association equals R: both sides, the ratio, its interval and p', () => {
    const associations = expected.records.filter((r) => r.kind === 'association');
    expect(associations.length).toBe(48);
    for (const r of associations) {
      const what = `${r.factor} → ${r.indicator} ${r.area} ${r.year}`;
      const rec = table.records.find(
        (x): x is AssociationRecord => x.kind === 'association' && x.factor === r.factor && x.indicator === r.indicator && x.area === r.area && x.year === r.year,
      );
      expect(rec, what).toBeDefined();
      expect(rec!.group).toBe('total');
      expect(rec!.suppressed, what).toBe(!r.shown);
      if (!r.shown) continue;
      expectClose(rec!.estimate_with, r.estimate_with, what);
      expectClose(rec!.estimate_without, r.estimate_without, what);
      if (r.ratio === null) expect(rec!.ratio, what).toBeNull();
      else expectClose(rec!.ratio, r.ratio, what);
      if (r.rule === 'design') {
        expectClose(rec!.ratio_ci_lower, r.ratio_ci![0], what);
        expectClose(rec!.ratio_ci_upper, r.ratio_ci![1], what);
      } else expect([rec!.ratio_ci_lower, rec!.ratio_ci_upper], what).toEqual([null, null]);
      expectClose(rec!.p, r.p, what);
    }
    expect(table.records.filter((x) => x.kind === 'association').length).toBe(associations.length);
    // Both kinds of test occur: the log ratio and the null-score rule at 0 or 1.
    expect(new Set(associations.filter((r) => r.shown).map((r) => r.rule))).toEqual(new Set(['design', 'null_score']));
  });

  it('every comparison equals R, those with a reference value included (tested only when its uncertainty is known)', () => {
    const changes = expected.records.filter((r) => r.kind === 'change');
    for (const r of changes) {
      const rec = expectChangeLikeR(table.records, r);
      if (r.comparison === 'reference') expectClose(rec.estimate_from, r.estimate_from, `reference ${r.indicator} ${r.area} ${r.group}`);
    }
    const references = changes.filter((r) => r.comparison === 'reference');
    expect(references.filter((r) => r.rule === 'none').length).toBe(4);
    expect(table.records.filter((x) => x.kind === 'change' && x.p !== null).length).toBe(changes.filter((r) => r.p !== null).length);
  });

  it('q is p.adjust(p, "BH") over every test of the area, associations included, and "significant" follows q', () => {
    const tested = expected.records.filter((r) => r.p !== null);
    for (const r of tested) {
      const what = `${r.kind} ${r.comparison ?? r.factor} ${r.indicator} ${r.area} ${r.group ?? r.year}`;
      const rec =
        r.kind === 'association'
          ? table.records.find((x): x is AssociationRecord => x.kind === 'association' && x.factor === r.factor && x.indicator === r.indicator && x.area === r.area && x.year === r.year)
          : table.records.find((x): x is ChangeRecord => x.kind === 'change' && x.comparison === r.comparison && x.indicator === r.indicator && x.area === r.area && x.group === r.group);
      expectClose(rec!.q, r.q, what);
      expect(rec!.significant, what).toBe(r.q! < 0.05);
    }
    expect(table.records.filter((x) => (x.kind === 'change' || x.kind === 'association') && x.p !== null).length).toBe(tested.length);
  });

  it('the Swedish figures columns (Excel) name an association and a reference comparison', () => {
    const columns = svColumns({ table, indicatorLabels: { f1: 'Faktor 1', y1: 'Utfall 1' } });
    const row = (r: (typeof table.records)[number]) => Object.fromEntries(columns.map((c) => [c.header, c.value(r)]));
    const a = table.records.find((x): x is AssociationRecord => x.kind === 'association' && x.factor === 'f1' && x.indicator === 'y1' && !x.suppressed)!;
    expect(row(a)).toMatchObject({
      Typ: 'samband',
      Indikator: 'Utfall 1',
      Förändringsfaktor: 'Faktor 1',
      'Förändringsfaktor-id': 'f1',
      'Andel med faktorn': a.estimate_with,
      'Andel utan faktorn': a.estimate_without,
      'Kvot (med/utan)': a.ratio,
      'Statistiskt säkerställd': a.significant ? 'Ja' : 'Nej',
    });
    const ref = table.records.find((x): x is ChangeRecord => x.kind === 'change' && x.comparison === 'reference')!;
    expect(row(ref)).toMatchObject({ Typ: 'förändring', Jämförelse: 'referensvärde', Från: 'Riket (fiktiv)', 'Andel från': ref.estimate_from });
  });
});
