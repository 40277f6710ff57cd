// Multiplicity: a report rests on hundreds of tests, and about one in twenty true null
// comparisons would come out significant by chance. Benjamini–Hochberg q-values control the
// expected share of false findings among those called significant (the false discovery rate).

/**
 * R's p.adjust(p, "BH"): q_(i) = min over j ≥ i of min(1, m/j · p_(j)) for p sorted ascending,
 * returned in the input order. m is the number of p-values given. Ties get the same q.
 *
 * The p-values are sorted as numbers (a typed array's own sort, without a comparison function:
 * a figures table adjusts about a thousand per area), and each p finds its q by binary search
 * in the sorted copy. Which of equal p-values takes which rank does not matter: going down the
 * ranks, the first of them sets the running minimum and the others, with a larger m/j, leave it
 * as it is, so all get the same q.
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const sorted = Float64Array.from(p);
  // NaN has no place among numbers: kept out of this path (it never comes from a test here).
  for (let i = 0; i < m; i++) if (Number.isNaN(sorted[i])) return byIndexSort(p);
  sorted.sort();
  const qSorted = new Float64Array(m);
  let running = Infinity;
  for (let j = m - 1; j >= 0; j--) {
    running = Math.min(running, (m / (j + 1)) * sorted[j]!);
    qSorted[j] = Math.min(1, running);
  }
  const q = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    // The first position of p[i] in the sorted copy.
    const v = p[i]!;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    q[i] = qSorted[lo]!;
  }
  return q;
}

/** The same by sorting the indices with a comparison (ties in index order), for p-values with NaN. */
export function byIndexSort(p: readonly number[]): number[] {
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
