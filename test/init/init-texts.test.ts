// `lagesbild init` offers a skeleton texts/ folder: one commented Markdown file per chapter,
// referenced from the config; an unfilled file adds nothing to the report, text written under
// the comment shows up in its chapter, and a file someone has written is never replaced.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { loadOwnTexts } from '../../src/owntext/load.js';
import { REPORT_CHAPTERS } from '../../src/config/schema.js';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';
import { runCli } from '../validate/run-cli.js';

const MESSY = fileURLToPath(new URL('../fixtures/messy/skolenkat-ht23.csv', import.meta.url));

function project(): { dir: string; csv: string } {
  const dir = tempDir('lagesbild-init-texts-');
  const csv = join(dir, 'skolenkat-ht23.csv');
  copyFileSync(MESSY, csv);
  return { dir, csv };
}

describe('init: the texts/ folder', () => {
  it('--yes writes a commented file per chapter and the config points at them; unfilled, they add nothing', async () => {
    const { dir, csv } = project();
    const run = await runCli(['init', csv, '--yes', '--no-input', '--lang', 'en']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain(`Wrote 14 text files to ${join(dir, 'texts')}: write the municipality's own text under the comment in each`);
    expect(readdirSync(join(dir, 'texts')).sort()).toEqual(REPORT_CHAPTERS.map((c) => `${c}.md`).sort());
    const { config } = await loadConfig(join(dir, 'lagesbild.yaml'));
    expect(config.texts).toEqual(Object.fromEntries(REPORT_CHAPTERS.map((c) => [c, `texts/${c}.md`])));
    expect(readFileSync(join(dir, 'texts/utsatthet.md'), 'utf8')).toMatch(/^<!--\nKommunens egen text i kapitlet "utsatthet"\. Den lokala analysen av utsattheten/);
    const own = await loadOwnTexts(config, join(dir, 'lagesbild.yaml'), 'sv');
    expect(own.warnings).toEqual([]);
    expect(own.texts.every((t) => t.blocks.length === 0)).toBe(true);
    // Filled in, a text has its blocks.
    writeFileSync(join(dir, 'texts/utsatthet.md'), `${readFileSync(join(dir, 'texts/utsatthet.md'), 'utf8')}\nArbetsgruppens analys.\n`);
    const filled = await loadOwnTexts(config, join(dir, 'lagesbild.yaml'), 'sv');
    expect(filled.texts.find((t) => t.place === 'utsatthet')!.blocks).toEqual([{ type: 'ownParagraph', runs: [{ text: 'Arbetsgruppens analys.' }] }]);
  });

  it('keeps a text someone has written, also with --force; --no-texts writes none', async () => {
    const { dir, csv } = project();
    await runCli(['init', csv, '--yes', '--no-input']);
    writeFileSync(join(dir, 'texts/utsatthet.md'), 'Vår egen analys.\n');
    const again = await runCli(['init', csv, '--yes', '--no-input', '--force', '--lang', 'en']);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stderr).toContain(`${join(dir, 'texts/utsatthet.md')} already exists and was kept.`);
    expect(readFileSync(join(dir, 'texts/utsatthet.md'), 'utf8')).toBe('Vår egen analys.\n');

    const other = project();
    const none = await runCli(['init', other.csv, '--yes', '--no-input', '--no-texts']);
    expect(none.code).toBe(EXIT.ok);
    expect(existsSync(join(other.dir, 'texts'))).toBe(false);
    const { config } = await loadConfig(join(other.dir, 'lagesbild.yaml'));
    expect(config.texts).toEqual({});
  });
});
