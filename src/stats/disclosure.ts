// Disclosure control for tables of proportions: primary suppression of small bases and
// small counts, and secondary suppression so that no hidden count can be solved for from
// the published ones through additive relations (total = Σ parts). Works on unweighted
// counts; n is assumed public (bases are always shown), so what is protected is x.

export type DisclosureReason =
  | 'base' // n < minBase
  | 'count' // 1 ≤ x ≤ maxSmallCount
  | 'complement' // 1 ≤ n − x ≤ maxSmallCount
  | 'secondary'; // hidden so that another hidden cell cannot be recovered

export interface DisclosureCell {
  key: string;
  /** Unweighted base and count of yes. */
  n: number;
  x: number;
  /** False for cells that are never shown but take part in relations (e.g. a remainder of respondents without gender). */
  published: boolean;
  /**
   * An unpublished cell is protected for its own sake when it breaks a primary rule, unless
   * this is false: for a remainder that is no group anyone can point to (the respondents who
   * left a question unanswered), which then counts as known (see `KNOWN`).
   */
  sensitive?: boolean;
}

/** x(total) = Σ x(parts), and the same for n. Parts must cover the total (add a remainder cell if needed). */
export interface DisclosureRelation {
  total: string;
  parts: string[];
}

export interface DisclosureRules {
  minBase: number;
  maxSmallCount: number;
  secondary: boolean;
  /** Published cells with n under this get `caution` ("tolka med försiktighet"). */
  cautionBase?: number;
}

export interface CellDisclosure {
  suppressed: boolean;
  reason: DisclosureReason | null;
  caution: boolean;
}

export interface DisclosureResult {
  /** Every published cell by key. */
  cells: Map<string, CellDisclosure>;
  /** Suppressed published cells with their reason, in input order (keys only, never values). */
  audit: { key: string; reason: DisclosureReason }[];
  /** Keys whose x is unknown to a reader (suppressed or unpublished-sensitive, n > 0), sorted: the input of recoverableCells. */
  hidden: string[];
}

/** The primary rule a cell breaks, if any (checked in this order: base, count, complement). */
export function primaryReason(n: number, x: number, rules: Pick<DisclosureRules, 'minBase' | 'maxSmallCount'>): DisclosureReason | null {
  if (n < rules.minBase) return 'base';
  if (x >= 1 && x <= rules.maxSmallCount) return 'count';
  if (n - x >= 1 && n - x <= rules.maxSmallCount) return 'complement';
  return null;
}

export function applyDisclosure(cells: readonly DisclosureCell[], relations: readonly DisclosureRelation[], rules: DisclosureRules): DisclosureResult {
  const indexed = indexCells(cells, relations);
  const { reason } = disclose(indexed, rules, (i) => cells[i]!.key);
  const result: DisclosureResult = { cells: new Map(), audit: [], hidden: [] };
  const hidden = indexed.hidden;
  cells.forEach((c, i) => {
    if (hidden![i]) result.hidden.push(c.key);
    if (!c.published) return;
    const why = REASONS[reason[i]!] ?? null;
    const caution = why === null && rules.cautionBase !== undefined && c.n < rules.cautionBase;
    result.cells.set(c.key, { suppressed: why !== null, reason: why, caution });
    if (why !== null) result.audit.push({ key: c.key, reason: why });
  });
  result.hidden.sort(byKey);
  return result;
}

/**
 * What a reader can work out: starting from every cell not in hiddenKeys (and every cell
 * with n = 0) as known, repeatedly solve any relation with exactly one unknown cell.
 * Returns the hidden keys that become known, sorted; empty means nothing is recoverable.
 */
export function recoverableCells(cells: readonly DisclosureCell[], relations: readonly DisclosureRelation[], hiddenKeys: Iterable<string>): string[] {
  const indexed = indexCells(cells, relations);
  const graph = new RelationGraph(indexed);
  const at = new Map(cells.map((c, i) => [c.key, i]));
  for (const key of hiddenKeys) {
    const i = at.get(key);
    if (i !== undefined && cells[i]!.n !== 0) graph.hide(i);
  }
  const recovered: string[] = [];
  for (let r = graph.nextSingle(); r >= 0; r = graph.nextSingle()) {
    const i = graph.members(r).find((k) => graph.hidden[k] === 1)!;
    graph.reveal(i);
    recovered.push(cells[i]!.key);
  }
  return recovered.sort(byKey);
}

