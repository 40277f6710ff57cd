// Turn rows (of any format: see source.ts) into respondents as the config describes them:
// area, wave, weight, design, groups, and one value per indicator (yes / no / missing /
// outside the population).
// Everything the config names is resolved against the header once; per row only array
// indexing and Map look-ups remain.
import { ConfigError, DataError, msg, type Location, type Message } from '../errors.js';
import { dependencyOrder, scaleOf } from '../config/read.js';
import { canonicalName, printable } from '../text.js';
import { showCell, showNumberLike } from './near-miss.js';
import { isDerived, localize } from '../config/read.js';
import type { AnswerScale, GroupVariable, Indicator, ProjectConfig } from '../config/schema.js';
import { configFileName } from '../config/file-name.js';
import { nameOf, withLabels } from './labels.js';
import { academicYear, parseSurveyYear } from '../years.js';
import type { SourceColumn, SourceHeader } from './source.js';

export const YES = 1;
export const NO = 0;
export const MISSING = -1;
/** Not in the indicator's population (e.g. never had a partner): outside its domain. */
export const OUTSIDE = -2;

export interface Respondent {
  area: string;
  year: number;
  weight: number;
  stratum: string;
  /** Primary sampling unit; null = the respondent is its own PSU. */
  psu: string | null;
  /** design.fpc: the stratum's population size or sampled fraction; NaN without design.fpc. */
  fpc: number;
  /** Index into config.groups.gender.values, or -1 when not given. */
  gender: number;
  /** Index into config.groups.grade.values, or -1 when not given (or no grade variable). */
  grade: number;
  /** Per extra breakdown (config groups.extra), the value index, or -1 when not given. */
  extra: Int32Array;
  /** One value per config indicator, in config order: YES, NO, MISSING or OUTSIDE. */
  values: Int8Array;
}

/** A problem found in a row. `kind` groups identical problems for summaries. */
export interface RowProblem {
  kind: 'area' | 'year' | 'weight' | 'group' | 'answer' | 'population' | 'design';
  message: Message;
  hint?: Message;
  location: Location;
  /** Grouping key beyond kind: column and offending value (values are shown truncated). */
  key: string;
}

export type ProblemSink = (p: RowProblem) => void;

/** The default sink: the first problem stops the run. */
export const throwOnProblem: ProblemSink = (p) => {
  throw new DataError(p.message, p.location, p.hint);
};

interface ColumnRef {
  index: number;
  name: string;
  column: SourceColumn;
}

/** What a file's rows do not hold but the file as a whole has: its wave, its municipality. */
export interface FileFacts {
  /** The survey year when the config names no year column (from --year, the config or the file name). */
  year?: number;
  /** The municipality when the config names no area column (project.area or --area-name). */
  area?: string;
}

export interface RowDecoder {
  /** Decode one row; returns null when the row has a problem (already sent to the sink). */
  decode(fields: string[], line: number): Respondent | null;
  /**
   * Every value the config reads, each from one column. A cell's meaning depends on its own
   * text only, so a reader may look it up by the text's bytes and call `code` once per
   * distinct value (see readers/csv-decode.ts).
   */
  readonly cells: readonly Cell[];
  /**
   * Decode one row from its cells' codes (`codes[i]` for `cells[i]`, NaN where `code` said
   * the text is not valid). `raw(i)` gives cell i's text, asked only to describe a problem.
   */
  compose(codes: Float64Array, line: number, raw: (cell: number) => string): Respondent | null;
}

/** One value the config reads from a column. */
export interface Cell {
  /** Column index in the row. */
  readonly index: number;
  /** The text's meaning as a number (a code, a year, a weight, a name's index); NaN when it is not valid. */
  code(raw: string): number;
  /** Weights: the value is a number read from the text (rarely repeated, so not worth looking up). */
  readonly numeric?: { decimalComma: boolean };
}

/** A problem found in one cell, before its location is known. */
interface CellProblem {
  kind: RowProblem['kind'];
  message: Message;
  hint?: Message;
  key: string;
}

