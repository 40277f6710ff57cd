// One streaming pass: respondents → sufficient statistics. Per (wave, area, stratum, PSU)
// a block of sums for every group × indicator; nothing per row is kept. Any domain (an area,
// the county, the rest of the county, pooled waves) is later assembled from these blocks,
// folded into the per-stratum sums src/stats estimates from (see DESIGN.md).
import { DataError, LimitError, msg } from '../errors.js';
import { associationFactors, associationOutcomes } from '../config/read.js';
import type { ProjectConfig } from '../config/schema.js';
import { emptyStratum, emptyStratumInto } from '../stats/fold.js';
import { isLonely, zeroMatrix } from '../stats/variance.js';
import type { JointDomainSums, JointStratum, StratumSums } from '../stats/index.js';
import { YES, NO, MISSING, OUTSIDE, type Respondent } from '../ingest/respondents.js';
import { fpcPopulationSizes } from './fpc.js';
import { countsOfCells, PostStrata, postStratumOf, uncoveredCells, uncoveredError, type PopulationCell, type PopulationCounts } from './poststrata.js';
import { addRowResidualCross, cellShare, residualTotals, type CellShare } from '../stats/poststratify.js';

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
 * hundreds; a whole country, 290 municipalities × 10 waves with strata by municipality and
 * 60 indicators with an extra breakdown, about 2 900 blocks and 370 MB of sums). Far more
 * means the cluster column is a respondent id; refuse before the sums outgrow this much
 * memory, or this many blocks, whichever comes first.
 */
export const MAX_SUMS_BYTES = 480 * 1024 * 1024;
export const MAX_BLOCKS = 200_000;

export interface Block {
  year: number;
  area: string;
  stratum: string;
  psu: string | null;
  /**
   * Post-stratified designs: the block's post-stratum (see postStratumOf), so that every block
   * lies in one cell and has one calibration factor, whatever groups the layout has. Null otherwise.
   */
  cell: number | null;
  /** Σ w and Σ w² over all respondents of the block (post-stratum weights and residuals). */
  weight: number;
  weight2: number;
  /** design.fpc of the block's rows (NaN without it): one value per stratum. */
  fpc: number;
  /** [group][indicator][field] */
  sums: Float64Array;
  /** "Totalt" within each condition: [condition][target][field] (see ConditionLayout). */
  given: Float64Array;
  /** Respondents per group (any answers). */
  groupRows: Float64Array;
  /** All respondents of the block, classified into the tables or not (the design's rows). */
  rows: number;
  /** (wave, stratum) and (wave, stratum, PSU) as map keys, made once. */
  stratumKey: string;
  psuKey: string;
}

/**
 * Group indices: 0 total, then gender values, grade values, gender × grade, then per extra
 * breakdown (groups.extra) its values and gender × its values.
 *
 * "Totalt" and the school-year groups hold the respondents whose gender (and school year)
 * is a reported value, so that every total is exactly the sum of its published parts.
 * A small unreported group ("annat/vill ej ange", or no answer) inside a total could
 * otherwise be recovered as total − parts, and protecting it would hide girls' or boys'
 * figures. Such respondents still count in the design, in their own gender group, and in
 * the number of respondents. The extra breakdowns hold "Totalt" respondents only (so that a
 * value's group is exactly the sum of its gender crosses), and nobody whose value is missing.
 */
export interface GroupLayout {
  genders: number;
  grades: number;
  /** Number of values of each extra breakdown. */
  extras: readonly number[];
  count: number;
  /** Whether a gender / grade value index is reported (config `report`), -1 = not given. */
  genderReported(g: number): boolean;
  gradeReported(k: number): boolean;
  gender(g: number): number;
  grade(k: number): number;
  cross(g: number, k: number): number;
  /** Extra breakdown e's value v ("Totalt" respondents with that value). */
  extra(e: number, v: number): number;
  /** Gender g × extra breakdown e's value v. */
  extraCross(e: number, g: number, v: number): number;
  /** Whether no respondent can be in both groups (two values of one variable, or crosses of them). */
  disjoint(a: number, b: number): boolean;
}

export function groupLayout(config: ProjectConfig): GroupLayout {
  const G = config.groups.gender.values.length;
  const K = config.groups.grade?.values.length ?? 0;
  const extras = config.groups.extra.map((v) => v.values.length);
  const genderReported = config.groups.gender.values.map((v) => v.report);
  const gradeReported = config.groups.grade?.values.map((v) => v.report) ?? [];
  const extraBase: number[] = [];
  let count = 1 + G + K + G * K;
  for (const V of extras) {
    extraBase.push(count);
    count += V + G * V;
  }
  // A group index as its value of each variable: gender, grade, then each extra breakdown (−1 = any).
  const parts = (i: number): number[] => {
    const p = new Array<number>(2 + extras.length).fill(-1);
    if (i === 0) return p;
    if (i <= G) p[0] = i - 1;
    else if (i <= G + K) p[1] = i - 1 - G;
    else if (i < 1 + G + K + G * K) {
      const c = i - 1 - G - K;
      p[0] = Math.floor(c / K);
      p[1] = c % K;
    } else {
      let e = extras.length - 1;
      while (extraBase[e]! > i) e--;
      const V = extras[e]!;
      const c = i - extraBase[e]!;
      if (c < V) p[2 + e] = c;
      else {
        p[0] = Math.floor((c - V) / V);
        p[2 + e] = (c - V) % V;
      }
    }
    return p;
  };
  return {
    genders: G,
    grades: K,
    extras,
    count,
    genderReported: (g) => genderReported[g] === true,
    gradeReported: (k) => gradeReported[k] === true,
    gender: (g) => 1 + g,
    grade: (k) => 1 + G + k,
    cross: (g, k) => 1 + G + K + g * K + k,
    extra: (e, v) => extraBase[e]! + v,
    extraCross: (e, g, v) => extraBase[e]! + extras[e]! + g * extras[e]! + v,
    disjoint: (a, b) => {
      const pa = parts(a);
      const pb = parts(b);
      return pa.some((x, d) => x >= 0 && pb[d]! >= 0 && x !== pb[d]);
    },
  };
}

