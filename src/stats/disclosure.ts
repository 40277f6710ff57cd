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

/**
 * Primary suppression, then (if rules.secondary) secondary suppression until every relation
 * has either no hidden cell or at least two: while a relation has exactly one, the published
 * visible cell of that relation with the smallest n (then the smallest key) is suppressed.
 * A cell with n = 0 is never hidden: its x is known to be 0. Unpublished cells that are not
 * sensitive count as known (a reader may know them from elsewhere). Deterministic, and
 * independent of the order of `cells`; linear in the size of the relations plus the work
 * per suppressed cell. Throws if a relation's only other members are unpublished (the
 * caller's relations are then malformed: a total should be published).
 */
export function applyDisclosure(cells: readonly DisclosureCell[], relations: readonly DisclosureRelation[], rules: DisclosureRules): DisclosureResult {
  const graph = new RelationGraph(cells, relations);
  const reasons = new Map<string, DisclosureReason>();
  const sensitive: string[] = [];
  for (const c of cells) {
    const reason = primaryReason(c.n, c.x, rules);
    if (reason === null) continue;
    if (c.published) reasons.set(c.key, reason);
    if (c.n > 0) sensitive.push(c.key);
  }
  // Hiding in key order makes the result independent of the order of `cells`.
  for (const key of sensitive.sort(byKey)) graph.hide(key);
  if (rules.secondary) {
    for (let r = graph.nextSingle(); r !== null; r = graph.nextSingle()) {
      const key = cheapestVisible(graph, r);
      graph.hide(key);
      reasons.set(key, 'secondary');
    }
  }
  const result: DisclosureResult = { cells: new Map(), audit: [], hidden: [...graph.hidden].sort(byKey) };
  for (const c of cells) {
    if (!c.published) continue;
    const reason = reasons.get(c.key) ?? null;
    const caution = reason === null && rules.cautionBase !== undefined && c.n < rules.cautionBase;
    result.cells.set(c.key, { suppressed: reason !== null, reason, caution });
    if (reason !== null) result.audit.push({ key: c.key, reason });
  }
  return result;
}

/**
 * What a reader can work out: starting from every cell not in hiddenKeys (and every cell
 * with n = 0) as known, repeatedly solve any relation with exactly one unknown cell.
 * Returns the hidden keys that become known, sorted; empty means nothing is recoverable.
 */
export function recoverableCells(cells: readonly DisclosureCell[], relations: readonly DisclosureRelation[], hiddenKeys: Iterable<string>): string[] {
  const graph = new RelationGraph(cells, relations);
  const zero = new Set(cells.filter((c) => c.n === 0).map((c) => c.key));
  for (const key of hiddenKeys) if (!zero.has(key)) graph.hide(key);
  const recovered: string[] = [];
  for (let r = graph.nextSingle(); r !== null; r = graph.nextSingle()) {
    const key = graph.members(r).find((k) => graph.hidden.has(k))!;
    graph.reveal(key);
    recovered.push(key);
  }
  return recovered.sort(byKey);
}

/** The published, visible member of relation r with the smallest n (ties: smallest key). */
function cheapestVisible(graph: RelationGraph, r: number): string {
  let best: DisclosureCell | undefined;
  for (const key of graph.members(r)) {
    const c = graph.cell(key);
    if (!c.published || c.n === 0 || graph.hidden.has(key)) continue;
    if (!best || c.n < best.n || (c.n === best.n && c.key < best.key)) best = c;
  }
  if (!best) {
    const total = graph.members(r)[0]!;
    throw new Error(`disclosure: relation with total "${total}" has one hidden cell and no published cell to suppress with it`);
  }
  return best.key;
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Cells, the relations each takes part in, and per relation the number of hidden members;
 * relations whose count becomes exactly one are queued (in relation order, first come first).
 */
class RelationGraph {
  readonly hidden = new Set<string>();
  private readonly byKey: Map<string, DisclosureCell>;
  private readonly memberLists: string[][];
  private readonly relationsOf = new Map<string, number[]>();
  private readonly hiddenCount: number[];
  private readonly queue: number[] = [];
  private head = 0;

  constructor(cells: readonly DisclosureCell[], relations: readonly DisclosureRelation[]) {
    this.byKey = new Map(cells.map((c) => [c.key, c]));
    this.memberLists = relations.map((r) => [r.total, ...r.parts]);
    this.hiddenCount = relations.map(() => 0);
    this.memberLists.forEach((members, r) => {
      for (const key of members) {
        this.cell(key);
        const list = this.relationsOf.get(key);
        if (list) list.push(r);
        else this.relationsOf.set(key, [r]);
      }
    });
  }

  cell(key: string): DisclosureCell {
    const c = this.byKey.get(key);
    if (!c) throw new Error(`disclosure: a relation names the unknown cell "${key}"`);
    return c;
  }

  members(r: number): readonly string[] {
    return this.memberLists[r]!;
  }

  hide(key: string): void {
    if (this.hidden.has(key)) return;
    this.hidden.add(key);
    this.adjust(key, +1);
  }

  reveal(key: string): void {
    if (!this.hidden.delete(key)) return;
    this.adjust(key, -1);
  }

  /** The next queued relation that still has exactly one hidden member, or null. */
  nextSingle(): number | null {
    while (this.head < this.queue.length) {
      const r = this.queue[this.head++]!;
      if (this.hiddenCount[r] === 1) return r;
    }
    return null;
  }

  private adjust(key: string, delta: number): void {
    for (const r of this.relationsOf.get(key) ?? []) {
      this.hiddenCount[r]! += delta;
      if (this.hiddenCount[r] === 1) this.queue.push(r);
    }
  }
}
