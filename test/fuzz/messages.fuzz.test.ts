// Fuzz for privacy in messages: respondent ids and free-text answers (marked "QZX", which is
// no near-miss of any answer or code) are planted in the example data's cells, the file is
// then damaged as csv.fuzz.test.ts damages it, and the real CLI runs on it in-process:
// `figures --json`, `validate --json` and `validate` in Swedish. No planted value may appear
// in any stdout, stderr or JSON, except as a municipality name (a shifted row can make one,
// and names are published in every report).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG_PATH } from '../examples/norrbacka.js';
import { runCli } from '../bad-input/run-cli.js';
import { applyCsvMutation, at, csvMutations, sampleCsv } from './mutate.js';

const RUNS = 80;
const MARK = 'QZX';
/** Columns of the example that hold no names: id, year, gender, school year, weight and the answers. */
const PLANTABLE = [0, 1, 3, 4, 5, ...Array.from({ length: 23 }, (_, i) => 6 + i)];

const secret = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{3,12}$/).map((h) => `${MARK}-${h}`),
  fc.array(fc.constantFrom('jag', 'har', 'aldrig', 'blivit', 'slagen', 'på', 'rasten', 'Ängsby', 'ja', 'nej', '1'), { minLength: 1, maxLength: 8 }).map((w) => `${MARK} ${w.join(' ')}`),
);
const plant = fc.record({ row: at, column: fc.constantFrom(...PLANTABLE), text: secret });

describe('fuzz: no planted id or free text in any message', () => {
  it(`${RUNS} damaged files with planted cells: nothing of them in stdout, stderr or JSON`, async () => {
    const rows = parse(sampleCsv(), { relax_column_count: true }) as string[][];
    const dir = tempDir('lagesbild-fuzz-messages-');
    const file = join(dir, 'enkat.csv');
    const outcomes = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(fc.array(plant, { minLength: 1, maxLength: 6 }), fc.option(csvMutations, { nil: undefined }), async (plants, mutations) => {
        const planted = rows.map((r) => [...r]);
        for (const p of plants) planted[1 + Math.floor(p.row * (planted.length - 1))]![p.column] = p.text;
        writeFileSync(file, (mutations ?? []).reduce(applyCsvMutation, Buffer.from(stringify(planted))));

        const runs = [
          await runCli(['figures', file, '-c', EXAMPLE_CONFIG_PATH, '--json']),
          await runCli(['validate', file, '-c', EXAMPLE_CONFIG_PATH, '--json']),
          await runCli(['validate', file, '-c', EXAMPLE_CONFIG_PATH, '--lang', 'sv']),
        ];
        outcomes.set(runs[0]!.code, (outcomes.get(runs[0]!.code) ?? 0) + 1);
        const names = municipalities(runs[0]!.stdout, runs[1]!.stdout);
        for (const [i, run] of runs.entries()) {
          for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
            let rest = text;
            for (const n of names) rest = rest.split(n).join('');
            expect(rest.includes(MARK), `run ${i} ${stream} quotes a planted cell:\n${text.slice(0, 2000)}`).toBe(false);
          }
        }
      }),
      { seed: 20240607, numRuns: RUNS },
    );
    // Both kinds of outcome were checked: reports made despite the planted cells (they are
    // errors in most columns, so fewer), and errors.
    expect([...outcomes.keys()].length).toBeGreaterThan(1);
  });
});

/** Municipality names the outputs publish (from the figures records and validate's table), longest first. */
function municipalities(figuresJson: string, validateJson: string): string[] {
  const names = new Set<string>();
  try {
    for (const r of (JSON.parse(figuresJson) as { records: { area: string }[] }).records) names.add(r.area);
  } catch {
    // no figures: the run failed
  }
  try {
    for (const r of (JSON.parse(validateJson) as { respondents: { rows: { area: string }[] } | null }).respondents?.rows ?? []) names.add(r.area);
  } catch {
    // no table
  }
  return [...names].sort((a, b) => b.length - a.length);
}