/**
 * A respondent-level condition on another indicator's answer ("answered yes to the factor"):
 * with the "Totalt" group it defines a domain (step 3's pupils with and without a factor).
 */
export interface Condition {
  indicator: number;
  answer: 'yes' | 'no';
}

/**
 * Which conditioned domains are kept, and for which indicators: sums per condition × target
 * indicator in every block, so their size is bounded by the number of cells, not of rows.
 */
export interface ConditionLayout {
  conditions: readonly Condition[];
  /** Indicator indices kept within each condition. */
  targets: readonly number[];
}

/** Step 3: every förändringsfaktor answered yes or no, for the association outcomes. */
export function associationConditions(config: ProjectConfig): ConditionLayout {
  const index = new Map(config.indicators.map((ind, i) => [ind.id, i]));
  const factors = associationFactors(config).map((f) => index.get(f.id)!);
  return {
    conditions: factors.flatMap((i) => [
      { indicator: i, answer: 'yes' as const },
      { indicator: i, answer: 'no' as const },
    ]),
    targets: factors.length === 0 ? [] : associationOutcomes(config).map((o) => index.get(o.id)!),
  };
}

/** A domain: a group within some areas (of the waves asked for). */
export interface DomainSpec {
  areas: readonly string[];
  group: number;
  /** Only respondents meeting this condition (the group must then be "Totalt"). */
  given?: Condition;
}

/**
 * One row's answers (YES, NO, MISSING or OUTSIDE) into `count` consecutive indicators' sums
 * from offset o: values[i], or with `pick` values[pick[i]]. Outside the population an answer
 * counts nowhere; missing, only among the domain's rows (the design's n). One call per row
 * and group, not per answer: a call V8 does not inline (it inlines little, see
 * src/cli/v8-settings.ts) makes a heap object of each weight passed, two per answer of a
 * million rows' 40 answers (ingest of 1 000 000 rows on one thread about 7.2 s, now 6.4 s).
 */
function addAnswers(sums: Float64Array, o: number, values: Int8Array, pick: readonly number[] | null, count: number, w: number, w2: number): void {
  for (let i = 0; i < count; i++, o += FIELDS) {
    const v = pick === null ? values[i]! : values[pick[i]!]!;
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

/** Finished sums' content (see SurveySums.parts). */
export interface SumsParts {
  blocks: Block[];
  fpcs: [string, number][] | null;
  population: { file: string; delimiter: string; cells: PopulationCell[] } | null;
}

/** An accumulator's content (see SurveyAccumulator.parts). */
export interface AccumulatorParts {
  blocks: Block[];
  fpcs: [string, number][];
}

/** The buffers of the parts' arrays (a few slabs): transferred, not copied, to another thread. */
export function partsBuffers(parts: AccumulatorParts): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const b of parts.blocks) for (const a of [b.sums, b.given, b.groupRows]) out.add(a.buffer as ArrayBuffer);
  return [...out];
}

/**
 * Blocks' arrays are cut from slabs of 32 MiB, not allocated one by one. A block's sums
 * (about 120 KB for a country's config) would each come from the C library's heap, which
 * keeps them when they are freed: batch lets go of the sums before rendering, and the
 * process went on holding them (370 MB for a country). A slab this large is mapped on its own
 * and given back to the system when freed; pages a slab does not use yet cost no memory.
 */
class Slabs {
  private static readonly DOUBLES = 4 * 1024 * 1024;
  private slab: Float64Array | null = null;
  private used = 0;

  /** `n` zeroed doubles. */
  take(n: number): Float64Array {
    if (n > Slabs.DOUBLES) return new Float64Array(n);
    if (this.slab === null || this.used + n > this.slab.length) {
      this.slab = new Float64Array(Slabs.DOUBLES);
      this.used = 0;
    }
    const out = this.slab.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }
}

/**
 * The groups add() leaves empty, as sums of the groups it fills (see add and GroupLayout):
 * a gender is its crosses with every school year plus its rows without one; "Totalt" and a
 * school year are the crosses of reported genders (reported school years only: the others'
 * rows are in no table); an extra value is its crosses with the reported genders.
 */
function deriveGroups(L: GroupLayout, indicators: number, b: Block): void {
  const width = indicators * FIELDS;
  const { sums, groupRows } = b;
  const add = (to: number, from: number): void => {
    groupRows[to]! += groupRows[from]!;
    for (let i = 0, t = to * width, f = from * width; i < width; i++) sums[t + i]! += sums[f + i]!;
  };
  for (let g = 0; g < L.genders; g++) for (let k = 0; k < L.grades; k++) add(L.gender(g), L.cross(g, k));
  for (let g = 0; g < L.genders; g++) {
    if (!L.genderReported(g)) continue;
    if (L.grades === 0) add(0, L.gender(g));
    for (let k = 0; k < L.grades; k++) {
      if (!L.gradeReported(k)) continue;
      add(0, L.cross(g, k));
      add(L.grade(k), L.cross(g, k));
    }
  }
  for (let e = 0; e < L.extras.length; e++) {
    for (let v = 0; v < L.extras[e]!; v++) for (let g = 0; g < L.genders; g++) if (L.genderReported(g)) add(L.extra(e, v), L.extraCross(e, g, v));
  }
}