interface CompiledCell extends Cell {
  ref: ColumnRef;
  /** Why `code` gave NaN for this text. */
  explain(raw: string): CellProblem;
}

/**
 * Resolve the config against a file's header. Throws ConfigError (with the file and the
 * config key) when a column the config names is not in the header.
 */
export function compileDecoder(config: ProjectConfig, source: SourceHeader, sink: ProblemSink = throwOnProblem, facts: FileFacts = {}): RowDecoder {
  // Hints name the config's file ("add it … in kommun.yaml").
  const configName = configFileName(config);
  const file = source.file;
  // Header names in one Unicode form (NFC), as the config's are, indexed once: a wide file
  // and a long config cost their sum, not their product.
  const names = source.names.map((h) => h.normalize('NFC'));
  const positions = new Map<string, number[]>();
  names.forEach((h, i) => {
    const at = positions.get(h);
    if (at) at.push(i);
    else positions.set(h, [i]);
  });
  // columns.renamed: a column under its other name stands for the config's, in a file
  // without the config's name (two other names of one column are two columns: an error).
  const renamedFrom = new Map<string, string>();
  for (const [other, name] of Object.entries(config.columns.renamed ?? {})) {
    const at = positions.get(other.normalize('NFC'));
    const target = name.normalize('NFC');
    if (at === undefined || names.includes(target)) continue;
    const first = renamedFrom.get(target);
    if (first !== undefined) {
      throw new ConfigError(msg('data.renamedTwice', { column: name, first, second: other }), { ...headerLocation(source), column: at[0]! + 1 }, msg('data.renamedTwice.hint'));
    }
    renamedFrom.set(target, other);
    positions.set(target, at);
  }
  const core = [config.columns.area, config.columns.year, config.groups.gender.column].filter((c): c is string => c !== undefined);
  if (source.format !== 'sav' && core.length > 1 && core.every((c) => !positions.has(c))) {
    // Then the first row is probably a respondent's (the header was lost): it is not listed.
    throw new ConfigError(msg('data.notAHeader', { columns: core }), headerLocation(source), msg('data.notAHeader.hint'));
  }
  const col = (name: string, key: string): ColumnRef => resolveColumn(source, names, positions, name, key);
  const area = config.columns.area ? col(config.columns.area, 'columns.area') : null;
  const year = config.columns.year ? col(config.columns.year, 'columns.year') : null;
  // factsFor (facts.ts) gives both, or says what is missing, before any file is read.
  if ((!area && facts.area === undefined) || (!year && facts.year === undefined)) throw new Error('compileDecoder: no municipality or year for this file');
  // The id column must exist (validate checks it for duplicates); the statistics never read it.
  if (config.columns.id) col(config.columns.id, 'columns.id');
  const weight = config.design.weight ? col(config.design.weight, 'design.weight') : null;
  const stratum = config.design.strata ? col(config.design.strata, 'design.strata') : null;
  const cluster = config.design.cluster ? col(config.design.cluster, 'design.cluster') : null;
  const fpc = config.design.fpc ? col(config.design.fpc, 'design.fpc') : null;
  const gender = compileGroup(config.groups.gender, col(config.groups.gender.column, 'groups.gender.column'), file, 'groups.gender');
  const grade = config.groups.grade ? compileGroup(config.groups.grade, col(config.groups.grade.column, 'groups.grade.column'), file, 'groups.grade') : null;
  const extra = config.groups.extra.map((v, i) => compileGroup(v, col(v.column, `groups.extra[${i}].column`), file, `groups.extra[${i}]`));
  const decimalComma = source.decimalComma;

  const cells: CompiledCell[] = [];
  const addCell = (cell: Omit<CompiledCell, 'index'>): number => cells.push({ ...cell, index: cell.ref.index }) - 1;
  // Names (municipality, stratum, PSU) go into reports, file names and messages: checked, made
  // canonical (NFC, no invisible format characters) and numbered once per distinct text.
  const nameList: string[] = [];
  const nameIds = new Map<string, number>();
  const nameCode = (name: string): number => {
    const canonical = canonicalName(name);
    let id = nameIds.get(canonical);
    if (id === undefined) nameIds.set(canonical, (id = nameList.push(canonical) - 1));
    return id;
  };
  const controlProblem = (value: string, c: ColumnRef, kind: RowProblem['kind']): CellProblem => {
    const control = CONTROL.exec(value)![0].charCodeAt(0);
    return { kind, message: msg('row.controlInName', { code: control.toString(16).toUpperCase().padStart(4, '0') }), key: `${c.name}=${clip(value)}`, hint: msg('row.controlInName.hint') };
  };

  const areaCell = area
    ? (() => {
        const named = nameOf(area.column);
        return addCell({
          ref: area,
          code: (raw) => {
            const v = named(raw.trim());
            return v === '' || CONTROL.test(v) ? NaN : nameCode(v);
          },
          explain: (raw) => {
            const v = named(raw.trim());
            if (v === '') return { kind: 'area', message: msg('row.noArea', { column: area.name }), key: area.name, hint: msg('row.noArea.hint') };
            return controlProblem(v, area, 'area');
          },
        });
      })()
    : -1;
  const answeredIn = config.columns.answered_in;
  const yearCell = year
    ? addCell({
        ref: year,
        code: (raw) => parseSurveyYear(raw.trim(), answeredIn) ?? NaN,
        explain: (raw) => {
          const yearText = raw.trim();
          const school = academicYear(yearText);
          return {
            kind: 'year',
            message: msg('row.year', { value: showNumberLike(yearText) }),
            key: `${year.name}=${clip(yearText)}`,
            hint: school && !answeredIn ? msg('row.year.schoolYear', { value: yearText, autumn: school.autumn, config: configName }) : msg('row.year.hint'),
          };
        },
      })
    : -1;
  const weightCell = weight
    ? addCell({
        ref: weight,
        numeric: { decimalComma },
        code: (raw) => {
          const w = parseWeight(raw, decimalComma);
          return typeof w === 'number' ? w : NaN;
        },
        explain: (raw) => ({ kind: 'weight', message: parseWeight(raw, decimalComma) as Message, key: weight.name, hint: weightHint(raw, decimalComma) }),
      })
    : -1;
  const stratumCell = stratum
    ? (() => {
        const named = nameOf(stratum.column);
        return addCell({
          ref: stratum,
          code: (raw) => {
            const v = named(raw.trim());
            return CONTROL.test(v) ? NaN : nameCode(v);
          },
          explain: (raw) => controlProblem(named(raw.trim()), stratum, 'design'),
        });
      })()
    : -1;
  const clusterCell = cluster
    ? (() => {
        const named = nameOf(cluster.column);
        return addCell({
          ref: cluster,
          code: (raw) => {
            const v = named(raw.trim());
            return v === '' || CONTROL.test(v) ? NaN : nameCode(v);
          },
          explain: (raw) => {
            const v = named(raw.trim());
            if (v === '') return { kind: 'design', message: msg('row.noCluster', { column: cluster.name }), key: cluster.name, hint: msg('row.noCluster.hint') };
            return controlProblem(v, cluster, 'design');
          },
        });
      })()
    : -1;
  // One value per stratum: looked up by its text like a name, not parsed per row like a weight.
  const fpcCell = fpc
    ? addCell({
        ref: fpc,
        code: (raw) => {
          const f = parseFpc(raw, decimalComma);
          return typeof f === 'number' ? f : NaN;
        },
        explain: (raw) => ({ kind: 'design', message: parseFpc(raw, decimalComma) as Message, key: fpc.name, hint: msg('row.fpc.hint') }),
      })
    : -1;
  const groupCell = (group: CompiledGroup): number =>
    addCell({
      ref: group.ref,
      code: (raw) => lookup(group.map, raw) ?? NaN,
      explain: (raw) => groupProblem(group, raw),
    });
  const genderCell = groupCell(gender);
  const gradeCell = grade ? groupCell(grade) : -1;
  const extraCells = extra.map(groupCell);

  const order = dependencyOrder(config.indicators)!;
  const indexOf = new Map(config.indicators.map((ind, i) => [ind.id, i]));
  const steps = order.map((ind) => compileIndicator(config, ind, indexOf, col, file, addCell));

  const respondent: Respondent = {
    area: '',
    year: 0,
    weight: 1,
    stratum: '',
    psu: null,
    fpc: NaN,
    gender: -1,
    grade: -1,
    extra: new Int32Array(extra.length),
    values: new Int8Array(config.indicators.length),
  };
  const loc = (line: number, c: ColumnRef): Location => ({ ...source.at, line, column: c.index + 1, field: printable(c.name) });

  const bad = (cell: number, line: number, raw: (cell: number) => string): null => {
    const c = cells[cell]!;
    const p = c.explain(raw(cell));
    // Parameters (values from the file, labels and answers from the config) are made
    // printable when the message is rendered.
    sink({ kind: p.kind, message: p.message, location: loc(line, c.ref), key: p.key, hint: p.hint });
    return null;
  };
  const compose = (codes: Float64Array, line: number, raw: (cell: number) => string): Respondent | null => {
    const r = respondent;
    if (areaCell >= 0) {
      const a = codes[areaCell]!;
      if (a !== a) return bad(areaCell, line, raw);
      r.area = nameList[a]!;
    } else r.area = facts.area!;
    if (yearCell >= 0) {
      const y = codes[yearCell]!;
      if (y !== y) return bad(yearCell, line, raw);
      r.year = y;
    } else r.year = facts.year!;
    if (weightCell >= 0) {
      const w = codes[weightCell]!;
      if (w !== w) return bad(weightCell, line, raw);
      r.weight = w;
    }
    if (stratumCell >= 0) {
      const s = codes[stratumCell]!;
      if (s !== s) return bad(stratumCell, line, raw);
      r.stratum = nameList[s]!;
    } else r.stratum = '';
    if (clusterCell >= 0) {
      const p = codes[clusterCell]!;
      if (p !== p) return bad(clusterCell, line, raw);
      r.psu = nameList[p]!;
    } else r.psu = null;
    if (fpcCell >= 0) {
      const f = codes[fpcCell]!;
      if (f !== f) return bad(fpcCell, line, raw);
      r.fpc = f;
    }
    const g = codes[genderCell]!;
    if (g !== g) return bad(genderCell, line, raw);
    r.gender = g;
    if (gradeCell >= 0) {
      const k = codes[gradeCell]!;
      if (k !== k) return bad(gradeCell, line, raw);
      r.grade = k;
    } else r.grade = -1;
    for (let e = 0; e < extraCells.length; e++) {
      const v = codes[extraCells[e]!]!;
      if (v !== v) return bad(extraCells[e]!, line, raw);
      r.extra[e] = v;
    }
    for (const step of steps) {
      const failed = step(codes, r.values);
      if (failed >= 0) return bad(failed, line, raw);
    }
    return r;
  };

  const codes = new Float64Array(cells.length);
  return {
    cells,
    compose,
    decode(fields, line) {
      for (let i = 0; i < cells.length; i++) codes[i] = cells[i]!.code(fields[cells[i]!.index]!);
      return compose(codes, line, (cell) => fields[cells[cell]!.index]!);
    },
  };

  function groupProblem(group: CompiledGroup, value: string): CellProblem {
    const expected = group.variable.values.map((v) => v.code);
    const known = [...group.map.keys()];
    return {
      kind: 'group',
      message: msg('row.group', { value: showCell(value, known), group: { sv: localize(group.variable.label, 'sv').toLowerCase(), en: localize(group.variable.label, 'en').toLowerCase() } }),
      key: `${group.ref.name}=${clip(value)}`,
      hint: nearMatchHint(value, known, configName) ?? msg('row.group.hint', { expected, config: configName }),
    };
  }
}

