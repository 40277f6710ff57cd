// 3. Batch: a generated county, `lagesbild batch --jobs 1` against `--jobs 2`, and each
// report's time in the batch against what the same report costs in-process (its charts,
// PDF and HTML: the floor a worker cannot go below).
import { join } from 'node:path';
import { CLI, CLI_ENV, DATA, county } from './datasets.js';
import { runNode, summary } from './measure.js';
import { runStages } from './report-bench.js';

const COUNTY = '*county*';

/** Municipalities spread over the size ranking (largest first), for the in-process floor. */
function sample(areas, k) {
  if (areas.length <= k) return areas;
  return Array.from({ length: k }, (_, i) => areas[Math.round((i * (areas.length - 1)) / (k - 1))]);
}

export async function benchBatch({ areas: n, runs, sampleSize, log }) {
  const data = county(n, log);
  const run = async (jobs) => {
    const out = join(DATA, 'out', `batch-jobs${jobs}`);
    const r = await runNode([CLI, 'batch', ...data.files, '-c', data.config, '-o', out, '--force', '--json', '--jobs', String(jobs)], { env: CLI_ENV });
    const result = JSON.parse(r.stdout);
    if (result.status !== 'ok') throw new Error(`batch --jobs ${jobs} ended "${result.status}": ${JSON.stringify(result.jobs.filter((j) => j.status !== 'ok'))}`);
    log(`batch --jobs ${jobs}: ${(r.ms / 1000).toFixed(1)} s, ${result.jobs.length} reports, ${(r.rssKb / 1024).toFixed(0)} MB`);
    return { ms: r.ms, cpuMs: r.cpuMs, rssKb: r.rssKb, jobs: result.jobs };
  };

  const one = [];
  const two = [];
  for (let i = 0; i < runs; i++) {
    one.push(await run(1));
    two.push(await run(2));
  }

  // The part no job count shortens: start-up, ingest, statistics and figures.csv, measured as
  // `lagesbild figures` on the same files. (The reports' own times cannot tell it: with --jobs 1
  // two reports are rendered at a time, so their times overlap.)
  const fixed = [];
  for (let i = 0; i < runs; i++) {
    const r = await runNode([CLI, 'figures', ...data.files, '-c', data.config, '-o', join(DATA, 'out', 'batch-figures'), '--force'], { env: CLI_ENV });
    fixed.push(r.ms);
  }
  log(`batch: the part no job count shortens (lagesbild figures) ${(summary(fixed).median / 1000).toFixed(1)} s`);

  const picked = sample(data.areas, sampleSize);
  // Warmed up: in a batch only each process's first report pays for loading and compiling.
  const warmUp = data.areas.find((a) => !picked.includes(a));
  const floor = await runStages(data.config, data.files, [...picked, COUNTY], join(DATA, 'out', 'batch-stages'), warmUp);
  log(`batch: in-process floor for ${picked.length} municipalities and the county measured`);

  const jobMs = (runsOf, name) => summary(runsOf.map((r) => r.jobs.find((j) => j.area === name)?.ms ?? null));
  const perReport = floor.reports.map((f) => {
    const t = f.time;
    return {
      area: f.area,
      county: f.county,
      figures: f.figures,
      chartsMs: t.charts.wall,
      pdfMs: t.pdf.wall,
      htmlMs: t.html.wall,
      floorMs: t.document.wall + t.charts.wall + t.pdf.wall + t.html.wall + t.write.wall,
      floorCpuMs: t.document.cpu + t.charts.cpu + t.pdf.cpu + t.html.cpu + t.write.cpu,
      jobs1Ms: jobMs(one, f.area).median,
      jobs2Ms: jobMs(two, f.area).median,
    };
  });
  const wall = (list) => summary(list.map((r) => r.ms));
  return {
    municipalities: n,
    rows: data.rows,
    reports: one[0].jobs.length,
    jobs1: { ms: wall(one), cpuMs: summary(one.map((r) => r.cpuMs)), rssKb: summary(one.map((r) => r.rssKb)), perReport: summary(one.flatMap((r) => r.jobs.map((j) => j.ms))) },
    jobs2: { ms: wall(two), cpuMs: summary(two.map((r) => r.cpuMs)), rssKb: summary(two.map((r) => r.rssKb)), perReport: summary(two.flatMap((r) => r.jobs.map((j) => j.ms))) },
    speedup: wall(one).median / wall(two).median,
    fixedMs: summary(fixed),
    floor: { ingestMs: floor.time.config.wall + floor.time.ingest.wall, statisticsMs: floor.time.statistics.wall },
    perReport,
  };
}
