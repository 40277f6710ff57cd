// Fuzz: mutated copies of the bundled example data through ingest + figures, in-process.
// Every outcome is a figures table or one of our typed errors (see expectCleanOutcome).
// Seeded, so a failure reproduces; the counterexample is printed shrunk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG_PATH } from '../examples/norrbacka.js';
import { applyCsvMutation, csvMutations, expectCleanOutcome, sampleCsv } from './mutate.js';

const RUNS = 2000;

describe('fuzz: mutated example CSVs through ingest + figures', () => {
  it(`${RUNS} mutated files end in a figures table or a typed one-line error`, async () => {
    const { config } = await loadConfig(EXAMPLE_CONFIG_PATH);
    const base = sampleCsv();
    const dir = tempDir('lagesbild-fuzz-csv-');
    const file = join(dir, 'enkat.csv');
    const outcomes = { ok: 0, failed: 0 };

    // The unmutated sample must work, or every run below would test only the error path.
    writeFileSync(file, base);
    const { sums } = await ingestFiles([file], config, { configPath: EXAMPLE_CONFIG_PATH });
    expect(computeFigures(sums, config).records.length).toBeGreaterThan(100);

    await fc.assert(
      fc.asyncProperty(csvMutations, async (mutations) => {
        writeFileSync(file, mutations.reduce(applyCsvMutation, base));
        const result = await expectCleanOutcome(async () => {
          const { sums } = await ingestFiles([file], config, { configPath: EXAMPLE_CONFIG_PATH });
          exportFigures(computeFigures(sums, config), 'csv');
        });
        outcomes[result === 'ok' ? 'ok' : 'failed']++;
      }),
      { seed: 20240601, numRuns: RUNS },
    );
    // Both paths were exercised: some damage is survivable (a doubled line), most is not.
    expect(outcomes.ok).toBeGreaterThan(RUNS * 0.05);
    expect(outcomes.failed).toBeGreaterThan(RUNS * 0.3);
  });
});
