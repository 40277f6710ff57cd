// Messages for people go to stderr (data goes to stdout). Calm by default: no colour or
// animation when stderr is not a terminal, when CI or NO_COLOR is set, or with --no-color.

import { printable } from '../text.js';
import { msg, render, type Lang, type Message } from '../messages/index.js';

export interface LogOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
  /** Language of messages given as ids (errors, warnings); default English. */
  lang?: Lang;
}

/** A line for a person: text already in the user's language, or a message to render. */
export type LogText = string | Message;

export interface Log {
  info(text: LogText): void;
  verbose(text: LogText): void;
  warn(text: LogText): void;
  error(text: LogText): void;
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
  const lang = opts.lang ?? 'en';
  const write = (text: LogText, code?: string) => {
    const s = typeof text === 'string' ? text : render(text, lang);
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
    warn: (m) => write(msg('cli.warning', { text: typeof m === 'string' ? m : render(m, lang) }), '33'),
    error: (m) => write(msg('cli.error', { text: typeof m === 'string' ? m : render(m, lang) }), '31'),
  };
}
