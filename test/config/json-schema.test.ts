import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/json-schema.js';

describe('published JSON Schema', () => {
  it('schema/lagesbild.schema.json is generated from the zod schema (run `lagesbild schema > schema/lagesbild.schema.json`)', () => {
    const published = JSON.parse(readFileSync(new URL('../../schema/lagesbild.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(configJsonSchema());
  });
  it('lists the indicator keys and the allowed chapters for editor completion', () => {
    const text = JSON.stringify(configJsonSchema());
    for (const key of ['any_of', 'population', 'series_breaks', 'follow_up', 'lonely_psu', 'ci_method']) expect(text).toContain(`"${key}"`);
    expect(text).toContain('"forandringsfaktorer"');
  });
});