/**
 * Cells by number, for tables too large for objects and string keys: n, x and whether each
 * is published; relations as lists of cell numbers (the total first) in one array, relation r
 * being members[start[r]] … members[start[r + 1] − 1]; and `rank`, the order ties are broken
 * in (a cell's key order: see applyDisclosure). `hidden` is filled in by `disclose`.
 */
export interface IndexedCells {
  n: ArrayLike<number>;
  x: ArrayLike<number>;
  /** PUBLISHED, UNPUBLISHED or KNOWN. */
  published: ArrayLike<number>;
  rank: ArrayLike<number>;
  start: Int32Array;
  members: Int32Array;
  hidden?: Uint8Array;
}

/** A cell's `published` state: never shown and protected when it breaks a primary rule. */
export const UNPUBLISHED = 0;
export const PUBLISHED = 1;
/**
 * Never shown, not protected for its own sake, and counted as known (a reader may know it from
 * elsewhere), unless it is the last cell that can protect a relation's hidden cell (see
 * cheapestVisible): a remainder of respondents who left a question unanswered.
 */
export const KNOWN = 2;

/** Reasons as `disclose` numbers them (0: shown). */
export const REASONS: readonly (DisclosureReason | null)[] = [null, 'base', 'count', 'complement', 'secondary'];

/**
 * Primary suppression, then (if rules.secondary) secondary suppression until every relation
 * has either no hidden cell or at least two: while a relation has exactly one, the published
 * visible cell of that relation with the smallest n (then the smallest rank) is suppressed.
 * A cell with n = 0 is never hidden: its x is known to be 0. KNOWN cells count as known unless
 * one is the last cell that can protect a relation. Deterministic, and
 * independent of the order of the cells; linear in the size of the relations plus the work
 * per suppressed cell. Throws if a relation's only other members are unpublished (the
 * caller's relations are then malformed: a total should be published). Returns each cell's
 * reason (an index into REASONS) and sets `cells.hidden`.
 */
export function disclose(cells: IndexedCells, rules: DisclosureRules, name: (cell: number) => string): { reason: Uint8Array } {
  const graph = new RelationGraph(cells);
  const count = cells.n.length;
  const reason = new Uint8Array(count);
  const sensitive: number[] = [];
  for (let i = 0; i < count; i++) {
    if (cells.published[i] === KNOWN) continue;
    const why = primaryReason(cells.n[i]!, cells.x[i]!, rules);
    if (why === null) continue;
    if (cells.published[i] === PUBLISHED) reason[i] = REASONS.indexOf(why);
    if (cells.n[i]! > 0) sensitive.push(i);
  }
  // Hiding in rank order makes the result independent of the order of the cells.
  const rank = cells.rank;
  sensitive.sort((a, b) => rank[a]! - rank[b]!);
  for (const i of sensitive) graph.hide(i);
  if (rules.secondary) {
    const secondary = REASONS.indexOf('secondary');
    for (let r = graph.nextSingle(); r >= 0; r = graph.nextSingle()) {
      const i = cheapestVisible(cells, graph, r, name);
      graph.hide(i);
      reason[i] = secondary;
    }
  }
  cells.hidden = graph.hidden;
  return { reason };
}

