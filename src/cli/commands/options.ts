// Flags every data-reading command shares.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { Option } from 'commander';
import type { ProjectOptions } from '../project.js';
import type { Delimiter, Encoding } from '../../ingest/sniff.js';
import { DEFAULT_REPORT_FORMATS, REPORT_FORMATS } from '../../render/index.js';
import { listOption } from '../main.js';

export interface DataFlags {
  config?: string;
  encoding?: Encoding;
  delimiter?: string;
  poolWaves?: boolean;
  poolGrades?: boolean;
  pool?: string[];
}

export function commonDataOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'project config', 'lagesbild.yaml')
    .addOption(new Option('--encoding <name>', 'force the file encoding instead of guessing it').choices(['utf-8', 'windows-1252']))
    .addOption(new Option('--delimiter <char>', 'force the column separator instead of guessing it').choices([',', ';', 'tab']))
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
    if (!m || members.length < 2) throw new UsageError(`--pool "${spec}" is not of the form "Name=Municipality1+Municipality2"`);
    areas[m[1]!.trim()] = members;
  }
  return {
    config: flags.config,
    encoding: flags.encoding,
    delimiter: flags.delimiter === 'tab' ? '\t' : (flags.delimiter as Delimiter | undefined),
    pooling: { waves: flags.poolWaves, grades: flags.poolGrades, areas },
  };
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
export function excelOptions(cmd: Command, also: string[] = []): Command {
  return cmd
    .addOption(new Option('--excel-sv', 'figures table as CSV for Swedish Excel: Swedish headers, semicolons, decimal commas, Ja/Nej, UTF-8 BOM'))
    .addOption(
      new Option('--xlsx', 'figures table as an Excel workbook (figures.xlsx): all figures, and one readable sheet per indicator').conflicts([
        'excelSv',
        ...also,
      ]),
    );
}
