// The seeded random numbers behind the example data and the benchmark data.

/** mulberry32: a small, fast 32-bit PRNG; good enough for example data. */
export function makeRng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    /** Box–Muller; 1 − u keeps the logarithm finite. */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick(options) {
      let u = next();
      for (const o of options) {
        if ((u -= o.share) < 0) return o;
      }
      return options[options.length - 1];
    },
    /** One of [value, weight] pairs, with probability in proportion to its weight. */
    weighted(pairs) {
      let u = next() * pairs.reduce((s, [, w]) => s + w, 0);
      for (const [v, w] of pairs) if ((u -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    shuffle(list) {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
      return list;
    },
  };
}