interface CompiledGroup {
  variable: GroupVariable;
  ref: ColumnRef;
  /** Answer text → value index (-1 = not given). */
  map: Map<string, number>;
}

function compileGroup(variable: GroupVariable, ref: ColumnRef, file: string, key: string): CompiledGroup {
  const map = new Map<string, number>();
  variable.values.forEach((v, i) => {
    map.set(v.code, i);
    for (const a of v.aliases) map.set(a, i);
  });
  for (const m of variable.missing) map.set(m, -1);
  const name = (i: number) => (i === -1 ? 'missing' : `"${variable.values[i]!.code}"`);
  return { variable, ref, map: withLabels(map, ref.column, file, key, name) };
}

/** Decodes one indicator into `values`; returns the cell whose text is not valid, or -1. */
type Step = (codes: Float64Array, values: Int8Array) => number;

function compileIndicator(
  config: ProjectConfig,
  ind: Indicator,
  indexOf: Map<string, number>,
  col: (name: string, key: string) => ColumnRef,
  file: string,
  addCell: (cell: Omit<CompiledCell, 'index'>) => number,
): Step {
  const slot = indexOf.get(ind.id)!;
  const key = `indicators[${slot}]`;
  const configName = configFileName(config);
  const inPopulation = compilePopulation(ind, indexOf, col, key, file, addCell);

  if (isDerived(ind)) {
    const parts = (ind.any_of ?? ind.all_of)!.map((id) => indexOf.get(id)!);
    const any = ind.any_of !== undefined;
    return (codes, values) => {
      values[slot] = !inPopulation(codes, values) ? OUTSIDE : any ? anyOf(values, parts) : allOf(values, parts);
      return -1;
    };
  }

  const column = col(ind.column!, `${key}.column`);
  const scale = scaleOf(config, ind);
  const scaleName = typeof ind.answers === 'string' ? `answer_scales.${ind.answers}` : `${key}.answers`;
  const answers = answerCodes(scale, column.column, file, scaleName);
  // A check box (config `checkboxes`): whether each box of the question is ticked (not empty).
  const boxes = (ind.checkboxes ?? []).map((name, k) =>
    addCell({ ref: col(name, `${key}.checkboxes[${k}]`), code: (raw) => (raw.trim() === '' ? 0 : 1), explain: () => { throw new Error('a check box has no invalid values'); } }),
  );
  const other = ind.other_options === 'no' ? NO : ind.other_options === 'missing' ? MISSING : null;
  const several = ind.several_answers === true ? new TickedOptions(answers, other) : null;
  const cell = addCell({
    ref: column,
    code: several ? (raw) => several.code(raw) : (raw) => lookup(answers, raw) ?? NaN,
    explain: (cellText) => {
      // Of several ticked options, the one that is no answer of the scale.
      const raw = several ? several.unknown(cellText) : cellText;
      return {
        kind: 'answer',
        message: msg('row.answer', { value: showCell(raw, [...answers.keys()]), indicator: ind.id }),
        hint: nearMatchHint(raw, [...answers.keys()], configName) ?? msg('row.answer.hint', { expected: [...answers.keys()], scale: scaleName, config: configName }),
        key: `${column.name}=${clip(raw)}`,
      };
    },
  });
  const answer = (codes: Float64Array, values: Int8Array): number => {
    if (!inPopulation(codes, values)) {
      values[slot] = OUTSIDE;
      return -1;
    }
    const v = codes[cell]!;
    if (v !== v) return cell;
    values[slot] = v;
    return -1;
  };
  if (boxes.length === 0) return answer;
  // No box of the question ticked: the question was skipped, not answered "not here".
  return (codes, values) => {
    if (inPopulation(codes, values) && boxes.every((b) => codes[b] === 0)) {
      values[slot] = MISSING;
      return -1;
    }
    return answer(codes, values);
  };
}

