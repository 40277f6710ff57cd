// Load and validate lagesbild.yaml (or .json): YAML parse → zod schema → cross-checks.
// Every error names the file, the line and column of the offending key, the key path and
// what is allowed, so a coordinator can fix it without reading the schema.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, isScalar, visit, type Document } from './yaml.js';
import type { z } from 'zod';
import { ConfigError, ioCause, msg, type Location, type Message } from '../errors.js';
import { printable } from '../text.js';
import { MESSAGE_IDS, type MessageId } from '../messages/index.js';
import { ProjectConfig, REPORT_CHAPTERS, groupValueCode, isDerived, localize, type AnswerScale, type Indicator } from './schema.js';
import { dependencyOrder } from './read.js';
import { rememberConfigFile } from './file-name.js';

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
    const cause = ioCause(err);
    throw new ConfigError(
      cause.code === 'ENOENT' ? msg('config.notFound') : msg('config.cannotRead', { cause: cause.text, code: cause.code }),
      { file: path },
      cause.code === 'ENOENT' ? msg('config.notFound.hint') : cause.hint,
    );
  }
  return { config: parseConfig(text, path), path };
}

/** Parse config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string): ProjectConfig {
  const source = text.replace(/^\uFEFF/, '');
  // The YAML document gives messages their line and column. A config in JSON (generated ones
  // are, and a county's runs to thousands of lines) is read by JSON.parse, which takes a few
  // milliseconds where the YAML parser takes 150 (a 47 KB config); YAML is a superset of JSON,
  // so the values are the same, and the document is then parsed only to place an error.
  let yaml: YamlSource | undefined;
  const located = (): YamlSource => (yaml ??= yamlSource(source));
  const json = plainJson(source);
  let raw = json ? json.value : yamlValue(located(), file);
  // Names and labels in one Unicode form (NFC), as the data's are: "Ängsby" typed with a
  // combining diaeresis in the config is the municipality of the same name in the data.
  raw = composed(raw);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(msg('config.notMapping'), { file, line: 1 });
  }
  const parsed = ProjectConfig.safeParse(raw);
  if (!parsed.success) {
    const { doc, lineCounter } = located();
    throw issueToError(parsed.error.issues[0]!, doc, lineCounter, file);
  }
  crossCheck(parsed.data, (path, message, hint) => {
    const { doc, lineCounter } = located();
    return new ConfigError(message, { file, ...positionOf(doc, lineCounter, path), field: formatPath(path) }, hint);
  });
  rememberConfigFile(parsed.data, file);
  return parsed.data;
}

interface YamlSource {
  doc: Document;
  lineCounter: LineCounter;
}

function yamlSource(source: string): YamlSource {
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml package would otherwise print its warnings to stderr itself.
  // uniqueKeys is checked by firstDuplicateKey: the yaml package compares each key with every
  // earlier one of its mapping, which takes minutes for a config with tens of thousands of keys.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  return { doc, lineCounter };
}

/** The config's value from its YAML document, or the error of its first syntax problem, repeated key or bad alias. */
function yamlValue({ doc, lineCounter }: YamlSource, file: string): unknown {
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ConfigError(msg('config.yaml', { detail: yamlProblem(e.code) }), { file, line: pos.line, column: pos.col });
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) {
    const pos = lineCounter.linePos(duplicate.offset);
    const first = lineCounter.linePos(duplicate.firstOffset);
    throw new ConfigError(msg('config.duplicateKey', { key: duplicate.key, firstLine: first.line }), { file, line: pos.line, column: pos.col }, msg('config.duplicateKey.hint'));
  }
  try {
    // Resolving aliases can fail (an alias before its anchor) or be refused (an alias bomb).
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const alias = firstAlias(doc);
    const pos = alias === undefined ? undefined : lineCounter.linePos(alias);
    const excessive = err instanceof Error && /excessive alias count/i.test(err.message);
    throw new ConfigError(
      msg('config.yaml', { detail: excessive ? msg('config.yaml.tooManyAliases') : msg('config.yaml.badAlias') }),
      { file, line: pos?.line, column: pos?.col },
      msg('config.yaml.aliasHint'),
    );
  }
}

