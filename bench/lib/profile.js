// Summarise a V8 .cpuprofile (node --cpu-prof): self time per function and per package.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runNode } from './measure.js';

/**
 * Run `node ...args` once under the CPU profiler, keep the profile in `dir` (open it in
 * Chrome DevTools › Performance) and summarise it.
 */
export async function profileNode(args, opts, dir, root) {
  rmSync(dir, { recursive: true, force: true });
  await runNode(args, { ...opts, nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir] });
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the main thread.
  const main = files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? files[0];
  if (!main) throw new Error(`no .cpuprofile in ${dir}`);
  return summariseProfile(join(dir, main), root);
}

/**
 * @param {string} file
 * @param {string} root  project folder, cut from file URLs
 * @param {number} top
 */
export function summariseProfile(file, root, top = 10) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map();
  const byPackage = new Map();
  const prefix = `file://${root.endsWith('/') ? root : `${root}/`}`;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const path = url.startsWith(prefix) ? url.slice(prefix.length) : url;
    const name = `${functionName || '(anonymous)'}${path ? ` (${path}:${lineNumber + 1})` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const group = pkg ? `npm: ${pkg}` : path.startsWith('dist/') ? path : path.startsWith('node:') ? 'node internals' : functionName || '(native)';
    byPackage.set(group, (byPackage.get(group) ?? 0) + us);
  }
  const rank = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  return { file, totalMs: total / 1000, functions: rank(byFunction), packages: rank(byPackage) };
}
