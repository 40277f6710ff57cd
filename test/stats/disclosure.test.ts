import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDisclosure,
  primaryReason,
  recoverableCells,
  type DisclosureCell,
  type DisclosureRelation,
} from '../../src/stats/disclosure.js';

const rules = { minBase: 10, maxSmallCount: 2, secondary: true, cautionBase: 30 };
const cell = (key: string, n: number, x: number, published = true): DisclosureCell => ({ key, n, x, published });

describe('primary suppression', () => {
  it('checks base, then small counts of yes, then of no', () => {
    expect(primaryReason(9, 4, rules)).toBe('base');
    expect(primaryReason(40, 1, rules)).toBe('count');
    expect(primaryReason(40, 2, rules)).toBe('count');
    expect(primaryReason(40, 38, rules)).toBe('complement');
    expect(primaryReason(40, 0, rules)).toBeNull();
    expect(primaryReason(40, 40, rules)).toBeNull();
    expect(primaryReason(40, 3, rules)).toBeNull();
  });
});

describe('applyDisclosure', () => {
  it('suppresses the smallest published cell of a relation with one hidden cell', () => {
    const cells = [cell('T', 50, 10), cell('F', 30, 2), cell('M', 20, 8)];
    const d = applyDisclosure(cells, [{ total: 'T', parts: ['F', 'M'] }], rules);
    expect(d.cells.get('F')).toEqual({ suppressed: true, reason: 'count', caution: false });
    expect(d.cells.get('M')).toEqual({ suppressed: true, reason: 'secondary', caution: false });
    expect(d.cells.get('T')).toEqual({ suppressed: false, reason: null, caution: false });
    expect(d.audit).toEqual([
      { key: 'F', reason: 'count' },
      { key: 'M', reason: 'secondary' },
    ]);
    expect(d.hidden).toEqual(['F', 'M']);
  });

  it('protects a sensitive unpublished remainder, but not one with n = 0', () => {
    const relations = [{ total: 'T', parts: ['F', 'M', 'R'] }];
    const sensitive = applyDisclosure([cell('T', 63, 21), cell('F', 30, 10), cell('M', 30, 10), cell('R', 3, 1, false)], relations, rules);
    expect(sensitive.audit).toEqual([{ key: 'F', reason: 'secondary' }]);
    expect(sensitive.cells.has('R')).toBe(false);
    const empty = applyDisclosure([cell('T', 60, 20), cell('F', 30, 10), cell('M', 30, 10), cell('R', 0, 0, false)], relations, rules);
    expect(empty.audit).toEqual([]);
  });

  it('counts an unanswered remainder (sensitive: false) as known, unless it is the last cell that can protect a relation', () => {
    const relations = [{ total: 'T', parts: ['A', 'B', 'R'] }];
    const remainder = (n: number, x: number): DisclosureCell => ({ ...cell('R', n, x, false), sensitive: false });
    // A small remainder is not protected for its own sake.
    expect(applyDisclosure([cell('T', 63, 21), cell('A', 30, 10), cell('B', 30, 10), remainder(3, 1)], relations, rules).hidden).toEqual([]);
    // A hidden part is protected by another published part, as if the remainder were known.
    const part = applyDisclosure([cell('T', 63, 21), cell('A', 30, 1), cell('B', 30, 19), remainder(3, 1)], relations, rules);
    expect(part.audit).toEqual([{ key: 'A', reason: 'count' }, { key: 'B', reason: 'secondary' }]);
    // Everyone left the question unanswered: only the remainder can protect the hidden total.
    const all = applyDisclosure([cell('T', 40, 2), cell('A', 0, 0), cell('B', 0, 0), remainder(40, 2)], relations, rules);
    expect(all.cells.get('T')!.reason).toBe('count');
    expect(all.hidden).toEqual(['R', 'T']);
    expect(recoverableCells([cell('T', 40, 2), cell('A', 0, 0), cell('B', 0, 0), remainder(40, 2)], relations, all.hidden)).toEqual([]);
  });

  it('marks small published bases for caution, and only primary-suppresses without secondary', () => {
    const cells = [cell('T', 50, 10), cell('F', 25, 2), cell('M', 25, 8)];
    const d = applyDisclosure(cells, [{ total: 'T', parts: ['F', 'M'] }], { ...rules, secondary: false });
    expect(d.cells.get('M')).toEqual({ suppressed: false, reason: null, caution: true });
    expect(d.audit).toEqual([{ key: 'F', reason: 'count' }]);
  });

  it('suppresses a rectangle in a two-way table with margins', () => {
    // Grades 7 and 9 by F/M; F7 has 2 yes. Margins: F, M, g7, g9, T.
    const cells = [
      cell('T', 100, 30), cell('F', 50, 12), cell('M', 50, 18), cell('g7', 50, 14), cell('g9', 50, 16),
      cell('F7', 25, 2), cell('F9', 25, 10), cell('M7', 25, 12), cell('M9', 25, 6),
    ];
    const relations = [
      { total: 'T', parts: ['F', 'M'] }, { total: 'T', parts: ['g7', 'g9'] },
      { total: 'F', parts: ['F7', 'F9'] }, { total: 'M', parts: ['M7', 'M9'] },
      { total: 'g7', parts: ['F7', 'M7'] }, { total: 'g9', parts: ['F9', 'M9'] },
    ];
    const d = applyDisclosure(cells, relations, rules);
    expect(d.audit.map((a) => a.key).sort()).toEqual(['F7', 'F9', 'M7', 'M9']);
    expect(recoverableCells(cells, relations, d.hidden)).toEqual([]);
  });
});

