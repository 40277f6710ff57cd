// Secondary suppression, checked from the outside: an attacker with a published figures
// table (every estimate record's n, and x where it is shown) applies
// the additive relations between cells and solves every relation with a single unknown,
// again and again. No suppressed x may come out. The relations are written here from the
// meaning of the groups, not taken from the implementation:
//   total  = Σ reported genders             total = Σ reported school years
//   gender = Σ its gender × school year      school year = Σ reported genders × that year
//   per extra breakdown (groups.extra): total = Σ its values, gender = Σ gender × its values,
//   value = Σ reported genders × that value
//   county = Σ municipalities (per group)
//   county = municipality + rest of the county (from the rest-of-county comparisons)
// each with an unpublished remainder when the parts' n do not add up to the total's n. The
// rest of the county's n is the county's minus the municipality's; with unweighted data its
// x is its estimate × n, so every comparison that shows it is a published cell too.
import { expect } from 'vitest';
import type { ProjectConfig } from '../../src/config/schema.js';

export interface Cell {
  n: number;
  /** Published x; null when suppressed (or for a remainder, never published). */
  x: number | null;
  /** Why it is suppressed ('' when shown, or a remainder). */
  reason: string;
}

export interface Relation {
  total: string;
  parts: string[];
}

/** What the attacker works with: published cells and the relations between them. */
export function attackerModel(rows: Record<string, string>[], config: ProjectConfig): { cells: Map<string, Cell>; relations: Relation[] } {
  const cells = new Map<string, Cell>();
  const estimates = rows.filter((r) => r.kind === 'estimate');
  for (const r of estimates) {
    cells.set(key(r.indicator!, r.area!, r.year!, r.group!), { n: Number(r.n), x: r.x === '' ? null : Number(r.x), reason: r.suppression ?? '' });
  }
  const county = config.project.county;
  const genders = config.groups.gender.values;
  const grades = config.groups.grade?.values ?? [];
  const g = (v: { code: string }) => `gender=${v.code}`;
  const k = (v: { code: string }) => `grade=${v.code}`;
  const gk = (a: { code: string }, b: { code: string }) => `gender=${a.code};grade=${b.code}`;
  const identities: Relation[] = [
    { total: 'total', parts: genders.filter((v) => v.report).map(g) },
    { total: 'total', parts: grades.filter((v) => v.report).map(k) },
    ...genders.map((a) => ({ total: g(a), parts: grades.map((b) => gk(a, b)) })),
    ...grades.filter((b) => b.report).map((b) => ({ total: k(b), parts: genders.filter((a) => a.report).map((a) => gk(a, b)) })),
  ].filter((i) => i.parts.length > 0);
  const extraGroups: string[] = [];
  for (const e of config.groups.extra) {
    const v = (x: { code: string }) => `${e.id}=${x.code}`;
    const gv = (a: { code: string }, x: { code: string }) => `gender=${a.code};${e.id}=${x.code}`;
    const reported = genders.filter((a) => a.report);
    identities.push(
      { total: 'total', parts: e.values.map(v) },
      ...reported.map((a) => ({ total: g(a), parts: e.values.map((x) => gv(a, x)) })),
      ...e.values.map((x) => ({ total: v(x), parts: reported.map((a) => gv(a, x)) })),
    );
    extraGroups.push(...e.values.map(v), ...reported.flatMap((a) => e.values.map((x) => gv(a, x))));
  }
  const allGroups = ['total', ...genders.map(g), ...grades.map(k), ...genders.flatMap((a) => grades.map((b) => gk(a, b))), ...extraGroups];

  const relations: Relation[] = [];
  const relate = (total: string, parts: string[]) => {
    const t = cells.get(total);
    if (!t) return;
    const present = parts.map((p) => cells.get(p)?.n ?? 0).reduce((s, n) => s + n, 0);
    const rest = t.n - present;
    // A negative remainder would mean the identity is wrong: the checker must not be.
    expect(rest, `n of ${total.replaceAll('\u0000', ' | ')} vs its parts`).toBeGreaterThanOrEqual(0);
    const parts2 = parts.filter((p) => cells.has(p));
    if (rest > 0) {
      const remainder = `${total}\u0000remainder:${parts.join('+')}`;
      cells.set(remainder, { n: rest, x: null, reason: '' });
      parts2.push(remainder);
    }
    relations.push({ total, parts: parts2 });
  };
  const indicators = [...new Set(estimates.map((r) => r.indicator!))];
  const years = [...new Set(estimates.map((r) => r.year!))];
  const areas = [...new Set(estimates.map((r) => r.area!))].filter((a) => a !== county);
  // The rest of the county beside each municipality, as its comparison records show it.
  const restOf = (area: string) => `rest of ${area}`;
  for (const r of rows.filter((x) => x.kind === 'change' && x.comparison === 'rest_of_county')) {
    const all = cells.get(key(r.indicator!, county, r.year_to!, r.group!));
    const own = cells.get(key(r.indicator!, r.area!, r.year_to!, r.group!));
    if (!all || !own) continue;
    const n = all.n - own.n;
    // With weights the estimate does not give x (unknown to this attacker).
    const weighted = config.design.weight !== undefined;
    const x = weighted || r.suppressed === 'true' || r.estimate_from === '' ? null : Math.round(Number(r.estimate_from) * n);
    cells.set(key(r.indicator!, restOf(r.area!), r.year_to!, r.group!), { n, x, reason: '' });
  }
  for (const ind of indicators) {
    for (const year of years) {
      for (const area of [...areas, county]) {
        for (const { total, parts } of identities) relate(key(ind, area, year, total), parts.map((p) => key(ind, area, year, p)));
      }
      for (const group of allGroups) relate(key(ind, county, year, group), areas.map((a) => key(ind, a, year, group)));
      for (const area of areas) {
        for (const group of allGroups) {
          if (cells.has(key(ind, restOf(area), year, group))) relate(key(ind, county, year, group), [key(ind, area, year, group), key(ind, restOf(area), year, group)]);
        }
        for (const { total, parts } of identities.slice(0, 2)) {
          if (cells.has(key(ind, restOf(area), year, total))) relate(key(ind, restOf(area), year, total), parts.map((p) => key(ind, restOf(area), year, p)));
        }
      }
    }
  }
  return { cells, relations };
}

