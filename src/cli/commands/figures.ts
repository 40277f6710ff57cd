// `lagesbild figures`: the full figures table for Excel, R or other programs.
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { EXIT } from '../../errors.js';
import type { CommandAction } from '../main.js';
import { checkTargets, resolveDate, writeOutputs } from '../outputs.js';
import { figuresFileName, figuresFormat, indicatorLabels, type FiguresFormatFlags } from '../figures-files.js';
import { cliMessages } from '../i18n.js';
import { commonDataOptions, dataOptions, type DataFlags, excelOptions } from './options.js';

interface FiguresFlags extends DataFlags, FiguresFormatFlags {
  out?: string;
  format: 'csv' | 'json';
  json?: boolean;
  force?: boolean;
}

export function registerFigures(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  const cmd = program
    .command('figures')
    .description('write the full figures table (every estimate, comparison, trend) as CSV, JSON or Excel')
    .argument('<files...>', 'survey files (CSV, .xlsx, .sav, .zsav); globs such as "data/**/*.sav"; - reads standard input')
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--json', 'print the records as JSON on stdout instead of writing a file').conflicts(['excelSv', 'format', 'out']))
    .option('-f, --force', 'replace an existing figures file');
  excelOptions(cmd, ['format', 'json'], ['format']);
  commonDataOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Example:
  lagesbild figures data/*.csv -c lagesbild.yaml --excel-sv -o tabeller
  → tabeller/figures.csv (open it in Excel: columns split, decimal comma)
  lagesbild figures data/*.csv -c lagesbild.yaml --xlsx -o tabeller
  → tabeller/figures.xlsx (all figures with number formats, one sheet per indicator)

Columns are described in the README under "The figures table".`,
  );
  cmd.action(
    wrap(async (ctx, files: string[], flags: FiguresFlags) => {
      const format = flags.json ? 'json' : figuresFormat(flags);
      const path = join(flags.out ?? 'out', figuresFileName(format));
      // Refuse before reading a large file, not after.
      if (!flags.json) await checkTargets([path], flags.force ?? false);
      const dateIso = resolveDate(undefined);
      const { loadProject, logNewWarnings, logStatistics } = await import('../project.js');
      const { streamOf } = await import('../../analysis/figures.js');
      const { renderFiguresFile } = await import('../figures-files.js');
      // A CSV's records are computed on two threads where that is worth it (figures-threads.ts).
      const { startFiguresThread } = await import('../figures-threads.js');
      const thread = startFiguresThread(format);
      try {
        const project = await loadProject(files, { ...dataOptions(flags), onSums: (inputs) => thread?.give(inputs) }, ctx.log);
        // The records are computed area by area as the file is written.
        const threaded = thread?.csv(project, await indicatorLabels(project.config)) ?? null;
        const figures = threaded ?? streamOf(project.source);
        const data = 'data' in figures ? figures.data : await renderFiguresFile(figures, project.config, format, dateIso);
        if (flags.json) {
          for await (const piece of Buffer.isBuffer(data) ? [data] : data) process.stdout.write(piece);
        } else {
          await writeOutputs([{ path, data }], flags.force ?? false);
        }
        logStatistics(project, ctx.log, figures.count());
        if (threaded) ctx.log.verbose(`areas on 2 threads: ${threaded.byWorker()} of ${project.source.meta.areas.length} on the second`);
        logNewWarnings(project, ctx.log);
        if (flags.json) return EXIT.ok;
        const say = cliMessages(ctx.lang).run;
        ctx.log.info(say.wroteFigures(path, figures.count().toLocaleString(ctx.lang === 'sv' ? 'sv-SE' : 'en')));
        return EXIT.ok;
      } finally {
        await thread?.stop();
      }
    }),
  );
}