/**
 * The value of a config written as JSON, or undefined when it is not JSON or repeats a key of
 * an object (JSON.parse would keep the last one without a word; the YAML path names the line).
 */
function plainJson(source: string): { value: unknown } | undefined {
  const first = source.trimStart().charCodeAt(0);
  if (first !== 0x7b && first !== 0x5b) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  return repeatsKey(source) ? undefined : { value };
}

/** Whether an object of valid JSON text has a key twice: one pass, a set of keys per open object. */
function repeatsKey(json: string): boolean {
  // One entry per open bracket: the object's keys so far, or null for an array.
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      let escaped = false;
      for (; json.charCodeAt(end) !== 0x22; end++) {
        if (json.charCodeAt(end) === 0x5c) {
          escaped = true;
          end++;
        }
      }
      const keys = open[open.length - 1];
      if (keyNext && keys) {
        // "a" and "\u0061" are the same key.
        const key = escaped ? (JSON.parse(json.slice(i, end + 1)) as string) : json.slice(i + 1, end);
        if (keys.has(key)) return true;
        keys.add(key);
        keyNext = false;
      }
      i = end;
    } else if (c === 0x7b) {
      open.push(new Set());
      keyNext = true;
    } else if (c === 0x5b) {
      open.push(null);
      keyNext = false;
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
      keyNext = false;
    } else if (c === 0x2c) {
      keyNext = open[open.length - 1] !== null;
    }
  }
  return false;
}

type MakeError = (path: (string | number)[], message: Message, hint?: Message) => ConfigError;

/** Checks the schema cannot express: references between indicators and scales, unique ids, cycles. */
function crossCheck(config: ProjectConfig, fail: MakeError): void {
  const ids = new Map<string, number>();
  config.indicators.forEach((ind, i) => {
    if (ids.has(ind.id)) {
      throw fail(['indicators', i, 'id'], msg('config.duplicateId', { id: ind.id, first: ids.get(ind.id)! }), msg('config.duplicateId.hint'));
    }
    ids.set(ind.id, i);
  });
  config.indicators.forEach((ind, i) => {
    if (typeof ind.answers === 'string' && !(ind.answers in config.answer_scales)) {
      const known = Object.keys(config.answer_scales);
      throw fail(
        ['indicators', i, 'answers'],
        msg('config.unknownScale', { scale: ind.answers }),
        msg('config.unknownScale.hint', { known }),
      );
    }
    const refs = [...(ind.any_of ?? []), ...(ind.all_of ?? [])];
    const key = ind.any_of ? 'any_of' : 'all_of';
    refs.forEach((ref, j) => {
      if (!ids.has(ref)) throw fail(['indicators', i, key, j], msg('config.unknownIndicator', { id: ref }), msg('config.unknownIndicator.hint'));
    });
    if (ind.population && 'indicator' in ind.population && !ids.has(ind.population.indicator)) {
      throw fail(['indicators', i, 'population', 'indicator'], msg('config.unknownIndicator', { id: ind.population.indicator }));
    }
    checkTarget(config, ind, i, fail);
    if (ind.chapter === 'forandringsfaktorer' && ind.level === undefined) {
      throw fail(['indicators', i, 'level'], msg('config.needsLevel'), msg('config.needsLevel.hint'));
    }
  });
  const order = dependencyOrder(config.indicators);
  if (order === null) {
    throw fail(['indicators'], msg('config.cycle'));
  }
  const gender = config.groups.gender.values;
  if (new Set(gender.map((v) => v.code)).size !== gender.length) {
    throw fail(['groups', 'gender', 'values'], msg('config.sameGenderCode'));
  }
  const extraIds = new Map<string, number>();
  config.groups.extra.forEach((v, i) => {
    const seen = extraIds.get(v.id);
    if (seen !== undefined) throw fail(['groups', 'extra', i, 'id'], msg('config.extraIdTwice', { id: v.id, first: seen }), msg('config.extraIdTwice.hint'));
    extraIds.set(v.id, i);
    const twice = v.values.find((x, k) => v.values.findIndex((y) => y.code === x.code) !== k);
    if (twice) throw fail(['groups', 'extra', i, 'values'], msg('config.extraSameCode', { id: v.id, code: twice.code }), msg('config.extraSameCode.hint'));
  });
  config.indicators.forEach((ind, i) => {
    if (ind.aspect !== undefined && ind.chapter !== 'utsatthet') {
      throw fail(['indicators', i, 'aspect'], msg('config.aspectChapter'), msg('config.aspectChapter.hint'));
    }
  });
  (config.associations.outcomes ?? []).forEach((id, j) => {
    if (!ids.has(id)) throw fail(['associations', 'outcomes', j], msg('config.unknownIndicator', { id }), msg('config.unknownIndicator.hint'));
  });
  const labels = new Map<string, number>();
  config.references.forEach((r, i) => {
    const label = typeof r.label === 'string' ? r.label : r.label.sv;
    const seen = labels.get(label);
    if (seen !== undefined) throw fail(['references', i, 'label'], msg('config.referenceLabelTwice', { label, first: seen }), msg('config.referenceLabelTwice.hint'));
    labels.set(label, i);
  });
}

