// The validation result as text for a person (stdout) or as JSON for CI. The words come from a
// message table (sv or en, see src/messages/); errors raised by ingest and the config loader
// carry message ids and are rendered in the same language.
import { EXIT, formatLocation, type ExitCode } from '../errors.js';
import { render } from '../messages/index.js';
import type { Delimiter, Encoding } from '../ingest/sniff.js';
import type { Format } from '../ingest/source.js';
import type { Finding, OwnCode, OwnFinding, Severity, Where } from './findings.js';
import type { ValidationResult } from './validate.js';

type OwnTexts = { [C in OwnCode]: (f: Extract<OwnFinding, { code: C }>) => { message: string; hint?: string } };

export interface ValidateTexts {
  lang: 'sv' | 'en';
  files: string;
  rows(n: string): string;
  encoding: Record<Encoding, string>;
  delimiter: Record<Delimiter, string>;
  source: SourceTexts;
  notRead: string;
  respondents: string;
  area: string;
  wave: string;
  other: string;
  total: string;
  /** Legend for cells marked * (fewer than min_base respondents). */
  smallMark(minBase: number): string;
  missing: string;
  /** "(38 of 3 160)" */
  missingOf(missing: string, inPopulation: string): string;
  /**
   * Under the missing answers when some respondents are in no group: who they are counted
   * among. `byGrade`: the groups are by gender and school year, so those without a school
   * year are outside them too.
   */
  missingBase(counted: string, withoutGroup: string, byGrade: boolean): string;
  percent(share: number): string;
  small(minBase: number): string;
  problems: string;
  noProblems: string;
  severity: Record<Severity, string>;
  /** Count after a grouped finding: "10 000 rows", "3 cells". */
  count: { rows(n: string): string; cells(n: string): string };
  at: string;
  in: string;
  sameAs(where: string): string;
  andMore(n: string): string;
  unlisted(n: string): string;
  own: OwnTexts;
  result: { ok: string; notReportable(rows: string): string; stopped: string; statistics: string; exit(code: ExitCode): string };
}

/** How a file that is not CSV is described: "Excel", "sheet Blad1", "SPSS". */
export interface SourceTexts {
  xlsx: string;
  sav: string;
  sheet(name: string): string;
  /** After the delimiter or sheet when a title above the header was skipped: "header on line 3". */
  headerAt(line: number, format: 'csv' | 'xlsx'): string;
  /** After that when the header has a second row (SurveyMonkey's): "its second row (line 2) joined to it". */
  subHeader(line: number, format: 'csv' | 'xlsx'): string;
}

/** Two words on how a file was read: encoding and delimiter (CSV), "Excel" and its sheet, "SPSS" and its encoding. */
export function describeSource(
  t: { encoding: Record<Encoding, string>; delimiter: Record<Delimiter, string>; source: SourceTexts },
  f: { format: Format | null; encoding: string | null; delimiter: string | null; sheet?: string; headerBelowTitle?: number; subHeaderLine?: number },
): [string, string] | null {
  const encoding = (e: string | null) => (e === null ? '' : (t.encoding[e as Encoding] ?? e.toUpperCase()));
  const below = (text: string, format: 'csv' | 'xlsx') => {
    const title = f.headerBelowTitle === undefined ? text : `${text}, ${t.source.headerAt(f.headerBelowTitle, format)}`;
    return f.subHeaderLine === undefined ? title : `${title}, ${t.source.subHeader(f.subHeaderLine, format)}`;
  };
  if (f.format === 'xlsx') return [t.source.xlsx, below(t.source.sheet(f.sheet ?? ''), 'xlsx')];
  if (f.format === 'sav') return [t.source.sav, encoding(f.encoding)];
  if (f.format === 'csv' && f.encoding !== null && f.delimiter !== null) return [encoding(f.encoding), below(t.delimiter[f.delimiter as Delimiter], 'csv')];
  return null;
}

