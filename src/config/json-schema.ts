// The JSON Schema of the config, generated from the zod schema so the two never disagree.
// Published as schema/lagesbild.schema.json (a test checks it is up to date).
import { z } from './zod.js';
import { ProjectConfig } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProjectConfig, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'lagesbild project config (lagesbild.yaml)',
  };
}
