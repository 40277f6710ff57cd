// Typed errors with documented exit codes. The CLI prints `message` (one line, no stack
// trace unless --debug) and exits with `exitCode`. The table is repeated in README.md.
import { printable } from './text.js';

export const EXIT = {
  ok: 0,
  /** A bug in lagesbild (an error that is not one of ours); please report it. */
  internal: 1,
  /** Wrong command-line usage: unknown flag, missing argument, bad value. */
  usage: 2,
  /** The config (lagesbild.yaml) is invalid or does not match the data's columns. */
  config: 3,
  /** The data (CSV) cannot be read or has invalid values. */
  data: 4,
  /** validate: the data can be read but problems must be fixed before reporting. */
  notReportable: 5,
  /** An output file exists (use --force) or cannot be written. */
  output: 6,
  /** batch: some municipalities failed; the others were written. */
  partial: 7,
  /** A resource limit was reached (too many cells, file too large). */
  limit: 8,
  /** Interrupted (Ctrl+C); nothing half-written was left. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where in a file a problem is. Lines and columns are 1-based. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** Column name (CSV header) or config key path (indicators[3].chapter). */
  field?: string;
}

export function formatLocation(loc: Location): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

export class LagesbildError extends Error {
  readonly exitCode: ExitCode;
  readonly location: Location | undefined;
  /** What the user can do about it (one sentence). */
  readonly hint: string | undefined;

  constructor(message: string, opts: { exitCode: ExitCode; location?: Location; hint?: string }) {
    super(message);
    this.name = new.target.name;
    this.exitCode = opts.exitCode;
    this.location = opts.location;
    this.hint = opts.hint;
  }

  /** "file:line:col: message (hint)" — the one line the CLI prints, control characters escaped. */
  toLine(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const field = this.location?.field ? `${this.location.field}: ` : '';
    return oneLine(`${where}${field}${this.message}${this.hint ? `. ${this.hint}` : ''}`);
  }
}

/** Control and format characters escaped (a line break or terminal escape from the data stays visible and harmless). */
export function oneLine(s: string): string {
  return printable(s);
}

export class UsageError extends LagesbildError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT.usage, hint });
  }
}

export class ConfigError extends LagesbildError {
  constructor(message: string, location?: Location, hint?: string) {
    super(message, { exitCode: EXIT.config, location, hint });
  }
}

export class DataError extends LagesbildError {
  constructor(message: string, location?: Location, hint?: string) {
    super(message, { exitCode: EXIT.data, location, hint });
  }
}

export class OutputError extends LagesbildError {
  constructor(message: string, location?: Location, hint?: string) {
    super(message, { exitCode: EXIT.output, location, hint });
  }
}

export class LimitError extends LagesbildError {
  constructor(message: string, location?: Location, hint?: string) {
    super(message, { exitCode: EXIT.limit, location, hint });
  }
}

/** Statistical impossibility the user must resolve in the config (e.g. a lonely PSU). */
export class DesignError extends LagesbildError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT.config, hint });
  }
}

/**
 * The cause of a failed file operation in words, with its code and, where one helps, what to
 * do: "permission denied (EACCES)" instead of a bare code. `direction`: whether the file was
 * being read or written (the advice differs).
 */
export function ioCause(err: unknown, direction: 'read' | 'write' = 'read'): { code: string; text: string; hint?: string } {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  const write = direction === 'write';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { code, text: 'permission denied', hint: write ? 'Choose a folder you may write to with -o, or ask for write access' : 'Ask for read access to the file, or copy it to a folder of your own' };
    case 'EROFS':
      return { code, text: 'the file system is read-only', hint: 'Choose a folder on a writable disk with -o' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { code, text: 'the disk is full', hint: 'Free some space, or choose another disk with -o' };
    case 'ENOENT':
      return { code, text: 'no such file or folder' };
    case 'EISDIR':
      return { code, text: 'it is a folder, not a file' };
    case 'ENOTDIR':
      return { code, text: 'part of the path is a file, not a folder' };
    case 'EEXIST':
      return { code, text: 'it exists' };
    case 'ENAMETOOLONG':
      return { code, text: 'the name is too long', hint: write ? 'Choose a shorter folder name with -o' : undefined };
    case 'EMFILE':
    case 'ENFILE':
      return { code, text: 'too many files are open', hint: 'Close other programs, or run again with fewer --jobs' };
    case 'EBUSY':
      return { code, text: 'the file is in use by another program (open in Excel or a PDF reader?)', hint: 'Close it and run again' };
    default:
      return { code, text: 'an input/output error' };
  }
}
