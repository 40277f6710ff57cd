// `validate` as a function: config + CSV files → everything found, without stopping at the
// first problem. Each file is scanned for raw-data problems, then read by the same ingest as
// the reports with a sink that collects row problems; a file that cannot be read is reported
// and left out. The exit code says whether a report can be made from the data as it is.
import { configLocator, formatPath, loadConfig } from '../config/load.js';
import type { ProjectConfig } from '../config/schema.js';
import { EXIT, LagesbildError, UsageError, msg, type ExitCode, type Location } from '../errors.js';
import { separateConfigTables } from '../config/tables.js';
import { ingestFiles } from '../analysis/pipeline.js';
import { figuresSource } from '../analysis/figures.js';
import type { ReadOptions } from '../ingest/source.js';
import type { FactOptions } from '../ingest/facts.js';
import { loadPopulation, type PopulationFile } from '../ingest/population.js';
import { MAX_LOCATIONS, ProblemCollector, readError, sortFindings, type Finding } from './findings.js';
import { DuplicateIds, scanFile, type FileCheck } from './scan.js';
import { answerFindings, groupedRespondents, missingShares, respondentTable, smallGroups, type MissingShare, type RespondentTable, type SmallGroup } from './summary.js';
import { columnFindings, plausibilityFindings, type ConfigLocator } from './plausibility.js';

export type ValidateOptions = Pick<ReadOptions, 'encoding' | 'delimiter' | 'sheet'> & FactOptions;

export interface ValidationResult {
  config: string;
  files: FileCheck[];
  /** Errors, then warnings, then information. */
  findings: Finding[];
  /** Rows ingest rejected (each row counts once: it stops at a row's first problem). */
  rejectedRows: number;
  /** Rejected rows beyond the number of distinct problems kept (counted, not listed). */
  unlistedRows: number;
  /** Null when no file could be read. */
  respondents: RespondentTable | null;
  missing: MissingShare[];
  /** Respondents in no group (no gender, or no school year): in no estimate (the missing shares leave them out too); `without_gender` in --json. */
  outsideGroups: number;
  smallGroups: SmallGroup[];
  minBase: number;
  reportable: boolean;
  exitCode: ExitCode;
}

/** Load the config and validate; a config that cannot be loaded is itself the result (exit 3). */
export async function validateProject(files: string[], configPath: string, opts: ValidateOptions = {}): Promise<ValidationResult> {
  let config: ProjectConfig;
  try {
    config = (await loadConfig(configPath)).config;
  } catch (err) {
    if (!(err instanceof LagesbildError)) throw err;
    return result(configPath, [], [readError(err)], new ProblemCollector(), null);
  }
  return validateData(files, config, configPath, opts);
}

