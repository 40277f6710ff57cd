// Run a Node child process and measure its wall time, CPU time and peak resident memory.
// RSS and CPU come from GNU time (`/usr/bin/time -v`) when it is installed, else from a
// preload that prints process.resourceUsage() when the child exits (see usage.js). Both count
// the whole process, worker threads included. CPU time shows how much of the machine a run
// got: on a shared machine, wall time alone can mislead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('./usage.js', import.meta.url));

/** How peak RSS is measured on this machine. */
export const rssMethod = detectGnuTime() ? 'GNU time -v' : 'resourceUsage().maxRSS preload';

function detectGnuTime() {
  // BENCH_RSS=preload forces the fallback (to check it on a machine that has GNU time).
  if (process.env.BENCH_RSS === 'preload' || !existsSync(GNU_TIME)) return false;
  const r = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr);
}

/**
 * Run `node ...args` and wait for it.
 * @returns {Promise<{ ms: number, cpuMs: number | null, rssKb: number | null, code: number | null, stdout: string, stderr: string }>}
 */
export function runNode(args, opts = {}) {
  const nodeArgs = [...(opts.nodeFlags ?? []), ...args];
  const [cmd, argv] =
    rssMethod === 'GNU time -v'
      ? [GNU_TIME, ['-v', process.execPath, ...nodeArgs]]
      : [process.execPath, ['--import', PRELOAD, ...nodeArgs]];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let stderr = Buffer.concat(err).toString('utf8');
      let rssKb = null;
      let cpuMs = null;
      const gnu = /(?:^|\n)[ \t]*Command being timed:[\s\S]*$/.exec(stderr);
      const preload = /\nBENCH_USAGE maxrss_kb=(\d+) cpu_us=(\d+)\n$/.exec(stderr);
      if (gnu) {
        const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(gnu[0])?.[1] ?? NaN);
        rssKb = field('Maximum resident set size \\(kbytes\\)');
        cpuMs = 1000 * (field('User time \\(seconds\\)') + field('System time \\(seconds\\)'));
        stderr = stderr.slice(0, gnu.index);
      } else if (preload) {
        rssKb = Number(preload[1]);
        cpuMs = Number(preload[2]) / 1000;
        stderr = stderr.slice(0, preload.index);
      }
      const result = { ms, cpuMs, rssKb, code, stdout: Buffer.concat(out).toString('utf8'), stderr };
      if (code !== 0) {
        reject(new Error(`node ${args.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`));
      } else resolve(result);
    });
  });
}

/** Median, minimum and maximum of a list of numbers. */
export function summary(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: null, min: null, max: null, n: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}
