// Multiplicity: a report rests on hundreds of tests, and about one in twenty true null
// comparisons would come out significant by chance. Benjamini–Hochberg q-values control the
// expected share of false findings among those called significant (the false discovery rate).

/**
 * R's p.adjust(p, "BH"): q_(i) = min over j ≥ i of min(1, m/j · p_(j)) for p sorted ascending,
 * returned in the input order. m is the number of p-values given. Ties get the same q.
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  const q = new Array<number>(m);
  let running = Infinity;
  order.forEach((index, k) => {
    const rank = m - k;
    running = Math.min(running, (m / rank) * p[index]!);
    q[index] = Math.min(1, running);
  });
  return q;
}
