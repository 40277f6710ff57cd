// `lagesbild validate`: check survey files against the config without stopping at the first
// problem; a readable summary (or JSON for CI) on stdout, and an exit code that says whether
// a report can be made from the data as it is.
import type { Command } from 'commander';
import type { CommandAction } from '../main.js';
import { printable } from '../../text.js';
import { cliLanguage, cliMessages } from '../i18n.js';
import { inputFlags, inputOptions, type InputFlags } from './options.js';

interface ValidateFlags extends InputFlags {
  config: string;
  json?: boolean;
  lang?: string;
}

export function registerValidate(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  const cmd = program
    .command('validate')
    .description('check survey files against the config: every problem with file:line:column, counted; respondents per group; missing answers')
    .argument('<files...>', 'survey files (CSV, .xlsx, .sav, .zsav; one row per respondent); several files or a glob such as "data/**/*.csv"; - reads standard input')
    .option('-c, --config <file>', 'project config', 'lagesbild.yaml');
  inputOptions(cmd)
    .option('--json', 'print the result as JSON (for CI); messages in English unless --lang is given')
    .option('--lang <lang>', 'language of the summary: sv or en (default: from LANG, else en)')
    .addHelpText(
      'after',
      `
Exit codes: 0 the data can be reported · 3 the config is invalid or does not match the
columns · 4 a file cannot be read · 5 rows have problems that must be fixed first.

Example:
  lagesbild validate data/enkat-*.csv -c lagesbild.yaml`,
    )
    .action(
      wrap(async (_ctx, inputs: string[], flags: ValidateFlags) => {
        // JSON is read by programs: its messages stay in English unless asked otherwise.
        const lang = flags.json && flags.lang === undefined ? 'en' : cliLanguage(flags.lang);
        const texts = cliMessages(lang).validate;
        // The core (and the glob library) is loaded when the command runs, so `lagesbild --help` stays fast.
        const [{ expandInputs }, { validateProject }, { formatValidation, validationJson }] = await Promise.all([
          import('../inputs.js'),
          import('../../validate/validate.js'),
          import('../../validate/format.js'),
        ]);
        const files = await expandInputs(inputs);
        const result = await validateProject(files, flags.config, inputFlags(flags));
        // The summary quotes names from the data: each line through the printable filter.
        process.stdout.write(flags.json ? `${JSON.stringify(validationJson(result, texts), null, 2)}\n` : formatValidation(result, texts).split('\n').map(printable).join('\n'));
        return result.exitCode;
      }),
    );
}