/**
 * Single-unknown elimination to a fixed point. With `bounds`, also what 0 ≤ x ≤ n gives: when
 * the unknown parts must add up to 0, or to all their n, each of them is known. Returns the
 * suppressed published cells recovered (with the reason they were suppressed), and how many
 * relations were fully known (and checked to add up).
 */
export function recover(cells: Map<string, Cell>, relations: Relation[], bounds = false): { recovered: { cell: string; x: number; reason: string }[]; checked: number } {
  const known = new Map<string, number>();
  for (const [k, c] of cells) if (c.x !== null || c.n === 0) known.set(k, c.x ?? 0);
  const recovered: { cell: string; x: number; reason: string }[] = [];
  const learn = (k: string, x: number) => {
    known.set(k, x);
    const reason = cells.get(k)!.reason;
    if (reason !== '') recovered.push({ cell: k.replaceAll('\u0000', ' | '), x, reason });
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      const unknown = [r.total, ...r.parts].filter((m) => !known.has(m));
      const sumKnown = r.parts.filter((p) => known.has(p)).reduce((s, p) => s + known.get(p)!, 0);
      if (unknown.length === 1) {
        const u = unknown[0]!;
        learn(u, u === r.total ? sumKnown : known.get(r.total)! - sumKnown);
        changed = true;
      } else if (bounds && unknown.length > 1 && known.has(r.total)) {
        const rest = known.get(r.total)! - sumKnown;
        const room = unknown.reduce((s, u) => s + cells.get(u)!.n, 0);
        if (rest !== 0 && rest !== room) continue;
        for (const u of unknown) learn(u, rest === 0 ? 0 : cells.get(u)!.n);
        changed = true;
      }
    }
  }
  // Where everything is known the identity must hold, or the relation (and this check) is wrong.
  let checked = 0;
  for (const r of relations) {
    if (![r.total, ...r.parts].every((m) => known.has(m))) continue;
    expect(r.parts.reduce((s, p) => s + known.get(p)!, 0), r.total.replaceAll('\u0000', ' | ')).toBe(known.get(r.total));
    checked++;
  }
  return { recovered, checked };
}

function key(indicator: string, area: string, year: string, group: string): string {
  return [indicator, area, year, group].join('\u0000');
}