/** The string-keyed cells and relations by number, ranked by key. */
function indexCells(cells: readonly DisclosureCell[], relations: readonly DisclosureRelation[]): IndexedCells {
  const at = new Map(cells.map((c, i) => [c.key, i]));
  const index = (key: string): number => {
    const i = at.get(key);
    if (i === undefined) throw new Error(`disclosure: a relation names the unknown cell "${key}"`);
    return i;
  };
  const start = new Int32Array(relations.length + 1);
  const members: number[] = [];
  relations.forEach((r, k) => {
    start[k] = members.length;
    members.push(index(r.total), ...r.parts.map(index));
  });
  start[relations.length] = members.length;
  const order = cells.map((_, i) => i).sort((a, b) => byKey(cells[a]!.key, cells[b]!.key));
  const rank = new Float64Array(cells.length);
  order.forEach((i, k) => (rank[i] = k));
  return {
    n: cells.map((c) => c.n),
    x: cells.map((c) => c.x),
    published: cells.map((c) => (c.published ? PUBLISHED : c.sensitive === false ? KNOWN : UNPUBLISHED)),
    rank,
    start,
    members: Int32Array.from(members),
  };
}

/**
 * The published, visible member of relation r with the smallest n (ties: smallest rank). When
 * there is none (every part of a hidden total is empty but the unanswered remainder), a KNOWN
 * member is taken as hidden instead: no output shows it.
 */
function cheapestVisible(cells: IndexedCells, graph: RelationGraph, r: number, name: (cell: number) => string): number {
  const cheapest = (state: number) => {
    let best = -1;
    for (const i of graph.members(r)) {
      const n = cells.n[i]!;
      if (cells.published[i] !== state || n === 0 || graph.hidden[i]) continue;
      if (best < 0 || n < cells.n[best]! || (n === cells.n[best] && cells.rank[i]! < cells.rank[best]!)) best = i;
    }
    return best;
  };
  let best = cheapest(PUBLISHED);
  if (best < 0) best = cheapest(KNOWN);
  if (best < 0) {
    throw new Error(`disclosure: relation with total "${name(graph.members(r)[0]!)}" has one hidden cell and no published cell to suppress with it`);
  }
  return best;
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Cells, the relations each takes part in, and per relation the number of hidden members;
 * relations whose count becomes exactly one are queued (in relation order, first come first).
 */
class RelationGraph {
  readonly hidden: Uint8Array;
  /** Relations of cell i: of[ofStart[i]] … of[ofStart[i + 1] − 1]. */
  private readonly ofStart: Int32Array;
  private readonly of: Int32Array;
  private readonly hiddenCount: Int32Array;
  private queue = new Int32Array(1024);
  private tail = 0;
  private head = 0;

  constructor(private readonly cells: IndexedCells) {
    const count = cells.n.length;
    const { start, members } = cells;
    const relations = start.length - 1;
    this.hidden = new Uint8Array(count);
    this.hiddenCount = new Int32Array(relations);
    const ofStart = new Int32Array(count + 1);
    for (let k = 0; k < members.length; k++) ofStart[members[k]! + 1]!++;
    for (let i = 0; i < count; i++) ofStart[i + 1]! += ofStart[i]!;
    const fill = ofStart.slice(0, count);
    const of = new Int32Array(members.length);
    for (let r = 0; r < relations; r++) for (let k = start[r]!; k < start[r + 1]!; k++) of[fill[members[k]!]!++] = r;
    this.ofStart = ofStart;
    this.of = of;
  }

  members(r: number): Int32Array {
    return this.cells.members.subarray(this.cells.start[r]!, this.cells.start[r + 1]!);
  }

  hide(i: number): void {
    if (this.hidden[i]) return;
    this.hidden[i] = 1;
    this.adjust(i, +1);
  }

  reveal(i: number): void {
    if (!this.hidden[i]) return;
    this.hidden[i] = 0;
    this.adjust(i, -1);
  }

  /** The next queued relation that still has exactly one hidden member, or -1. */
  nextSingle(): number {
    while (this.head < this.tail) {
      const r = this.queue[this.head++]!;
      if (this.hiddenCount[r] === 1) return r;
    }
    return -1;
  }

  private adjust(i: number, delta: number): void {
    for (let k = this.ofStart[i]!; k < this.ofStart[i + 1]!; k++) {
      const r = this.of[k]!;
      this.hiddenCount[r]! += delta;
      if (this.hiddenCount[r] === 1) {
        if (this.tail === this.queue.length) {
          const q = new Int32Array(2 * this.queue.length);
          q.set(this.queue);
          this.queue = q;
        }
        this.queue[this.tail++] = r;
      }
    }
  }
}
