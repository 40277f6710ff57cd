// How V8 is set for this process: a run of seconds, of many functions and many short-lived objects.
import { setFlagsFromString } from 'node:v8';

/**
 * Set before any command runs: V8 reads both flags when it compiles or collects, and worker
 * threads share the process's flags.
 *
 * Less inlining in TurboFan (at most 100 bytes of bytecode inlined into a function, V8's
 * default 920). A run of `figures` or `report` is seconds long and runs hundreds of distinct
 * functions a few thousand times each: V8 optimises about 400 of them, and compiling them
 * with deep inlining was a third of the process's CPU time (perf, 10 000 rows), on the second
 * core that garbage collection also needs. Measured with `bin` setting each value at start,
 * 5 runs each alternating (2026-12-01, 2 cores): `figures` on 10 000 rows 2.84 → 2.61 s
 * (CPU 4.47 → 3.77 s), the example's report 3.33 → 3.04 s, 1 000 000 rows 7.69 → 7.73 s (the
 * byte scanner's loops are small: they keep what they inline). No inlining at all, or a
 * budget of 40, measured the same; a later optimisation (interrupt budget), Maglev or no OSR
 * added nothing.
 *
 * No pretenuring: V8 moves the objects of a place in the code that outlive a young-generation
 * collection or two straight into the old generation from then on. An area's figure records
 * live until the area is written (a few thousand at a time), so their object literals were
 * pretenured, and every later record went to the old generation as garbage that only a full
 * collection frees: `figures` on 10 000 rows grew to 214 MB, of which 92 MB was such garbage
 * at exit, made a page fault per 4 KB of it, and spent 0.7 µs making each hidden cell's record.
 * Without (2026-12-01, 7 runs each alternating, the same figures.csv): 214 → 149 MB, 57 000 →
 * 41 000 page faults, median 2.96 → 2.73 s (fastest 2.72 → 2.23 s); 1 000 000 rows 8.75 →
 * 8.78 s (3 runs each) and the example's report 3.5 s either way.
 */
export function setV8ForShortRuns(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
  setFlagsFromString('--no-allocation-site-pretenuring');
}
