// A config written as JSON is read by JSON.parse (the YAML parser took 150 ms for a county's
// config); it must mean exactly what the YAML parser makes of the same text, and its errors
// must still name the line and column.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { MINI_CONFIG } from '../fixtures/mini-project.js';

const YAML_CONFIGS: Record<string, string> = {
  mini: MINI_CONFIG,
  'the bundled example': readFileSync(new URL('../../examples/norrbacka/lagesbild.yaml', import.meta.url), 'utf8'),
  lillby: readFileSync(new URL('../fixtures/lillby/lagesbild.yaml', import.meta.url), 'utf8'),
};

function errorOf(text: string): string {
  try {
    parseConfig(text, 'lagesbild.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).toLine();
  }
  throw new Error('expected a ConfigError');
}

/** The line (1-based) and column of the first `needle` after `after` in `text`. */
function positionIn(text: string, needle: string, after = ''): string {
  const at = text.indexOf(needle, text.indexOf(after) + after.length);
  const lines = text.slice(0, at).split('\n');
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

const MINI_JSON = JSON.stringify(parse(MINI_CONFIG), null, 2);

describe('a config in JSON', () => {
  it.each(Object.keys(YAML_CONFIGS))('%s: the same config as its YAML, indented, on one line and after a byte order mark', (name) => {
    const yaml = YAML_CONFIGS[name]!;
    const expected = parseConfig(yaml, 'lagesbild.yaml');
    const value = parse(yaml) as unknown;
    expect(parseConfig(JSON.stringify(value, null, 2), 'lagesbild.json')).toEqual(expected);
    expect(parseConfig(JSON.stringify(value), 'lagesbild.json')).toEqual(expected);
    expect(parseConfig(`\uFEFF${JSON.stringify(value, null, '\t')}\n`, 'lagesbild.json')).toEqual(expected);
  });

  it('refuses a key given twice in one object, naming both lines, however the key is escaped', () => {
    const twice = MINI_JSON.replace('"county": "Testlän",', '"county": "Testlän",\n    "county": "Annat län",');
    expect(errorOf(twice)).toBe(`lagesbild.json:${positionIn(twice, '"county"', '"Testlän"')}: the key "county" appears twice in the same mapping (first on line 3). Keep one of them`);
    const escaped = MINI_JSON.replace('"county": "Testlän",', '"county": "Testlän",\n    "\\u0063ounty": "Annat län",');
    expect(errorOf(escaped)).toBe(`lagesbild.json:${positionIn(escaped, '"\\u0063ounty"')}: the key "county" appears twice in the same mapping (first on line 3). Keep one of them`);
    // In an object of a list, after a string with quotes, commas, brackets and backslashes.
    const inList = MINI_JSON.replace('"id": "hotad",', '"id": "hotad",\n      "form": "a \\"b\\", {c} [d] \\\\",');
    const firstLine = positionIn(inList, '"form": "a').split(':')[0];
    expect(errorOf(inList)).toBe(`lagesbild.json:${positionIn(inList, '"form": "hot"')}: the key "form" appears twice in the same mapping (first on line ${firstLine}). Keep one of them`);
  });

  it('the same key in different objects, and keys that only look alike, are no duplicates', () => {
    const value = parse(MINI_CONFIG) as { answer_scales: Record<string, unknown>; indicators: { label: { sv: string } }[] };
    value.answer_scales['jn2'] = value.answer_scales['jn'];
    value.answer_scales['jn\\'] = value.answer_scales['jn'];
    value.indicators[0]!.label.sv = 'Utsatt för "fysiskt" våld, {ofta} [ibland] \\ "jn":';
    const config = parseConfig(JSON.stringify(value, null, 2), 'lagesbild.json');
    expect(Object.keys(config.answer_scales)).toEqual(['jn', 'jn2', 'jn\\']);
    expect(config.indicators[0]!.label).toEqual({ sv: 'Utsatt för "fysiskt" våld, {ofta} [ibland] \\ "jn":', en: 'Physical violence' });
  });

  it('names the line and column of an unknown key, a wrong value and a repeated indicator id', () => {
    const unknown = MINI_JSON.replace('"county": "Testlän",', '"county": "Testlän",\n    "countie": "x",');
    expect(errorOf(unknown)).toBe(
      `lagesbild.json:${positionIn(unknown, '"countie"')}: project: unknown key "countie". Check the spelling; allowed keys are listed in schema/lagesbild.schema.json`,
    );
    const method = MINI_JSON.replace('"design": {', '"statistics": { "ci_method": "wald" },\n  "design": {');
    expect(errorOf(method)).toBe(`lagesbild.json:${positionIn(method, '"wald"')}: statistics.ci_method: "wald" is not allowed. Use one of: wilson, beta, logit, xlogit, asin, mean`);
    const sameId = MINI_JSON.replace('"id": "hotad"', '"id": "slagen"');
    expect(errorOf(sameId)).toBe(
      `lagesbild.json:${positionIn(sameId, '"slagen"', '"id": "slagen"')}: indicators[1].id: indicator id "slagen" is used twice (also indicators[0]). Give every indicator its own id`,
    );
  });

  it('text that is not JSON is read as YAML, as before (a trailing comma, comments)', () => {
    const trailing = MINI_JSON.replace('"source": "Testenkät"', '"source": "Testenkät",');
    expect(parseConfig(trailing, 'lagesbild.json')).toEqual(parseConfig(MINI_CONFIG, 'lagesbild.yaml'));
    expect(parseConfig(`# a comment\n${MINI_JSON}`, 'lagesbild.json')).toEqual(parseConfig(MINI_CONFIG, 'lagesbild.yaml'));
  });
});
