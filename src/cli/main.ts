// The lagesbild command line: a thin commander layer. Each command parses its flags, calls
// the core and returns an exit code; errors become one line on stderr (see src/errors.ts).
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import { EXIT, LagesbildError, type ExitCode } from '../errors.js';
import { createLog, type Log, type LogOptions } from './log.js';
import { runCleanups } from './outputs.js';
import { registerReport } from './commands/report.js';
import { registerFigures } from './commands/figures.js';
import { registerBatch } from './commands/batch.js';
import { registerValidate } from './commands/validate.js';
import { registerInit } from './commands/init.js';
import { registerExample } from './commands/example.js';
import { registerSchema } from './commands/schema.js';

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface GlobalOptions extends LogOptions {
  debug?: boolean;
}

/** What each command's action gets: its log, and a way to report its exit code. */
export interface CommandContext {
  log: Log;
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
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
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
  let exitCode: number = EXIT.ok;
  const context = (): CommandContext => {
    const opts = program.opts<GlobalOptions>();
    return { log: createLog(opts), setExit: (code) => (exitCode = code) };
  };
  const program = buildProgram(
    (action) =>
      async (...args) => {
        exitCode = await action(context(), ...args);
      },
  );

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
    return handleError(err, program.opts<GlobalOptions>());
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}

function handleError(err: unknown, opts: GlobalOptions): number {
  if (err instanceof CommanderError) {
    // Help and version are "errors" to commander; they already printed.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  const log = createLog({ ...opts, quiet: false });
  if (err instanceof LagesbildError) {
    log.error(err.toLine());
    if (opts.debug) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  log.error(`internal error: ${err instanceof Error ? err.message : String(err)}`);
  if (opts.debug) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
  else process.stderr.write('This is a bug in lagesbild. Run again with --debug and report the output (it contains no survey data).\n');
  return EXIT.internal;
}

/** Parse a comma list flag against the allowed values. */
export function listOption<T extends string>(allowed: readonly T[]) {
  return (value: string): T[] => {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    for (const item of items) {
      if (!allowed.includes(item as T)) throw new LagesbildError(`"${item}" is not one of ${allowed.join(', ')}`, { exitCode: EXIT.usage });
    }
    return items as T[];
  };
}

export { Option };