/**
 * A cell holding every option a pupil ticked (config `several_answers`): Google Forms joins
 * them with ", ", Microsoft Forms with ";" (and ends with one). An option may itself hold a
 * comma ("Ute, på stan eller i parken"), so the cell is not split at commas: it is read from
 * the start as a row of the scale's answers, the longest that fits first, each followed by a
 * separator or the end. Yes when a yes option is among them; no when only no options are (or
 * no options beside ticked missing ones); a missing answer when the whole cell is one (empty:
 * the question was skipped) or only missing options are ticked. A part that is no answer of
 * the scale runs to the next separator followed by an option (a pupil's own words may hold
 * commas): it counts as `other` (config `other_options`), or without one the cell is NaN (an
 * error naming that part, as for any unknown answer).
 */
class TickedOptions {
  /** The scale's answers with their codes, longest first. */
  private readonly options: [string, number][];

  constructor(
    private readonly answers: Map<string, number>,
    private readonly other: number | null,
  ) {
    this.options = [...answers].filter(([a]) => a !== '').sort((a, b) => b[0].length - a[0].length);
  }

  code(raw: string): number {
    const whole = lookup(this.answers, raw);
    if (whole !== undefined) return whole;
    const codes = this.parts(raw);
    if (codes.length === 0) return NaN;
    return codes.includes(YES) ? YES : codes.includes(NO) ? NO : MISSING;
  }

