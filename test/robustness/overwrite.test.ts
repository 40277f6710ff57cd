// Nothing overwritten without --force: an existing figures table or report stays byte for
// byte as it was, the command exits with EXIT.output, and nothing else is written.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';

/** Bytes and modification time: "unchanged" means both. */
const snapshot = (path: string) => ({ bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });

describe('no overwrite without --force', () => {
  it('figures: a second run refuses, the first figures.csv is untouched', async () => {
    const out = tempDir('lagesbild-overwrite-');
    const first = await runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', out]);
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const path = join(out, 'figures.csv');
    const before = snapshot(path);

    const second = await runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', out]);
    expect(second.code).toBe(EXIT.output);
    expect(second.stderr).toBe(`error: would overwrite ${path}. Pass --force to replace them, or choose another folder with -o\n`);
    expect(snapshot(path)).toEqual(before);
    expect(readdirSync(out)).toEqual(['figures.csv']);
  });

  it('report: existing PDF and HTML are refused before any work, and left as they were', async () => {
    const out = tempDir('lagesbild-overwrite-report-');
    const pdf = join(out, 'Ängsby-2019-2023.pdf');
    const html = join(out, 'Ängsby-2019-2023.html');
    writeFileSync(pdf, 'the previous report');
    writeFileSync(html, '<p>the previous report</p>');
    const before = [snapshot(pdf), snapshot(html)];

    const run = await runCli(['report', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--area', 'Ängsby', '-o', out, '--date', '2024-05-31']);
    expect(run.code).toBe(EXIT.output);
    expect(run.stderr).toBe(`error: would overwrite ${pdf}, ${html}. Pass --force to replace them, or choose another folder with -o\n`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect([snapshot(pdf), snapshot(html)]).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['Ängsby-2019-2023.html', 'Ängsby-2019-2023.pdf']);
  });
});
