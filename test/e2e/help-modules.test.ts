// `lagesbild --help` must start about as fast as node itself (issue 18: at most 2× `node -e ''`,
// measured in the bench): it may load the CLI's own modules and commander, not the core or
// any other package. Each command loads what it needs when it runs.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './cli.js';

const HOOK = new URL('./hooks/list-modules.mjs', import.meta.url).href;

/** The project's own modules (relative to the root) and the packages loaded (wherever node_modules really is: a symlinked or hoisted install resolves outside the root). */
function modulesLoadedBy(args: string[]): { own: string[]; packages: string[] } {
  const run = spawnSync(process.execPath, ['--no-warnings', '--experimental-loader', HOOK, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status).toBe(0);
  const root = pathToFileURL(ROOT).href;
  const urls = [...new Set(run.stderr.split('\n').filter((l) => l.startsWith('module ')).map((l) => l.slice('module '.length)))];
  const packages = urls.filter((url) => url.includes('/node_modules/')).map((url) => url.slice(url.lastIndexOf('/node_modules/') + '/node_modules/'.length).split('/')[0]!);
  const own = urls.filter((url) => url.startsWith(root) && !url.includes('/node_modules/')).map((url) => url.slice(root.length));
  return { own, packages: [...new Set(packages)] };
}

describe('lagesbild --help', () => {
  it.each(['--help', 'batch --help', 'validate --help'])('lagesbild %s loads commander and the CLI, no other package and nothing of the core', (command) => {
    const { own: loaded, packages } = modulesLoadedBy(command.split(' '));
    expect(loaded).toContain('dist/cli/main.js');
    expect(packages).toEqual(['commander']);
    // The statistics, readers, report model and renderers stay unloaded.
    const core = loaded.filter((m) => /^dist\/(analysis|stats|ingest|report|references|validate|render\/(pdf|html|docx|charts|tabular))\//.test(m));
    expect(core).toEqual([]);
  });
});
