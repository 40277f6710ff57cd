// 1. Ingest + statistics: `lagesbild figures` on a large file against a bare csv-parse pass
// over the same file (the floor), and its peak memory against the same run on a small file.
import { join } from 'node:path';
import { CLI, CLI_ENV, DATA, ROOT, bigSurvey } from './datasets.js';
import { runNode, summary } from './measure.js';
import { profileNode } from './profile.js';

const PARSE_ONLY = join(ROOT, 'bench', 'lib', 'parse-only.js');

function figuresArgs(data, out) {
  return [CLI, 'figures', data.file, '-c', data.config, '-o', out, '--force', '--verbose'];
}

/** The CLI's own --verbose timings ("ingest: 812 ms"), when it prints them. */
function verboseMs(stderr, label) {
  const m = new RegExp(`^${label}: (\\d+) ms`, 'm').exec(stderr);
  return m ? Number(m[1]) : null;
}

export async function benchIngest({ rows, smallRows, runs, profile, log }) {
  const big = bigSurvey(rows, log);
  const small = bigSurvey(smallRows, log);
  const out = join(DATA, 'out', 'figures');

  // Warm the page cache (and check that both programs agree on the row count).
  const warm = await runNode([PARSE_ONLY, big.file]);
  if (Number(warm.stdout) !== big.rows) throw new Error(`bare parse counted ${warm.stdout.trim()} rows, expected ${big.rows}`);

  const bare = [];
  const figures = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that load from other users on the machine hits both alike.
    bare.push(await runNode([PARSE_ONLY, big.file]));
    log(`ingest ${i + 1}/${runs}: bare csv-parse ${(bare[i].ms / 1000).toFixed(1)} s`);
    figures.push(await runNode(figuresArgs(big, out), { env: CLI_ENV }));
    log(`ingest ${i + 1}/${runs}: lagesbild figures ${(figures[i].ms / 1000).toFixed(1)} s, ${(figures[i].rssKb / 1024).toFixed(0)} MB`);
  }
  const smallRuns = [];
  for (let i = 0; i < runs; i++) smallRuns.push(await runNode(figuresArgs(small, join(out, 'small')), { env: CLI_ENV }));
  log(`ingest: ${smallRows.toLocaleString('en')}-row file ${(summary(smallRuns.map((r) => r.rssKb)).median / 1024).toFixed(0)} MB`);

  const prof = profile ? await profileNode(figuresArgs(big, out), { env: CLI_ENV }, join(DATA, 'profiles', 'figures'), ROOT) : null;

  // "statistics: 4690 ms, 109758 figures" (--verbose) or "wrote … (109,758 figures)".
  const records = Number(/(\d[\d,\u00a0 ]*) figures/.exec(figures[0].stderr)?.[1].replace(/\D/g, '') ?? NaN);
  const med = (list, f) => summary(list.map(f));
  return {
    file: { rows: big.rows, indicators: big.indicators, bytes: big.bytes, smallRows: small.rows },
    records,
    bare: { ms: med(bare, (r) => r.ms), cpuMs: med(bare, (r) => r.cpuMs), rssKb: med(bare, (r) => r.rssKb) },
    figures: {
      ms: med(figures, (r) => r.ms),
      cpuMs: med(figures, (r) => r.cpuMs),
      rssKb: med(figures, (r) => r.rssKb),
      ingestMs: med(figures, (r) => verboseMs(r.stderr, 'ingest')),
      statisticsMs: med(figures, (r) => verboseMs(r.stderr, 'statistics')),
    },
    small: {
      ms: med(smallRuns, (r) => r.ms),
      cpuMs: med(smallRuns, (r) => r.cpuMs),
      rssKb: med(smallRuns, (r) => r.rssKb),
      ingestMs: med(smallRuns, (r) => verboseMs(r.stderr, 'ingest')),
      statisticsMs: med(smallRuns, (r) => verboseMs(r.stderr, 'statistics')),
    },
    pairRatios: summary(figures.map((f, i) => f.ms / bare[i].ms)),
    cpuRatio: summary(figures.map((f, i) => f.cpuMs / bare[i].cpuMs)),
    profile: prof,
  };
}
