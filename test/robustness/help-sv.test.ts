// `--help` speaks the user's language: Swedish under a Swedish locale or with --lang sv, for
// the program and every command, commander's own words included.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { helpKeys, swedishHelp } from '../../src/cli/help.js';
import { HELP_SV } from '../../src/messages/help-sv.js';
import { runCli } from '../e2e/cli.js';

const COMMANDS = ['report', 'figures', 'batch', 'validate', 'init', 'example', 'schema'];

describe('Swedish help texts', () => {
  const keys = helpKeys(buildProgram(() => async () => {}));

  it('has Swedish for every command, argument, flag and example text', () => {
    const missing = keys.filter((k) => swedishHelp(k.key, k.shared) === undefined).map((k) => k.key);
    expect(missing).toEqual([]);
  });

  it('has no Swedish text for a flag or command that does not exist', () => {
    const used = new Set(keys.flatMap((k) => [k.key, ...(k.shared === null ? [] : [k.shared])]));
    expect(Object.keys(HELP_SV).filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('lagesbild --help in Swedish', () => {
  it('the program: Swedish headings, descriptions and commands, no English words of commander', async () => {
    const r = await runCli(['--help'], { LANG: 'sv_SE.UTF-8', LC_ALL: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Användning: lagesbild \[flaggor\] \[kommando\]\n/);
    expect(r.stdout).toContain('\nFlaggor:\n');
    expect(r.stdout).toContain('\nKommandon:\n');
    expect(r.stdout).toContain('  -h, --help                     visa hjälp för kommandot\n');
    expect(r.stdout).toContain('  help [kommando]                visa hjälp för ett kommando\n');
    expect(r.stdout).toContain('  report [flaggor] <files...>    skriv en kommuns lägesbild (PDF och HTML; Word\n');
    for (const word of ['Usage:', 'Options:', 'Commands:', '[options]', 'display help', 'default:']) expect(r.stdout).not.toContain(word);
  });

  it.each(COMMANDS)('%s --help --lang sv: every line Swedish, defaults and choices in Swedish', async (command) => {
    const r = await runCli([command, '--help', '--lang', 'sv'], { LANG: 'C' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Användning: lagesbild ${command}( \\[flaggor\\])?`));
    for (const word of ['Usage:', 'Options:', 'Arguments:', '[options]', 'display help', 'default:', 'choices:', 'Example:']) expect(r.stdout).not.toContain(word);
    expect(r.stdout).toMatch(/\nExempel:\n/);
  });

  it('states defaults and choices in Swedish', async () => {
    const r = await runCli(['figures', '--help'], { LC_ALL: 'sv_SE.UTF-8' });
    expect(r.stdout).toContain('  --format <format>    filformat (val: "csv", "json", standard: "csv")\n');
    expect(r.stdout).toContain('  -c, --config <file>  inställningsfilen (standard: "lagesbild.yaml")\n');
  });

  it('stays English otherwise', async () => {
    const r = await runCli(['report', '--help'], { LANG: 'C', LC_ALL: '' });
    expect(r.stdout).toMatch(/^Usage: lagesbild report \[options\] <files\.\.\.>\n/);
    expect(r.stdout).toContain('  -o, --out <dir>      output folder (default: "out")\n');
  });
});