export async function validateData(inputs: string[], config: ProjectConfig, configPath: string, opts: ValidateOptions = {}): Promise<ValidationResult> {
  // Warnings point into the config; a config given only as an object has no lines to point at.
  const locate: ConfigLocator = await configLocator(configPath).catch(() => (path: (string | number)[]) => ({ file: configPath, field: formatPath(path) }));
  const checks: FileCheck[] = [];
  const findings: Finding[] = [];
  const { survey: files, tables } = separateConfigTables(inputs, config, configPath);
  for (const { file, field } of tables) findings.push({ code: 'config-table', severity: 'info', field, count: 1, locations: [{ file }] });
  if (files.length === 0) {
    findings.push(readError(new UsageError(msg('input.onlyConfigTables', { fields: tables.map((t) => t.field) }), msg('input.onlyConfigTables.hint'))));
  }
  const ids = config.columns.id ? new DuplicateIds(config.columns.id) : null;
  const readable: string[] = [];
  for (const file of files) {
    const scan = await scanFile(file, config, opts, ids);
    checks.push(scan.check);
    findings.push(...scan.findings);
    if (scan.error) findings.push(readError(scan.error));
    else readable.push(file);
  }
  const idFinding = ids?.finding();
  if (idFinding) findings.push(idFinding);

  // Notes under the config's tables ("Källa: SCB") and a population table's sum rows are skipped; validate says where.
  const skippedRowsFinding = (rows: Location[], kind: 'notes' | 'sums' = 'notes') =>
    findings.push({ code: kind === 'sums' ? 'sum-rows' : 'notes-below-table', severity: 'info', count: rows.length, locations: rows.slice(0, MAX_LOCATIONS) });

  // The population file (config `population`): its problems are findings like the data's.
  let population: PopulationFile | null | undefined;
  if (config.population) {
    try {
      // Sniffed on its own: --encoding and --delimiter describe the survey files.
      population = await loadPopulation(config, configPath, {}, skippedRowsFinding);
    } catch (err) {
      if (!(err instanceof LagesbildError)) throw err;
      findings.push(readError(err));
      population = null;
    }
  }

  // The config's other files, which `figures` and `report` read and stop on: reference values,
  // other sources and own texts. Their problems are findings too, so that validate's "can be
  // reported" holds for the report.
  const otherFiles: (() => Promise<unknown>)[] = [
    async () => (await import('../references/load.js')).loadReferences(config, configPath, skippedRowsFinding),
    async () => (await import('../sources/load.js')).loadSources(config, configPath, skippedRowsFinding),
    async () => (await import('../owntext/load.js')).loadOwnTexts(config, configPath, config.project.language),
  ];
  for (const load of otherFiles) {
    try {
      await load();
    } catch (err) {
      if (!(err instanceof LagesbildError)) throw err;
      findings.push(readError(err));
    }
  }

  const problems = new ProblemCollector();
  const { sums, failed } = await ingestFiles(readable, config, { ...opts, onProblem: problems.add, skipFailedFiles: true, configPath, population });
  for (const f of failed) {
    findings.push(readError(f.error));
    const check = checks.find((c) => c.file === f.file);
    if (check) check.failed = true;
  }
  findings.push(...problems.findings());
  // Rejected answers that are not answers at all (every row, when the column is the wrong one).
  findings.push(...columnFindings(config, problems.findings(), locate));

  if (sums.areas.length === 0) return result(configPath, checks, findings, problems, null, config);
  const missing = missingShares(sums, config);
  // Whether `report` could compute its figures; only meaningful once every row was read
  // (a lonely PSU may just be what is left after rejected rows).
  if (!findings.some((f) => f.severity === 'error')) {
    try {
      // The county's figures: its domains hold every stratum and group, so an error any area's
      // figures would meet (a lonely PSU under lonely_psu: fail) is met here, as `report` meets
      // it, without computing every area (a whole country's would be millions of records).
      const source = figuresSource(sums, config);
      source.recordsOf(source.meta.county);
    } catch (err) {
      if (!(err instanceof LagesbildError)) throw err;
      findings.push({ code: 'statistics', severity: 'error', message: err.text, hint: err.hintText, exitCode: err.exitCode, count: 1, locations: [] });
    }
  }
  findings.push(...answerFindings(missing, config, locate));
  findings.push(...plausibilityFindings(config, missing, groupedRespondents(sums), locate));
  const outsideGroups = sums.allRespondents(sums.areas, sums.years) - groupedRespondents(sums);
  return result(configPath, checks, findings, problems, { table: respondentTable(sums, config), missing, outsideGroups, small: smallGroups(sums, config) }, config);
}

function result(
  configPath: string,
  files: FileCheck[],
  findings: Finding[],
  problems: ProblemCollector,
  data: { table: RespondentTable; missing: MissingShare[]; outsideGroups: number; small: SmallGroup[] } | null,
  config?: ProjectConfig,
): ValidationResult {
  const exitCode = exitCodeOf(findings);
  return {
    config: configPath,
    files,
    findings: sortFindings(findings),
    rejectedRows: problems.total(),
    unlistedRows: problems.overflow,
    respondents: data?.table ?? null,
    missing: data?.missing ?? [],
    outsideGroups: data?.outsideGroups ?? 0,
    smallGroups: data?.small ?? [],
    minBase: config?.disclosure.min_base ?? 0,
    reportable: exitCode === EXIT.ok,
    exitCode,
  };
}

/**
 * Errors that stop reading a file (or the config) decide the code: the config's first (3),
 * else the data's (4). Otherwise any other error — rejected rows, garbled letters, repeated
 * ids — means the data is readable but not reportable (5).
 */
function exitCodeOf(findings: Finding[]): ExitCode {
  const stopping = findings.filter((f): f is Finding & { exitCode: ExitCode } => 'exitCode' in f).map((f) => f.exitCode);
  if (stopping.includes(EXIT.config)) return EXIT.config;
  if (stopping.length > 0) return stopping[0]!;
  return findings.some((f) => f.severity === 'error') ? EXIT.notReportable : EXIT.ok;
}
