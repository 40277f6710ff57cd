// `lagesbild figures`: the full figures table for Excel, R or other programs.
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { EXIT } from '../../errors.js';
import type { CommandAction } from '../main.js';
import { checkTargets, writeOutputs } from '../outputs.js';
import type { FiguresFormat } from '../../render/tabular/figures-export.js';
import { cliMessages } from '../i18n.js';
import { commonDataOptions, dataOptions, type DataFlags } from './options.js';

interface FiguresFlags extends DataFlags {
  out?: string;
  format: 'csv' | 'json';
  excelSv?: boolean;
  json?: boolean;
  force?: boolean;
}

export function registerFigures(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  const cmd = program
    .command('figures')
    .description('write the full figures table (every estimate, comparison, trend) as CSV or JSON')
    .argument('<files...>', 'survey files (CSV, .xlsx, .sav, .zsav); globs such as "data/**/*.sav"; - reads standard input')
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--excel-sv', 'CSV for Swedish Excel: semicolons, decimal comma, UTF-8 BOM').conflicts(['format']))
    .addOption(new Option('--json', 'print the records as JSON on stdout instead of writing a file').conflicts(['excelSv', 'format', 'out']))
    .option('-f, --force', 'replace an existing figures file');
  commonDataOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Example:
  lagesbild figures data/*.csv -c lagesbild.yaml --excel-sv -o tabeller
  → tabeller/figures.csv (open it in Excel: columns split, decimal comma)

Columns are described in the README under "The figures table".`,
  );
  cmd.action(
    wrap(async (ctx, files: string[], flags: FiguresFlags) => {
      const format: FiguresFormat = flags.excelSv ? 'excel-sv' : flags.format;
      const path = join(flags.out ?? 'out', format === 'json' ? 'figures.json' : 'figures.csv');
      // Refuse before reading a large file, not after.
      if (!flags.json) await checkTargets([path], flags.force ?? false);
      const { loadProject } = await import('../project.js');
      const { exportFigures } = await import('../../render/tabular/figures-export.js');
      const project = await loadProject(files, dataOptions(flags), ctx.log);
      if (flags.json) {
        process.stdout.write(exportFigures(project.figures, 'json'));
        return EXIT.ok;
      }
      await writeOutputs([{ path, data: exportFigures(project.figures, format) }], flags.force ?? false);
      const say = cliMessages(ctx.lang).run;
      ctx.log.info(say.wroteFigures(path, project.figures.records.length.toLocaleString(ctx.lang === 'sv' ? 'sv-SE' : 'en')));
      return EXIT.ok;
    }),
  );
}
