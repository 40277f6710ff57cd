// The standard codebook (templates/codebook/standard.yaml) that `init` proposes indicators
// from: parsed and checked like any config, and kept as written (raw) so the generated config
// copies the template's own texts and settings without the schema's defaults spelled out.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from '../config/yaml.js';
import { parseConfig } from '../config/load.js';
import type { ProjectConfig } from '../config/schema.js';

/** Works from src/init/ and from dist/init/. */
export const TEMPLATE_PATH = fileURLToPath(new URL('../../templates/codebook/standard.yaml', import.meta.url));
/** The JSON Schema the lead generates with `lagesbild schema` (editor completion). */
export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/lagesbild.schema.json', import.meta.url));

export type RawObject = Record<string, unknown>;

export interface Template {
  config: ProjectConfig;
  /** The YAML as written; `raw.indicators[i]` is `config.indicators[i]`. */
  raw: RawObject & { indicators: RawObject[] };
}

export async function loadTemplate(path = TEMPLATE_PATH): Promise<Template> {
  const text = await readFile(path, 'utf8');
  return { config: parseConfig(text, path), raw: parse(text) as Template['raw'] };
}