/** Whole numbers with a space between thousands ("9 997"), the same in both languages. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function formatValidation(r: ValidationResult, t: ValidateTexts): string {
  const out: string[] = [];
  if (r.files.length > 0) out.push(section(t.files, filesTable(r, t)));
  if (r.respondents && r.respondents.rows.length > 0) out.push(section(t.respondents, respondentsTable(r, t)));
  if (r.missing.length > 0) out.push(section(t.missing, missingTable(r, t)));
  if (r.smallGroups.length > 0) out.push(section(t.small(r.minBase), smallList(r, t)));
  out.push(section(t.problems, r.findings.length === 0 ? [t.noProblems] : problemLines(r, t)));
  out.push(resultLine(r, t));
  return `${out.join('\n\n')}\n`;
}

export function findingText(f: Finding, t: ValidateTexts): { message: string; hint?: string } {
  if (f.code === 'read-error' || f.code === 'row' || f.code === 'statistics') return { message: visible(render(f.message, t.lang)), hint: f.hint && visible(render(f.hint, t.lang)) };
  return (t.own[f.code] as (x: OwnFinding) => { message: string; hint?: string })(f);
}

/**
 * Control characters from the data (a garbled "Å" holds U+0085, which some terminals take as
 * a line break) shown as escapes, so a value cannot move or recolour the output.
 */
