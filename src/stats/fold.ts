// Reference fold from rows to DomainSums: what R's subset(design, domain) sees, reduced to
// per-stratum sums of PSU totals. Used by tests (and as the specification the streaming
// accumulator in src/analysis must agree with). Linear in rows.
import type { JointDomainSums } from './contrast.js';
import type { DomainSums, StratumSums } from './types.js';

export interface DesignRow {
  stratum: string;
  /** PSU label, nested in its stratum (R's nest=TRUE); use a row id when there are no clusters. */
  psu: string;
  weight: number;
  /** 1 yes, 0 no, null missing answer. */
  y: 0 | 1 | null;
  /** Whether the row belongs to the domain. Rows outside still count in the stratum's PSU total. */
  inDomain: boolean;
}

interface PsuTotals {
  stratum: string;
  a: number;
  b: number;
  domainRows: number;
  answered: number;
}

/** Folds rows into one StratumSums per stratum (in order of first appearance). */
export function foldDomainSums(rows: Iterable<DesignRow>): DomainSums {
  const strata = new Map<string, StratumSums>();
  const psus = new Map<string, PsuTotals>();
  for (const r of rows) {
    let st = strata.get(r.stratum);
    if (!st) {
      st = emptyStratum(r.stratum);
      strata.set(r.stratum, st);
    }
    const key = JSON.stringify([r.stratum, r.psu]);
    let psu = psus.get(key);
    if (!psu) {
      psu = { stratum: r.stratum, a: 0, b: 0, domainRows: 0, answered: 0 };
      psus.set(key, psu);
      st.psuTotal += 1;
    }
    if (!r.inDomain) continue;
    psu.domainRows += 1;
    st.nAll += 1;
    if (r.y === null) continue;
    psu.answered += 1;
    psu.a += r.weight * r.y;
    psu.b += r.weight;
    st.sumW2 += r.weight * r.weight;
    st.n += 1;
    st.x += r.y;
  }
  for (const psu of psus.values()) {
    const st = strata.get(psu.stratum)!;
    if (psu.domainRows > 0) st.psuInDomain += 1;
    if (psu.answered > 0) st.psuWithAnswer = (st.psuWithAnswer ?? 0) + 1;
    st.sumA += psu.a;
    st.sumB += psu.b;
    st.sumAA += psu.a * psu.a;
    st.sumAB += psu.a * psu.b;
    st.sumBB += psu.b * psu.b;
  }
  return [...strata.values()];
}

/** A row of a design seen from k domains (which may overlap). */
export interface JointDesignRow extends Omit<DesignRow, 'inDomain'> {
  inDomains: boolean[];
}

/** Folds rows into the JointDomainSums of k domains: each domain's sums and the cross-products of PSU totals. */
export function foldJointDomainSums(rows: readonly JointDesignRow[], k: number): JointDomainSums {
  const perDomain = Array.from({ length: k }, (_, d) => foldDomainSums(rows.map((r) => ({ ...r, inDomain: r.inDomains[d]! }))));
  const totals = new Map<string, { stratum: string; t: number[] }>();
  for (const r of rows) {
    const key = JSON.stringify([r.stratum, r.psu]);
    const psu = totals.get(key) ?? { stratum: r.stratum, t: new Array<number>(2 * k).fill(0) };
    totals.set(key, psu);
    if (r.y === null) continue;
    r.inDomains.forEach((inside, d) => {
      if (!inside) return;
      psu.t[2 * d]! += r.weight * r.y!;
      psu.t[2 * d + 1]! += r.weight;
    });
  }
  // foldDomainSums lists strata in order of first appearance over all rows, the same for every domain.
  const joint: JointDomainSums = perDomain[0]!.map((s, i) => ({
    stratum: s.stratum,
    psuTotal: s.psuTotal,
    domains: perDomain.map((domain) => domain[i]!),
    cross: Array.from({ length: 2 * k }, () => new Array<number>(2 * k).fill(0)),
  }));
  const byStratum = new Map(joint.map((s) => [s.stratum, s]));
  for (const { stratum, t } of totals.values()) {
    const c = byStratum.get(stratum)!.cross;
    for (let i = 0; i < 2 * k; i++) for (let j = 0; j < 2 * k; j++) c[i]![j]! += t[i]! * t[j]!;
  }
  return joint;
}

/** `st` emptied as emptyStratum(stratum, psuTotal, popSize) makes it (the same fields, the same order). */
export function emptyStratumInto(st: StratumSums, stratum: string, psuTotal: number, popSize: number | undefined): void {
  st.stratum = stratum;
  st.psuTotal = psuTotal;
  st.psuInDomain = 0;
  st.psuWithAnswer = 0;
  st.sumA = 0;
  st.sumB = 0;
  st.sumAA = 0;
  st.sumAB = 0;
  st.sumBB = 0;
  st.sumW2 = 0;
  st.n = 0;
  st.x = 0;
  st.nAll = 0;
  st.scoreA = undefined;
  st.scoreB = undefined;
  st.present = undefined;
  st.popSize = popSize;
}

/** A stratum with nothing added yet (the caller sets psuTotal). */
export function emptyStratum(stratum: string, psuTotal = 0, popSize?: number): StratumSums {
  // Every optional field is present (undefined when unused): all strata have one shape, so
  // the estimators' property reads stay fast.
  return {
    stratum,
    psuTotal,
    psuInDomain: 0,
    psuWithAnswer: 0,
    sumA: 0,
    sumB: 0,
    sumAA: 0,
    sumAB: 0,
    sumBB: 0,
    sumW2: 0,
    n: 0,
    x: 0,
    nAll: 0,
    scoreA: undefined,
    scoreB: undefined,
    present: undefined,
    popSize,
  };
}
