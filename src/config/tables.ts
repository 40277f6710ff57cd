// The tables a config names beside its survey files (population counts, other sources' figures,
// reference values).
// They often sit in the same folder as the survey files, so `data/*.csv` picks them up too;
// read as survey data they would fail on a missing column, or worse, count as respondents.
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ProjectConfig } from './schema.js';

export interface ConfigTable {
  /** The input as the user named it. */
  file: string;
  /** The config key that names it ("population.file", "sources[0].file"). */
  field: string;
}

/** Every table file the config names, resolved from the config file's folder, with its key. */
export function configTablePaths(config: ProjectConfig, configPath: string): Map<string, string> {
  const dir = dirname(resolve(configPath));
  const at = (file: string) => (isAbsolute(file) ? resolve(file) : resolve(dir, file));
  const tables = new Map<string, string>();
  if (config.population) tables.set(at(config.population.file), 'population.file');
  config.sources.forEach((s, i) => tables.set(at(s.file), `sources[${i}].file`));
  config.references.forEach((r, i) => tables.set(at(r.file), `references[${i}].file`));
  return tables;
}

/** The inputs split into survey files and the config's own tables (which are not read as data). */
export function separateConfigTables(files: readonly string[], config: ProjectConfig, configPath: string): { survey: string[]; tables: ConfigTable[] } {
  const paths = configTablePaths(config, configPath);
  const survey: string[] = [];
  const tables: ConfigTable[] = [];
  for (const file of files) {
    const field = paths.get(resolve(file));
    if (field === undefined) survey.push(file);
    else tables.push({ file, field });
  }
  return { survey, tables };
}
