// The work of `lagesbild figures` done twice in one process, stage by stage: the first time
// as the command does it (V8 runs each function in its interpreter and baseline code until its
// optimising compiler, on another thread, has compiled it), the second with that code
// compiled. The difference is what a short run pays for code not yet optimised: a cost of how
// much code runs, not of how many rows. Prints JSON on stdout.
//
//   node bench/lib/figures-twice.js --config <file> --out <dir> <csv>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: flags, positionals: files } = parseArgs({
  allowPositionals: true,
  options: { config: { type: 'string' }, out: { type: 'string' } },
});
const dist = new URL('../../dist/', import.meta.url);
// As the CLI sets V8 before any command (src/cli/v8-settings.ts).
(await import(new URL('cli/v8-settings.js', dist).href)).setV8ForShortRuns();
const { loadProject } = await import(new URL('cli/project.js', dist).href);
const { streamOf } = await import(new URL('analysis/figures.js', dist).href);
const { renderFiguresFile } = await import(new URL('cli/figures-files.js', dist).href);
const { writeOutputs } = await import(new URL('cli/outputs.js', dist).href);
const quiet = { info() {}, warn() {}, verbose() {}, error() {} };

/** The command's own steps (src/cli/commands/figures.ts), its --verbose timings taken apart. */
async function once() {
  const times = {};
  const log = {
    ...quiet,
    verbose(text) {
      const m = /^(ingest|counts and disclosure control): (\d+) ms/.exec(String(text));
      if (m) times[m[1] === 'ingest' ? 'ingest' : 'counts'] = Number(m[2]);
    },
  };
  const t0 = performance.now();
  const project = await loadProject(files, { config: flags.config }, log);
  const t1 = performance.now();
  const stream = streamOf(project.source);
  const data = await renderFiguresFile(stream, project.config, 'csv', '2024-06-01');
  await writeOutputs([{ path: join(flags.out, 'figures.csv'), data }], true);
  const t2 = performance.now();
  // loadProject's own steps: ingest, pass 1 (counts and disclosure control), the county's records.
  return { ingest: times.ingest, counts: times.counts, county: t1 - t0 - times.ingest - times.counts, areas: t2 - t1, total: t2 - t0, records: stream.count() };
}

const first = await once();
const second = await once();
process.stdout.write(`${JSON.stringify({ first, second })}\n`);
