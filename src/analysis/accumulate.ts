// One streaming pass: respondents → sufficient statistics. Per (wave, area, stratum, PSU)
// a block of sums for every group × indicator; nothing per row is kept. Any domain (an area,
// the county, the rest of the county, pooled waves) is later assembled from these blocks,
// folded into the per-stratum sums src/stats estimates from (see DESIGN.md).
import { LimitError, msg } from '../errors.js';
import type { ProjectConfig } from '../config/schema.js';
import { emptyStratum, type JointDomainSums, type JointStratum, type StratumSums } from '../stats/index.js';
import { YES, MISSING, OUTSIDE, type Respondent } from '../ingest/respondents.js';

/** Sums kept per group × indicator in a block. */
const F_B = 0; // Σ w (valid answers)
const F_A = 1; // Σ w·y
const F_W2 = 2; // Σ w²
const F_AA = 3; // Σ w²·y (row-level; equals Σ A_j² when every row is its own PSU)
const F_N = 4; // rows with a valid answer
const F_X = 5; // rows answering yes
const F_NALL = 6; // rows in the domain, missing answers included (R's degf counts them)
const FIELDS = 7;

/**
 * Blocks (wave × area × stratum × PSU) are few for real designs (schools as clusters give
 * hundreds). Far more means the cluster column is a respondent id; refuse before the sums
 * outgrow this much memory, or this many blocks, whichever comes first.
 */
export const MAX_SUMS_BYTES = 256 * 1024 * 1024;
export const MAX_BLOCKS = 200_000;

export interface Block {
  year: number;
  area: string;
  stratum: string;
  psu: string | null;
  /** [group][indicator][field] */
  sums: Float64Array;
  /** Respondents per group (any answers). */
  groupRows: Float64Array;
  /** All respondents of the block, classified into the tables or not (the design's rows). */
  rows: number;
  /** (wave, stratum) and (wave, stratum, PSU) as map keys, made once. */
  stratumKey: string;
  psuKey: string;
}

/**
 * Group indices: 0 total, then gender values, grade values, gender × grade.
 *
 * "Totalt" and the school-year groups hold the respondents whose gender (and school year)
 * is a reported value, so that every total is exactly the sum of its published parts.
 * A small unreported group ("annat/vill ej ange", or no answer) inside a total could
 * otherwise be recovered as total − parts, and protecting it would hide girls' or boys'
 * figures. Such respondents still count in the design, in their own gender group, and in
 * the number of respondents.
 */
export interface GroupLayout {
  genders: number;
  grades: number;
  count: number;
  /** Whether a gender / grade value index is reported (config `report`), -1 = not given. */
  genderReported(g: number): boolean;
  gradeReported(k: number): boolean;
  gender(g: number): number;
  grade(k: number): number;
  cross(g: number, k: number): number;
  /** Whether no respondent can be in both groups (two gender values, two school years, or crosses of them). */
  disjoint(a: number, b: number): boolean;
}

export function groupLayout(config: ProjectConfig): GroupLayout {
  const G = config.groups.gender.values.length;
  const K = config.groups.grade?.values.length ?? 0;
  const genderReported = config.groups.gender.values.map((v) => v.report);
  const gradeReported = config.groups.grade?.values.map((v) => v.report) ?? [];
  // A group index as (gender value, school-year value), −1 where the group does not restrict it.
  const parts = (i: number): [number, number] => {
    if (i === 0) return [-1, -1];
    if (i <= G) return [i - 1, -1];
    if (i <= G + K) return [-1, i - 1 - G];
    const c = i - 1 - G - K;
    return [Math.floor(c / K), c % K];
  };
  return {
    genders: G,
    grades: K,
    count: 1 + G + K + G * K,
    genderReported: (g) => genderReported[g] === true,
    gradeReported: (k) => gradeReported[k] === true,
    gender: (g) => 1 + g,
    grade: (k) => 1 + G + k,
    cross: (g, k) => 1 + G + K + g * K + k,
    disjoint: (a, b) => {
      const [ga, ka] = parts(a);
      const [gb, kb] = parts(b);
      return (ga >= 0 && gb >= 0 && ga !== gb) || (ka >= 0 && kb >= 0 && ka !== kb);
    },
  };
}

