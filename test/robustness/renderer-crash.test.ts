// A renderer that crashes part-way (here the HTML renderer, after the PDF was rendered) must
// leave no file at all: not the finished PDF, not a temporary, and not a damaged old report.
// A broken logo (not an image) crashes the real PDF renderer the same way.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE, EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';

vi.mock('../../src/render/html/index.js', () => ({
  renderHtml: async () => {
    throw new Error('renderer crashed half-way');
  },
}));

const REPORT = ['report', ...EXAMPLE_CSV, '--area', 'Ängsby', '--date', '2024-05-31', '--format', 'pdf,html'];

describe('a crash in a renderer leaves no partial file', () => {
  it('HTML renderer throws after the PDF is rendered: nothing written, the old report untouched', async () => {
    const out = tempDir('lagesbild-crash-');
    const old = { pdf: join(out, 'Ängsby-2019-2023.pdf'), html: join(out, 'Ängsby-2019-2023.html') };
    writeFileSync(old.pdf, 'old pdf');
    writeFileSync(old.html, 'old html');

    const run = await runCli([...REPORT, '-c', EXAMPLE_CONFIG, '-o', out, '--force']);
    expect(run.code).toBe(EXIT.internal);
    expect(run.stderr.split('\n')[0]).toBe('error: internal error: renderer crashed half-way');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(out).sort()).toEqual(['Ängsby-2019-2023.html', 'Ängsby-2019-2023.pdf']);
    expect(readFileSync(old.pdf, 'utf8')).toBe('old pdf');
    expect(readFileSync(old.html, 'utf8')).toBe('old html');
  });

  const brokenLogo = async () => {
    const dir = tempDir('lagesbild-logo-');
    writeFileSync(join(dir, 'logo.png'), Buffer.from('this is not a PNG, it is text'));
    const config = readFileSync(EXAMPLE_CONFIG, 'utf8').replace(/^( {2}accent: .*)$/m, '$1\n  logo: logo.png');
    writeFileSync(join(dir, 'lagesbild.yaml'), config);
    // The config's population file and reference values are read beside it.
    copyFileSync(join(EXAMPLE, 'befolkning.csv'), join(dir, 'befolkning.csv'));
    copyFileSync(join(EXAMPLE, 'referensvarden.csv'), join(dir, 'referensvarden.csv'));
    const out = join(dir, 'out');
    return { out, run: await runCli([...REPORT, '-c', join(dir, 'lagesbild.yaml'), '-o', out, '--format', 'pdf']) };
  };

  it('a logo that is not an image: nothing written, no temporary left', async () => {
    const { out, run } = await brokenLogo();
    expect(run.code).not.toBe(EXIT.ok);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  // loadLogo checks the PNG/JPEG signature, so a wrong file is a config error, not a crash
  // inside pdfkit.
  it('a logo that is not an image is a config error naming project.logo (exit 3)', async () => {
    const { run } = await brokenLogo();
    expect(run.code).toBe(EXIT.config);
    expect(run.stderr).toMatch(/project\.logo/);
  });
});
