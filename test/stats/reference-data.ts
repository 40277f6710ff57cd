// The R survey reference (copied unchanged from the project's shared reference into
// test/stats/reference/): designs as DesignRows for a domain, and the expected values.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ChangeRecord, EstimateRecord, FigureRecord } from '../../src/analysis/types.js';
import type { DesignRow } from '../../src/stats/fold.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'reference');

export interface ExpectedDomain {
  domain: string;
  n: number;
  estimate: number;
  se: number;
  df: number;
  deff_replace: number;
  mean: [number, number];
  logit: [number, number];
  xlogit: [number, number];
  asin: [number, number];
  beta: [number, number];
  wilson: [number, number];
}

export type DesignName = 'design-a' | 'design-c' | 'design-c-unweighted';

export function expectedProportions(): Record<DesignName, { design: string; results: ExpectedDomain[] }> {
  return JSON.parse(readFileSync(join(DIR, 'expected-proportions.json'), 'utf8'));
}

export function expectedTrend() {
  return JSON.parse(readFileSync(join(DIR, 'expected-trend.json'), 'utf8')) as {
    years: number[];
    x: number[];
    n: number[];
    cochran_armitage: { chisq: number; z: number; p: number };
    svyglm_logit_year: { intercept: number; slope_per_year: number; se_slope: number; t: number; p: number; df_residual: number };
    svyglm_logit_year_strata_by_year: { slope_per_year: number; se_slope: number; t: number; p: number };
    year_vs_year_design_z: { p1: number; se1: number; p2: number; se2: number; d: number; se_d: number; z: number; p: number; ci: [number, number] };
  };
}

/** A comparison or trend record as contrasts.R computes it (see the script for every definition). */
export interface ExpectedRecord {
  kind: 'change' | 'trend';
  comparison?: 'previous' | 'baseline' | 'gender' | 'rest_of_county';
  indicator: string;
  area: string;
  group: string;
  year_from?: number;
  from?: string;
  to?: string;
  diff?: number;
  se?: number | null;
  ci?: [number | null, number | null];
  p: number | null;
  q?: number;
  rule?: 'design' | 'independent' | 'null_score' | 'none';
  /** gender: svyby's covariance matrix of (girls, boys), column-major, and the log ratio log(boys/girls). */
  cov?: number[];
  log_ratio?: number;
  log_ratio_se?: number;
  /** trend */
  slope?: number;
  df?: number;
  odds_ratio?: number;
  or_ci?: [number, number];
  /** population.R: the Wald interval of the odds ratio with the t quantile (confint() loses it at 1 df). */
  or_ci_t?: [number, number];
  /** svyglm's own p, from the working weights of its last iteration (not refitted). */
  p_svyglm?: number;
}

export interface ExpectedEstimate {
  indicator: string;
  area: string;
  year: number;
  group: string;
  n: number;
  x: number;
  estimate: number;
  se: number | null;
}

export type ContrastDesign = 'clustered' | 'stratified' | 'srs' | 'lonely';

interface CountsTrend {
  intercept: number;
  slope: number;
  se: number;
  t: number;
  p: number;
  df: number;
  or_ci: [number, number];
}

export function expectedContrasts() {
  return JSON.parse(readFileSync(join(DIR, 'expected-contrasts.json'), 'utf8')) as {
    level: number;
    county: string;
    designs: Record<ContrastDesign, { records: ExpectedRecord[]; estimates: ExpectedEstimate[] }>;
    prop_test: { x1: number; n1: number; x2: number; n2: number; p: number; newcombe: [number, number]; wilson1: [number, number]; wilson2: [number, number] }[];
    trend_counts: { shared: CountsTrend; strata_by_year: CountsTrend };
    p_adjust_bh: { p: number[]; q: number[] };
  };
}

/** survey-waves.csv (written by contrasts.R) as rows of text. */
export function surveyWaves(): CsvRow[] {
  return readCsv('survey-waves.csv');
}

/** The path of a reference file (for pipeline tests that read it as a survey export). */
export function referencePath(file: string): string {
  return join(DIR, file);
}

export type CsvRow = Record<string, string>;

