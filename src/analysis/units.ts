// What the figures are computed over: reporting units (municipalities, pooled units, the
// county) and waves (single or pooled), and the change record every comparison builds.
import type { Difference, ProportionEstimate } from '../stats/index.js';
import type { ChangeRecord, EstimateRecord } from './types.js';

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

/**
 * A cell's estimate record and what it was computed from. A cell disclosure control hides
 * has `est` null where nothing could fail in computing it (see figuresSource): none of it is
 * published, and in the bench's county of 50 municipalities two thirds of the cells are hidden.
 */
export interface CellEstimate {
  record: EstimateRecord;
  est: ProportionEstimate | null;
}

/** The estimate of a cell that is shown (comparisons, trends and follow-up read only those). */
export function shownEstimate(cell: CellEstimate): ProportionEstimate {
  if (cell.record.suppressed || cell.est === null) throw new Error(`figures: ${cell.record.indicator}, ${cell.record.area}, ${cell.record.group} is hidden; its estimate is not read`);
  return cell.est;
}

/** What a comparison compares (the fields of a change record that name it). */
export type ComparisonId = Pick<ChangeRecord, 'comparison' | 'indicator' | 'area' | 'group' | 'year_from' | 'year_to' | 'from' | 'to'>;

/**
 * A change record: `sides` are the two estimates (from, to) when both may be shown, else null
 * (the record is suppressed); `d` the test, when there is one. p, q and the verdict are set by
 * the multiplicity step.
 */
export function comparisonRecord(id: ComparisonId, sides: readonly [number, number] | null, d: Difference | null): ChangeRecord {
  // The id's fields written out (in ComparisonId's order, the order of the file's columns):
  // a spread after `kind` is copied property by property, and there are tens of thousands.
  return {
    kind: 'change',
    comparison: id.comparison,
    indicator: id.indicator,
    area: id.area,
    group: id.group,
    year_from: id.year_from,
    year_to: id.year_to,
    from: id.from,
    to: id.to,
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
