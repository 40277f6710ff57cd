// design.fpc as R's svydesign(fpc =) reads it, per wave (each wave is its own design): all
// values at least 1 are population sizes N_h, all at most 1 sampled fractions (N_h = n_h / f).
// The population size counts PSUs (clusters), or pupils when there are no clusters.
import { DesignError, msg } from '../errors.js';

/**
 * N_h per (wave, stratum) key from the value given for each stratum and its sampled PSUs n_h.
 * Throws DesignError when a wave mixes sizes and fractions, or a population is smaller than
 * its sample. (Values that are all exactly 1 are fractions: every stratum is a census. R
 * refuses them as ambiguous; as sizes they would be a population of one PSU per stratum.)
 */
export function fpcPopulationSizes(
  fpcs: ReadonlyMap<string, number>,
  psuTotals: ReadonlyMap<string, number>,
  strataOfYear: ReadonlyMap<number, ReadonlyMap<string, string>>,
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [year, strata] of strataOfYear) {
    const values = [...strata.keys()].map((key) => fpcs.get(key)!);
    const sizesGiven = values.some((v) => v > 1);
    if (sizesGiven && values.some((v) => v < 1)) {
      throw new DesignError(msg('design.fpc.mixed', { year }), msg('design.fpc.mixed.hint'));
    }
    for (const [key, label] of strata) {
      const n = psuTotals.get(key)!;
      const value = fpcs.get(key)!;
      const size = sizesGiven ? value : n / value;
      if (size < n) throw new DesignError(msg('design.fpc.smaller', { year, stratum: label === '' ? null : label, size, sampled: n }), msg('design.fpc.smaller.hint'));
      sizes.set(key, size);
    }
  }
  return sizes;
}