function visible(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same content as JSON for CI: codes, counts and the first locations of every finding. */
export function validationJson(r: ValidationResult, t: ValidateTexts): unknown {
  return {
    reportable: r.reportable,
    exit_code: r.exitCode,
    config: r.config,
    files: r.files,
    rejected_rows: r.rejectedRows,
    findings: r.findings.map((f) => {
      const { message, hint } = findingText(f, t);
      return {
        code: f.code === 'row' ? `row:${f.kind}` : f.code,
        severity: f.severity,
        message,
        hint: hint ?? null,
        count: f.count,
        locations: f.locations,
      };
    }),
    respondents: r.respondents && {
      genders: r.respondents.genders.map((g) => g.code),
      grades: r.respondents.grades.map((g) => g.code),
      rows: r.respondents.rows,
    },
    missing: r.missing,
    /** The respondents the missing answers leave out: no gender (or, with school years, no school year), so in no group and no estimate. */
    without_gender: r.outsideGroups,
    min_base: r.minBase,
    small_groups: r.smallGroups.map((g) => ({ area: g.area, year: g.year, group: g.group, n: g.n })),
  };
}

function section(title: string, lines: string[]): string {
  return [title, ...lines.map((l) => `  ${l}`)].join('\n');
}

function filesTable(r: ValidationResult, t: ValidateTexts): string[] {
  return table(
    r.files.map((f) => {
      const how = describeSource(t, f);
      if (how === null) return [f.file, '', '', '', t.notRead];
      return [f.file, t.rows(formatCount(f.rows)), ...how, f.failed ? t.notRead : ''];
    }),
    [false, true, false, false, false],
  );
}

function respondentsTable(r: ValidationResult, t: ValidateTexts): string[] {
  // Values as the config's codes (as in the file): labels such as "Upper secondary year 2"
  // would make the table too wide for a terminal.
  const { genders, grades, rows } = r.respondents!;
  const perGender = Math.max(grades.length, 1);
  const head1 = ['', ''];
  const head2 = [t.area, t.wave];
  for (const g of genders) {
    head1.push(g.code, ...Array<string>(perGender - 1).fill(''));
    head2.push(...(grades.length ? grades.map((k) => k.code) : ['']));
  }
  head1.push('', '');
  head2.push(t.other, t.total);
  // A cell of a reported gender × school year under min_base will be shown as "..".
  const reported = genders.flatMap((g) => (grades.length ? grades.map((k) => g.report && k.report) : [g.report]));
  let marked = false;
  const body = rows.map((row) => {
    const cells = row.cells.map((n, i) => {
      const small = reported[i] === true && n > 0 && n < r.minBase;
      marked ||= small;
      return `${formatCount(n)}${small ? '*' : ' '}`;
    });
    return [visible(row.area), String(row.year), ...cells, `${formatCount(row.other)} `, `${formatCount(row.total)} `];
  });
  const lines = table([head1, head2, ...body], [false, false, ...Array<boolean>(head2.length - 2).fill(true)], 2);
  return marked ? [...lines, t.smallMark(r.minBase)] : lines;
}

function missingTable(r: ValidationResult, t: ValidateTexts): string[] {
  const lines = table(
    r.missing.map((m) => [
      m.indicator,
      m.share === null ? '–' : t.percent(m.share),
      t.missingOf(formatCount(m.inPopulation - m.answered), formatCount(m.inPopulation)),
    ]),
    [false, true, false],
  );
  if (r.outsideGroups === 0 || !r.respondents) return lines;
  // The bases above are smaller than the respondents table's total: say why, as the report does.
  const all = r.respondents.rows.reduce((sum, row) => sum + row.total, 0);
  return [...lines, t.missingBase(formatCount(all - r.outsideGroups), formatCount(r.outsideGroups), r.respondents.grades.length > 0)];
}

function smallList(r: ValidationResult, t: ValidateTexts): string[] {
  const byUnit = new Map<string, string[]>();
  for (const g of r.smallGroups) {
    const key = `${visible(g.area)} ${g.year}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), `${g.label[t.lang]} (${formatCount(g.n)})`]);
  }
  return [...byUnit].map(([unit, groups]) => `${unit}: ${groups.join(', ')}`);
}

const COUNTED_ROWS = new Set<Finding['code']>(['row', 'duplicate-id', 'decimal-comma-weights', 'other-options']);
const COUNTED_CELLS = new Set<Finding['code']>(['mojibake', 'replacement-char']);

function problemLines(r: ValidationResult, t: ValidateTexts): string[] {
  const label = (s: Severity) => t.severity[s];
  // One width for every label, so messages line up the same way in every run.
  const width = Math.max(...Object.values(t.severity).map((l) => l.length));
  const indent = ' '.repeat(width + 2);
  const lines: string[] = [];
  for (const f of r.findings) {
    const { message, hint } = findingText(f, t);
    const n = formatCount(f.count);
    const count = COUNTED_ROWS.has(f.code) ? ` — ${t.count.rows(n)}` : COUNTED_CELLS.has(f.code) ? ` — ${t.count.cells(n)}` : '';
    lines.push(`${label(f.severity).padEnd(width)}  ${message}${count}`);
    if (hint) lines.push(`${indent}${hint}`);
    if (f.locations.length > 0) lines.push(`${indent}${locationsText(f, t)}`);
  }
  if (r.unlistedRows > 0) lines.push(t.unlisted(formatCount(r.unlistedRows)));
  return lines;
}

function locationsText(f: Finding, t: ValidateTexts): string {
  const where = (w: Where, first: boolean) => {
    let s = formatLocation(w);
    if (first && w.field && w.column !== undefined) s += ` (${w.field})`;
    if (w.firstAt) s += ` ${t.sameAs(w.firstAt.file === w.file ? String(w.firstAt.line) : formatLocation(w.firstAt))}`;
    return s;
  };
  const onlyFile = f.locations.length === 1 && f.locations[0]!.line === undefined;
  if (onlyFile) return `${t.in} ${f.locations[0]!.file}`;
  const shown = f.locations.map((w, i) => where(w, i === 0)).join(', ');
  const more = f.count - f.locations.length;
  return `${t.at} ${shown}${more > 0 ? ` ${t.andMore(formatCount(more))}` : ''}`;
}

function resultLine(r: ValidationResult, t: ValidateTexts): string {
  const stoppedReading = r.findings.some((f) => f.code === 'read-error');
  const text = r.reportable
    ? t.result.ok
    : r.exitCode === EXIT.notReportable
      ? t.result.notReportable(formatCount(r.rejectedRows))
      : stoppedReading
        ? t.result.stopped
        : t.result.statistics;
  return `${text} ${t.result.exit(r.exitCode)}`;
}

/** Columns padded to their widest cell; `right` aligns numbers. */
function table(rows: string[][], right: boolean[], gap = 3): string[] {
  const widths = right.map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - [...cell].length);
        return right[c] ? pad + cell : cell + pad;
      })
      .join(' '.repeat(gap))
      .trimEnd(),
  );
}
