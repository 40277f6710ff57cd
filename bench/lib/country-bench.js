// 4. A whole country (290 municipalities × 10 waves × 60 indicators): memory must follow
// the cells, not grow with objects per area × indicator × group. `lagesbild figures` on it,
// and `lagesbild batch --jobs 2` on one shard of it (the shard renders 10 of the reports, so
// the run stays minutes, while the county overview still reads every municipality and the
// figures file every record of the country); peak RSS of each, against 1 GB.
import { join } from 'node:path';
import { CLI, CLI_ENV, DATA, countrySurvey } from './datasets.js';
import { runNode } from './measure.js';
import { figuresArgs, verboseMs } from './ingest-bench.js';

/** The batch renders 1/SHARDS of the municipalities (and the country report). */
const SHARDS = 29;

export async function benchCountry({ log }) {
  const data = countrySurvey(log);
  const figures = await runNode(figuresArgs(data, join(DATA, 'out', 'country-figures')), { env: CLI_ENV });
  const records = Number(/(\d[\d,\u00a0 ]*) figures/.exec(figures.stderr)?.[1].replace(/\D/g, '') ?? NaN);
  log(`country: figures ${(figures.ms / 1000).toFixed(1)} s, ${(figures.rssKb / 1024).toFixed(0)} MB, ${records} figures`);
  const out = join(DATA, 'out', 'country-batch');
  const batch = await runNode([CLI, 'batch', data.file, '-c', data.config, '-o', out, '--force', '--json', '--jobs', '2', '--shard', `1/${SHARDS}`], { env: CLI_ENV });
  const result = JSON.parse(batch.stdout);
  if (result.status !== 'ok') throw new Error(`country batch ended "${result.status}"`);
  log(`country: batch shard 1/${SHARDS} ${(batch.ms / 1000).toFixed(1)} s, ${result.jobs.length} reports, ${(batch.rssKb / 1024).toFixed(0)} MB`);
  return {
    file: { rows: data.rows, bytes: data.bytes, municipalities: data.municipalities, waves: data.waves, indicators: data.indicators },
    records,
    figures: { ms: figures.ms, cpuMs: figures.cpuMs, rssKb: figures.rssKb, ingestMs: verboseMs(figures.stderr, 'ingest'), statisticsMs: verboseMs(figures.stderr, 'statistics') },
    batch: { ms: batch.ms, cpuMs: batch.cpuMs, rssKb: batch.rssKb, shards: SHARDS, reports: result.jobs.length, perReport: result.jobs.map((j) => j.ms) },
  };
}
