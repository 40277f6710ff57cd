// A cluster column that is really a respondent id (one PSU per row) must end in the
// LimitError and exit code 8, not in running out of memory.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, LimitError } from '../../src/errors.js';
import { parseConfig } from '../../src/config/load.js';
import { SurveyAccumulator } from '../../src/analysis/accumulate.js';
import { YES, type Respondent } from '../../src/ingest/respondents.js';
import { MINI_CONFIG, tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG } from '../e2e/cli.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';

const clusteredMini = MINI_CONFIG.replace('  weight: vikt\n', '  weight: vikt\n  cluster: lopnr\n');
const MAX_BLOCKS = new SurveyAccumulator(parseConfig(clusteredMini, 'lagesbild.yaml')).maxBlocks;
const LIMIT_MESSAGE = `more than ${MAX_BLOCKS.toLocaleString('en')} distinct wave × municipality × stratum × cluster combinations. Is design.cluster (or design.strata) a respondent id by mistake? Clusters are e.g. schools`;

describe('a respondent id as cluster column', () => {
  it(`${MAX_BLOCKS + 1} rows with their own cluster: LimitError, exit 8, nothing written`, async () => {
    const dir = tempDir('lagesbild-limit-');
    const config = join(dir, 'lagesbild.yaml');
    writeFileSync(config, clusteredMini);
    const rows = Array.from({ length: MAX_BLOCKS + 1 }, (_, i) => `Åby,2023,${i % 2 ? 'F' : 'P'},9,1,${i % 3 ? 1 : 2},2,${100_000_000 + i}`);
    const data = join(dir, 'enkat.csv');
    writeFileSync(data, ['kommun,ar,kon,ak,vikt,F1,F2,lopnr', ...rows, ''].join('\n'));

    const run = await runCli(['figures', data, '-c', config, '-o', join(dir, 'out')]);
    expect(run.code).toBe(EXIT.limit);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(run.stderr).not.toMatch(STACK_LINE);
    // The row that crossed the limit may be named (file:line) once the pipeline adds it.
    expect(run.stderr).toMatch(new RegExp(`^error: (${data}:${MAX_BLOCKS + 2}: )?${escape(LIMIT_MESSAGE)}\\n$`));
    rmSync(dir, { recursive: true });
  });

  // The limit is on the bytes the sums take (MAX_SUMS_BYTES), not only on the number of
  // blocks: with the example's 22 indicators 200 000 blocks would be about 3 GB.
  it('with the example config the limit is reached before the sums take 512 MiB', async () => {
    const config = parseConfig(readFileSync(EXAMPLE_CONFIG, 'utf8').replace('  strata: kommun\n', '  strata: kommun\n  cluster: lopnr\n'), 'lagesbild.yaml');
    const acc = new SurveyAccumulator(config);
    const budget = 512 * 1024 * 1024;
    const start = process.memoryUsage().arrayBuffers;
    const r: Respondent = { area: 'Ängsby', year: 2023, weight: 1, stratum: 'Ängsby', psu: null, gender: 0, grade: 0, extra: new Int32Array(0), id: null, values: new Int8Array(config.indicators.length).fill(YES) };
    let error: unknown = null;
    for (let i = 0; error === null && process.memoryUsage().arrayBuffers - start < budget; i++) {
      r.psu = String(i);
      try {
        acc.add(r);
      } catch (err) {
        error = err;
      }
    }
    expect(error).toBeInstanceOf(LimitError);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
