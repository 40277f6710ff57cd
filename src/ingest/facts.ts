// Data without a year or municipality column: a coordinator often has one file per survey
// year, holding only their own municipality. The year of such a file comes from --year, from
// the config's list of files, or from the one four-digit year in its name (and the log says
// which); the municipality from project.area or --area-name.
import { basename } from 'node:path';
import type { ProjectConfig } from '../config/schema.js';
import { ConfigError, UsageError, msg } from '../errors.js';
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
        msg('facts.noArea'),
        { file: displayName(file) },
        msg('facts.noArea.hint'),
      );
    }
    facts.area = area;
  } else if (opts.areaName !== undefined) {
    throw new UsageError(msg('facts.areaNameWithColumn', { column: config.columns.area }), msg('facts.areaNameWithColumn.hint'));
  }
  if (config.columns.year) {
    if (opts.year !== undefined) {
      throw new UsageError(msg('facts.yearWithColumn', { column: config.columns.year }), msg('facts.yearWithColumn.hint'));
    }
    return { facts, yearFrom: null };
  }
  if (opts.year !== undefined) return { facts: { ...facts, year: opts.year }, yearFrom: 'flag' };
  const listed = file === STDIN ? undefined : listedYear(file, config.columns.year_by_file);
  if (listed !== undefined) return { facts: { ...facts, year: listed }, yearFrom: 'config' };
  const named = file === STDIN ? null : yearInName(file);
  if (named !== null) return { facts: { ...facts, year: named }, yearFrom: 'file-name' };
  throw new ConfigError(
    msg('facts.noYear', { file: displayName(file), stdin: file === STDIN }),
    { file: displayName(file) },
    msg('facts.noYear.hint', { example: `enkat-2023${file === STDIN ? '.csv' : extOf(file)}` }),
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
