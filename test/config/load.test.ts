import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { MINI_CONFIG } from '../fixtures/mini-project.js';

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'lagesbild.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

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

  it('reports a missing required key', () => {
    // (columns.year and columns.area are optional: data without them gets them per file.)
    const e = errorOf(MINI_CONFIG.replace('    column: kon\n', ''));
    expect(e.toLine()).toMatch(/groups\.gender\.column: missing required key/);
  });

  it('takes the year from a column or from the list of files, not both', () => {
    const e = errorOf(MINI_CONFIG.replace('  year: ar\n', '  year: ar\n  year_by_file: { enkat.sav: 2023 }\n'));
    expect(e.toLine()).toMatch(/columns\.year_by_file: the year comes from the column in `year`: remove one of `year` and `year_by_file`/);
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
