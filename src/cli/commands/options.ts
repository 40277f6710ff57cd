// Flags every data-reading command shares.
import type { Command } from 'commander';
import { UsageError, msg } from '../../errors.js';
import { canonicalName } from '../../text.js';
import { Option } from 'commander';
import type { ProjectOptions } from '../project.js';
import type { Delimiter, Encoding } from '../../ingest/sniff.js';
import { DEFAULT_REPORT_FORMATS, REPORT_FORMATS } from '../../render/index.js';
import { REPORT_PROFILES } from '../../config/profiles.js';
import { listOption } from '../main.js';
import type { ReadOptions } from '../../ingest/source.js';
import type { FactOptions } from '../../ingest/facts.js';

/** How to read the data files: every command that reads them has these. */
export interface InputFlags {
  encoding?: Encoding;
  delimiter?: string;
  sheet?: string;
  year?: string;
  areaName?: string;
}

export interface DataFlags extends InputFlags {
  config?: string;
  poolWaves?: boolean;
  poolGrades?: boolean;
  pool?: string[];
}

export function inputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--encoding <name>', 'force the text encoding (CSV, SPSS) instead of guessing or reading it').choices(['utf-8', 'windows-1252']))
    .addOption(new Option('--delimiter <char>', 'force the CSV column separator instead of guessing it').choices([',', ';', 'tab']))
    .option('--sheet <name>', 'Excel: the sheet to read (default: the first)')
    .option('--year <year>', 'the survey year, for data without a year column (default: the year in each file name)')
    .option('--area-name <name>', 'the municipality, for data without a municipality column (or project.area in the config)');
}

/** The input flags as read and fact options. */
export function inputFlags(flags: InputFlags): ReadOptions & FactOptions {
  let year: number | undefined;
  if (flags.year !== undefined) {
    if (!/^\d{4}$/.test(flags.year) || Number(flags.year) < 1900 || Number(flags.year) > 2100) throw new UsageError(msg('cli.year', { value: flags.year }));
    year = Number(flags.year);
  }
  if (flags.areaName !== undefined && flags.areaName.trim() === '') throw new UsageError(msg('cli.areaName'));
  return {
    encoding: flags.encoding,
    delimiter: flags.delimiter === 'tab' ? '\t' : (flags.delimiter as Delimiter | undefined),
    sheet: flags.sheet,
    year,
    areaName: flags.areaName?.trim(),
  };
}

export function commonDataOptions(cmd: Command): Command {
  return inputOptions(cmd.option('-c, --config <file>', 'project config', 'lagesbild.yaml'))
    .option('--pool-waves', 'report all waves together (labelled as pooled)')
    .option('--pool-grades', 'do not split by school year')
    .option(
      '--pool <name=a+b>',
      'report several small municipalities together as one unit, e.g. "Norra skogsbygden=Tallmo+Källarp" (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    );
}

export function dataOptions(flags: DataFlags): ProjectOptions {
  const areas: Record<string, string[]> = {};
  for (const spec of flags.pool ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    const members = m ? m[2]!.split('+').map((s) => s.trim()).filter(Boolean) : [];
    if (!m || members.length < 2) throw new UsageError(msg('cli.pool', { spec }));
    areas[canonicalName(m[1]!.trim())] = members.map(canonicalName);
  }
  return {
    config: flags.config,
    ...inputFlags(flags),
    pooling: { waves: flags.poolWaves, grades: flags.poolGrades, areas },
  };
}

/** `--profile` of report and batch: a baseline report or a follow-up (overrides project.profile). */
export function reportProfileOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--profile <name>', 'lagesbild (baseline, handbook step 2) or uppfoljning (follow-up, step 5: goals and changes first); default project.profile').choices([
      ...REPORT_PROFILES,
    ]),
  );
}

/** `--format` of report and batch: which report files to write. */
export function reportFormatOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--format <list>', `report files to write, comma-separated: ${REPORT_FORMATS.join(', ')} (Word)`)
      .argParser(listOption(REPORT_FORMATS))
      .default([...DEFAULT_REPORT_FORMATS], DEFAULT_REPORT_FORMATS.join(',')),
  );
}

/**
 * `--excel-sv` and `--xlsx` of figures and batch: the figures table for Swedish Excel, as a
 * semicolon CSV or as a workbook. One figures file per run, so --xlsx excludes --excel-sv
 * and `also`, the command's other flags that choose a format.
 */
export function excelOptions(cmd: Command, also: string[] = [], excelSvAlso: string[] = []): Command {
  return cmd
    .addOption(new Option('--excel-sv', 'figures table as CSV for Swedish Excel: Swedish headers, semicolons, decimal commas, Ja/Nej, UTF-8 BOM').conflicts(excelSvAlso))
    .addOption(
      new Option('--xlsx', 'figures table as an Excel workbook (figures.xlsx): all figures, and one readable sheet per indicator').conflicts([
        'excelSv',
        ...also,
      ]),
    );
}
