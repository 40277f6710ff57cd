// Data without a year or municipality column: a coordinator often has one file per survey
// year, holding only their own municipality. The year of such a file comes from --year, from
// the config's list of files, or from the one four-digit year in its name (and the log says
// which); the municipality from project.area or --area-name.
import { basename } from 'node:path';
import type { ProjectConfig } from '../config/schema.js';
import { ConfigError, UsageError } from '../errors.js';
import type { FileFacts } from './respondents.js';
import { displayName, STDIN } from './source.js';

export interface FactOptions {
  /** --year: the survey year of every file (data without a year column). */
  year?: number;
  /** --area-name: the municipality (data without a municipality column). */
  areaName?: string;
}

export interface ResolvedFacts {
  facts: FileFacts;
  /** Where the year came from, for the log (null when the data has a year column). */
  yearFrom: 'flag' | 'config' | 'file-name' | null;
}

/** The year and municipality of one file, for the columns the config does not name. */
export function factsFor(file: string, config: ProjectConfig, opts: FactOptions = {}): ResolvedFacts {
  const facts: FileFacts = {};
  if (!config.columns.area) {
    const area = opts.areaName ?? config.project.area;
    if (area === undefined) {
      throw new ConfigError(
        'the config names no municipality column (columns.area) and no municipality',
        { file: displayName(file) },
        'Add `area: <name>` under project in the config, or pass --area-name <name> (or name the column under columns.area)',
      );
    }
    facts.area = area;
  } else if (opts.areaName !== undefined) {
    throw new UsageError(`--area-name is for data without a municipality column, but the config reads it from column "${config.columns.area}"`, 'Leave out --area-name, or remove columns.area from the config');
  }
  if (config.columns.year) {
    if (opts.year !== undefined) {
      throw new UsageError(`--year is for data without a year column, but the config reads it from column "${config.columns.year}"`, 'Leave out --year, or remove columns.year from the config');
    }
    return { facts, yearFrom: null };
  }
  if (opts.year !== undefined) return { facts: { ...facts, year: opts.year }, yearFrom: 'flag' };
  const listed = file === STDIN ? undefined : listedYear(file, config.columns.year_by_file);
  if (listed !== undefined) return { facts: { ...facts, year: listed }, yearFrom: 'config' };
  const named = file === STDIN ? null : yearInName(file);
  if (named !== null) return { facts: { ...facts, year: named }, yearFrom: 'file-name' };
  throw new ConfigError(
    `the survey year of ${displayName(file)} is not known: the config names no year column and ${file === STDIN ? 'standard input has no file name' : 'the file name holds no single four-digit year'}`,
    { file: displayName(file) },
    `Pass --year <year>, list the file under columns.year_by_file in the config, or name the file with its year (e.g. enkat-2023${file === STDIN ? '.csv' : extOf(file)})`,
  );
}

/** The year the config lists for a file: by its name, or by its path as given. */
function listedYear(file: string, byFile: Record<string, number> | undefined): number | undefined {
  if (!byFile) return undefined;
  return byFile[file] ?? byFile[basename(file)];
}

/** The one four-digit year (1990–2100) in a file's name, or null when there is none or several. */
export function yearInName(file: string): number | null {
  const years = new Set<number>();
  for (const m of basename(file).matchAll(/(?<!\d)(19[89]\d|20\d\d|2100)(?!\d)/g)) years.add(Number(m[1]));
  return years.size === 1 ? [...years][0]! : null;
}

function extOf(file: string): string {
  const m = /\.[^./\\]+$/.exec(file);
  return m ? m[0] : '';
}