/** A domain: a group within some areas (of the waves asked for). */
export interface DomainSpec {
  areas: readonly string[];
  group: number;
}

export class SurveyAccumulator {
  readonly layout: GroupLayout;
  readonly indicators: number;
  readonly clustered: boolean;
  private readonly blocks = new Map<string, Block>();
  private last: Block | null = null;
  private readonly groups = new Int32Array(4);
  /** The most blocks this config may open (see MAX_SUMS_BYTES). */
  readonly maxBlocks: number;

  constructor(config: ProjectConfig) {
    this.layout = groupLayout(config);
    this.indicators = config.indicators.length;
    this.clustered = config.design.cluster !== undefined;
    const blockBytes = this.layout.count * this.indicators * FIELDS * Float64Array.BYTES_PER_ELEMENT;
    this.maxBlocks = Math.min(MAX_BLOCKS, Math.floor(MAX_SUMS_BYTES / blockBytes));
  }

  add(r: Respondent): void {
    const block = this.blockFor(r);
    const L = this.layout;
    const groups = this.groups;
    let ng = 0;
    const inTables = L.genderReported(r.gender) && (L.grades === 0 || L.gradeReported(r.grade));
    // An unreported gender value keeps its own (usually suppressed) groups.
    const ownGroups = inTables || (r.gender >= 0 && !L.genderReported(r.gender));
    if (inTables) groups[ng++] = 0;
    if (ownGroups) groups[ng++] = L.gender(r.gender);
    if (inTables && r.grade >= 0) groups[ng++] = L.grade(r.grade);
    if (ownGroups && r.grade >= 0) groups[ng++] = L.cross(r.gender, r.grade);
    block.rows += 1;

    const w = r.weight;
    const w2 = w * w;
    const sums = block.sums;
    const values = r.values;
    const nInd = this.indicators;
    for (let gi = 0; gi < ng; gi++) {
      const g = groups[gi]!;
      block.groupRows[g]! += 1;
      let o = g * nInd * FIELDS;
      for (let i = 0; i < nInd; i++, o += FIELDS) {
        const v = values[i]!;
        if (v === OUTSIDE) continue;
        sums[o + F_NALL]! += 1;
        if (v === MISSING) continue;
        sums[o + F_B]! += w;
        sums[o + F_W2]! += w2;
        sums[o + F_N]! += 1;
        if (v === YES) {
          sums[o + F_A]! += w;
          sums[o + F_AA]! += w2;
          sums[o + F_X]! += 1;
        }
      }
    }
  }

  private blockFor(r: Respondent): Block {
    const psu = this.clustered ? r.psu : null;
    const last = this.last;
    // Rows usually come sorted by area and wave: skip the map look-up for runs.
    if (last && last.year === r.year && last.area === r.area && last.stratum === r.stratum && last.psu === psu) return last;
    const key = `${r.year}\u0000${r.area}\u0000${r.stratum}\u0000${psu ?? ''}`;
    let block = this.blocks.get(key);
    if (!block) {
      if (this.blocks.size >= this.maxBlocks) throw tooManyBlocks(this.maxBlocks);
      block = {
        year: r.year,
        area: r.area,
        stratum: r.stratum,
        psu,
        sums: new Float64Array(this.layout.count * this.indicators * FIELDS),
        groupRows: new Float64Array(this.layout.count),
        rows: 0,
        stratumKey: stratumKey(r.year, r.stratum),
        psuKey: `${stratumKey(r.year, r.stratum)}\u0000${psu ?? ''}`,
      };
      this.blocks.set(key, block);
    }
    this.last = block;
    return block;
  }