function blockKey(year: number, area: string, stratum: string, psu: string | null, cell: number | null): string {
  return `${year}\u0000${area}\u0000${stratum}\u0000${psu ?? ''}\u0000${cell ?? ''}`;
}

export class SurveyAccumulator {
  readonly layout: GroupLayout;
  readonly indicators: number;
  readonly clustered: boolean;
  /** population.poststratify: blocks are split by post-stratum. */
  readonly poststratified: boolean;
  private readonly hasFpc: boolean;
  private readonly blocks = new Map<string, Block>();
  private readonly slabs = new Slabs();
  /** design.fpc per (wave, stratum), as first seen. */
  private readonly fpcs = new Map<string, number>();
  private last: Block | null = null;
  /** finish() made the derived groups: nothing may be added any more. */
  private finished = false;
  private readonly groups: Int32Array;
  readonly conditions: ConditionLayout;
  /** Per condition: the indicator it reads and the answer code it wants. */
  private readonly conditionIndicator: Int32Array;
  private readonly conditionAnswer: Int8Array;
  /** The most blocks this config may open (see MAX_SUMS_BYTES). */
  readonly maxBlocks: number;

  constructor(config: ProjectConfig) {
    this.layout = groupLayout(config);
    this.indicators = config.indicators.length;
    this.clustered = config.design.cluster !== undefined;
    this.poststratified = config.population?.poststratify === true;
    this.hasFpc = config.design.fpc !== undefined;
    this.groups = new Int32Array(1 + this.layout.extras.length);
    this.conditions = associationConditions(config);
    this.conditionIndicator = Int32Array.from(this.conditions.conditions, (c) => c.indicator);
    this.conditionAnswer = Int8Array.from(this.conditions.conditions, (c) => (c.answer === 'yes' ? YES : NO));
    const blockBytes = (this.layout.count * this.indicators + this.givenLength() / FIELDS) * FIELDS * Float64Array.BYTES_PER_ELEMENT;
    this.maxBlocks = Math.min(MAX_BLOCKS, Math.floor(MAX_SUMS_BYTES / blockBytes));
  }

  private givenLength(): number {
    return this.conditions.conditions.length * this.conditions.targets.length * FIELDS;
  }

  add(r: Respondent): void {
    if (this.finished) throw new Error('SurveyAccumulator.add: after finish');
    const block = this.blockFor(r);
    const L = this.layout;
    const groups = this.groups;
    let ng = 0;
    const inTables = L.genderReported(r.gender) && (L.grades === 0 || L.gradeReported(r.grade));
    // An unreported gender value keeps its own (usually suppressed) groups.
    const ownGroups = inTables || (r.gender >= 0 && !L.genderReported(r.gender));
    // Only the finest groups are summed row by row: gender × school year (the gender alone
    // without a school year), gender × each extra value. "Totalt", genders, school years and
    // extra values are their sums, made once in finish() (deriveGroups): a third of the work.
    if (ownGroups) groups[ng++] = r.grade >= 0 ? L.cross(r.gender, r.grade) : L.gender(r.gender);
    if (inTables) {
      for (let e = 0; e < L.extras.length; e++) {
        const v = r.extra[e]!;
        if (v >= 0) groups[ng++] = L.extraCross(e, r.gender, v);
      }
    }
    block.rows += 1;
    const w = r.weight;
    const w2 = w * w;
    block.weight += w;
    block.weight2 += w2;
    if (this.hasFpc && r.fpc !== block.fpc) throw fpcVaries(r.year, r.stratum, block.fpc, r.fpc);

    const sums = block.sums;
    const values = r.values;
    const nInd = this.indicators;
    for (let gi = 0; gi < ng; gi++) {
      const g = groups[gi]!;
      block.groupRows[g]! += 1;
      addAnswers(sums, g * nInd * FIELDS, values, null, nInd, w, w2);
    }
    if (inTables && this.conditionIndicator.length > 0) this.addGiven(block.given, values, w, w2);
  }

  /** "Totalt" within each condition the respondent meets, for the target indicators. */
  private addGiven(given: Float64Array, values: Int8Array, w: number, w2: number): void {
    const targets = this.conditions.targets;
    const nT = targets.length;
    for (let c = 0; c < this.conditionIndicator.length; c++) {
      if (values[this.conditionIndicator[c]!] !== this.conditionAnswer[c]) continue;
      addAnswers(given, c * nT * FIELDS, values, targets, nT, w, w2);
    }
  }

  private blockFor(r: Respondent): Block {
    const psu = this.clustered ? r.psu : null;
    const cell = this.poststratified ? postStratumOf(this.layout, r.gender, r.grade) : null;
    const last = this.last;
    // Rows usually come sorted by area and wave: skip the map look-up for runs.
    if (last && last.year === r.year && last.area === r.area && last.stratum === r.stratum && last.psu === psu && last.cell === cell) return last;
    const key = blockKey(r.year, r.area, r.stratum, psu, cell);
    let block = this.blocks.get(key);
    if (!block) {
      if (this.blocks.size >= this.maxBlocks) throw tooManyBlocks(this.maxBlocks);
      const sk = stratumKey(r.year, r.stratum);
      if (this.hasFpc) {
        const fpc = this.fpcs.get(sk);
        if (fpc === undefined) this.fpcs.set(sk, r.fpc);
        else if (fpc !== r.fpc) throw fpcVaries(r.year, r.stratum, fpc, r.fpc);
      }
      block = {
        year: r.year,
        area: r.area,
        stratum: r.stratum,
        psu,
        cell,
        weight: 0,
        weight2: 0,
        fpc: r.fpc,
        sums: this.slabs.take(this.layout.count * this.indicators * FIELDS),
        given: this.slabs.take(this.givenLength()),
        groupRows: this.slabs.take(this.layout.count),
        rows: 0,
        stratumKey: sk,
        psuKey: `${sk}\u0000${psu ?? ''}`,
      };
      this.blocks.set(key, block);
    }
    this.last = block;
    return block;
  }

