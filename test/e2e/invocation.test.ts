// The next-step lines name lagesbild as the user can run it from where the step is run.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandName, shellQuote } from '../../src/cli/invocation.js';
import { tempDir } from '../fixtures/mini-project.js';

describe('commandName', () => {
  const dir = tempDir('lagesbild-invocation-');
  const script = join(dir, 'pkg', 'bin', 'lagesbild.js');
  mkdirSync(join(dir, 'pkg', 'bin'), { recursive: true });
  writeFileSync(script, '');
  const globalBin = join(dir, 'global-bin');
  mkdirSync(globalBin);
  symlinkSync(script, join(globalBin, 'lagesbild'));
  const otherBin = join(dir, 'other-bin');
  mkdirSync(otherBin);
  writeFileSync(join(otherBin, 'lagesbild'), '');

  it('"lagesbild" when the first lagesbild on PATH is this program (global install, npm link)', () => {
    expect(commandName('.', { PATH: `/nonexistent:${globalBin}` }, script)).toBe('lagesbild');
  });

  it('not "lagesbild" when that name on PATH is another program, or absent', () => {
    expect(commandName('.', { PATH: `${otherBin}:${globalBin}` }, script)).toBe(`node ${script}`);
    expect(commandName('.', { PATH: '' }, script)).toBe(`node ${script}`);
  });

  it('"npx lagesbild" under npx, when the next step runs inside that project', () => {
    const npx = { PATH: '', npm_command: 'exec', npm_config_local_prefix: dir };
    expect(commandName(join(dir, 'mitt-test'), npx, script)).toBe('npx lagesbild');
    // Outside the project npx would look in the registry, where lagesbild is not published.
    expect(commandName('/tmp', npx, script)).toBe(`node ${script}`);
  });

  it('quotes what a shell would split', () => {
    expect(shellQuote('mitt test')).toBe("'mitt test'");
    expect(shellQuote("o'hara")).toBe(`'o'\\''hara'`);
    expect(shellQuote('data/Ängsby-2023.csv')).toBe('data/Ängsby-2023.csv');
  });
});
