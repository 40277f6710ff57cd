// What the figures are computed over: reporting units (municipalities, pooled units, the
// county) and waves (single or pooled), and the change record every comparison builds.
import type { Difference } from '../stats/index.js';
import type { ChangeRecord } from './types.js';

export interface Unit {
  name: string;
  members: string[];
  county: boolean;
}

export interface Wave {
  /** The year records carry (the last of a pooled set). */
  year: number;
  years: number[];
  pooled: boolean;
}

/** What a comparison compares (the fields of a change record that name it). */
export type ComparisonId = Pick<ChangeRecord, 'comparison' | 'indicator' | 'area' | 'group' | 'year_from' | 'year_to' | 'from' | 'to'>;

/**
 * A change record: `sides` are the two estimates (from, to) when both may be shown, else null
 * (the record is suppressed); `d` the test, when there is one. p, q and the verdict are set by
 * the multiplicity step.
 */
export function comparisonRecord(id: ComparisonId, sides: readonly [number, number] | null, d: Difference | null): ChangeRecord {
  return {
    kind: 'change',
    ...id,
    estimate_from: sides ? sides[0] : null,
    estimate_to: sides ? sides[1] : null,
    diff: sides ? (d?.diff ?? sides[1] - sides[0]) : null,
    diff_ci_lower: d?.ciLower ?? null,
    diff_ci_upper: d?.ciUpper ?? null,
    p: d?.p ?? null,
    q: null,
    significant: null,
    suppressed: sides === null,
  };
}
