// Fuzz: mutated copies of the mini config (keys deleted, values of the wrong type, random
// strings, unknown keys, damaged YAML text) through config loading, ingest and figures.
// Every outcome is a figures table or one of our typed errors (see expectCleanOutcome).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { MINI_CONFIG, MINI_HEADER, csv, tempDir, writeFile } from '../fixtures/mini-project.js';
import { at, expectCleanOutcome } from './mutate.js';

const RUNS = 2000;

/** Values of every type, including the ones people type by mistake. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 10, unit: 'binary' }),
  fc.constantFrom(null, '', ' ', 0, -1, 1.5, 1e9, Number.POSITIVE_INFINITY, Number.NaN, true, 'yes', [], {}, ['1'], 'F1', 'kommun', 'jn', 'slagen'),
);

type ConfigMutation =
  | { op: 'delete'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'addKey'; at: number; key: string; value: unknown }
  | { op: 'insertText'; at: number; text: string }
  | { op: 'cutText'; at: number };

const mutation: fc.Arbitrary<ConfigMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at }),
  fc.record({ op: fc.constant('set' as const), at, value }),
  fc.record({ op: fc.constant('addKey' as const), at, key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('id', 'column', 'yes', 'values', 'any_of')), value }),
  fc.record({ op: fc.constant('insertText' as const), at, text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(':', '- ', '\t', '"', '&a', '*a', '\n  ', '{', '[')) }),
  fc.record({ op: fc.constant('cutText' as const), at }),
);

type Path = (string | number)[];

/** Every node of a parsed YAML document, parents before children. */
function paths(node: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(node)) node.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>) : null;
}

/** Structural mutations on the parsed config, then text mutations on its YAML. */
function mutate(mutations: ConfigMutation[]): string {
  const root: unknown = parse(MINI_CONFIG);
  const structural = mutations.filter((m) => m.op === 'delete' || m.op === 'set' || m.op === 'addKey');
  for (const m of structural) {
    const all = paths(root).slice(1);
    const path = all[Math.floor(m.at * all.length)]!;
    const parent = parentOf(root, path);
    const key = path[path.length - 1]!;
    if (!parent) continue;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.op === 'set') parent[key] = m.value;
    else if (m.op === 'addKey') {
      const target = parent[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
    }
  }
  let text = stringify(root);
  for (const m of mutations) {
    const pos = 'at' in m ? Math.floor(m.at * text.length) : 0;
    if (m.op === 'insertText') text = text.slice(0, pos) + m.text + text.slice(pos);
    if (m.op === 'cutText') text = text.slice(0, pos);
  }
  return text;
}

describe('fuzz: mutated configs through config loading, ingest and figures', () => {
  const rows: (string | number)[][] = [];
  for (const area of ['Åby', 'Öby']) {
    for (const year of [2021, 2023]) {
      rows.push([area, year, 'F', '9', '1.2', '1', '2'], [area, year, 'Pojke', 'gy2', '0.8', 'Nej', 'Ja'], [area, year, 'F', 'gy2', '1', '', '9'], [area, year, 'P', '9', '1', '2', '2'], [area, year, 'A', '9', '1', '1', '1']);
    }
  }
  const data = writeFile(tempDir('lagesbild-fuzz-config-'), 'enkat.csv', csv([MINI_HEADER, ...rows]));

  it(`${RUNS} mutated configs end in a figures table or a typed one-line error`, async () => {
    const outcomes = { ok: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const text = mutate(mutations);
        const result = await expectCleanOutcome(async () => {
          const config = parseConfig(text, 'lagesbild.yaml');
          const { sums } = await ingestFiles([data], config);
          exportFigures(computeFigures(sums, config), 'csv');
        });
        outcomes[result === 'ok' ? 'ok' : 'failed']++;
      }),
      { seed: 20240602, numRuns: RUNS },
    );
    expect(outcomes.ok).toBeGreaterThan(RUNS * 0.05);
    expect(outcomes.failed).toBeGreaterThan(RUNS * 0.3);
  });
});
