// The broken-input corpus: every case goes through the real CLI (`lagesbild figures`,
// in-process) with the mini config, and must end in one exact line on stderr, a documented
// exit code, no stack trace and no output file. Cases that must succeed say what they read.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { MINI_CONFIG, tempDir } from '../fixtures/mini-project.js';
import { CASES, TABLE, type Case } from './table.js';
import { englishIn, runCli, STACK_LINE } from './run-cli.js';

describe('broken-input corpus through `lagesbild figures`', () => {
  const root = tempDir('lagesbild-bad-input-');
  const config = join(root, 'lagesbild.yaml');
  writeFileSync(config, MINI_CONFIG);

  it('every file in cases/ is in the table', () => {
    const used = new Set(TABLE.flatMap((c) => [c.file, c.config ?? '']));
    expect(readdirSync(CASES).filter((f) => !used.has(f))).toEqual([]);
  });

  TABLE.forEach((c, i) => {
    const name = c.config ?? c.file;
    const test = c.gap ? it.fails : it;
    test(`${name} → exit ${c.exit}${c.gap ? ` (known gap: ${c.gap})` : ''}`, async () => {
      const { file, configPath, out } = caseFiles(c, join(root, `case-${i}`), config);
      const run = await runCli(['figures', file, '-c', configPath, '-o', out]);

      const expected = c.line.replace('FILE', c.config ? configPath : file).replace('OUT', out);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(c.exit);
      if (c.exit === EXIT.ok) {
        expect(run.stderr.split('\n')).toContain(expected);
        if (c.reads) expect(figuresRead(join(out, 'figures.csv'))).toEqual(c.reads);
      } else {
        // One line, exactly, and nothing written.
        expect(run.stderr).toBe(`error: ${expected}\n`);
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      }
    });
  });
});

// The same corpus under a Swedish locale: every message in Swedish, with no English left
// (paths, quoted values, config keys and codes aside), and the same exit codes; validate's
// findings for each case too.
describe('broken-input corpus in Swedish (LC_ALL=sv_SE.UTF-8)', () => {
  const root = tempDir('lagesbild-bad-input-sv-');
  const config = join(root, 'lagesbild.yaml');
  writeFileSync(config, MINI_CONFIG);

  TABLE.forEach((c, i) => {
    it(`${c.config ?? c.file}: figures and validate speak only Swedish`, async () => {
      const { dir, file, configPath, out } = caseFiles(c, join(root, `case-${i}`), config);
      const run = await runCli(['figures', file, '-c', configPath, '-o', out], 'sv_SE.UTF-8');
      expect(run.code).toBe(c.exit);
      const lines = run.stderr.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line, 'a Swedish prefix').toMatch(/^(fel:|varning:|skrev) /);
        expect(englishIn(line, [file, configPath, out]), line).toEqual([]);
      }
      const english = await runCli(['figures', file, '-c', configPath, '-o', join(dir, 'out-en')]);
      if (c.exit !== EXIT.ok) expect(run.stderr).not.toBe(english.stderr);

      const validate = await runCli(['validate', file, '-c', configPath, '--lang', 'sv']);
      const problems = validate.stdout.split('\nProblem\n')[1] ?? '';
      for (const line of problems.split('\n').filter(Boolean)) expect(englishIn(line, [file, configPath]), line).toEqual([]);
      expect(englishIn(validate.stderr, [file, configPath])).toEqual([]);
    });
  });
});

/** A case's folder, data file (written if generated), config and output folder. */
function caseFiles(c: Case, dir: string, defaultConfig: string): { dir: string; file: string; configPath: string; out: string } {
  mkdirSync(dir);
  let file = relative(process.cwd(), join(CASES, c.file));
  if (c.generate) {
    file = join(dir, c.file);
    writeFileSync(file, c.generate());
  }
  const configPath = c.config ? relative(process.cwd(), join(CASES, c.config)) : defaultConfig;
  return { dir, file, configPath, out: join(dir, 'out') };
}

/** Municipalities in the figures table, and the base of slagen in the county total. */
function figuresRead(path: string): { areas: string[]; n: number } {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));
  const col = (name: string) => header!.indexOf(name);
  const estimates = rows.filter((r) => r[col('kind')] === 'estimate' && r[col('group')] === 'total' && r[col('indicator')] === 'slagen');
  const county = estimates.find((r) => r[col('area')] === 'Testlän');
  return {
    areas: estimates.map((r) => r[col('area')]!).filter((a) => a !== 'Testlän').sort((a, b) => a.localeCompare(b, 'sv')),
    n: Number(county?.[col('n')]),
  };
}
