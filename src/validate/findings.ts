// What `validate` found, as data: one finding per kind of problem, counted, with its first
// few locations. Texts for the findings validate itself detects live in the message tables
// (src/messages/); errors raised by ingest are kept as messages (id and parameters).
import type { ExitCode, LagesbildError, Location, Message } from '../errors.js';
import type { RowProblem } from '../ingest/respondents.js';

export type Severity = 'error' | 'warning' | 'info';

/** How many locations a finding keeps; the rest are only counted. */
export const MAX_LOCATIONS = 3;

/** A location; for a duplicate id also the row it repeats (by line, never by value). */
export interface Where extends Location {
  firstAt?: Location;
}

interface Counted {
  severity: Severity;
  /** Rows, cells or files the finding covers. */
  count: number;
  /** The first MAX_LOCATIONS of them. */
  locations: Where[];
}

/** A file (or the config) could not be read to the end; its rows are not counted. */
export interface ReadErrorFinding extends Counted {
  code: 'read-error';
  message: Message;
  hint?: Message;
  exitCode: ExitCode;
}

/** Rows ingest rejected, grouped by kind + column + value. */
export interface RowFinding extends Counted {
  code: 'row';
  kind: RowProblem['kind'];
  key: string;
  /** The first occurrence's message and hint (the value in it is the grouped value). */
  message: Message;
  hint?: Message;
}

/** Statistics cannot be computed (e.g. a lonely PSU with lonely_psu: fail). */
export interface StatisticsFinding extends Counted {
  code: 'statistics';
  message: Message;
  hint?: Message;
  exitCode: ExitCode;
}

/** Findings validate detects itself; their texts come from the message tables. */
export type OwnFinding = Counted &
  (
    | { code: 'windows-1252' }
    | { code: 'mojibake'; encoding: 'utf-8' | 'windows-1252' }
    | { code: 'replacement-char' }
    | { code: 'decimal-comma-weights'; column: string }
    | { code: 'trailing-empty-columns'; columns: number }
    /** Excel: other sheets named like a wave, not read (a sheet per year). */
    | { code: 'other-waves'; sheet: string; others: string[] }
    /** A table the config names (population, another source) given among the survey files: left out. */
    | { code: 'config-table'; field: string }
    /** Lines under a config table with one value each (a source line, a footnote): skipped as notes. */
    | { code: 'notes-below-table' }
    /** A population table's sum rows ("Totalt", "Summa"): skipped, the counts are the group rows'. */
    | { code: 'sum-rows' }
    | { code: 'duplicate-header'; name: string; columns: number[] }
    | { code: 'duplicate-id'; column: string }
    | { code: 'no-yes-answers'; indicator: string; yes: string[]; answered: number; config: string | null }
    | { code: 'no-answers'; indicator: string; inPopulation: number; config: string | null }
    /** The indicator's answers look like another kind of column: probably the wrong column. */
    | { code: 'answers-look-like'; indicator: string; column: string; kind: 'gender' | 'grade' | 'year'; values: string[] }
    /** The population filter keeps every respondent: it filters nothing. */
    | { code: 'population-everyone'; indicator: string; column: string | null }
    /** Rows where a part of a cell of ticked options is none of the scale's options (config other_options says what it counts as). */
    | { code: 'other-options'; indicators: string[]; column: string; counts: 'no' | 'missing' }
    /** More than 90 % yes where no survey of the kind gives that: yes and no swapped? */
    | { code: 'implausible-share'; indicator: string; chapter: string; yes: number; answered: number }
  );

export type OwnCode = OwnFinding['code'];
export type Finding = ReadErrorFinding | RowFinding | StatisticsFinding | OwnFinding;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; otherwise in the order found. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function readError(err: LagesbildError): ReadErrorFinding {
  return {
    code: 'read-error',
    severity: 'error',
    count: 1,
    locations: err.location ? [err.location] : [],
    message: err.text,
    hint: err.hintText,
    exitCode: err.exitCode,
  };
}

/** More distinct problem groups than this are only counted (e.g. a free-text column as an indicator). */
export const MAX_GROUPS = 500;

/**
 * Collects ingest's row problems without stopping: identical problems (same kind, column and
 * value) become one counted finding, so 10 000 bad rows print as one line with 3 locations.
 */
export class ProblemCollector {
  private readonly groups = new Map<string, RowFinding>();
  /** Problems beyond MAX_GROUPS distinct groups. */
  overflow = 0;

  readonly add = (p: RowProblem): void => {
    const id = `${p.kind}\u0000${p.key}`;
    const group = this.groups.get(id);
    if (group) {
      group.count++;
      if (group.locations.length < MAX_LOCATIONS) group.locations.push(p.location);
      return;
    }
    if (this.groups.size >= MAX_GROUPS) {
      this.overflow++;
      return;
    }
    this.groups.set(id, { code: 'row', severity: 'error', kind: p.kind, key: p.key, message: p.message, hint: p.hint, count: 1, locations: [p.location] });
  };

  findings(): RowFinding[] {
    return [...this.groups.values()];
  }

  /** Rows rejected in all. */
  total(): number {
    let n = this.overflow;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }
}

/** A counter for one of validate's own findings: counts every hit, keeps the first locations. */
export class Tally {
  count = 0;
  readonly locations: Where[] = [];

  hit(where: Where): void {
    this.count++;
    if (this.locations.length < MAX_LOCATIONS) this.locations.push(where);
  }
}
