// 2. One report on the bundled example: stage by stage in-process (stages.js), the whole
// `lagesbild report` command, and `lagesbild --help` start-up against a bare `node -e ''`.
import { join } from 'node:path';
import { CLI_ENV } from './ingest-bench.js';
import { DATA, EXAMPLE_CONFIG, EXAMPLE_FILES, ROOT } from './datasets.js';
import { runNode, summary } from './measure.js';
import { profileNode } from './profile.js';

const CLI = join(ROOT, 'bin', 'lagesbild.js');
export const STAGES = join(ROOT, 'bench', 'lib', 'stages.js');
const AREA = 'Ängsby';

/** Run stages.js once; its JSON plus the child's peak RSS. */
export async function runStages(config, files, areas, out) {
  const r = await runNode([STAGES, '--config', config, '--out', out, ...areas.flatMap((a) => ['--area', a]), ...files]);
  return { ...JSON.parse(r.stdout), wallMs: r.ms, rssKb: r.rssKb };
}

export async function benchReport({ runs, helpRuns, profile, log }) {
  const out = join(DATA, 'out', 'report');
  const reportArgs = [CLI, 'report', ...EXAMPLE_FILES, '-c', EXAMPLE_CONFIG, '--area', AREA, '-o', out, '--force', '--verbose'];

  const stages = [];
  const cli = [];
  for (let i = 0; i < runs; i++) {
    stages.push(await runStages(EXAMPLE_CONFIG, EXAMPLE_FILES, [AREA], join(out, 'stages')));
    cli.push(await runNode(reportArgs, { env: CLI_ENV }));
    log(`report ${i + 1}/${runs}: in-process ${(stages[i].wallMs / 1000).toFixed(1)} s, lagesbild report ${(cli[i].ms / 1000).toFixed(1)} s`);
  }

  const bare = [];
  const help = [];
  for (let i = 0; i < helpRuns; i++) {
    bare.push(await runNode(['-e', '']));
    help.push(await runNode([CLI, '--help']));
  }
  log(`start-up: node -e '' ${summary(bare.map((r) => r.ms)).median.toFixed(0)} ms, lagesbild --help ${summary(help.map((r) => r.ms)).median.toFixed(0)} ms`);

  const profiles = profile
    ? {
        report: await profileNode(reportArgs, { env: CLI_ENV }, join(DATA, 'profiles', 'report'), ROOT),
        help: await profileNode([CLI, '--help'], {}, join(DATA, 'profiles', 'help'), ROOT),
      }
    : null;

  const stage = (f) => summary(stages.map(f));
  const report = (r) => r.reports[0];
  return {
    area: AREA,
    rows: stages[0].rows,
    records: stages[0].records,
    figures: report(stages[0]).figures,
    chartCalls: report(stages[0]).chartCalls,
    bytes: report(stages[0]).bytes,
    stages: {
      startup: stage((r) => r.ms.startup),
      config: stage((r) => r.ms.config),
      ingest: stage((r) => r.ms.ingest),
      statistics: stage((r) => r.ms.statistics),
      document: stage((r) => report(r).ms.document),
      charts: stage((r) => report(r).ms.charts),
      chartsPdf: stage((r) => report(r).ms.chartsPdf),
      chartsHtml: stage((r) => report(r).ms.chartsHtml),
      pdf: stage((r) => report(r).ms.pdf),
      html: stage((r) => report(r).ms.html),
      write: stage((r) => report(r).ms.write),
    },
    stagesWall: stage((r) => r.wallMs),
    cli: { ms: summary(cli.map((r) => r.ms)), rssKb: summary(cli.map((r) => r.rssKb)) },
    startup: { bare: summary(bare.map((r) => r.ms)), help: summary(help.map((r) => r.ms)), helpRssKb: summary(help.map((r) => r.rssKb)) },
    profiles,
  };
}
