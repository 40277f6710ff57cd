// Messages for people go to stderr (data goes to stdout). Calm by default: no colour or
// animation when stderr is not a terminal, when CI or NO_COLOR is set, or with --no-color.

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
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const write = (s: string) => stream.write(`${s}\n`);
  return {
    interactive,
    info: (m) => {
      if (!opts.quiet) write(m);
    },
    verbose: (m) => {
      if (opts.verbose && !opts.quiet) write(paint('2', m));
    },
    warn: (m) => write(paint('33', `warning: ${m}`)),
    error: (m) => write(paint('31', `error: ${m}`)),
  };
}