  /** The codes of the parts a cell is made of (an other part as `other`); none when it is not made of options. */
  parts(raw: string): number[] {
    return this.read(raw) ?? this.read(canonicalName(raw)) ?? [];
  }

  /** The first part of a cell that is no option of the scale (what code() found no answer for). */
  unknown(raw: string): string {
    let at = 0;
    for (;;) {
      const option = this.optionAt(raw, at);
      if (option === null) {
        const end = raw.slice(at).search(/[,;]/);
        return raw.slice(at, end < 0 ? raw.length : at + end).trim();
      }
      at = afterSeparator(raw, at + option[0].length);
    }
  }

  /** The codes of the options the cell is made of, or null when it is not made of options (and other parts, where they count). */
  private read(raw: string): number[] | null {
    const codes: number[] = [];
    for (let at = 0; at < raw.length; ) {
      const option = this.optionAt(raw, at);
      if (option !== null) {
        codes.push(option[1]);
        at = afterSeparator(raw, at + option[0].length);
        continue;
      }
      if (this.other === null) return null;
      codes.push(this.other);
      at = this.nextOption(raw, at);
    }
    return codes.length > 0 ? codes : null;
  }

  /** Where the next option begins after a separator past `at`, or the cell's end. */
  private nextOption(raw: string, at: number): number {
    for (let p = at; p < raw.length; p++) {
      if (raw[p] !== ',' && raw[p] !== ';') continue;
      const next = afterSeparator(raw, p);
      if (next === raw.length || this.optionAt(raw, next) !== null) return next;
    }
    return raw.length;
  }

