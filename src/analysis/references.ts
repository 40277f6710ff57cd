// Comparisons with reference values (config `references`): published figures from another
// survey, an independent sample. A municipality's estimate in the latest wave is set beside
// the reference of the same indicator and group from the latest year not after the wave, and
// tested only when the reference's uncertainty is known (its interval, or its n).
import { localize, type ProjectConfig } from '../config/schema.js';
import { compareWithReference, proportionSide, qnorm } from '../stats/index.js';
import type { ReferenceValue } from '../references/load.js';
import type { ChangeRecord } from './types.js';
import { comparisonRecord, shownEstimate, type CellEstimate, type Unit, type Wave } from './units.js';

/** The reference's standard error: from its interval, else from its n as for a simple random sample; null when unknown. */
export function referenceSe(ref: ReferenceValue, level: number): number | null {
  if (ref.ciLower !== null && ref.ciUpper !== null) return (ref.ciUpper - ref.ciLower) / (2 * qnorm(1 - (1 - level) / 2));
  if (ref.n !== null) return Math.sqrt((ref.estimate * (1 - ref.estimate)) / ref.n);
  return null;
}

/** Per set, indicator and group: the row of the latest year not after `year`. */
export function referencesFor(refs: readonly ReferenceValue[], year: number): ReferenceValue[] {
  const best = new Map<string, ReferenceValue>();
  for (const r of refs) {
    if (r.year > year) continue;
    const key = `${r.set}\u0000${r.indicator}\u0000${r.group}`;
    const seen = best.get(key);
    if (!seen || r.year > seen.year) best.set(key, r);
  }
  return [...best.values()];
}

/** `estimateOf(indicator, unit, group)`: the latest wave's estimate (indices into config.indicators and `units`). */
export function referenceRecords(
  refs: readonly ReferenceValue[],
  config: ProjectConfig,
  units: readonly Unit[],
  latest: Wave,
  estimateOf: (indicator: number, unit: number, group: string) => CellEstimate | undefined,
): ChangeRecord[] {
  const indicatorAt = new Map(config.indicators.map((ind, i) => [ind.id, i]));
  const level = config.statistics.level;
  const records: ChangeRecord[] = [];
  for (const ref of referencesFor(refs, latest.year)) {
    const spec = config.references[ref.set]!;
    const se = referenceSe(ref, spec.level ?? level);
    for (const [u, unit] of units.entries()) {
      const own = estimateOf(indicatorAt.get(ref.indicator)!, u, ref.group);
      if (!own) continue;
      const shown = !own.record.suppressed;
      const d = shown && se !== null ? compareWithReference({ estimate: ref.estimate, se }, proportionSide(shownEstimate(own)), level) : null;
      const id = { comparison: 'reference' as const, indicator: ref.indicator, area: unit.name, group: ref.group, year_from: ref.year, year_to: latest.year, from: localize(spec.label, 'sv'), to: unit.name };
      const rec = comparisonRecord(id, shown ? [ref.estimate, shownEstimate(own).estimate!] : null, d);
      // The reference value is published elsewhere and holds no respondent of ours: it stays
      // in the record when the municipality's own value is hidden.
      records.push({ ...rec, estimate_from: ref.estimate });
    }
  }
  return records;
}
