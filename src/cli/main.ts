// The lagesbild command line: a thin commander layer. Each command parses its flags, calls
// the core and returns an exit code; errors become one line on stderr (see src/errors.ts).
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import { EXIT, LagesbildError, msg, type ExitCode, type Message } from '../errors.js';
import type { Lang } from '../messages/index.js';
import { cliLanguage } from './i18n.js';
import { localizeHelp } from './help.js';
import { createLog, type Log, type LogOptions } from './log.js';
import { runCleanups } from './outputs.js';
import { registerReport } from './commands/report.js';
import { registerFigures } from './commands/figures.js';
import { registerBatch } from './commands/batch.js';
import { registerValidate } from './commands/validate.js';
import { registerInit } from './commands/init.js';
import { registerExample } from './commands/example.js';
import { registerSchema } from './commands/schema.js';
import { setV8ForShortRuns } from './v8-settings.js';

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface GlobalOptions extends LogOptions {
  debug?: boolean;
}

/** What each command's action gets: its log, and a way to report its exit code. */
export interface CommandContext {
  log: Log;
  /** The language of messages (--lang, else the locale). */
  lang: Lang;
  setExit(code: ExitCode): void;
}

export type CommandAction<A extends unknown[]> = (ctx: CommandContext, ...args: A) => Promise<ExitCode>;

type Wrap = <A extends unknown[]>(action: CommandAction<A>) => (...args: A) => Promise<void>;

/** Every command with its flags; `wrap` turns a command's action into commander's. */
export function buildProgram(wrap: Wrap): Command {
  const program = new Command('lagesbild');
  const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  program
    .description('Baseline reports (lägesbild) on violence for Swedish municipalities: survey CSV → statistics → PDF and HTML.')
    .version(version, '-V, --version')
    .addOption(new Option('-q, --quiet', 'only errors and warnings').conflicts('verbose'))
    .option('--verbose', 'say what is done and how long it takes')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('--debug', 'show the stack trace of an error')
    .exitOverride()
    // Commander's own error texts are English: they are printed by handleError instead.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s), outputError: () => {} });
  registerReport(program, wrap);
  registerFigures(program, wrap);
  registerBatch(program, wrap);
  registerValidate(program, wrap);
  registerInit(program, wrap);
  registerExample(program, wrap);
  registerSchema(program, wrap);
  return program;
}

/** Flags that contradict each other, as declared with commander's .conflicts(): [command, flag, flag]. */
export function declaredConflicts(): [string, string, string][] {
  const program = buildProgram(() => async () => {});
  const pairs: [string, string, string][] = [];
  for (const cmd of [program, ...program.commands]) {
    const byName = new Map(cmd.options.map((o) => [o.attributeName(), o.long ?? o.short ?? '']));
    for (const o of cmd.options) {
      for (const other of (o as Option & { conflictsWith: string[] }).conflictsWith) pairs.push([cmd === program ? '' : cmd.name(), o.long ?? '', byName.get(other) ?? other]);
    }
  }
  return pairs;
}

export async function main(argv: string[]): Promise<number> {
  setV8ForShortRuns();
  let exitCode: number = EXIT.ok;
  const lang = messageLanguage(argv);
  const context = (): CommandContext => {
    const opts = program.opts<GlobalOptions>();
    return { log: createLog({ ...opts, lang }), lang, setExit: (code) => (exitCode = code) };
  };
  const program = buildProgram(
    (action) =>
      async (...args) => {
        exitCode = await action(context(), ...args);
      },
  );
  localizeHelp(program, lang);

  // Ctrl+C, `kill` and a closed terminal all stop the run the same way: workers stopped,
  // temporaries removed, the previous outputs left as they were; exit 128 + the signal number.
  const onSignal = (signal: NodeJS.Signals) => {
    void runCleanups().finally(() => process.exit(128 + (osConstants.signals[signal] ?? 2)));
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    await runCleanups();
    return handleError(err, program.opts<GlobalOptions>(), lang);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}

function handleError(err: unknown, opts: GlobalOptions, lang: Lang): number {
  const log = createLog({ ...opts, quiet: false, lang });
  if (err instanceof CommanderError) {
    // Help and version are "errors" to commander; they already printed.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    log.error(commanderMessage(err));
    log.info(msg('cli.helpAfterError'));
    return EXIT.usage;
  }
  if (err instanceof LagesbildError) {
    log.error(err.toLine(lang));
    if (opts.debug) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  log.error(msg('cli.internal', { text: err instanceof Error ? err.message : String(err) }));
  if (opts.debug) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
  else log.info(msg('cli.bug'));
  return EXIT.internal;
}

/**
 * Commander's own errors in the user's language. Commander only has English texts, so its
 * message is read for the flag or argument it names (its wording is fixed per error code).
 */
function commanderMessage(err: CommanderError): Message | string {
  const text = err.message.replace(/^error: /, '');
  const quotedAt = (n: number) => [...text.matchAll(/'([^']*)'/g)][n]?.[1] ?? '';
  const suggestion = /\(Did you mean (.+)\?\)/.exec(text)?.[1];
  switch (err.code) {
    case 'commander.unknownOption':
      return msg('cli.unknownOption', { flag: quotedAt(0), suggestion });
    case 'commander.unknownCommand':
      return msg('cli.unknownCommand', { command: quotedAt(0), suggestion });
    case 'commander.missingArgument':
      return msg('cli.missingArgument', { name: quotedAt(0) });
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return msg('cli.missingValue', { flag: quotedAt(0) });
    case 'commander.conflictingOption':
      return msg('cli.conflict', { a: quotedAt(0), b: quotedAt(1) });
    case 'commander.excessArguments':
      return msg('cli.tooManyArguments', { count: Number(/got (\d+)/.exec(text)?.[1] ?? 1) - Number(/Expected (\d+)/.exec(text)?.[1] ?? 0) });
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.+)\.$/.exec(text)?.[1];
      if (allowed) return msg('cli.invalidChoice', { flag: quotedAt(0), value: quotedAt(1), allowed });
      return text;
    }
    default:
      return text;
  }
}

/** The language of messages: --lang anywhere on the command line, else the locale (see cliLanguage). */
export function messageLanguage(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  return cliLanguage(flag === 'sv' || flag === 'en' ? flag : undefined, env);
}

/** Parse a comma list flag against the allowed values. */
export function listOption<T extends string>(allowed: readonly T[]) {
  return (value: string): T[] => {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    for (const item of items) {
      if (!allowed.includes(item as T)) throw new LagesbildError(msg('cli.notOneOf', { value: item, allowed: [...allowed] }), { exitCode: EXIT.usage });
    }
    return items as T[];
  };
}

export { Option };