/** A goal's group names values the config has, and a reported one (a goal is followed up in the report). */
function checkTarget(config: ProjectConfig, ind: Indicator, i: number, fail: MakeError): void {
  const group = ind.target?.group;
  if (group === undefined) return;
  const variables = { gender: config.groups.gender, grade: config.groups.grade } as const;
  for (const key of ['gender', 'grade'] as const) {
    const given = group[key];
    if (given === undefined) continue;
    const variable = variables[key];
    const path = ['indicators', i, 'target', 'group', key];
    if (variable === undefined) throw fail(path, msg('config.target.noGrades'), msg('config.target.noGrades.hint'));
    const code = groupValueCode(variable, given);
    const allowed = msg('config.useOneOf', { allowed: variable.values.filter((v) => v.report).map((v) => `${v.code} (${localize(v.label, 'sv')})`) });
    if (code === null) throw fail(path, msg('config.target.notValue', { value: given, key }), allowed);
    if (!variable.values.find((v) => v.code === code)!.report) throw fail(path, msg('config.target.notReported', { value: given }), allowed);
  }
}

export { dependencyOrder, dependenciesOf, scaleOf } from './read.js';

/** The ids the schema's custom checks use: messages without parameters. */
type ParameterlessId = 'config.oneKind' | 'config.needsAnswers' | 'config.yearTwice' | 'config.reservedGroupId';
const isMessageId = (id: unknown): id is MessageId => typeof id === 'string' && (MESSAGE_IDS as string[]).includes(id);

function issueToError(issue: z.core.$ZodIssue, doc: Document, lc: LineCounter, file: string): ConfigError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let message: Message = msg('config.invalid', { detail: issue.code });
  let hint: Message | undefined;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const pos = positionOf(doc, lc, [...path, key], true);
    const hint = path.length === 1 && path[0] === 'texts' ? msg('config.unknownTextPlace.hint', { chapters: [...REPORT_CHAPTERS] }) : msg('config.unknownKey.hint');
    return new ConfigError(msg('config.unknownKey', { key }), { file, ...pos, field: formatPath(path) || undefined }, hint);
  }
  const value = valueAt(doc, path);
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = (issue.values as unknown[]).map(String);
    message = value === undefined ? msg('config.missingKey') : msg('config.notAllowed', { value: typeof value === 'string' ? `"${value}"` : describe(value) });
    hint = value === undefined ? msg('config.addKey', { path: formatPath(path), allowed }) : msg('config.useOneOf', { allowed });
  } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) {
    message = msg('config.missingKey');
    hint = msg('config.addKey', { path: formatPath(path), type: issue.code === 'invalid_type' ? issue.expected : undefined });
  } else if (issue.code === 'too_small' || issue.code === 'too_big') {
    message = sizeMessage(issue);
  } else if (issue.code === 'invalid_type') {
    message = msg('config.expected', { expected: issue.expected, found: describe(value) });
    // A code YAML took for a number or a truth value (2584, 0180, true): quoted it is text.
    const node = doc.getIn(path, true);
    if (issue.expected === 'string' && isScalar(node) && typeof node.source === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      hint = msg('config.quoteText', { source: node.source });
    }
  } else if (issue.code === 'invalid_union') {
    message = msg('config.invalidUnion', { found: describe(value) });
    hint = msg('config.invalidUnion.hint');
  } else if (issue.code === 'custom' && isMessageId(issue.params?.id)) {
    // The schema's own checks name a message without parameters (see schema.ts).
    message = msg(issue.params.id as ParameterlessId);
  }
  const pos = positionOf(doc, lc, path);
  return new ConfigError(message, { file, ...pos, field: formatPath(path) }, hint);
}

