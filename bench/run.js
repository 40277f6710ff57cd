#!/usr/bin/env node
// The lagesbild benchmarks: where the time goes, and how close each part is to its floor.
//
//   npm run bench                       full run (builds first), writes BENCHMARKS.md
//   npm run bench -- --quick            smaller data and fewer runs
//   npm run bench -- --only ingest,report --runs 5 --no-profile
//
// Sections: 1. ingest + statistics on a large file against the floor (a field-counting byte
// scan) and the fastest JavaScript CSV parser, and 10 000 rows twice in one process; 2. one
// report stage by stage, and CLI start-up; 3. batch with 1 and 2 jobs; 4. a country's memory.
// Data is generated (seeded) into bench/.data/ and reused; nothing here is part of the tests.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/datasets.js';
import { benchIngest } from './lib/ingest-bench.js';
import { benchReport } from './lib/report-bench.js';
import { benchBatch } from './lib/batch-bench.js';
import { benchCountry } from './lib/country-bench.js';
import { renderMarkdown } from './lib/markdown.js';
import { rssMethod } from './lib/measure.js';

const SECTIONS = ['ingest', 'report', 'batch', 'country'];
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS;
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: "${s}" is not one of ${SECTIONS.join(', ')}`);
const runs = values.runs ? Number(values.runs) : values.quick ? 2 : 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);

const opts = {
  quick: values.quick,
  profile: !values['no-profile'],
  ingest: { rows: values.quick ? 100_000 : 1_000_000, smallRows: 10_000, runs },
  report: { runs, helpRuns: values.quick ? 5 : 10 },
  // A batch run renders every municipality's report: one run of each is already minutes.
  batch: { areas: values.quick ? 6 : 50, runs: values.runs ? runs : 1, sampleSize: values.quick ? 2 : 4 },
};

const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  cpu: cpuName(),
  cores: os.availableParallelism(),
  memoryMb: os.totalmem() / 2 ** 20,
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  commit: gitCommit(),
  loadStart: os.loadavg()[0],
  loadEnd: 0,
  rssMethod,
};

const results = { machine, opts };
if (only.includes('ingest')) results.ingest = await benchIngest({ ...opts.ingest, profile: opts.profile, log });
if (only.includes('report')) results.report = await benchReport({ ...opts.report, profile: opts.profile, log });
if (only.includes('batch')) results.batch = await benchBatch({ ...opts.batch, log });
if (only.includes('country')) results.country = await benchCountry({ log });
machine.loadEnd = os.loadavg()[0];
results.totalMs = Date.now() - started;

writeFileSync(join(ROOT, 'bench', '.data', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const out = join(ROOT, 'BENCHMARKS.md');
writeFileSync(out, renderMarkdown(results));
log(`wrote ${out} (raw numbers: bench/.data/results.json)`);

/** Model name from /proc/cpuinfo, with family and model (virtual machines often say only "AMD EPYC"). */
function cpuName() {
  const info = safeRead('/proc/cpuinfo');
  const field = (name) => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(info)?.[1];
  const name = field('model name') ?? os.cpus()[0]?.model ?? 'unknown';
  const family = field('cpu family');
  return family ? `${name} (family ${family}, model ${field('model')})` : name;
}

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} + uncommitted changes` : sha;
  } catch {
    return 'unknown';
  }
}
