// Run the built CLI (dist/, built by `npm test`) as a user would, and read its outputs.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { FiguresTable } from '../../src/analysis/types.js';
import { loadConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { loadReferences } from '../../src/references/load.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/lagesbild.js`;
export const EXAMPLE = `${ROOT}examples/norrbacka`;
export const EXAMPLE_CSV = ['2019', '2021', '2023'].map((y) => `${EXAMPLE}/data/enkat-${y}.csv`);
export const EXAMPLE_CONFIG = `${EXAMPLE}/lagesbild.yaml`;

/** The example's config and figures table as the CLI computes them (its reference values included). */
export async function exampleFigures(): Promise<{ config: ProjectConfig; figures: FiguresTable }> {
  const { config } = await loadConfig(EXAMPLE_CONFIG);
  const { sums } = await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG });
  return { config, figures: computeFigures(sums, config, {}, await loadReferences(config, EXAMPLE_CONFIG)) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Bytes are decoded once at the end: an å split across two chunks stays an å.
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

/** A poppler tool's output (pdfinfo, pdffonts, pdftotext …). */
export function poppler(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr}`);
  return r.stdout;
}
