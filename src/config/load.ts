// Load and validate lagesbild.yaml (or .json): YAML parse → zod schema → cross-checks.
// Every error names the file, the line and column of the offending key, the key path and
// what is allowed, so a coordinator can fix it without reading the schema.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type Location } from '../errors.js';
import { ProjectConfig, isDerived, type AnswerScale, type Indicator } from './schema.js';

export interface LoadedConfig {
  config: ProjectConfig;
  /** Absolute or cwd-relative path of the file it came from (for messages and relative paths). */
  path: string;
}

export async function loadConfig(path: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? 'unknown error'})`,
      { file: path },
      code === 'ENOENT' ? 'Pass it with -c <file>, or run `lagesbild init <csv>` to create one' : undefined,
    );
  }
  return { config: parseConfig(text, path), path };
}

/** Parse config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string): ProjectConfig {
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml package would otherwise print its warnings to stderr itself.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ConfigError(`not valid YAML: ${printable(firstLine(e.message))}`, { file, line: pos.line, column: pos.col });
  }
  let raw: unknown;
  try {
    // Resolving aliases can fail (an alias before its anchor) or be refused (an alias bomb).
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const alias = firstAlias(doc);
    const pos = alias === undefined ? undefined : lineCounter.linePos(alias);
    throw new ConfigError(
      `not valid YAML: ${printable(firstLine(err instanceof Error ? err.message : String(err)))}`,
      { file, line: pos?.line, column: pos?.col },
      'Write the values out instead of using YAML aliases (*name)',
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError('the config must be a mapping of keys (project, columns, groups, indicators, …)', { file, line: 1 });
  }
  const parsed = ProjectConfig.safeParse(raw);
  if (!parsed.success) {
    throw issueToError(parsed.error.issues[0]!, doc, lineCounter, file);
  }
  crossCheck(parsed.data, (path, message, hint) => {
    const pos = positionOf(doc, lineCounter, path);
    return new ConfigError(message, { file, ...pos, field: formatPath(path) }, hint);
  });
  return parsed.data;
}

type MakeError = (path: (string | number)[], message: string, hint?: string) => ConfigError;

/** Checks the schema cannot express: references between indicators and scales, unique ids, cycles. */
function crossCheck(config: ProjectConfig, fail: MakeError): void {
  const ids = new Map<string, number>();
  config.indicators.forEach((ind, i) => {
    if (ids.has(ind.id)) {
      throw fail(['indicators', i, 'id'], `indicator id "${ind.id}" is used twice (also indicators[${ids.get(ind.id)}])`, 'Give every indicator its own id');
    }
    ids.set(ind.id, i);
  });
  config.indicators.forEach((ind, i) => {
    if (typeof ind.answers === 'string' && !(ind.answers in config.answer_scales)) {
      const known = Object.keys(config.answer_scales);
      throw fail(
        ['indicators', i, 'answers'],
        `unknown answer scale ${quote(ind.answers)}`,
        known.length ? `Use one of: ${known.map(printable).join(', ')}` : 'Define it under answer_scales',
      );
    }
    const refs = [...(ind.any_of ?? []), ...(ind.all_of ?? [])];
    const key = ind.any_of ? 'any_of' : 'all_of';
    refs.forEach((ref, j) => {
      if (!ids.has(ref)) throw fail(['indicators', i, key, j], `unknown indicator ${quote(ref)}`, `Use the id of an indicator in this file`);
    });
    if (ind.population && 'indicator' in ind.population && !ids.has(ind.population.indicator)) {
      throw fail(['indicators', i, 'population', 'indicator'], `unknown indicator ${quote(ind.population.indicator)}`);
    }
    if (ind.chapter === 'forandringsfaktorer' && ind.level === undefined) {
      throw fail(['indicators', i, 'level'], 'a förändringsfaktor needs its ecological level', 'Set level: individ, relation, narmiljo or samhalle');
    }
  });
  const order = dependencyOrder(config.indicators);
  if (order === null) {
    throw fail(['indicators'], 'derived indicators or population filters refer to each other in a circle');
  }
  const gender = config.groups.gender.values;
  if (new Set(gender.map((v) => v.code)).size !== gender.length) {
    throw fail(['groups', 'gender', 'values'], 'two gender values have the same code');
  }
}

/**
 * Indicators in an order where every indicator comes after those it depends on (any_of,
 * all_of, population filter on an indicator); null when there is a cycle.
 */
export function dependencyOrder(indicators: Indicator[]): Indicator[] | null {
  const byId = new Map(indicators.map((ind) => [ind.id, ind]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: Indicator[] = [];
  const visit = (ind: Indicator): boolean => {
    const s = state.get(ind.id);
    if (s === 'done') return true;
    if (s === 'visiting') return false;
    state.set(ind.id, 'visiting');
    for (const dep of dependenciesOf(ind)) {
      const d = byId.get(dep);
      if (d && !visit(d)) return false;
    }
    state.set(ind.id, 'done');
    out.push(ind);
    return true;
  };
  for (const ind of indicators) if (!visit(ind)) return null;
  return out;
}

export function dependenciesOf(ind: Indicator): string[] {
  const deps = [...(ind.any_of ?? []), ...(ind.all_of ?? [])];
  if (ind.population && 'indicator' in ind.population) deps.push(ind.population.indicator);
  return deps;
}

/** The scale of a source indicator with its `yes` override applied. */
export function scaleOf(config: ProjectConfig, ind: Indicator): AnswerScale {
  if (isDerived(ind) || ind.answers === undefined) throw new Error(`indicator ${ind.id} has no answers`);
  const scale = typeof ind.answers === 'string' ? config.answer_scales[ind.answers]! : ind.answers;
  if (!ind.yes) return scale;
  // Answers moved to yes by the override are no longer "no".
  const yes = new Set(ind.yes);
  return { yes: ind.yes, no: [...scale.no, ...scale.yes].filter((a) => !yes.has(a)), missing: scale.missing };
}

function issueToError(issue: z.core.$ZodIssue, doc: Document, lc: LineCounter, file: string): ConfigError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let message = issue.message;
  let hint: string | undefined;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const pos = positionOf(doc, lc, [...path, key], true);
    return new ConfigError(`unknown key ${quote(key)}`, { file, ...pos, field: formatPath(path) || undefined }, 'Check the spelling; allowed keys are listed in schema/lagesbild.schema.json');
  }
  const value = valueAt(doc, path);
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = `one of: ${(issue.values as unknown[]).map(String).join(', ')}`;
    message = value === undefined ? 'missing required key' : `${typeof value === 'string' ? quote(value) : describe(value)} is not allowed`;
    hint = value === undefined ? `Add ${formatPath(path)}: ${allowed}` : `Use ${allowed}`;
  } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) {
    message = `missing required key`;
    hint = `Add ${formatPath(path)}${issue.code === 'invalid_type' ? ` (${issue.expected})` : ''}`;
  } else if (issue.code === 'too_small' || issue.code === 'too_big') {
    message = sizeMessage(issue);
  } else if (issue.code === 'invalid_type') {
    message = `expected ${issue.expected}, found ${describe(value)}`;
  } else if (issue.code === 'invalid_union') {
    message = `not a valid value (${describe(value)})`;
    hint = 'See schema/lagesbild.schema.json for the allowed forms';
  }
  const pos = positionOf(doc, lc, path);
  return new ConfigError(message, { file, ...pos, field: formatPath(path) }, hint);
}

/** "needs at least 2 items", "must not be empty", "must be at most 1" instead of zod's wording. */
function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const strict = issue.inclusive === false;
  if (issue.origin === 'string' && small && limit <= 1) return 'must not be empty';
  if (issue.origin === 'array' || issue.origin === 'string') {
    const count = strict ? (small ? limit + 1 : limit - 1) : limit;
    const unit = issue.origin === 'array' ? 'item' : 'character';
    return `needs ${small ? 'at least' : 'at most'} ${count} ${unit}${count === 1 ? '' : 's'}`;
  }
  return `must be ${small ? (strict ? 'greater than' : 'at least') : strict ? 'less than' : 'at most'} ${limit}`;
}

function valueAt(doc: Document, path: (string | number)[]): unknown {
  const node = doc.getIn(path, true);
  return isNode(node) ? node.toJSON() : node;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number' && !Number.isFinite(v)) return `number ${String(v)}`;
  return `${typeof v} ${printable(JSON.stringify(v))}`;
}

/** Line/column of the deepest existing node on the path (the key itself when `atKey`). */
function positionOf(doc: Document, lc: LineCounter, path: (string | number)[], atKey = false): { line?: number; column?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    let offset: number | undefined;
    if (atKey && depth === path.length && sub.length > 0) {
      const parent = doc.getIn(sub.slice(0, -1), true) as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
      const pair = parent?.items?.find((it) => it.key?.value === sub[sub.length - 1]);
      offset = pair?.key?.range?.[0];
    } else {
      const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
      if (isNode(node) && node.range) offset = node.range[0];
    }
    if (offset !== undefined) {
      const { line, col } = lc.linePos(offset);
      return { line, column: col };
    }
  }
  return {};
}

/**
 * Where keys of a config file are (file, line, column, key path), for messages that point
 * into the config after it has loaded (validate's warnings).
 */
export async function configLocator(path: string): Promise<(keyPath: (string | number)[]) => Location> {
  const text = await readFile(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, logLevel: 'error' });
  return (keyPath) => ({ file: path, ...positionOf(doc, lineCounter, keyPath), field: formatPath(keyPath) });
}

export function formatPath(path: (string | number)[]): string {
  return printable(path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), ''));
}

/**
 * Line breaks, control characters, bidi overrides and invisible characters (zero-width
 * spaces, a byte order mark inside the text) that would break or disguise a one-line message.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Text from a user's file (config or CSV) made safe for a one-line message: such characters
 * are shown as escapes (\n, \u001b), so a value cannot split the line or drive the terminal.
 */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A config value in a message: quoted, on one line. */
function quote(v: unknown): string {
  return `"${printable(String(v))}"`;
}

/** Offset of the first alias (*name) in the document. */
function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
