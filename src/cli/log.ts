// Messages for people go to stderr (data goes to stdout). Calm by default: no colour or
// animation when stderr is not a terminal, when CI or NO_COLOR is set, or with --no-color.

import { printable } from '../text.js';

export interface LogOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

export interface Log {
  info(msg: string): void;
  verbose(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  /** True when progress animations and colour are allowed. */
  readonly interactive: boolean;
}

export function isInteractive(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.CI && env.TERM !== 'dumb';
}

export function createLog(opts: LogOptions, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Log {
  const interactive = isInteractive(stream, env);
  const color = interactive && opts.color !== false && env.NO_COLOR === undefined;
  // Whatever a message quotes (names from the data, paths, flags) cannot move, recolour or
  // reverse the terminal's text: each line goes through the printable filter, then colour.
  const write = (s: string, code?: string) => {
    const safe = s.split('\n').map(printable).join('\n');
    stream.write(`${color && code ? `\u001b[${code}m${safe}\u001b[0m` : safe}\n`);
  };
  return {
    interactive,
    info: (m) => {
      if (!opts.quiet) write(m);
    },
    verbose: (m) => {
      if (opts.verbose && !opts.quiet) write(m, '2');
    },
    warn: (m) => write(`warning: ${m}`, '33'),
    error: (m) => write(`error: ${m}`, '31'),
  };
}