describe('recoverableCells', () => {
  it('solves relations with one unknown repeatedly', () => {
    const cells = [cell('T', 40, 10), cell('A', 20, 5), cell('B', 20, 5), cell('A1', 10, 2), cell('A2', 10, 3)];
    const relations = [{ total: 'T', parts: ['A', 'B'] }, { total: 'A', parts: ['A1', 'A2'] }];
    expect(recoverableCells(cells, relations, ['A', 'A1'])).toEqual(['A', 'A1']);
    expect(recoverableCells(cells, relations, ['A', 'B', 'A1', 'A2'])).toEqual([]);
  });
});

/** A gender × grade table with margins and respondents missing gender and/or grade, as src/analysis builds it. */
const table = fc
  .record({
    genders: fc.integer({ min: 2, max: 3 }),
    grades: fc.integer({ min: 1, max: 3 }),
    counts: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 16, maxLength: 16 }),
  })
  .map(({ genders, grades, counts }) => {
    let next = 0;
    const draw = (scale = 1) => {
      const [n0, share] = counts[next++ % counts.length]!;
      const n = Math.floor(n0 * scale);
      return { n, x: Math.round(n * share) };
    };
    const G = Array.from({ length: genders }, (_, g) => `g${g}`);
    const K = Array.from({ length: grades }, (_, k) => `k${k}`);
    const base = new Map<string, { n: number; x: number }>();
    for (const g of G) for (const k of K) base.set(`${g}${k}`, draw());
    for (const g of G) base.set(`${g}?`, draw(0.1)); // gender known, grade missing
    for (const k of K) base.set(`?${k}`, draw(0.1)); // grade known, gender missing
    base.set('??', draw(0.1));
    const sum = (pred: (key: string) => boolean) => {
      const s = { n: 0, x: 0 };
      for (const [key, v] of base) if (pred(key)) ((s.n += v.n), (s.x += v.x));
      return s;
    };
    const cells: DisclosureCell[] = [];
    const byKey = new Map<string, DisclosureCell>();
    const add = (key: string, v: { n: number; x: number }, published: boolean) => {
      const c = { key, ...v, published };
      cells.push(c);
      byKey.set(key, c);
    };
    add('T', sum(() => true), true);
    for (const g of G) add(g, sum((key) => key.startsWith(g)), true);
    for (const k of K) add(k, sum((key) => key.endsWith(k)), true);
    for (const g of G) for (const k of K) add(`${g}${k}`, base.get(`${g}${k}`)!, true);
    const relations: DisclosureRelation[] = [];
    const relate = (total: string, parts: string[]) => {
      const t = byKey.get(total)!;
      const rest = { n: t.n, x: t.x };
      for (const p of parts) ((rest.n -= byKey.get(p)!.n), (rest.x -= byKey.get(p)!.x));
      const restKey = `${total}/rest:${parts.join(',')}`;
      if (rest.n > 0) add(restKey, rest, false);
      relations.push({ total, parts: rest.n > 0 ? [...parts, restKey] : parts });
    };
    relate('T', G);
    relate('T', K);
    for (const g of G) relate(g, K.map((k) => `${g}${k}`));
    for (const k of K) relate(k, G.map((g) => `${g}${k}`));
    return { cells, relations };
  });

describe('applyDisclosure properties (fast-check)', () => {
  it('leaves no hidden value recoverable and suppresses every primary-sensitive published cell', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 0, max: 3 }), ({ cells, relations }, maxSmallCount) => {
        const r = { ...rules, maxSmallCount };
        const d = applyDisclosure(cells, relations, r);
        expect(recoverableCells(cells, relations, d.hidden)).toEqual([]);
        for (const c of cells) {
          const sensitive = primaryReason(c.n, c.x, r) !== null;
          if (c.published && sensitive) expect(d.cells.get(c.key)!.suppressed).toBe(true);
          if (sensitive && c.n > 0) expect(d.hidden).toContain(c.key);
          if (c.published && d.hidden.includes(c.key)) expect(d.cells.get(c.key)!.suppressed).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and does not depend on the order of the cells', () => {
    fc.assert(
      fc.property(table, fc.integer(), ({ cells, relations }, seed) => {
        const a = applyDisclosure(cells, relations, rules);
        const shuffled = [...cells].sort((p, q) => hash(p.key, seed) - hash(q.key, seed));
        const b = applyDisclosure(shuffled, relations, rules);
        expect(b.hidden).toEqual(a.hidden);
        expect([...b.cells.entries()].sort()).toEqual([...a.cells.entries()].sort());
        expect(applyDisclosure(cells, relations, rules)).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h;
}