  /** Add another accumulator's sums (e.g. one file's, once the file has been read without error). */
  merge(other: SurveyAccumulator): void {
    if (this.finished || other.finished) throw new Error('SurveyAccumulator.merge: after finish');
    for (const [sk, fpc] of other.fpcs) {
      const mine = this.fpcs.get(sk);
      if (mine === undefined) this.fpcs.set(sk, fpc);
      else if (mine !== fpc) {
        const b = [...other.blocks.values()].find((x) => x.stratumKey === sk)!;
        throw fpcVaries(b.year, b.stratum, mine, fpc);
      }
    }
    for (const [key, b] of other.blocks) {
      const mine = this.blocks.get(key);
      if (!mine) {
        this.blocks.set(key, b);
        continue;
      }
      for (let i = 0; i < b.sums.length; i++) mine.sums[i]! += b.sums[i]!;
      for (let i = 0; i < b.given.length; i++) mine.given[i]! += b.given[i]!;
      for (let i = 0; i < b.groupRows.length; i++) mine.groupRows[i]! += b.groupRows[i]!;
      mine.rows += b.rows;
      mine.weight += b.weight;
      mine.weight2 += b.weight2;
    }
    if (this.blocks.size > this.maxBlocks) throw tooManyBlocks(this.maxBlocks);
  }

  /**
   * The sums as plain data, to send from a worker thread (structured clone; the arrays'
   * buffers can be transferred): `fromParts` makes the accumulator again.
   */
  parts(): AccumulatorParts {
    return { blocks: [...this.blocks.values()], fpcs: [...this.fpcs] };
  }

  static fromParts(config: ProjectConfig, parts: AccumulatorParts): SurveyAccumulator {
    const acc = new SurveyAccumulator(config);
    for (const [sk, fpc] of parts.fpcs) acc.fpcs.set(sk, fpc);
    for (const b of parts.blocks) acc.blocks.set(blockKey(b.year, b.area, b.stratum, b.psu, b.cell), b);
    return acc;
  }

  /** Freeze into an index for domain queries. */
  finish(): SurveySums {
    if (this.finished) throw new Error('SurveyAccumulator.finish: called twice');
    this.finished = true;
    for (const b of this.blocks.values()) deriveGroups(this.layout, this.indicators, b);
    return new SurveySums([...this.blocks.values()], this.layout, this.indicators, this.clustered, this.conditions, this.poststratified, this.hasFpc ? this.fpcs : null);
  }
}

/** The accumulated sums with domain queries. Immutable, but for the post-strata (see postStratify). */
export class SurveySums {
  readonly areas: string[];
  readonly years: number[];
  /** Respondents per (wave, stratum): nrow() of a post-stratified subset. */
  private readonly stratumRows = new Map<string, number>();
  /** Each wave's strata as (stratumKey, label), in order of first appearance. */
  private readonly strataOfYear = new Map<number, Map<string, string>>();
  private readonly byYearArea = new Map<string, Block[]>();
  private readonly plans = new WeakMap<readonly string[], WeakMap<readonly number[], BlockPlan>>();
  /** The strata and the list domain(…, reuse) returns (see there). */
  private readonly strataPool: StratumSums[] = [];
  private readonly reusedDomain: StratumSums[] = [];
  /** The strata jointDomains returns, by k, reused from call to call (see there). */
  private readonly jointPool = new Map<number, JointStratum[]>();
  /** Every (wave, stratum) of the design by key, numbered in order of first appearance. */
  private readonly stratumNumber = new Map<string, number>();
  /** Per stratum number, where jointDomains' current call keeps its stratum in jointList (−1: not yet). */
  private readonly jointAt: Int32Array;
  /** jointDomains' list of strata and their numbers, reused from call to call. */
  private readonly jointList: JointStratum[] = [];
  private readonly jointNumbers: Int32Array;
  /** Per stratum number: n_h, the PSUs of the (wave, stratum) in the whole design, and N_h of design.fpc (undefined without it). */
  private readonly psuTotalOf: number[] = [];
  private readonly popSizeOf: (number | undefined)[] = [];
  /** Post-stratified designs: the cells and, once postStratify has run, their factors. */
  readonly postStrata: PostStrata | null;

