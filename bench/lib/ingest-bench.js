// 1. Ingest + statistics: `lagesbild figures` on a large file against the floor (a
// field-counting byte scan of the same file, bench/lib/floor-scan.js) and the fastest
// maintained JavaScript CSV parser (udsv, bench/lib/udsv-parse.js), all in the same run and
// interleaved, and the same command on one thread; its memory against the same run on a
// small file; and once with the reference
// CSV reader (csv-parse), to show what the byte-level reader changed.
import { join } from 'node:path';
import { CLI, CLI_ENV, DATA, ROOT, bigSurvey } from './datasets.js';
import { runNode, summary } from './measure.js';
import { profileNode } from './profile.js';

const FLOOR = join(ROOT, 'bench', 'lib', 'floor-scan.js');
const UDSV = join(ROOT, 'bench', 'lib', 'udsv-parse.js');
const TWICE = join(ROOT, 'bench', 'lib', 'figures-twice.js');

export function figuresArgs(data, out) {
  return [CLI, 'figures', data.file, '-c', data.config, '-o', out, '--force', '--verbose'];
}

/** The CLI's own --verbose timings ("ingest: 812 ms"), when it prints them. */
export function verboseMs(stderr, label) {
  const m = new RegExp(`^${label}: (\\d+) ms`, 'm').exec(stderr);
  return m ? Number(m[1]) : null;
}

export async function benchIngest({ rows, smallRows, runs, profile, log }) {
  const big = bigSurvey(rows, log);
  const small = bigSurvey(smallRows, log);
  const out = join(DATA, 'out', 'figures');

  // Warm the page cache (and check that the floor counts the rows: one more line, the header).
  const warm = await runNode([FLOOR, big.file]);
  if (Number(warm.stdout.split(' ')[0]) !== big.rows + 1) throw new Error(`the floor scan counted ${warm.stdout.trim()}, expected ${big.rows + 1} records`);

  const floor = [];
  const udsv = [];
  const figures = [];
  const oneThread = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that load from other users on the machine hits all alike.
    floor.push(await runNode([FLOOR, big.file]));
    udsv.push(await runNode([UDSV, big.file]));
    figures.push(await runNode(figuresArgs(big, out), { env: CLI_ENV }));
    // The same on one thread (the file is still read in segments: the same figures).
    oneThread.push(await runNode(figuresArgs(big, join(out, 'one-thread')), { env: { ...CLI_ENV, LAGESBILD_THREADS: '1' } }));
    log(`ingest ${i + 1}/${runs}: floor ${(floor[i].ms / 1000).toFixed(1)} s, udsv ${(udsv[i].ms / 1000).toFixed(1)} s, lagesbild figures ${(figures[i].ms / 1000).toFixed(1)} s, ${(figures[i].rssKb / 1024).toFixed(0)} MB, on one thread ${(oneThread[i].ms / 1000).toFixed(1)} s`);
  }
  const reference = await runNode(figuresArgs(big, join(out, 'reference')), { env: { ...CLI_ENV, LAGESBILD_CSV_READER: 'csv-parse' } });
  log(`ingest: with the reference reader (csv-parse) ${(reference.ms / 1000).toFixed(1)} s`);
  const smallRuns = [];
  for (let i = 0; i < runs; i++) smallRuns.push(await runNode(figuresArgs(small, join(out, 'small')), { env: CLI_ENV }));
  log(`ingest: ${smallRows.toLocaleString('en')}-row file ${(summary(smallRuns.map((r) => r.ms)).median / 1000).toFixed(2)} s, ${(summary(smallRuns.map((r) => r.rssKb)).median / 1024).toFixed(0)} MB`);

  // "statistics: 4690 ms, 109758 figures" (--verbose) or "wrote … (109,758 figures)".
  const figureCount = (r) => Number(/(\d[\d,\u00a0 ]*) figures/.exec(r.stderr)?.[1].replace(/\D/g, '') ?? NaN);
  // The 10 000-row work twice in one process: what code not yet optimised costs it (the same figures as the command's).
  const twiceRuns = [];
  for (let i = 0; i < runs; i++) twiceRuns.push(JSON.parse((await runNode([TWICE, '--config', small.config, '--out', join(out, 'twice'), small.file])).stdout));
  const STAGES = ['ingest', 'counts', 'county', 'areas', 'total'];
  const stagesOf = (which) => Object.fromEntries(STAGES.map((k) => [k, summary(twiceRuns.map((r) => r[which][k]))]));
  const twice = { first: stagesOf('first'), second: stagesOf('second') };
  const commandCount = figureCount(smallRuns[0]);
  for (const r of twiceRuns) {
    if (r.first.records !== commandCount || r.second.records !== commandCount) throw new Error(`figures-twice.js made ${r.first.records} and ${r.second.records} figures, the command ${commandCount}`);
  }
  log(`ingest: ${smallRows.toLocaleString('en')} rows in one process, first ${(twice.first.total.median / 1000).toFixed(2)} s, second ${(twice.second.total.median / 1000).toFixed(2)} s`);

  const prof = profile ? await profileNode(figuresArgs(big, out), { env: CLI_ENV }, join(DATA, 'profiles', 'figures'), ROOT) : null;

  const records = figureCount(figures[0]);
  // "read …: 1000000 rows (utf-8, ",", 15 segments on 2 threads)" (--verbose).
  const threadsOf = (r) => /(\d+) segments on (\d+) thread/.exec(r.stderr)?.slice(1, 3).map(Number) ?? [1, 1];
  const med = (list, f) => summary(list.map(f));
  const run = (list) => ({ ms: med(list, (r) => r.ms), cpuMs: med(list, (r) => r.cpuMs), rssKb: med(list, (r) => r.rssKb) });
  const verbose = (list) => ({ ingestMs: med(list, (r) => verboseMs(r.stderr, 'ingest')), statisticsMs: med(list, (r) => verboseMs(r.stderr, 'statistics')) });
  return {
    file: { rows: big.rows, indicators: big.indicators, bytes: big.bytes, smallRows: small.rows, smallBytes: small.bytes },
    records,
    floor: run(floor),
    udsv: run(udsv),
    figures: { ...run(figures), ...verbose(figures), threads: threadsOf(figures[0]) },
    oneThread: { ...run(oneThread), ...verbose(oneThread) },
    reference: { ...run([reference]), ...verbose([reference]) },
    small: { ...run(smallRuns), ...verbose(smallRuns), records: figureCount(smallRuns[0]), twice },
    pairRatios: summary(figures.map((f, i) => f.ms / floor[i].ms)),
    cpuRatio: summary(figures.map((f, i) => f.cpuMs / floor[i].cpuMs)),
    profile: prof,
  };
}