  /** Add another accumulator's sums (e.g. one file's, once the file has been read without error). */
  merge(other: SurveyAccumulator): void {
    for (const [key, b] of other.blocks) {
      const mine = this.blocks.get(key);
      if (!mine) {
        this.blocks.set(key, b);
        continue;
      }
      for (let i = 0; i < b.sums.length; i++) mine.sums[i]! += b.sums[i]!;
      for (let i = 0; i < b.groupRows.length; i++) mine.groupRows[i]! += b.groupRows[i]!;
      mine.rows += b.rows;
    }
    if (this.blocks.size > this.maxBlocks) throw tooManyBlocks(this.maxBlocks);
  }

  /** Freeze into an index for domain queries. */
  finish(): SurveySums {
    return new SurveySums([...this.blocks.values()], this.layout, this.indicators, this.clustered);
  }
}

/** The accumulated sums with domain queries. Immutable. */
export class SurveySums {
  readonly areas: string[];
  readonly years: number[];
  /** PSUs per (wave, stratum) in the whole design: n_h. */
  private readonly psuTotals = new Map<string, number>();
  private readonly byYearArea = new Map<string, Block[]>();
  private readonly plans = new WeakMap<readonly string[], WeakMap<readonly number[], BlockPlan>>();

  constructor(
    blocks: Block[],
    readonly layout: GroupLayout,
    readonly indicators: number,
    readonly clustered: boolean,
  ) {
    const areas = new Set<string>();
    const years = new Set<number>();
    const psus = new Map<string, Set<string>>();
    for (const b of blocks) {
      areas.add(b.area);
      years.add(b.year);
      const k = `${b.year}\u0000${b.area}`;
      const list = this.byYearArea.get(k);
      if (list) list.push(b);
      else this.byYearArea.set(k, [b]);
      const sk = b.stratumKey;
      if (this.clustered) {
        const set = psus.get(sk) ?? new Set<string>();
        set.add(b.psu!);
        psus.set(sk, set);
      } else {
        this.psuTotals.set(sk, (this.psuTotals.get(sk) ?? 0) + b.rows);
      }
    }
    for (const [k, set] of psus) this.psuTotals.set(k, set.size);
    this.areas = [...areas].sort((a, b) => a.localeCompare(b, 'sv'));
    this.years = [...years].sort((a, b) => a - b);
  }

  /** All respondents over the given areas and waves, in the tables or not. */
  allRespondents(areas: readonly string[], years: readonly number[]): number {
    let n = 0;
    for (const b of this.blocksIn(areas, years)) n += b.rows;
    return n;
  }

  /** Respondents in the group (any answers) over the given areas and waves. */
  respondents(areas: readonly string[], years: readonly number[], group: number): number {
    let n = 0;
    for (const b of this.blocksIn(areas, years)) n += b.groupRows[group]!;
    return n;
  }

  /**
   * Per-stratum sufficient statistics of one domain: the group within the areas and waves,
   * for one indicator. Each wave is its own design, so strata are (wave, stratum).
   */
  domain(areas: readonly string[], years: readonly number[], group: number, indicator: number): StratumSums[] {
    const base = (group * this.indicators + indicator) * FIELDS;
    if (!this.clustered) {
      // Every row its own PSU: row-level sums add up across blocks as they are, stratum by stratum.
      const out: StratumSums[] = [];
      for (const { first, blocks } of this.byStratum(areas, years)) {
        const st = this.newStratum(first, years.length > 1);
        for (const b of blocks) addPsu(st, b.sums, base, false);
        out.push(st);
      }
      return out;
    }
    const strata = new Map<string, StratumSums>();
    const blocks = this.blocksIn(areas, years);
    // Merge blocks that are the same PSU (a PSU may span areas), then fold PSU totals.
    const psus = new Map<string, { block: Block; s: Float64Array }>();
    for (const b of blocks) {
      const entry = psus.get(b.psuKey);
      const slice = b.sums.subarray(base, base + FIELDS);
      if (!entry) psus.set(b.psuKey, { block: b, s: Float64Array.from(slice) });
      else for (let f = 0; f < FIELDS; f++) entry.s[f]! += slice[f]!;
    }
    for (const { block, s } of psus.values()) addPsu(this.stratumOf(strata, block, years.length > 1), s, 0, true);
    return [...strata.values()];
  }