  constructor(
    private readonly blocks: Block[],
    readonly layout: GroupLayout,
    readonly indicators: number,
    readonly clustered: boolean,
    readonly conditions: ConditionLayout = { conditions: [], targets: [] },
    poststratified = false,
    private readonly fpcs: ReadonlyMap<string, number> | null = null,
  ) {
    const areas = new Set<string>();
    const years = new Set<number>();
    const psus = new Map<string, Set<string>>();
    const psuTotals = new Map<string, number>();
    for (const b of blocks) {
      areas.add(b.area);
      years.add(b.year);
      const k = `${b.year}\u0000${b.area}`;
      const list = this.byYearArea.get(k);
      if (list) list.push(b);
      else this.byYearArea.set(k, [b]);
      const sk = b.stratumKey;
      this.stratumRows.set(sk, (this.stratumRows.get(sk) ?? 0) + b.rows);
      const strata = this.strataOfYear.get(b.year) ?? new Map<string, string>();
      strata.set(sk, b.stratum);
      this.strataOfYear.set(b.year, strata);
      if (this.clustered) {
        const set = psus.get(sk) ?? new Set<string>();
        set.add(b.psu!);
        psus.set(sk, set);
      } else {
        psuTotals.set(sk, (psuTotals.get(sk) ?? 0) + b.rows);
      }
    }
    for (const [k, set] of psus) psuTotals.set(k, set.size);
    for (const b of blocks) if (!this.stratumNumber.has(b.stratumKey)) this.stratumNumber.set(b.stratumKey, this.stratumNumber.size);
    this.areas = [...areas].sort((a, b) => a.localeCompare(b, 'sv'));
    this.years = [...years].sort((a, b) => a - b);
    const popSizes = fpcs ? fpcPopulationSizes(fpcs, psuTotals, this.strataOfYear) : new Map<string, number>();
    this.postStrata = poststratified ? new PostStrata(blocks) : null;
    this.jointAt = new Int32Array(this.stratumNumber.size).fill(-1);
    this.jointNumbers = new Int32Array(this.stratumNumber.size);
    for (const [key, h] of this.stratumNumber) {
      this.psuTotalOf[h] = psuTotals.get(key)!;
      this.popSizeOf[h] = popSizes.get(key);
    }
  }

  /** The population counts of config `population` (set by ingest; checked by applyPopulation). */
  population: PopulationCounts | null = null;

  /**
   * The sums as plain data for another thread (a structured clone copies their arrays):
   * `fromParts` makes the same sums there, to the last bit.
   */
  parts(): SumsParts {
    const p = this.population;
    // The blocks' arrays packed into one: a clone copies a view's whole buffer, and the
    // blocks' are views of 32 MiB slabs, mostly unused in a small survey.
    const packed = new Float64Array(this.partsBytes() / Float64Array.BYTES_PER_ELEMENT);
    let at = 0;
    const copy = (a: Float64Array): Float64Array => {
      const view = packed.subarray(at, at + a.length);
      view.set(a);
      at += a.length;
      return view;
    };
    const blocks = this.blocks.map((b) => ({ ...b, sums: copy(b.sums), given: copy(b.given), groupRows: copy(b.groupRows) }));
    return { blocks, fpcs: this.fpcs ? [...this.fpcs] : null, population: p ? { file: p.file, delimiter: p.delimiter, cells: [...p.cells()] } : null };
  }

  /** Bytes of the blocks' arrays (what `parts` copies). */
  partsBytes(): number {
    let bytes = 0;
    for (const b of this.blocks) bytes += b.sums.byteLength + b.given.byteLength + b.groupRows.byteLength;
    return bytes;
  }

  static fromParts(config: ProjectConfig, parts: SumsParts): SurveySums {
    // The layout and design flags come from the config, as they did for the original.
    const like = new SurveyAccumulator(config);
    const sums = new SurveySums(parts.blocks, like.layout, like.indicators, like.clustered, like.conditions, like.poststratified, parts.fpcs ? new Map(parts.fpcs) : null);
    if (parts.population) sums.population = countsOfCells(parts.population.file, parts.population.delimiter, parts.population.cells);
    return sums;
  }

  /**
   * Checks the population counts against the respondents: every post-stratum with
   * respondents must have one (a ConfigError names those that do not). A post-stratified
   * design then gets its factors.
   */
  applyPopulation(config: ProjectConfig): PopulationCounts {
    const population = this.population;
    if (!population) throw new Error('applyPopulation: the population file was not read');
    const missing = uncoveredCells(population, config, this.years, this.areas, (y, a, c) => this.cellRespondents(y, a, c));
    if (missing.length > 0) throw uncoveredError(missing, population);
    this.postStrata?.calibrate(population);
    return population;
  }

  /**
   * Whether any stratum of these waves has a single PSU and is not sampled in full (lonely,
   * see stratifiedVariance): only then can an estimate's variance fail (design.lonely_psu:
   * fail) or be missing (average).
   */
  hasLonelyStratum(years: readonly number[]): boolean {
    for (const y of years) {
      for (const key of this.strataOfYear.get(y)?.keys() ?? []) {
        const h = this.stratumNumber.get(key)!;
        if (isLonely({ psuTotal: this.psuTotalOf[h]!, popSize: this.popSizeOf[h] })) return true;
      }
    }
    return false;
  }

