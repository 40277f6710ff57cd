// `lagesbild report`: one municipality's lägesbild as PDF and HTML.
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT, UsageError, msg } from '../../errors.js';
import type { CommandAction } from '../main.js';
import { checkTargets, resolveDate, writeOutputs } from '../outputs.js';
import { loadReportExtras, ownTextLeftOut, reportBaseName, reportYears, reportPaths } from '../report-files.js';
import type { ReportFormat } from '../../render/index.js';
import { cliMessages } from '../i18n.js';
import { commonDataOptions, dataOptions, type DataFlags, reportFormatOption, reportProfileOption } from './options.js';
import type { ReportProfile } from '../../config/schema.js';

interface ReportFlags extends DataFlags {
  area?: string;
  out: string;
  lang?: 'sv' | 'en';
  format: ReportFormat[];
  date?: string;
  force?: boolean;
  profile?: ReportProfile;
}

export function registerReport(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  const cmd = program
    .command('report')
    .description("write one municipality's lägesbild (PDF and HTML; Word with --format docx)")
    .argument('<files...>', 'survey files (CSV, .xlsx, .sav, .zsav; one row per respondent); several files or a glob such as "data/**/*.csv"; - reads standard input')
    .option('--area <name>', 'the municipality to report (needed when the data has several)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--lang <lang>', 'report language: sv or en (default: the config, else sv)')
    .option('--date <YYYY-MM-DD>', 'report date (default: SOURCE_DATE_EPOCH, else today)')
    .option('-f, --force', 'replace existing report files');
  reportFormatOption(cmd);
  reportProfileOption(cmd);
  commonDataOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Example:
  lagesbild report data/enkat-*.csv -c lagesbild.yaml --area Ängsby -o rapporter
  → rapporter/Ängsby-2019-2023.pdf and .html
  lagesbild report data/enkat-*.csv --area Ängsby --format docx
  → out/Ängsby-2019-2023.docx (Word: editable, with heading styles, tables and charts)
  lagesbild report data/enkat-*.csv --area Ängsby --profile uppfoljning
  → out/Ängsby-2019-2023-uppfoljning.pdf and .html (follow-up: goals and changes first)`,
  );
  cmd.action(
    wrap(async (ctx, files: string[], flags: ReportFlags) => {
      const lang = flags.lang;
      if (lang !== undefined && lang !== 'sv' && lang !== 'en') {
        throw new UsageError(msg('cli.lang', { value: lang }));
      }
      const dateIso = resolveDate(flags.date);
      // Loaded here, not at the top: `lagesbild --help` should not pay for zod, yaml and csv-parse.
      const { chooseArea, loadProject, logNewWarnings, reportFigures } = await import('../project.js');
      const project = await loadProject(files, dataOptions(flags), ctx.log);
      const area = chooseArea(project.source, flags.area);
      const reportLang = lang ?? project.config.project.language;
      const profile = flags.profile ?? project.config.project.profile;
      const base = reportBaseName(area, reportYears(project.sums, project.source.meta, area), reportLang, project.source.meta.pooled.waves, profile);
      const paths = reportPaths(flags.out, base, flags.format);
      // Refuse before the slow part, not after it.
      await checkTargets(paths, flags.force ?? false);

      const started = Date.now();
      const { buildMunicipalityReport, unplacedTexts } = await import('../../report/index.js');
      const extras = await loadReportExtras(project.config, project.configPath, reportLang, (w) => ctx.log.warn(w));
      const figures = reportFigures(project.source, area);
      logNewWarnings(project, ctx.log);
      const doc = buildMunicipalityReport({
        figures,
        config: project.config,
        area,
        lang: reportLang,
        dateIso,
        ...extras,
        profile,
      });
      for (const t of unplacedTexts(doc, extras.ownTexts)) ctx.log.warn(ownTextLeftOut(t.file, t.place));
      const { renderDocument } = await import('../../render/index.js');
      const rendered = await renderDocument(doc, flags.format);
      await writeOutputs(
        rendered.map((r) => ({ path: join(flags.out, `${base}.${r.format}`), data: r.data })),
        flags.force ?? false,
      );
      ctx.log.verbose(`report: ${Date.now() - started} ms`);
      const say = cliMessages(ctx.lang).run;
      for (const p of paths) ctx.log.info(say.wrote(p));
      return EXIT.ok;
    }),
  );
}
