import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { configErrorOf as errorOf } from './config-error.js';
import { MINI_CONFIG } from '../fixtures/mini-project.js';

describe('config loading', () => {
  it('accepts a valid config and fills defaults', () => {
    const c = parseConfig(MINI_CONFIG, 'lagesbild.yaml');
    expect(c.indicators).toHaveLength(3);
    expect(c.statistics.ci_method).toBe('wilson');
    expect(c.disclosure.min_base).toBe(10);
    expect(c.disclosure.caution_base).toBe(30);
    expect(c.design.lonely_psu).toBe('fail');
    expect(c.groups.gender.values[2]!.report).toBe(false);
  });

  it('refuses a key given twice in one mapping, naming both lines (nested and flow mappings too)', () => {
    expect(errorOf(MINI_CONFIG.replace('  county: Testlän', '  county: Testlän\n  county: Annat län')).toLine()).toBe(
      'lagesbild.yaml:4:3: the key "county" appears twice in the same mapping (first on line 3). Keep one of them',
    );
    expect(errorOf('project: { county: A, source: B, county: C }\n').toLine()).toBe(
      'lagesbild.yaml:1:34: the key "county" appears twice in the same mapping (first on line 1). Keep one of them',
    );
    // The same key in different mappings is no duplicate; "1" and 1 are different keys.
    expect(() => parseConfig(MINI_CONFIG.replace('answer_scales:', 'answer_scales:\n  "1": { yes: [Ja], no: [Nej] }\n  1x: { yes: [Ja], no: [Nej] }'), 'x.yaml')).not.toThrow();
  });

  // Each key is checked against a set of its mapping's keys (the yaml package's own check
  // compares every pair: minutes for a 10 MB config). The run time is measured in the benchmark.
  it('finds a duplicate among 5 000 keys and names its line', () => {
    const scales = Array.from({ length: 5_000 }, (_, i) => `  s${i}: { yes: [Ja], no: [Nej] }`);
    const text = MINI_CONFIG.replace('answer_scales:', `answer_scales:\n${scales.join('\n')}\n  s17: { yes: [Ja], no: [Nej] }`);
    const line = MINI_CONFIG.split('\n').findIndex((l) => l === 'answer_scales:') + 1;
    expect(errorOf(text).toLine()).toBe(`lagesbild.yaml:${line + 5_001}:3: the key "s17" appears twice in the same mapping (first on line ${line + 18}). Keep one of them`);
  });

  it('names the line and key of an unknown key', () => {
    const e = errorOf(MINI_CONFIG.replace('  county: Testlän', '  county: Testlän\n  countie: x'));
    expect(e.toLine()).toBe(
      'lagesbild.yaml:4:3: project: unknown key "countie". Check the spelling; allowed keys are listed in schema/lagesbild.schema.json',
    );
    expect(e.exitCode).toBe(3);
  });

  it('lists the allowed values of an enum', () => {
    const e = errorOf(MINI_CONFIG.replace('chapter: utsatthet\n    form: hot', 'chapter: utsatt\n    form: hot'));
    expect(e.toLine()).toMatch(/^lagesbild\.yaml:\d+:14: indicators\[1\]\.chapter: "utsatt" is not allowed\. Use one of: utsatthet, utovande/);
  });

  it('reports a wrong type', () => {
    const e = errorOf(MINI_CONFIG.replace('  weight: vikt', '  weight: [vikt]'));
    expect(e.toLine()).toMatch(/design\.weight: expected string, found a list/);
  });

  it('says to quote a code that YAML read as a number or a truth value, in the words of the file', () => {
    const e = errorOf(MINI_CONFIG.replace('  county: Testlän', '  county: 0180'));
    expect(e.toLine()).toBe(
      'lagesbild.yaml:3:11: project.county: expected string, found number 180. Put it in quotes, "0180": without them it is not read as text (a code such as 0180 becomes the number 180)',
    );
    expect(e.toLine('sv')).toBe(
      'lagesbild.yaml:3:11: project.county: väntade text, hittade talet 180. Skriv det inom citattecken, "0180": utan dem läses det inte som text (en kod som 0180 blir talet 180)',
    );
    expect(errorOf(MINI_CONFIG.replace('  county: Testlän', '  county: true')).toLine()).toMatch(/found boolean true\. Put it in quotes, "true":/);
    // A list where text belongs is no quoting matter.
    expect(errorOf(MINI_CONFIG.replace('  weight: vikt', '  weight: [vikt]')).toLine()).not.toMatch(/quotes/);
  });

  it('reports a missing required key', () => {
    // (columns.year and columns.area are optional: data without them gets them per file.)
    const e = errorOf(MINI_CONFIG.replace('    column: kon\n', ''));
    expect(e.toLine()).toMatch(/groups\.gender\.column: missing required key/);
  });

  it('takes the year from a column or from the list of files, not both', () => {
    const e = errorOf(MINI_CONFIG.replace('  year: ar\n', '  year: ar\n  year_by_file: { enkat.sav: 2023 }\n'));
    expect(e.toLine()).toMatch(/columns\.year_by_file: the year comes from the column in `year`: remove one of `year` and `year_by_file`/);
    expect(e.toLine('sv')).toMatch(/columns\.year_by_file: året kommer från kolumnen i `year`: ta bort en av `year` och `year_by_file`/);
  });

  it('checks references between indicators and scales', () => {
    expect(errorOf(MINI_CONFIG.replace('answers: jn\n    key: true', 'answers: janej\n    key: true')).toLine()).toMatch(
      /indicators\[0\]\.answers: unknown answer scale "janej"\. Use one of: jn/,
    );
    expect(errorOf(MINI_CONFIG.replace('any_of: [slagen, hotad]', 'any_of: [slagen, hotat]')).toLine()).toMatch(
      /indicators\[2\]\.any_of\[1\]: unknown indicator "hotat"/,
    );
    expect(errorOf(MINI_CONFIG.replace('id: hotad', 'id: slagen')).toLine()).toMatch(/indicator id "slagen" is used twice/);
  });

  it('reports YAML syntax errors with their position', () => {
    const e = errorOf('project:\n  county: [unclosed\n');
    expect(e.toLine()).toMatch(/^lagesbild\.yaml:\d+:\d+: not valid YAML/);
  });
});