  private optionAt(raw: string, at: number): [string, number] | null {
    for (const option of this.options) {
      const end = at + option[0].length;
      if (raw.startsWith(option[0], at) && (end === raw.length || raw[end] === ',' || raw[end] === ';')) return option;
    }
    return null;
  }
}

/** The scale's answers → YES, NO or MISSING, and of an SPSS column their codes too (its value labels). */
function answerCodes(scale: AnswerScale, column: SourceColumn, file: string, scaleName: string): Map<string, number> {
  const named = new Map<string, number>();
  for (const a of scale.no) named.set(a, NO);
  for (const a of scale.yes) named.set(a, YES);
  for (const a of scale.missing) named.set(a, MISSING);
  return withLabels(named, column, file, scaleName, (v) => (v === YES ? 'yes' : v === NO ? 'no' : 'missing'));
}

/** A code no answer has: a part of a cell that is none of the scale's options. */
const OTHER_PART = -2;

/**
 * Whether a cell of an indicator read with `several_answers` and `other_options` holds a part
 * that is none of its scale's options, read as ingest reads it, from `column` of `file`
 * (validate counts such rows: a pupil's own words, or an option the scale spells otherwise
 * than the file). A ConfigError where the column's value labels contradict the scale, as
 * ingest's.
 */
export function otherOptionTest(config: ProjectConfig, ind: Indicator, column: SourceColumn, file: string): (raw: string) => boolean {
  const answers = answerCodes(scaleOf(config, ind), column, file, typeof ind.answers === 'string' ? `answer_scales.${ind.answers}` : `${ind.id}.answers`);
  const ticked = new TickedOptions(answers, OTHER_PART);
  return (raw) => lookup(answers, raw) === undefined && ticked.parts(raw).includes(OTHER_PART);
}