/** "needs at least 2 items", "must not be empty", "must be at most 1" instead of zod's wording. */
function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): Message {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const strict = issue.inclusive === false;
  if (issue.origin === 'string' && small && limit <= 1) return msg('config.notEmpty');
  if (issue.origin === 'array' || issue.origin === 'string') {
    const count = strict ? (small ? limit + 1 : limit - 1) : limit;
    return msg('config.count', { least: small, count, unit: issue.origin === 'array' ? 'item' : 'character' });
  }
  return msg('config.bound', { small, strict, limit });
}

function valueAt(doc: Document, path: (string | number)[]): unknown {
  const node = doc.getIn(path, true);
  return isNode(node) ? node.toJSON() : node;
}

function describe(v: unknown): Message {
  if (v === undefined) return msg('config.describe.nothing');
  if (v === null) return msg('config.describe.empty');
  if (Array.isArray(v)) return msg('config.describe.list');
  if (typeof v === 'object') return msg('config.describe.mapping');
  if (typeof v === 'number' && !Number.isFinite(v)) return msg('config.describe.value', { type: 'number', value: String(v) });
  return msg('config.describe.value', { type: typeof v, value: JSON.stringify(v) });
}

/** The yaml package's error codes in our words (its messages are English and quote the text). */
function yamlProblem(code: string): Message {
  const known: Record<string, Message> = {
    BAD_INDENT: msg('config.yaml.indent'),
    TAB_AS_INDENT: msg('config.yaml.tab'),
    MISSING_CHAR: msg('config.yaml.missingChar'),
    MULTILINE_IMPLICIT_KEY: msg('config.yaml.implicitKey'),
    BLOCK_AS_IMPLICIT_KEY: msg('config.yaml.implicitKey'),
    UNEXPECTED_TOKEN: msg('config.yaml.unexpected'),
    MULTIPLE_DOCS: msg('config.yaml.documents'),
    DUPLICATE_KEY: msg('config.duplicateKey.plain'),
  };
  return known[code] ?? msg('config.yaml.other', { code });
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
  const { doc, lineCounter } = yamlSource(text.replace(/^\uFEFF/, ''));
  return (keyPath) => ({ file: path, ...positionOf(doc, lineCounter, keyPath), field: formatPath(keyPath) });
}

export function formatPath(path: (string | number)[]): string {
  return printable(path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), ''));
}

export { printable } from '../text.js';

/** Every string (and key) of a parsed config in NFC. */
function composed(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) return v.map(composed);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.normalize('NFC'), composed(x)]));
  return v;
}


/** The first key that repeats an earlier key of its mapping, in linear time (one set per mapping). */
function firstDuplicateKey(doc: Document): { key: string; offset: number; firstOffset: number } | undefined {
  let found: { key: string; offset: number; firstOffset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = pair.key;
        // Scalars compare by type and value ("1" and 1 differ, as in YAML); other keys by text.
        const id = isScalar(key) ? `${typeof key.value}:${String(key.value)}` : `node:${String(key)}`;
        const offset = isNode(key) ? (key.range?.[0] ?? 0) : 0;
        const earlier = seen.get(id);
        if (earlier !== undefined) {
          found = { key: isScalar(key) ? String(key.value) : String(key), offset, firstOffset: earlier };
          return visit.BREAK;
        }
        seen.set(id, offset);
      }
      return undefined;
    },
  });
  return found;
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
