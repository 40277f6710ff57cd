// What the county overview (county.ts) reads of the municipalities' figures, for commands that
// give it a table: kept beside the report, light to import (no report code).
import type { FigureRecord, FiguresMeta } from '../analysis/types.js';
import { TOTAL } from './groups.js';

/**
 * What the overview reads of a municipality's records (the county's it reads whole): its
 * Totalt in the latest wave, its comparisons with the rest of the county and with reference
 * values, and its response rates. A whole country's other records are millions; the command leaves them out.
 */
export function countyOverviewReads(meta: FiguresMeta): (r: FigureRecord) => boolean {
  const latest = meta.years[meta.years.length - 1];
  return (r) =>
    r.group === TOTAL && ((r.kind === 'estimate' && r.year === latest) || (r.kind === 'change' && (r.comparison === 'rest_of_county' || r.comparison === 'reference')) || r.kind === 'response');
}
