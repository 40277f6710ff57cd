// `npm pack` gives a tarball that installs globally and runs: what a coordinator's IT
// department or a CI image would do.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

// Asynchronous: a synchronous npm install blocks the test worker for a minute or more on a
// busy machine, and vitest then reports "Timeout calling onTaskUpdate" for the whole run.
const run = promisify(execFile);
const npm = async (args: string[], cwd: string) =>
  (await run('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' } })).stdout;

describe('npm pack', () => {
  it('installs globally from the tarball and answers --version, with the templates and example inside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-pack-'));
    const packed = JSON.parse(await npm(['pack', '--json', '--pack-destination', dir, '--ignore-scripts'], ROOT)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    for (const f of ['bin/lagesbild.js', 'dist/cli/main.js', 'dist/cli/batch-worker.js', 'templates/fonts/SourceSans3-Regular.ttf', 'templates/html/report.css', 'templates/codebook/standard.yaml', 'examples/norrbacka/lagesbild.yaml', 'schema/lagesbild.schema.json', 'README.md', 'LICENSE']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);
    const prefix = join(dir, 'global');
    await npm(['install', '-g', '--prefix', prefix, join(dir, packed[0]!.filename)], dir);
    const version = (await run(join(prefix, 'bin', 'lagesbild'), ['--version'], { encoding: 'utf8' })).stdout.trim();
    expect(version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

    // Outside any clone, as a user with the global bin folder on PATH: the next step that
    // `example` prints is a command that works when pasted.
    const home = join(dir, 'home');
    mkdirSync(home);
    const env = { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`, LC_ALL: 'C.UTF-8', CI: 'true' };
    const shell = (cmd: string, cwd: string) => run('sh', ['-c', cmd], { cwd, env, encoding: 'utf8' });
    const example = await shell('lagesbild example mitt-test', home);
    const next = example.stderr.split('\n').find((l) => l.startsWith('next: '));
    expect(next).toBe('next: cd mitt-test && lagesbild report data/*.csv --area Ängsby');
    const report = await shell(`${next!.slice('next: '.length)} --format html --date 2024-05-31`, home);
    expect(report.stderr).toBe('wrote out/Ängsby-2019-2023.html\n');
    expect(readdirSync(join(home, 'mitt-test', 'out'))).toEqual(['Ängsby-2019-2023.html']);
  }, 300_000);
});