/** Past a separator (",", ";") and the spaces after it. */
function afterSeparator(raw: string, at: number): number {
  let p = at;
  if (raw[p] === ',' || raw[p] === ';') p++;
  while (raw[p] === ' ') p++;
  return p;
}

/** Population filter as a row predicate; indicators it depends on are decoded first. */
function compilePopulation(
  ind: Indicator,
  indexOf: Map<string, number>,
  col: (name: string, key: string) => ColumnRef,
  key: string,
  file: string,
  addCell: (cell: Omit<CompiledCell, 'index'>) => number,
): (codes: Float64Array, values: Int8Array) => boolean {
  const pop = ind.population;
  if (!pop) return () => true;
  if ('column' in pop) {
    const c = col(pop.column, `${key}.population.column`);
    const allowed = withLabels(new Map(pop.values.map((v) => [v, true])), c.column, file, `${key}.population.values`);
    const cell = addCell({ ref: c, code: (raw) => (allowed.has(raw) ? 1 : 0), explain: () => { throw new Error('a population filter has no invalid values'); } });
    return (codes) => codes[cell] === 1;
  }
  const slot = indexOf.get(pop.indicator)!;
  const want = pop.answer === 'yes' ? YES : NO;
  return (_codes, values) => values[slot] === want;
}

function anyOf(values: Int8Array, parts: number[]): number {
  let missing = false;
  for (const p of parts) {
    const v = values[p]!;
    if (v === YES) return YES;
    if (v !== NO) missing = true;
  }
  return missing ? MISSING : NO;
}

function allOf(values: Int8Array, parts: number[]): number {
  let missing = false;
  for (const p of parts) {
    const v = values[p]!;
    if (v === NO) return NO;
    if (v !== YES) missing = true;
  }
  return missing ? MISSING : YES;
}

function resolveColumn(source: SourceHeader, names: string[], positions: Map<string, number[]>, name: string, key: string): ColumnRef {
  const at = positions.get(name);
  if (at === undefined) {
    const near = names.find((h) => h.toLowerCase() === name.toLowerCase() || h.replace(/\s+/g, '') === name.replace(/\s+/g, ''));
    const reworded = near === undefined ? similarColumn(names, name) : -1;
    throw new ConfigError(
      msg('data.missingColumn', { column: name, key }),
      headerLocation(source),
      near
        ? msg('data.missingColumn.near', { near: clip(near) })
        : reworded >= 0
          ? msg('data.missingColumn.renamed', { other: names[reworded]!, position: reworded + 1, column: name })
          : msg('data.missingColumn.hint', { key, count: names.length, columns: names.slice(0, 12).map((h) => clip(h)), more: Math.max(0, names.length - 12) }),
    );
  }
  if (at.length > 1) {
    throw new DataError(msg('data.twoColumns', { column: name, first: at[0]! + 1, second: at[1]! + 1 }), { ...headerLocation(source), column: at[1]! + 1 }, msg('data.twoColumns.hint'));
  }
  return { index: at[0]!, name, column: source.columns[at[0]!]! };
}

/**
 * The header most like `name` word for word (at least half of the two names' words shared),
 * or -1: the same question reworded between waves ("de senaste 12 månaderna" one year, "det
 * senaste året" the next) keeps most of its words. Names of one or two words are not compared.
 */
