// Typed errors with documented exit codes. The CLI prints `message` (one line, no stack
// trace unless --debug) and exits with `exitCode`. The table is repeated in README.md.
import { printable } from './text.js';
import { msg, render, type Lang, type Message } from './messages/index.js';

export { msg, type Message } from './messages/index.js';

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

/**
 * Where in a file a problem is. Lines and columns are 1-based. What a line is depends on the
 * format: a CSV line, an Excel row (with `sheet`), or an SPSS record (with `record`).
 */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** Column name (CSV header, SPSS variable) or config key path (indicators[3].chapter). */
  field?: string;
  /** Excel: the sheet; `line` and `column` are the row and column of the cell (Blad1!F118). */
  sheet?: string;
  /** SPSS: `line` is the record (case) number; the variable is `field`. */
  record?: boolean;
}

/** "file:line:column", "enkat.xlsx:Blad1!F118" or "enkat.sav:record 118". */
export function formatLocation(loc: Location): string {
  if (loc.sheet !== undefined) {
    const sheet = /^[\p{L}\p{N}_]+$/u.test(loc.sheet) ? loc.sheet : `'${loc.sheet.replace(/'/g, "''")}'`;
    if (loc.line === undefined) return `${loc.file}:${sheet}`;
    return loc.column === undefined ? `${loc.file}:${sheet}, row ${loc.line}` : `${loc.file}:${sheet}!${columnLetters(loc.column)}${loc.line}`;
  }
  if (loc.record) return loc.line === undefined ? loc.file : `${loc.file}:record ${loc.line}`;
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

/** 1 → A, 27 → AA: Excel's column names. */
/** A message about a place in a file: "file:line:column: field: text" in the reader's language. */
export function located(loc: Location, text: Message): Message {
  return msg('located', { where: formatLocation(loc), field: loc.field ?? null, text });
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class LagesbildError extends Error {
  readonly exitCode: ExitCode;
  readonly location: Location | undefined;
  /** What is wrong, as a message id with parameters (rendered in the user's language). */
  readonly text: Message;
  /** What the user can do about it (one sentence). */
  readonly hintText: Message | undefined;

  constructor(text: Message, opts: { exitCode: ExitCode; location?: Location; hint?: Message }) {
    // Error.message holds the English text, for stack traces (--debug) and programs.
    super(render(text, 'en'));
    this.name = new.target.name;
    this.exitCode = opts.exitCode;
    this.location = opts.location;
    this.text = text;
    this.hintText = opts.hint;
  }

  /** The hint in English. */
  get hint(): string | undefined {
    return this.hintText && render(this.hintText, 'en');
  }

  /** "file:line:col: field: message. Hint." — the one line the CLI prints, in `lang`, control characters escaped. */
  toLine(lang: Lang = 'en'): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const field = this.location?.field ? `${this.location.field}: ` : '';
    return oneLine(`${where}${field}${render(this.text, lang)}${this.hintText ? `. ${render(this.hintText, lang)}` : ''}`);
  }
}

/** Control and format characters escaped (a line break or terminal escape from the data stays visible and harmless). */
export function oneLine(s: string): string {
  return printable(s);
}

export class UsageError extends LagesbildError {
  constructor(message: Message, hint?: Message) {
    super(message, { exitCode: EXIT.usage, hint });
  }
}

export class ConfigError extends LagesbildError {
  constructor(message: Message, location?: Location, hint?: Message) {
    super(message, { exitCode: EXIT.config, location, hint });
  }
}

export class DataError extends LagesbildError {
  constructor(message: Message, location?: Location, hint?: Message) {
    super(message, { exitCode: EXIT.data, location, hint });
  }
}

export class OutputError extends LagesbildError {
  constructor(message: Message, location?: Location, hint?: Message) {
    super(message, { exitCode: EXIT.output, location, hint });
  }
}

export class LimitError extends LagesbildError {
  constructor(message: Message, location?: Location, hint?: Message) {
    super(message, { exitCode: EXIT.limit, location, hint });
  }
}

/** Statistical impossibility the user must resolve in the config (e.g. a lonely PSU). */
export class DesignError extends LagesbildError {
  constructor(message: Message, hint?: Message) {
    super(message, { exitCode: EXIT.config, hint });
  }
}

/**
 * The cause of a failed file operation in words, with its code and, where one helps, what to
 * do: "permission denied (EACCES)" instead of a bare code. `direction`: whether the file was
 * being read or written (the advice differs).
 */
export function ioCause(err: unknown, direction: 'read' | 'write' = 'read'): { code: string; text: Message; hint?: Message } {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  const write = direction === 'write';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { code, text: msg('io.EACCES'), hint: write ? msg('io.EACCES.write') : msg('io.EACCES.read') };
    case 'EROFS':
      return { code, text: msg('io.EROFS'), hint: msg('io.EROFS.hint') };
    case 'ENOSPC':
    case 'EDQUOT':
      return { code, text: msg('io.ENOSPC'), hint: msg('io.ENOSPC.hint') };
    case 'ENOENT':
      return { code, text: msg('io.ENOENT') };
    case 'EISDIR':
      return { code, text: msg('io.EISDIR') };
    case 'ENOTDIR':
      return { code, text: msg('io.ENOTDIR') };
    case 'EEXIST':
      return { code, text: msg('io.EEXIST') };
    case 'ENAMETOOLONG':
      return { code, text: msg('io.ENAMETOOLONG'), hint: write ? msg('io.ENAMETOOLONG.hint') : undefined };
    case 'EMFILE':
    case 'ENFILE':
      return { code, text: msg('io.EMFILE'), hint: msg('io.EMFILE.hint') };
    case 'EBUSY':
      return { code, text: msg('io.EBUSY'), hint: msg('io.EBUSY.hint') };
    default:
      return { code, text: msg('io.other') };
  }
}
