// 2. One report on the bundled example: stage by stage in-process (stages.js), the whole
// `lagesbild report` command, and `lagesbild --help` start-up against a bare `node -e ''`.
import { join } from 'node:path';
import { CLI, CLI_ENV, DATA, EXAMPLE_CONFIG, EXAMPLE_FILES, ROOT } from './datasets.js';
import { runNode, summary } from './measure.js';
import { profileNode } from './profile.js';

const STAGES = join(ROOT, 'bench', 'lib', 'stages.js');
const AREA = 'Ängsby';

/** Run stages.js once (see there for `warmUp`); its JSON plus the child's wall time. */
export async function runStages(config, files, areas, out, warmUp = null) {
  const r = await runNode([STAGES, '--config', config, '--out', out, ...(warmUp ? ['--warm-up', warmUp] : []), ...areas.flatMap((a) => ['--area', a]), ...files]);
  return { ...JSON.parse(r.stdout), wallMs: r.ms };
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

  // Wall and CPU time of a stage over the runs.
  const stage = (f) => ({ wall: summary(stages.map((r) => f(r).wall)), cpu: summary(stages.map((r) => f(r).cpu)) });
  const report = (r) => r.reports[0];
  const names = ['document', 'charts', 'chartsPdf', 'chartsHtml', 'pdf', 'html', 'write'];
  return {
    area: AREA,
    rows: stages[0].rows,
    records: stages[0].records,
    figures: report(stages[0]).figures,
    htmlChartCalls: report(stages[0]).htmlChartCalls,
    bytes: report(stages[0]).bytes,
    stages: {
      ...Object.fromEntries(['startup', 'modules', 'config', 'ingest', 'statistics'].map((n) => [n, stage((r) => r.time[n])])),
      ...Object.fromEntries(names.map((n) => [n, stage((r) => report(r).time[n])])),
    },
    cli: { ms: summary(cli.map((r) => r.ms)), cpuMs: summary(cli.map((r) => r.cpuMs)), rssKb: summary(cli.map((r) => r.rssKb)) },
    startup: {
      bare: summary(bare.map((r) => r.ms)),
      help: summary(help.map((r) => r.ms)),
      bareCpuMs: summary(bare.map((r) => r.cpuMs)),
      helpCpuMs: summary(help.map((r) => r.cpuMs)),
      helpRssKb: summary(help.map((r) => r.rssKb)),
    },
    profiles,
  };
}