  /** Respondents of a post-stratum cell (reported gender × school year, see postStratumOf) in an area and wave. */
  cellRespondents(year: number, area: string, cell: number): number {
    if (this.postStrata) return this.postStrata.respondents(year, area, cell);
    const L = this.layout;
    const K = Math.max(L.grades, 1);
    const group = L.grades === 0 ? L.gender(cell) : L.cross(Math.floor(cell / K), cell % K);
    return this.respondents([area], [year], group);
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
   * Respondents with an answer (n) and answering yes (x) in the group over the given areas and
   * waves, for every indicator: [n₀, x₀, n₁, x₁, …]. The counts the estimates will have
   * (unweighted, so they simply add up), without their variance.
   */
  counts(areas: readonly string[], years: readonly number[], group: number): Float64Array {
    const out = new Float64Array(2 * this.indicators);
    const base = group * this.indicators * FIELDS;
    for (const b of this.blocksIn(areas, years)) {
      const s = b.sums;
      for (let i = 0, o = base; i < this.indicators; i++, o += FIELDS) {
        out[2 * i]! += s[o + F_N]!;
        out[2 * i + 1]! += s[o + F_X]!;
      }
    }
    return out;
  }

  /** n and x of one domain (as counts, for a conditioned domain too). */
  domainCounts(spec: DomainSpec, years: readonly number[], indicator: number): { n: number; x: number } {
    const { of, base } = this.slot(spec, indicator);
    let n = 0;
    let x = 0;
    for (const b of this.blocksIn(spec.areas, years)) {
      const s = of(b);
      n += s[base + F_N]!;
      x += s[base + F_X]!;
    }
    return { n, x };
  }

  /**
   * Per-stratum sufficient statistics of one domain: the group within the areas and waves,
   * for one indicator. Each wave is its own design, so strata are (wave, stratum).
   *
   * With `reuse`, the strata (and the list) of a design without clusters are those of the
   * previous call with `reuse`, refilled: valid until the next such call. The figures ask
   * this once per cell and use it at once; a county's estimates each have a stratum per
   * municipality, and making them new was the statistics' largest allocation (96 of 690 MB
   * on the bench's 10 000 rows).
   */
  domain(areas: readonly string[], years: readonly number[], group: number, indicator: number, given?: Condition, reuse = false): StratumSums[] {
    if (this.postStrata) return this.postStratified([{ areas, group, given }], years, indicator, false).map((s) => s.domains[0]!);
    if (!this.clustered && given === undefined) {
      // Every row its own PSU: row-level sums add up across blocks as they are, stratum by
      // stratum. (A figures table asks this once per cell: no slot object for the common case.)
      const base = (group * this.indicators + indicator) * FIELDS;
      const plan = this.byStratum(areas, years);
      const out: StratumSums[] = reuse ? this.reusedDomain : new Array<StratumSums>(plan.length);
      out.length = plan.length;
      for (let k = 0; k < plan.length; k++) {
        const { blocks, psuTotal, popSize, label } = plan[k]!;
        let st = reuse ? this.strataPool[k] : undefined;
        if (st) emptyStratumInto(st, label, psuTotal, popSize);
        else {
          st = emptyStratum(label, psuTotal, popSize);
          if (reuse) this.strataPool.push(st);
        }
        for (const b of blocks) addPsu(st, b.sums, base, false);
        out[k] = st;
      }
      return out;
    }
    const slot = this.slot({ areas, group, given }, indicator);
    if (!this.clustered) {
      const out: StratumSums[] = [];
      for (const { blocks, psuTotal, popSize, label } of this.byStratum(areas, years)) {
        const st = emptyStratum(label, psuTotal, popSize);
        for (const b of blocks) addPsu(st, slot.of(b), slot.base, false);
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
      const from = slot.of(b);
      if (!entry) psus.set(b.psuKey, { block: b, s: from.slice(slot.base, slot.base + FIELDS) });
      else for (let f = 0; f < FIELDS; f++) entry.s[f]! += from[slot.base + f]!;
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
   *
   * The strata and their list are valid until the next call: they are reused. A county's
   * figures ask this for every comparison of a municipality with the rest of the county, each
   * over all the county's strata (300 000 strata for 50 municipalities), and making them new
   * each time was a third of the statistics' allocation (their time: 7 % less with them reused).
   */
  jointDomains(specs: readonly DomainSpec[], years: readonly number[], indicator: number): JointDomainSums {
    if (this.postStrata) return this.postStratified(specs, years, indicator, true);
    const k = specs.length;
    // The call's strata in order of first appearance, found by the stratum's number (see
    // BlockPlan.strata): a Map by key was a look-up per block and a new table per call. The
    // numbers the call used are reset at its end.
    const strata = this.jointList;
    strata.length = 0;
    const at = this.jointAt;
    const numbers = this.jointNumbers;
    const stratumOf = (b: Block, h: number): JointStratum => {
      const j = at[h]!;
      if (j >= 0) return strata[j]!;
      const st = this.jointStratum(strata.length, h, b.year, b.stratum, k, years.length > 1);
      at[h] = strata.length;
      numbers[strata.length] = h;
      strata.push(st);
      return st;
    };
    try {
      this.jointStrata(specs, years, indicator, stratumOf);
    } finally {
      for (let j = 0; j < strata.length; j++) at[numbers[j]!] = -1;
    }
    return strata;
  }

  /** jointDomains' sums, into the strata `stratumOf` gives for a block and its stratum's number. */
  private jointStrata(specs: readonly DomainSpec[], years: readonly number[], indicator: number, stratumOf: (b: Block, h: number) => JointStratum): void {
    const k = specs.length;
    if (!this.clustered) {
      this.assertDisjoint(specs);
      specs.forEach((spec, d) => {
        const slot = this.slot(spec, indicator);
        const { blocks, strata } = this.planFor(spec.areas, years);
        for (let j = 0; j < blocks.length; j++) {
          const b = blocks[j]!;
          const st = stratumOf(b, strata[j]!);
          const s = slot.of(b);
          const o = slot.base;
          addPsu(st.domains[d]!, s, o, false);
          // Row level: A = w·y, B = w, so A² = A·B = w²·y and B² = w².
          const aa = s[o + F_AA]!;
          const c = st.cross;
          c[2 * d]![2 * d]! += aa;
          c[2 * d]![2 * d + 1]! += aa;
          c[2 * d + 1]![2 * d]! += aa;
          c[2 * d + 1]![2 * d + 1]! += s[o + F_W2]!;
        }
      });
      return;
    }
    // PSU totals of every domain (a PSU may span areas), then their products per stratum.
    const psus = new Map<string, { block: Block; h: number; s: Float64Array }>();
    specs.forEach((spec, d) => {
      const slot = this.slot(spec, indicator);
      const { blocks, strata } = this.planFor(spec.areas, years);
      for (let j = 0; j < blocks.length; j++) {
        const b = blocks[j]!;
        let entry = psus.get(b.psuKey);
        if (!entry) psus.set(b.psuKey, (entry = { block: b, h: strata[j]!, s: new Float64Array(k * FIELDS) }));
        const from = slot.of(b);
        for (let f = 0; f < FIELDS; f++) entry.s[d * FIELDS + f]! += from[slot.base + f]!;
      }
    });
    const t = new Array<number>(2 * k);
    for (const { block, h, s } of psus.values()) {
      const st = stratumOf(block, h);
      for (let d = 0; d < k; d++) {
        addPsu(st.domains[d]!, s, d * FIELDS, true);
        t[2 * d] = s[d * FIELDS + F_A]!;
        t[2 * d + 1] = s[d * FIELDS + F_B]!;
      }
      for (let i = 0; i < 2 * k; i++) for (let j = 0; j < 2 * k; j++) st.cross[i]![j]! += t[i]! * t[j]!;
    }
  }

  /**
   * An empty stratum of k domains (`h`: its number), with the design's n_h (and N_h): the
   * `index`-th of the call's reused strata (see jointDomains), or a new one (null: strata that
   * are kept).
   */
  private jointStratum(index: number | null, h: number, year: number, stratum: string, k: number, pooledWaves: boolean): JointStratum {
    const label = pooledWaves ? `${year}:${stratum}` : stratum;
    const psuTotal = this.psuTotalOf[h]!;
    const popSize = this.popSizeOf[h];
    let pool = this.jointPool.get(k);
    if (!pool) this.jointPool.set(k, (pool = []));
    const st = index === null ? undefined : pool[index];
    if (!st) {
      const domains = new Array<StratumSums>(k);
      for (let d = 0; d < k; d++) domains[d] = emptyStratum(label, psuTotal, popSize);
      const made = { stratum: label, psuTotal, popSize, domains, cross: zeroMatrix(2 * k) };
      if (index !== null) pool.push(made);
      return made;
    }
    st.stratum = label;
    st.psuTotal = psuTotal;
    st.popSize = popSize;
    for (let d = 0; d < k; d++) emptyStratumInto(st.domains[d]!, label, psuTotal, popSize);
    for (const row of st.cross) row.fill(0);
    return st;
  }

  /**
   * The sums of k domains on the post-stratified design (see src/stats/poststratify.ts):
   * calibrated totals for the estimates, residual totals Ã, B̃ for the scores. Every stratum
   * of the waves is in it (R keeps every row of a calibrated design's subsets), and nrow()
   * of its subsets is every respondent of the wave. Each domain's sumAA, sumAB, sumBB are
   * the diagonal blocks of the cross-products.
   */
  private postStratified(specs: readonly DomainSpec[], years: readonly number[], indicator: number, reuse: boolean): JointStratum[] {
    const post = this.postStrata!;
    const k = specs.length;
    const strata = new Map<string, JointStratum>();
    for (const y of years) {
      for (const [key, label] of this.strataOfYear.get(y) ?? []) {
        const st = this.jointStratum(reuse ? strata.size : null, this.stratumNumber.get(key)!, y, label, k, years.length > 1);
        for (const d of st.domains) {
          d.present = true;
          d.nAll = this.stratumRows.get(key)!;
          d.scoreA = d.scoreB = 0;
        }
        strata.set(key, st);
      }
    }
    if (!this.clustered) this.assertDisjoint(specs);
    const slots = specs.map((spec) => this.slot(spec, indicator));
    const members = specs.map((spec) => new Set(spec.areas));
    const blocks = this.blocksIn([...new Set(specs.flatMap((spec) => spec.areas))], years);
    // Each domain's A_c, B_c per post-stratum (a cell lies in one area: all its blocks are here).
    const cellSums = new Float64Array(post.cellCount * 2 * k);
    for (const b of blocks) {
      const c = post.cellOf(b) * 2 * k;
      for (let d = 0; d < k; d++) {
        if (!members[d]!.has(b.area)) continue;
        const { of, base } = slots[d]!;
        cellSums[c + 2 * d]! += of(b)[base + F_A]!;
        cellSums[c + 2 * d + 1]! += of(b)[base + F_B]!;
      }
    }
    const sharesOf = (b: Block): CellShare[] => {
      const id = post.cellOf(b);
      return specs.map((_, d) => cellShare(cellSums[id * 2 * k + 2 * d]!, cellSums[id * 2 * k + 2 * d + 1]!, post.cellWeight(id)));
    };
    const psus = new Map<string, { stratum: JointStratum; t: number[]; rows: number[]; answered: number[] }>();
    for (const b of blocks) {
      const st = strata.get(b.stratumKey)!;
      const g = post.factor(b);
      const cellShares = sharesOf(b);
      let psu = this.clustered ? psus.get(b.psuKey) : undefined;
      if (this.clustered && !psu) psus.set(b.psuKey, (psu = { stratum: st, t: new Array<number>(2 * k).fill(0), rows: new Array<number>(k).fill(0), answered: new Array<number>(k).fill(0) }));
      const squares = [];
      for (let d = 0; d < k; d++) {
        const s = members[d]!.has(b.area) ? slots[d]!.of(b).subarray(slots[d]!.base, slots[d]!.base + FIELDS) : ZERO_FIELDS;
        const dom = st.domains[d]!;
        const [ta, tb] = residualTotals(g, s[F_A]!, s[F_B]!, b.weight, cellShares[d]!);
        dom.sumA += g * s[F_A]!;
        dom.sumB += g * s[F_B]!;
        dom.scoreA! += ta;
        dom.scoreB! += tb;
        dom.sumW2 += g * g * s[F_W2]!;
        dom.n += s[F_N]!;
        dom.x += s[F_X]!;
        if (psu) {
          psu.t[2 * d]! += ta;
          psu.t[2 * d + 1]! += tb;
          psu.rows[d]! += s[F_NALL]!;
          psu.answered[d]! += s[F_N]!;
        } else {
          dom.psuInDomain += s[F_NALL]!;
          dom.psuWithAnswer! += s[F_N]!;
          squares.push({ aa: s[F_AA]!, w2: s[F_W2]! });
        }
      }
      if (!psu) addRowResidualCross(st.cross, g, squares, cellShares, b.weight2);
    }
    for (const { stratum: st, t, rows, answered } of psus.values()) {
      for (let i = 0; i < 2 * k; i++) for (let j = 0; j < 2 * k; j++) st.cross[i]![j]! += t[i]! * t[j]!;
      rows.forEach((r, d) => {
        if (r > 0) st.domains[d]!.psuInDomain += 1;
        if (answered[d]! > 0) st.domains[d]!.psuWithAnswer! += 1;
      });
    }
    for (const st of strata.values()) {
      st.domains.forEach((dom, d) => {
        dom.sumAA = st.cross[2 * d]![2 * d]!;
        dom.sumAB = st.cross[2 * d]![2 * d + 1]!;
        dom.sumBB = st.cross[2 * d + 1]![2 * d + 1]!;
      });
    }
    return [...strata.values()];
  }

  /** Where a domain's sums for one indicator are in a block: the array, and the offset in it. */
  private slot(spec: DomainSpec, indicator: number): { of: (b: Block) => Float64Array; base: number } {
    if (spec.given === undefined) return { of: (b) => b.sums, base: (spec.group * this.indicators + indicator) * FIELDS };
    const { given } = spec;
    const c = this.conditions.conditions.findIndex((x) => x.indicator === given.indicator && x.answer === given.answer);
    const t = this.conditions.targets.indexOf(indicator);
    if (spec.group !== 0 || c < 0 || t < 0) throw new Error('a conditioned domain is kept only for "Totalt", the conditions and the target indicators of ConditionLayout');
    return { of: (b) => b.given, base: (c * this.conditions.targets.length + t) * FIELDS };
  }

  private assertDisjoint(specs: readonly DomainSpec[]): void {
    const opposite = (a: DomainSpec, b: DomainSpec) => a.given !== undefined && b.given !== undefined && a.given.indicator === b.given.indicator && a.given.answer !== b.given.answer;
    specs.forEach((a, d) =>
      specs.slice(d + 1).forEach((b) => {
        const sharedArea = a.areas.some((x) => b.areas.includes(x));
        if (sharedArea && !this.layout.disjoint(a.group, b.group) && !opposite(a, b)) {
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
    const h = this.stratumNumber.get(b.stratumKey)!;
    return emptyStratum(pooledWaves ? `${b.year}:${b.stratum}` : b.stratum, this.psuTotalOf[h]!, this.popSizeOf[h]);
  }

  /**
   * The blocks of some areas and waves, in order. The figures ask for the same areas and
   * waves (the same arrays) once per group and indicator: the list is made once per pair.
   */
  private blocksIn(areas: readonly string[], years: readonly number[]): Block[] {
    return this.planFor(areas, years).blocks;
  }

  /** The same blocks grouped by stratum, strata in order of first appearance, with what newStratum gives each. */
  private byStratum(areas: readonly string[], years: readonly number[]): PlanStratum[] {
    const plan = this.planFor(areas, years);
    if (!plan.byStratum) {
      const strata = new Map<string, PlanStratum>();
      for (const b of plan.blocks) {
        const st = strata.get(b.stratumKey);
        if (st) st.blocks.push(b);
        else {
          const { stratum: label, psuTotal, popSize } = this.newStratum(b, years.length > 1);
          strata.set(b.stratumKey, { blocks: [b], label, psuTotal, popSize });
        }
      }
      plan.byStratum = [...strata.values()];
    }
    return plan.byStratum;
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
      const strata = Int32Array.from(blocks, (b) => this.stratumNumber.get(b.stratumKey)!);
      byYears.set(years, (plan = { blocks, strata, byStratum: null }));
    }
    return plan;
  }
}

interface BlockPlan {
  blocks: Block[];
  /** Each block's stratum as a number (SurveySums.stratumNumber). */
  strata: Int32Array;
  /** Made when first asked for. */
  byStratum: PlanStratum[] | null;
}

/** A stratum's blocks in a plan, and its label, n_h and N_h (found once per plan, not per domain). */
interface PlanStratum {
  blocks: Block[];
  label: string;
  psuTotal: number;
  popSize: number | undefined;
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

const ZERO_FIELDS = new Float64Array(FIELDS);

function fpcVaries(year: number, stratum: string, first: number, other: number): DataError {
  return new DataError(msg('design.fpc.varies', { year, stratum: stratum === '' ? null : stratum, first, other }), undefined, msg('design.fpc.varies.hint'));
}

function tooManyBlocks(limit: number): LimitError {
  return new LimitError(msg('limit.blocks', { limit }), undefined, msg('limit.blocks.hint'));
}

function stratumKey(year: number, stratum: string): string {
  return `${year}\u0000${stratum}`;
}
