// How this process's V8 heap is kept small where the data is large: a whole country's survey
// sums and its figures pass otherwise reach past 1 GB (issue 13, item 9).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Survey sums of at least this many bytes (held outside the heap, for the whole run) make a
 * run a large one. `--verbose` prints them: the bundled example 864 KB; the bench's
 * 50-municipality county 8.4 MB, its 10 000- and 1 000 000-row files 13 MB; a whole country
 * (290 municipalities × 10 waves, 68 indicators) 358 MB.
 */
const LARGE_SUMS_BYTES = 128 * 1024 * 1024;

/**
 * V8 lets the heap grow by a factor it picks from how fast it collects, up to 4×, before the
 * next full collection. The figures pass leaves each area's records behind as garbage (they
 * outlive the young generation while the area is written), so on a whole country the heap
 * swung between 130 and 400 MB; next to the sums, `figures` peaked at 954 MB. With
 * growth held to 1.5× it peaked at 688 MB; the cost is collections, mostly on the second core
 * (measured: 59 → 63 s, CPU 68 → 82 s; at 1.2×: 658 MB but 72 s). Small runs keep V8's own
 * choice: there the time matters and the memory does not (1 000 000 rows: 230–290 MB either way).
 */
export function holdHeapGrowth(sumsBytes: number): void {
  if (sumsBytes >= LARGE_SUMS_BYTES) setFlagsFromString('--heap-growing-percent=50');
}

/** V8's own choice again (0 = its default), e.g. before worker threads start that render. */
export function releaseHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=0');
}

/**
 * Collects this thread's garbage now. A thread that only waits (batch's, while the workers
 * render) would not collect on its own: the survey's sums and the figures pass's objects (a
 * whole country's: about 165 MB of heap and 500 MB outside it, the sums' typed arrays among it)
 * would stay through the rendering. First back to the event loop: collected from inside the
 * command's async function, 89 MB of heap and 496 MB outside it were still reachable (from the suspended
 * function's saved state) and stayed until a collection about 100 s later. Then twice: V8
 * frees the memory of the typed arrays one collection found dead when it finishes sweeping
 * them, which the next collection waits for. Measured on a whole country (batch --shard 1/29):
 * RSS 738 → 174 MB (heap 89 → 18 MB, external memory 496 → 2 MB) where collecting without
 * the turn of the event loop left 738 MB. gc() is exposed to a new context only, not to this one.
 */
export async function collectGarbage(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}
