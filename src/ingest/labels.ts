// SPSS value labels: a cell holds a code ("2"), the file says what it means ("Nej"). A config
// may name either, so every answer list the decoder looks up is widened once, before the
// rows, by the codes whose label it names; per row only the usual Map look-up remains.
import { ConfigError, msg } from '../errors.js';
import type { SourceColumn } from './source.js';

/**
 * `lookup` (config text → meaning) with every code of `column` whose label is a key added.
 * A code that the config names itself keeps its own meaning; if its label means something
 * else, the config contradicts the file and the user must say which is right.
 */
export function withLabels<V>(lookup: Map<string, V>, column: SourceColumn, file: string, key: string, describe: (v: V) => string = String): Map<string, V> {
  if (!column.valueLabels || column.valueLabels.size === 0) return lookup;
  const out = new Map(lookup);
  for (const [code, label] of column.valueLabels) {
    const byLabel = lookup.get(label);
    if (byLabel === undefined) continue;
    const byCode = lookup.get(code);
    if (byCode !== undefined && byCode !== byLabel) {
      throw new ConfigError(
        msg('labels.conflict', { column: column.name, code, label, key, byLabel: describe(byLabel), byCode: describe(byCode) }),
        { file, field: column.name },
        msg('labels.conflict.hint', { key }),
      );
    }
    out.set(code, byLabel);
  }
  return out;
}

/** A cell as a name (municipality, stratum, cluster): the label when the file has one. */
export function nameOf(column: SourceColumn): (cell: string) => string {
  const labels = column.valueLabels;
  if (!labels || labels.size === 0) return (cell) => cell;
  return (cell) => labels.get(cell) ?? cell;
}