  /**
   * Per-stratum sums of k domains of the same waves and one indicator, with the cross-products
   * of their PSU totals (the input of domainCovariance). With clusters the PSU totals of every
   * domain are formed first, so domains may overlap and share PSUs (girls and boys of a school,
   * a school spanning municipalities). Without clusters every row is its own PSU and the blocks
   * keep row-level sums only, so the domains must be disjoint (no respondent in two): their
   * row-level cross-products are then 0, while shared strata still link them through n_h.
   */
  jointDomains(specs: readonly DomainSpec[], years: readonly number[], indicator: number): JointDomainSums {
    const k = specs.length;
    const strata = new Map<string, JointStratum>();
    const pooledWaves = years.length > 1;
    const stratumOf = (b: Block): JointStratum => {
      let st = strata.get(b.stratumKey);
      if (!st) {
        const label = pooledWaves ? `${b.year}:${b.stratum}` : b.stratum;
        const psuTotal = this.psuTotals.get(b.stratumKey)!;
        const domains = specs.map(() => ({ ...emptyStratum(label), psuTotal }));
        st = { stratum: label, psuTotal, domains, cross: Array.from({ length: 2 * k }, () => new Array<number>(2 * k).fill(0)) };
        strata.set(b.stratumKey, st);
      }
      return st;
    };
    const offset = (spec: DomainSpec) => (spec.group * this.indicators + indicator) * FIELDS;
    if (!this.clustered) {
      this.assertDisjoint(specs);
      specs.forEach((spec, d) => {
        const base = offset(spec);
        for (const b of this.blocksIn(spec.areas, years)) {
          const st = stratumOf(b);
          const s = b.sums.subarray(base, base + FIELDS);
          addPsu(st.domains[d]!, b.sums, base, false);
          // Row level: A = w·y, B = w, so A² = A·B = w²·y and B² = w².
          const c = st.cross;
          c[2 * d]![2 * d]! += s[F_AA]!;
          c[2 * d]![2 * d + 1]! += s[F_AA]!;
          c[2 * d + 1]![2 * d]! += s[F_AA]!;
          c[2 * d + 1]![2 * d + 1]! += s[F_W2]!;
        }
      });
      return [...strata.values()];
    }
    // PSU totals of every domain (a PSU may span areas), then their products per stratum.
    const psus = new Map<string, { block: Block; s: Float64Array }>();
    specs.forEach((spec, d) => {
      const base = offset(spec);
      for (const b of this.blocksIn(spec.areas, years)) {
        let entry = psus.get(b.psuKey);
        if (!entry) psus.set(b.psuKey, (entry = { block: b, s: new Float64Array(k * FIELDS) }));
        for (let f = 0; f < FIELDS; f++) entry.s[d * FIELDS + f]! += b.sums[base + f]!;
      }
    });
    const t = new Array<number>(2 * k);
    for (const { block, s } of psus.values()) {
      const st = stratumOf(block);
      for (let d = 0; d < k; d++) {
        const slice = s.subarray(d * FIELDS, (d + 1) * FIELDS);
        addPsu(st.domains[d]!, s, d * FIELDS, true);
        t[2 * d] = slice[F_A]!;
        t[2 * d + 1] = slice[F_B]!;
      }
      for (let i = 0; i < 2 * k; i++) for (let j = 0; j < 2 * k; j++) st.cross[i]![j]! += t[i]! * t[j]!;
    }
    return [...strata.values()];
  }

