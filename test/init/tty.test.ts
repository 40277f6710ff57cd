// The real wizard in a pseudo-terminal (python3's pty module drives it like a keyboard), and
// both commands as separate processes with stdin closed: they finish, they never wait.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import type { EstimateRecord } from '../../src/analysis/types.js';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MESSY = join(ROOT, 'test/fixtures/messy/skolenkat-ht23.csv');
const DRIVER = join(ROOT, 'test/init/pty-drive.py');
/** The CLI from source, as its own process. */
const CLI = [process.execPath, join(ROOT, 'node_modules/vite-node/vite-node.mjs'), join(ROOT, 'test/init/cli-entry.ts'), '--'];
const LIMIT_S = 90;

interface PtyRun {
  code: number | null;
  output: string;
  failed: string | null;
}

/** Run the CLI in a pseudo-terminal; `steps` are [text to wait for, keys to type]. */
function inTerminal(args: string[], steps: [string, string][]): PtyRun {
  const run = spawnSync('python3', [DRIVER, JSON.stringify(steps), String(LIMIT_S), ...CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1', CI: '' },
    timeout: (LIMIT_S + 30) * 1000,
  });
  if (run.status !== 0) throw new Error(`pty driver failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PtyRun;
}

function messyCopy(): { dir: string; csv: string } {
  const dir = tempDir('lagesbild-tty-');
  const csv = join(dir, 'skolenkat-ht23.csv');
  copyFileSync(MESSY, csv);
  return { dir, csv };
}

const ENTER = '\r';
const DOWN = '\u001b[B';
const SPACE = ' ';
const DEFINITION = 'Våld är varje handling riktad mot en annan person som skadar, smärtar, skrämmer eller kränker.';

describe('init: the wizard in a terminal', () => {
  it('Enter accepts the proposals; codes and unknown answers are asked; a typed definition is kept', () => {
    const { dir, csv } = messyCopy();
    const out = join(dir, 'lagesbild.yaml');
    const run = inTerminal(
      ['init', csv, '--lang', 'sv'],
      [
        ['Stämmer kolumnerna\\?', ENTER],
        ['Ta med de här 7 indikatorerna\\?', ENTER],
        // F50_berusad has only codes: 2 means yes …
        ['Svaren "1", "2", "9" i F50_berusad: vilka av dem räknas som ja\\?', `${DOWN}${SPACE}${ENTER}`],
        // … and of the others 9 is no answer: proposed already (1 is then no).
        ['Och vilka av de övriga betyder "inget svar"\\?', ENTER],
        ['Svaren "Kanske" i F31_vuxen_att_prata_med: vilka av dem räknas som ja\\?', ENTER],
        ['Och vilka av de övriga betyder "inget svar"\\?', `${SPACE}${ENTER}`],
        ['definition av våld', `${DEFINITION}${ENTER}`],
        ['Vilket län eller vilken region', ENTER],
      ],
    );
    expect(run.failed).toBeNull();
    expect(run.code).toBe(EXIT.ok);
    expect(run.output).toContain(`Skrev ${out}.`);

    const config = parseConfig(readFileSync(out, 'utf8'), out);
    expect(config.project.violence_definition).toBe(DEFINITION);
    expect(config.project.county).toBe('Länet');
    const berusad = config.indicators.find((i) => i.id === 'berusad')!;
    expect(berusad.column).toBe('F50_berusad');
    const scale = config.answer_scales[berusad.answers as string]!;
    expect([scale.yes.includes('2'), scale.no.includes('1'), scale.missing.includes('9')]).toEqual([true, true, true]);
    expect(config.answer_scales.ja_nej!.missing).toContain('Kanske');
    return ingestFiles([csv], config).then(({ sums }) => {
      const figures = computeFigures(sums, config);
      const drunk = figures.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === 'berusad' && r.group === 'total');
      expect(drunk.map((r) => r.area).sort()).toEqual(['Länet', 'Tallmo', 'Ängsby']);
      expect(drunk.every((r) => r.n > 20)).toBe(true);
    });
  });

  it('Ctrl+C at a question leaves nothing written; exit 130', () => {
    const { dir, csv } = messyCopy();
    const run = inTerminal(['init', csv, '--lang', 'sv'], [['Stämmer kolumnerna\\?', '\u0003']]);
    expect(run.failed).toBeNull();
    expect(run.code).toBe(EXIT.interrupted);
    expect(run.output).toContain('Avbrutet; ingen fil skrevs.');
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });
});

describe('without a terminal (stdin closed) nothing waits', { timeout: 2 * LIMIT_S * 1000 + 30_000 }, () => {
  // Asynchronous: a test worker blocked in spawnSync on a busy machine misses vitest's own
  // messages ("Timeout calling onTaskUpdate").
  const closed = (args: string[]) =>
    new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: LIMIT_S * 1000 });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('close', (status, signal) => resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });

  it('init stops with the flags to pass; exit 2', async () => {
    const { dir, csv } = messyCopy();
    const run = await closed(['init', csv, '--lang', 'en']);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toContain('pass --yes to accept the proposals above');
    expect(existsSync(join(dir, 'lagesbild.yaml'))).toBe(false);
  });

  it('init --yes writes the config; validate then finishes; exit 0', async () => {
    const { dir, csv } = messyCopy();
    const init = await closed(['init', csv, '--yes', '--lang', 'en']);
    expect([init.signal, init.status]).toEqual([null, EXIT.ok]);
    const validate = await closed(['validate', csv, '-c', join(dir, 'lagesbild.yaml'), '--lang', 'en']);
    expect([validate.signal, validate.status]).toEqual([null, EXIT.ok]);
    expect(validate.stdout).toContain('Result: the data can be reported. (exit code 0)');
  });
});
