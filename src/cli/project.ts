// What report, figures and batch share: config + CSV files → the figures table.
import { resolve } from 'node:path';
import { configLocator, formatPath, loadConfig } from '../config/load.js';
import { areaReferences, forArea, type ProjectConfig } from '../config/schema.js';
import { ingestFiles, type FailedFile, type FileSummary } from '../analysis/pipeline.js';
import { figuresSource, tableOf, type FiguresSource, type PoolingOptions } from '../analysis/figures.js';
import type { FiguresMeta, FiguresTable } from '../analysis/types.js';
import type { SurveySums } from '../analysis/accumulate.js';
import { located, UsageError, msg, type Message } from '../errors.js';
import { canonicalName } from '../text.js';
import type { ReadOptions } from '../ingest/source.js';
import type { ReferenceValue } from '../references/load.js';
import type { SourceInputs } from './figures-threads.js';
import type { FactOptions } from '../ingest/facts.js';
import { expandInputs } from './inputs.js';
import { holdHeapGrowth } from './heap.js';
import { separateConfigTables } from '../config/tables.js';
import { countyOverviewReads } from '../report/overview-reads.js';
import type { Log } from './log.js';

export interface ProjectOptions extends Pick<ReadOptions, 'encoding' | 'delimiter' | 'sheet'>, FactOptions {
  config?: string;
  pooling?: PoolingOptions;
  /** Batch: leave out files that fail and report them, instead of stopping. */
  skipFailedFiles?: boolean;
  /** Called as soon as the survey is read, before the statistics (figures hands the sums to its second thread). */
  onSums?: (inputs: SourceInputs) => void;
}

export interface Project {
  config: ProjectConfig;
  configPath: string;
  files: FileSummary[];
  failed: FailedFile[];
  sums: SurveySums;
  /** The figures, computed area by area when read (a country's records never sit in memory at once). */
  source: FiguresSource;
  /** What the source was made with besides the sums and config (another thread makes it again: figures-threads.ts). */
  pooling: PoolingOptions;
  references: ReferenceValue[];
  /** How many of source.warnings have been logged (see logNewWarnings). */
  warningsLogged: number;
}

export async function loadProject(inputs: string[], opts: ProjectOptions, log: Log): Promise<Project> {
  const configPath = opts.config ?? 'lagesbild.yaml';
  const { config } = await loadConfig(configPath);
  const { survey: files, tables } = separateConfigTables(await expandInputs(inputs), config, configPath);
  for (const table of tables) log.info(msg('input.configTable', table));
  if (files.length === 0) throw new UsageError(msg('input.onlyConfigTables', { fields: tables.map((t) => t.field) }), msg('input.onlyConfigTables.hint'));
  const started = Date.now();
  const { sums, files: summaries, failed } = await ingestFiles(files, config, {
    configPath,
    skipFailedFiles: opts.skipFailedFiles,
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    sheet: opts.sheet,
    year: opts.year,
    areaName: opts.areaName,
    onFile: (s) => {
      if (s.note) log.warn(s.note);
      if (s.otherWaves) log.warn(msg('xlsx.otherWaves', { file: s.file, ...s.otherWaves }));
      // A year the data does not hold is a guess the user must be able to see.
      if (s.year) log.info(msg('facts.yearFrom', { file: s.file, year: s.year.year, from: s.year.from }));
      log.verbose(`read ${s.file}: ${s.rows} rows (${describeRead(s)})`);
    },
  });
  log.verbose(`ingest: ${Date.now() - started} ms`);
  const sumsBytes = sums.partsBytes();
  log.verbose(`sums: ${sizeText(sumsBytes)}`);
  holdHeapGrowth(sumsBytes);
  if (summaries.length === 0 && failed.length > 0) throw failed[0]!.error;
  const { loadReferences } = await import('../references/load.js');
  const references = await loadReferences(config, configPath);
  opts.onSums?.({ sums, config, pooling: opts.pooling ?? {}, references });
  const source = figuresSource(sums, config, opts.pooling, references);
  // The county's records first (every command reads them): its domains hold every stratum, so
  // a design that cannot be estimated (lonely_psu: fail) stops the run here, before any output.
  source.recordsOf(source.meta.county);
  log.verbose(`counts and disclosure control: ${source.ms.counts} ms`);
  const project = { config, configPath: resolve(configPath), files: summaries, failed, sums, source, pooling: opts.pooling ?? {}, references, warningsLogged: 0 };
  logNewWarnings(project, log);
  for (const w of await unknownAreas(config, configPath, source)) log.warn(w);
  return project;
}