  private assertDisjoint(specs: readonly DomainSpec[]): void {
    specs.forEach((a, d) =>
      specs.slice(d + 1).forEach((b) => {
        const sharedArea = a.areas.some((x) => b.areas.includes(x));
        if (sharedArea && !this.layout.disjoint(a.group, b.group)) {
          throw new Error('jointDomains: without clusters the domains must be disjoint (their row-level cross-products are not kept)');
        }
      }),
    );
  }

  private stratumOf(strata: Map<string, StratumSums>, b: Block, pooledWaves: boolean): StratumSums {
    let st = strata.get(b.stratumKey);
    if (!st) strata.set(b.stratumKey, (st = this.newStratum(b, pooledWaves)));
    return st;
  }

  private newStratum(b: Block, pooledWaves: boolean): StratumSums {
    const st = emptyStratum(pooledWaves ? `${b.year}:${b.stratum}` : b.stratum);
    st.psuTotal = this.psuTotals.get(b.stratumKey)!;
    return st;
  }

  /**
   * The blocks of some areas and waves, in order. The figures ask for the same areas and
   * waves (the same arrays) once per group and indicator: the list is made once per pair.
   */
  private blocksIn(areas: readonly string[], years: readonly number[]): Block[] {
    return this.planFor(areas, years).blocks;
  }

  /** The same blocks grouped by stratum, strata in order of first appearance. */
  private byStratum(areas: readonly string[], years: readonly number[]): { first: Block; blocks: Block[] }[] {
    const plan = this.planFor(areas, years);
    if (!plan.strata) {
      const strata = new Map<string, { first: Block; blocks: Block[] }>();
      for (const b of plan.blocks) {
        const st = strata.get(b.stratumKey);
        if (st) st.blocks.push(b);
        else strata.set(b.stratumKey, { first: b, blocks: [b] });
      }
      plan.strata = [...strata.values()];
    }
    return plan.strata;
  }

  private planFor(areas: readonly string[], years: readonly number[]): BlockPlan {
    let byYears = this.plans.get(areas);
    if (!byYears) this.plans.set(areas, (byYears = new WeakMap()));
    let plan = byYears.get(years);
    if (!plan) {
      const blocks: Block[] = [];
      for (const y of years) {
        for (const a of areas) {
          const list = this.byYearArea.get(`${y}\u0000${a}`);
          if (list) for (const b of list) blocks.push(b);
        }
      }
      byYears.set(years, (plan = { blocks, strata: null }));
    }
    return plan;
  }
}

interface BlockPlan {
  blocks: Block[];
  /** Made when first asked for. */
  strata: { first: Block; blocks: Block[] }[] | null;
}

/** Fold one PSU's sums (or, without clusters, a block of row-level sums) at `o` in `s` into its stratum. */
function addPsu(st: StratumSums, s: Float64Array, o: number, cluster: boolean): void {
  const A = s[o + F_A]!;
  const B = s[o + F_B]!;
  st.sumA += A;
  st.sumB += B;
  st.sumW2 += s[o + F_W2]!;
  st.n += s[o + F_N]!;
  st.x += s[o + F_X]!;
  st.nAll += s[o + F_NALL]!;
  if (cluster) {
    st.sumAA += A * A;
    st.sumAB += A * B;
    st.sumBB += B * B;
    if (s[o + F_NALL]! > 0) st.psuInDomain += 1;
    if (s[o + F_N]! > 0) st.psuWithAnswer! += 1;
  } else {
    // Every row its own PSU: A_j = w·y, B_j = w, so A_j² = A_j·B_j = w²·y and B_j² = w².
    st.sumAA += s[o + F_AA]!;
    st.sumAB += s[o + F_AA]!;
    st.sumBB += s[o + F_W2]!;
    st.psuInDomain += s[o + F_NALL]!;
    st.psuWithAnswer! += s[o + F_N]!;
  }
}

function tooManyBlocks(limit: number): LimitError {
  return new LimitError(msg('limit.blocks', { limit }), undefined, msg('limit.blocks.hint'));
}

function stratumKey(year: number, stratum: string): string {
  return `${year}\u0000${stratum}`;
}
