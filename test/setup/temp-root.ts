// Every temporary file of a test run in one folder, removed when the run ends. Tests make their
// folders with mkdtemp(tmpdir()) and the CLIs they start do too; not all of them clean up (the
// npm-pack test alone left 197 MB per run), and a developer's disk filled up run by run.
// The test processes and everything they start inherit TMPDIR, which os.tmpdir() reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'lagesbild-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
