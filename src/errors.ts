// Typed errors with documented exit codes. The CLI prints `message` (one line, no stack
// trace unless --debug) and exits with `exitCode`. The table is repeated in README.md.

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
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
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

/** Escapes control characters (a line break or terminal escape from the data stays visible and harmless). */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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