function similarColumn(names: readonly string[], name: string): number {
  const words = (s: string) => new Set(s.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? []);
  const wanted = words(name);
  if (wanted.size < 3) return -1;
  let best = -1;
  let bestScore = 0.5;
  names.forEach((h, i) => {
    const have = words(h);
    let shared = 0;
    for (const w of have) if (wanted.has(w)) shared++;
    const score = shared / (wanted.size + have.size - shared);
    if (score >= bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** Where the column names are: the CSV's header line, the sheet's first row; SPSS has no line. */
function headerLocation(source: SourceHeader): Location {
  if (source.format === 'sav') return { file: source.file };
  return { ...source.at, line: source.headerLine ?? 1 };
}

/** A plausible positive weight, or the reason it is not one. */
export function parseWeight(raw: string, decimalComma: boolean): number | Message {
  const text = raw.trim();
  if (text === '') return msg('row.weight.empty');
  const normalised = decimalComma ? text.replace(',', '.') : text;
  if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) {
    return /^-/.test(normalised) ? msg('row.weight.negative', { value: showNumberLike(text) }) : msg('row.weight.notNumber', { value: showNumberLike(text) });
  }
  const w = Number(normalised);
  if (!Number.isFinite(w)) return msg('row.weight.notFinite', { value: showNumberLike(text) });
  if (w === 0) return msg('row.weight.zero');
  if (w < MIN_WEIGHT || w > MAX_WEIGHT) return msg('row.weight.range', { value: showNumberLike(text), min: MIN_WEIGHT, max: MAX_WEIGHT });
  return w;
}

/** design.fpc: a positive number (the stratum's population size or sampled fraction), or what is wrong with it. */
export function parseFpc(raw: string, decimalComma: boolean): number | Message {
  const text = raw.trim();
  if (text === '') return msg('row.fpc.empty');
  const normalised = decimalComma ? text.replace(',', '.') : text;
  const value = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised) ? Number(normalised) : NaN;
  return Number.isFinite(value) && value > 0 ? value : msg('row.fpc.notPositive', { value: showNumberLike(text) });
}

/**
 * Plausible survey weights. A respondent stands for at most a million pupils (Sweden has
 * about that many in compulsory school) and for no less than a millionth of one. Within
 * these bounds w² and every sum over rows stay far from overflow and underflow, so no
 * estimate can come out as 1e-306 with a standard error of 0.
 */
export const MIN_WEIGHT = 1e-6;
export const MAX_WEIGHT = 1e6;

function weightHint(raw: string, decimalComma: boolean): Message {
  if (!decimalComma && /^\s*\d+,\d+\s*$/.test(raw)) return msg('row.weight.comma.hint');
  const w = Number((decimalComma ? raw.replace(',', '.') : raw).trim());
  return w > 0 && !/^\s*-/.test(raw) ? msg('row.weight.range.hint') : msg('row.weight.hint');
}

/** "differs only by spaces or letter case" — the commonest reason an answer matches nothing. */
function nearMatchHint(raw: string, known: string[], config: string | null): Message | undefined {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const match = known.find((k) => k !== '' && norm(k) === norm(raw));
  if (match === undefined) return undefined;
  return msg('row.nearMatch', { match, value: raw, ends: raw.trim() !== raw, config });
}

/** C0 controls and DEL. (C1 controls are left to validate: they mostly come from "Ã\u0085" mojibake.) */
const CONTROL = /[\u0000-\u001f\u007f]/;


/** An answer or code from the file, found as it is or in its composed Unicode form. */
function lookup<V>(map: Map<string, V>, raw: string): V | undefined {
  const v = map.get(raw);
  return v !== undefined || ASCII.test(raw) ? v : map.get(canonicalName(raw));
}

const ASCII = /^[\x00-\x7f]*$/;

/** A name or grouping key from the file: cut short, on one plain line. */
function clip(s: string, max = 40): string {
  return printable(s.length > max ? `${s.slice(0, max)}…` : s);
}