/** 42 KB, 8.4 MB, 358 MB. */
function sizeText(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.ceil(bytes / 2 ** 10)} KB`;
  const mb = bytes / 2 ** 20;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The figures' warnings not yet logged: those of the data at once, an area's once it has been computed. */
export function logNewWarnings(project: Project, log: Log): void {
  const { warnings } = project.source;
  for (; project.warningsLogged < warnings.length; project.warningsLogged++) log.warn(warnings[project.warningsLogged]!);
}

/** Both passes' time, and how many figures (for --verbose, and the bench). */
export function logStatistics(project: Project, log: Log, figures: number): void {
  log.verbose(`statistics: ${project.source.ms.counts + project.source.ms.areas} ms, ${figures} figures`);
}

/**
 * What a report on `area` reads: a municipality's report its own records and the county's; the
 * county overview the county's, and of each municipality what it compares them on (see
 * countyOverviewReads). A table of a whole country never needs to be held.
 */
export function reportFigures(source: FiguresSource, area: string): FiguresTable {
  const { county } = source.meta;
  if (area !== county) return tableOf(source, [area, county]);
  const reads = countyOverviewReads(source.meta);
  return tableOf(source, source.meta.areas, (r) => r.area === county || reads(r));
}

function describeRead(s: FileSummary): string {
  if (s.format === 'xlsx') return `Excel, sheet ${s.sheet}`;
  if (s.format === 'sav') return `SPSS, ${s.encoding}`;
  const read = `${s.encoding}, "${s.delimiter === '\t' ? 'tab' : s.delimiter}"`;
  return s.segments ? `${read}, ${s.segments.count} segments on ${s.segments.threads} thread${s.segments.threads === 1 ? '' : 's'}` : read;
}

/**
 * Municipalities that texts, sources or goals are limited to (`areas`) but the data does not
 * have: a misspelt name would otherwise leave them out of every report without a word.
 */
export async function unknownAreas(config: ProjectConfig, configPath: string, figures: { meta: FiguresMeta }): Promise<Message[]> {
  const areas = figures.meta.areas.filter((a) => a !== figures.meta.county);
  const unknown = areaReferences(config).filter((r) => !areas.some((a) => forArea([r.name], a)));
  if (unknown.length === 0) return [];
  const locate = await configLocator(configPath).catch(() => (path: (string | number)[]) => ({ file: configPath, field: formatPath(path) }));
  return unknown.map((r) => located(locate(r.path), msg('config.unknownArea', { name: r.name, areas })));
}

/** The municipality to report: --area, or the only one in the data. */
export function chooseArea(figures: { meta: FiguresMeta }, flag: string | undefined): string {
  const areas = figures.meta.areas.filter((a) => a !== figures.meta.county);
  if (flag !== undefined) {
    // The name as the data has it (NFC, no invisible characters), however it was typed.
    const area = canonicalName(flag.trim());
    if (!areas.includes(area)) {
      throw new UsageError(msg('cli.noArea', { area: flag }), msg('cli.chooseArea', { areas }));
    }
    return area;
  }
  if (areas.length === 1) return areas[0]!;
  throw new UsageError(msg('cli.manyAreas', { count: areas.length }), msg('cli.manyAreas.hint', { areas }));
}
