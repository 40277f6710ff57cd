// Which file a config was read from, for hints that say where to change something ("add it
// to answer_scales.jn in kommun.yaml"). Kept beside the config rather than in it: the schema is
// what users write. A module of its own so that the row decoder (also in segment workers)
// does not load the config reader.
import { basename } from 'node:path';
import type { ProjectConfig } from './schema.js';

const fileOf = new WeakMap<ProjectConfig, string>();

/** Called by parseConfig with the path it was given. */
export function rememberConfigFile(config: ProjectConfig, file: string): void {
  fileOf.set(config, file);
}

/**
 * The name of the file `config` was read from ("kommun.json"), or null for a config that
 * parseConfig did not make (a copy sent to a worker thread, whose messages are not shown).
 */
export function configFileName(config: ProjectConfig): string | null {
  const file = fileOf.get(config);
  return file === undefined ? null : basename(file);
}