function readCsv(file: string): CsvRow[] {
  const lines = readFileSync(join(DIR, file), 'utf8').trim().split('\n');
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const header = lines[0]!.split(',').map(unquote);
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map(unquote);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** "all", or "column=value". */
function inDomain(row: CsvRow, domain: string): boolean {
  if (domain === 'all') return true;
  const [col, value] = domain.split('=');
  return row[col!] === value;
}

export function designRows(design: DesignName, domain: string): DesignRow[] {
  const file = design === 'design-a' ? 'design-a.csv' : 'design-c.csv';
  return readCsv(file).map((r) => ({
    stratum: design === 'design-c-unweighted' ? 'all' : r.stratum!,
    psu: design === 'design-c' ? r.school! : r.id!,
    weight: design === 'design-c-unweighted' ? 1 : Number(r.weight),
    y: r.y === '' ? null : r.y === '1' ? 1 : 0,
    inDomain: inDomain(r, domain),
  }));
}

export type PopulationDesign = 'fpc_clustered' | 'fpc_pupils' | 'fpc_adjust' | 'ps_clustered' | 'ps_stratified' | 'ps_fpc';

/** An estimate as population.R computes it; intervals null where R has none. */
export interface ExpectedPopulationEstimate extends ExpectedEstimate {
  df: number;
  deff: number | null;
  n_eff: number;
  wilson: [number, number] | null;
  beta: [number, number] | null;
  logit: [number, number] | null;
  xlogit: [number, number] | null;
  asin: [number, number] | null;
  mean: [number, number] | null;
}

export function expectedPopulation() {
  return JSON.parse(readFileSync(join(DIR, 'expected-population.json'), 'utf8')) as {
    level: number;
    county: string;
    lonely_without_fpc_fails: boolean;
    designs: Record<PopulationDesign, { records: ExpectedRecord[]; estimates: ExpectedPopulationEstimate[] }>;
  };
}
/** A record of groups-associations.R: changes (as ExpectedRecord) and associations. */
export interface ExpectedGroupRecord {
  kind: 'change' | 'association';
  comparison?: 'previous' | 'gender' | 'rest_of_county' | 'reference';
  indicator: string;
  factor?: string;
  area: string;
  year?: number;
  group?: string;
  year_from?: number;
  from?: string;
  to?: string;
  estimate_from?: number;
  diff?: number;
  ci?: [number | null, number | null];
  p: number | null;
  q?: number;
  rule?: 'design' | 'independent' | 'null_score' | 'none';
  estimate_with?: number | null;
  estimate_without?: number | null;
  shown?: boolean;
  ratio?: number | null;
  ratio_ci?: [number | null, number | null];
}

export type GroupsDesign = 'clustered' | 'stratified';

export function expectedGroupsAssociations() {
  return JSON.parse(readFileSync(join(DIR, 'expected-groups-associations.json'), 'utf8')) as {
    level: number;
    county: string;
    designs: Record<GroupsDesign, { records: ExpectedGroupRecord[]; estimates: ExpectedEstimate[] }>;
  };
}

/** The pipeline's value exists and is within 1e-8 of R's. */
export function expectClose(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  expect(actual, what).not.toBeNull();
  expect(actual, what).not.toBeUndefined();
  expect(Math.abs(actual! - expected!), what).toBeLessThan(1e-8);
}

/** Every estimate R computed is in the pipeline's table with the same n and x, and p̂ and SE within 1e-8. */
export function expectEstimatesLikeR(records: readonly FigureRecord[], expected: readonly ExpectedEstimate[]): void {
  for (const e of expected) {
    const what = `${e.indicator} ${e.area} ${e.year} ${e.group}`;
    const rec = records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === e.indicator && r.area === e.area && r.year === e.year && r.group === e.group);
    expect(rec, what).toBeDefined();
    expect([rec!.n, rec!.x], what).toEqual([e.n, e.x]);
    expectClose(rec!.estimate, e.estimate, what);
    expectClose(rec!.se, e.se, what);
  }
}

/** A change record of the pipeline equals R's: what it compares, the difference, and (when R tests it) interval and p. */
export function expectChangeLikeR(records: readonly FigureRecord[], r: ExpectedRecord | ExpectedGroupRecord): ChangeRecord {
  const what = `${r.comparison} ${r.indicator} ${r.area} ${r.group}`;
  const rec = records.find(
    (x): x is ChangeRecord => x.kind === 'change' && x.comparison === r.comparison && x.indicator === r.indicator && x.area === r.area && x.group === r.group,
  );
  expect(rec, what).toBeDefined();
  expect([rec!.year_from, rec!.from, rec!.to], what).toEqual([r.year_from, r.from, r.to]);
  expectClose(rec!.diff, r.diff, what);
  if (r.rule === 'none') {
    expect([rec!.p, rec!.q, rec!.significant, rec!.diff_ci_lower], what).toEqual([null, null, null, null]);
    return rec!;
  }
  expectClose(rec!.diff_ci_lower, r.ci![0], what);
  expectClose(rec!.diff_ci_upper, r.ci![1], what);
  expectClose(rec!.p, r.p, what);
  return rec!;
}
