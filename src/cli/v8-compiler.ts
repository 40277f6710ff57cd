// How V8's optimising compiler is set for this process: a short run of many functions.
import { setFlagsFromString } from 'node:v8';

/**
 * Less inlining in TurboFan (at most 100 bytes of bytecode inlined into a function, V8's
 * default 920). A run of `figures` or `report` is seconds long and runs hundreds of distinct
 * functions a few thousand times each: V8 optimises about 400 of them, and compiling them
 * with deep inlining was a third of the process's CPU time (perf, 10 000 rows), on the second
 * core that garbage collection also needs. Measured with `bin` setting each value at start,
 * 5 runs each alternating (2026-12-01, 2 cores): `figures` on 10 000 rows 2.84 → 2.61 s
 * (CPU 4.47 → 3.77 s), the example's report 3.33 → 3.04 s, 1 000 000 rows 7.69 → 7.73 s (the
 * byte scanner's loops are small: they keep what they inline). No inlining at all, or a
 * budget of 40, measured the same; a later optimisation (interrupt budget), Maglev or no OSR
 * added nothing. V8 reads the flag when it compiles, so setting it before any command runs
 * is early enough; worker threads share the process's flags.
 */
export function limitInlining(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
}
