// The proposal plus the user's decisions → a commented lagesbild.yaml. Indicators are the
// template's own entries with this data's column, answers, population, question as asked and
// time frame (the indicator's text is rewritten to the question's time frame, or to none when
// the data has only a column name); answer scales of the same kind are merged into one list
// per kind when they agree. Unsure matches are written as commented-out suggestions with their
// reasons. The text is parsed back with the real config loader before it is returned, so
// `init` never writes a config `report` rejects.
import { Document, isMap, isScalar, isSeq, type Node, type Pair } from '../config/yaml.js';
import { parseConfig } from '../config/load.js';
import { UsageError, msg } from '../errors.js';
import type { AnswerScale, LocalizedText, ProjectConfig } from '../config/schema.js';
import type { AnswerClass } from './answers.js';
import { matchSummary, reasonText, TIME } from './explain.js';
import { genderLabel, type GroupProposal } from './groups.js';
import { readsFrom, type IndicatorProposal } from './indicators.js';
import type { Reason } from './match.js';
import { readQuestion, type TimeFrame } from './meaning.js';
import type { InitFacts, InitProposal } from './propose.js';
import { REQUIRED_ROLES, weightLookalike } from './roles.js';
import type { RawObject, Template } from './template.js';
import { formatList } from '../text.js';

/** What the user decided (or the defaults with --yes). */
export interface InitDecisions {
  /**
   * What the user chose per template indicator id: a proposal (possibly for a column the
   * matcher did not propose), or null to leave it out. Indicators not in the map keep the
   * pre-selected clear match, if any.
   */
  mapping?: ReadonlyMap<string, IndicatorProposal | null>;
  /** Per column: the class of answers the proposal could not tell; default missing. */
  answers?: ReadonlyMap<string, ReadonlyMap<string, AnswerClass>>;
  /** What gender codes of unknown meaning are; default a neutral label to be changed. */
  genderCodes?: ReadonlyMap<string, 'girl' | 'boy' | 'other' | 'missing'>;
  county: string;
  /** The year column holds school years: the term the survey was answered in (columns.answered_in). */
  answeredIn?: 'spring' | 'autumn';
  /** The municipality's definition of violence; null = the template's suggestion. */
  definition: string | null;
  /** The partners have agreed on `definition` (never true for the template's suggestion). */
  definitionAgreed?: boolean;
}

export type InitWarning =
  | { code: 'unsure'; indicator: string; column: string; doubts: Reason[] }
  /** The user chose a column the matcher was not sure of (or that does not fit). */
  | { code: 'chosen-unsure'; indicator: string; column: string; doubts: Reason[] }
  | { code: 'answers-as-missing'; indicator: string; column: string; answers: string[] }
  | { code: 'codes-only'; indicator: string; column: string; answers: string[] }
  | { code: 'gender-codes'; column: string; codes: string[] }
  | { code: 'population-missing'; indicator: string }
  | { code: 'year-format'; column: string; example: string }
  /** A column named like a weight whose values cannot be weights: not used (see weightLookalike). */
  | { code: 'weight-not-used'; column: string; why: 'not-numbers' | 'not-positive' }
  | { code: 'preview'; rows: number };

export interface BuiltConfig {
  text: string;
  config: ProjectConfig;
  warnings: InitWarning[];
}

export interface BuildMeta {
  /** The CSV's file name (for the header comment). */
  csvName: string;
  /** The config's file name (for the next command in the header comment). */
  configName: string;
  /** Path of the JSON Schema relative to the config, or null. */
  schema: string | null;
  /** Wave values the config cannot read (e.g. "2023/24"), for a warning. */
  badYear: string | null;
  /** The year and municipality of data without a column for them. */
  facts?: InitFacts;
  /** Own texts: chapter → Markdown file (the skeleton texts/ folder), or none. */
  texts?: Record<string, string>;
}

const CHANGE = 'ÄNDRA';

export function buildConfig(p: InitProposal, template: Template, d: InitDecisions, meta: BuildMeta): BuiltConfig {
  const warnings: InitWarning[] = [];
  const roles = p.roles;
  // The command asks or stops first; reaching this without them is a bug.
  for (const r of REQUIRED_ROLES) if (roles[r] === null) throw new Error(`init: no ${r} column`);
  const facts = meta.facts ?? { year: null, area: null };
  if ((roles.year === null && facts.year === null) || (roles.area === null && facts.area === null)) throw new Error('init: no year or municipality');
  if (!p.profile.complete) warnings.push({ code: 'preview', rows: p.profile.rows });
  if (meta.badYear !== null) warnings.push({ code: 'year-format', column: roles.year!, example: meta.badYear });
  const lookalike = weightLookalike(p.profile, roles);
  if (lookalike) warnings.push({ code: 'weight-not-used', ...lookalike });

  if (!p.gender || (roles.grade && !p.grade)) {
    const role = p.gender ? 'grade' : 'gender';
    throw new UsageError(msg('init.tooManyValues', { column: roles[role]!, role }), msg('init.tooManyValues.hint', { role }));
  }
  const scales = new ScaleBuckets(template);
  const { indicators, dropped, suggestions } = indicatorEntries(p, template, d, scales, warnings);
  // A config needs an indicator: say why there is none and what to do (not the schema's "at least 1 item").
  if (indicators.length === 0) throw new UsageError(msg('init.noIndicators', { unsure: suggestions.length, codesOnly: dropped.length }), msg('init.noIndicators.hint'));
  const gender = genderGroup(p.gender, d.genderCodes, roles.gender!, warnings);
  const obj: RawObject = {};
  if (meta.schema) obj.$schema = meta.schema;
  obj.version = 1;
  obj.project = projectSection(p, template, d, facts);
  obj.columns = {
    ...(roles.area ? { area: roles.area } : {}),
    ...(roles.year ? { year: roles.year, ...(d.answeredIn ? { answered_in: d.answeredIn } : {}) } : { year_by_file: { [meta.csvName]: facts.year!.year } }),
    ...(roles.id ? { id: roles.id } : {}),
  };
  obj.design = { ...(roles.weight ? { weight: roles.weight, ...(roles.area ? { strata: roles.area } : {}) } : {}), lonely_psu: 'fail' };
  obj.groups = {
    gender: { column: roles.gender, label: { sv: 'Kön', en: 'Gender' }, values: gender.values, missing: gender.missing },
    ...(roles.grade && p.grade ? { grade: { column: roles.grade, label: { sv: 'Årskurs', en: 'School year' }, ...groupValues(p.grade) } } : {}),
  };
  obj.answer_scales = scales.toObject();
  obj.statistics = template.raw.statistics;
  obj.disclosure = template.raw.disclosure;
  // Before the indicators: the commented-out suggestions at the end of the file belong to them.
  if (meta.texts) obj.texts = meta.texts;
  obj.indicators = indicators.map((i) => i.raw);

  const doc = new Document(obj);
  annotate(doc, p, meta, indicators.map((i) => i.comments), gender.unlabelled, dropped, suggestions);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // A config init writes must load: anything else is a bug here, not the user's mistake.
  const config = parseConfig(text, meta.configName);
  return { text, config, warnings };
}

interface IndicatorEntry {
  raw: RawObject;
  comments: string[];
}

/** An unsure match, written commented out: the entry as it would be, and why it is unsure. */
interface Suggestion {
  id: string;
  raw: RawObject;
  why: string;
}

/**
 * The template's entries for the chosen indicators, with this data's column, answers,
 * population, question and time frame; `dropped` are chosen columns left out (only codes);
 * `suggestions` the best unsure candidate of each indicator without a chosen column.
 */
function indicatorEntries(
  p: InitProposal,
  template: Template,
  d: InitDecisions,
  scales: ScaleBuckets,
  warnings: InitWarning[],
): { indicators: IndicatorEntry[]; dropped: string[]; suggestions: Suggestion[] } {
  const entries = new Map<string, IndicatorEntry>();
  const rawById = new Map(template.raw.indicators.map((r) => [r.id as string, r]));
  const dropped: string[] = [];
  const chosen = chosenProposals(p, d.mapping);
  const times = new Map<string, TimeFrame | null>();
  // Only codes, and none said to mean yes: a guess would put wrong figures in a report.
  const readable = new Set([...chosen.values()].filter((ind) => ind.answers.understood || [...(d.answers?.get(readsFrom(ind))?.values() ?? [])].includes('yes')).map((ind) => ind.id));
  // The config's indicators: those read, and the template's combined ones with two parts among
  // them. A population "those who answered yes to X" is kept where X is one of them.
  const present = new Set(readable);
  for (const tmpl of template.raw.indicators) if (combinedParts(tmpl, readable) !== null) present.add(tmpl.id as string);
  for (const ind of chosen.values()) {
    const decided = d.answers?.get(readsFrom(ind));
    if (!readable.has(ind.id)) {
      warnings.push({ code: 'codes-only', indicator: ind.id, column: ind.column, answers: ind.answers.unknown });
      dropped.push(ind.column);
      continue;
    }
    const answers = resolveAnswers(ind, decided);
    const comments = [matchComment(ind)];
    if (ind.level !== 'clear') warnings.push({ code: 'chosen-unsure', indicator: ind.id, column: ind.column, doubts: ind.conflict ? [...ind.doubts, ind.conflict] : ind.doubts });
    if (answers.assumedMissing.length > 0) {
      warnings.push({ code: 'answers-as-missing', indicator: ind.id, column: ind.column, answers: answers.assumedMissing });
      comments.push(`${CHANGE} vid behov: svaren ${quoteList(answers.assumedMissing)} är okända och räknas nu som saknade svar.`);
    }
    const tmpl = rawById.get(ind.id)!;
    if (!ind.population && !keptPopulation(tmpl, present)) {
      warnings.push({ code: 'population-missing', indicator: ind.id });
      comments.push(`${CHANGE}: mallen räknar bara en del av eleverna (population), men ingen kolumn för det hittades. Lägg till population om er enkät har en sådan fråga.`);
    }
    const scale = scales.add(ind.scaleName, answers);
    // The question as the file states it (an SPSS variable label) is the one the pupils read.
    if (p.profile.columns.find((c) => c.name === ind.column)?.label) comments.push('Frågan som den står i filen (variabeletiketten).');
    entries.set(ind.id, { raw: dataEntry(tmpl, ind, scale, present), comments });
    times.set(ind.id, ind.question === null ? null : ind.time);
  }
  for (const tmpl of template.raw.indicators) {
    const combined = combinedParts(tmpl, entries);
    if (combined === null) continue;
    const { key, parts } = combined;
    // The report describes a combined indicator by its parts; a time frame only when all parts share it.
    const partTimes = new Set(parts.map((id) => times.get(id) ?? null));
    const time = partTimes.size === 1 ? [...partTimes][0]! : null;
    const { statement: _statement, time_frame: _frame, ...rest } = tmpl;
    const raw = { ...rest, [key]: parts, ...(time ? { time_frame: frameText(time) } : {}) };
    const comments = [key === 'any_of' ? 'Sammanslagen: ja om minst en av indikatorerna i any_of är ja.' : 'Sammanslagen: ja om alla indikatorerna i all_of är ja.'];
    if (parts.length < (tmpl[key] as string[]).length) comments.push(`Mallens övriga delar (${(tmpl[key] as string[]).filter((id) => !parts.includes(id)).join(', ')}) finns inte i er fil.`);
    entries.set(tmpl.id as string, { raw: orderLike(tmpl, raw), comments });
  }

  // Unsure candidates of the indicators still without a column, on columns not used.
  const used = new Set([...chosen.values()].map(readsFrom));
  const suggestions: Suggestion[] = [];
  for (const best of p.indicators.suggestions) {
    const id = best.id;
    if (chosen.has(id) || d.mapping?.has(id) || used.has(readsFrom(best)) || !best.answers.understood) continue;
    const tmpl = rawById.get(id)!;
    const answers = resolveAnswers(best, d.answers?.get(readsFrom(best)));
    const { assumedMissing: _, ...scale } = answers;
    suggestions.push({ id, raw: dataEntry(tmpl, best, scale, present), why: matchSummary(best.level, best.reasons, best.doubts, 'sv') });
    warnings.push({ code: 'unsure', indicator: id, column: best.column, doubts: best.doubts });
  }
  // In the template's order (chapter by chapter).
  return { indicators: template.raw.indicators.flatMap((r) => entries.get(r.id as string) ?? []), dropped, suggestions };
}

/** The pre-selected clear matches, changed by the user's decisions (indicator id → proposal). */
export function chosenProposals(p: InitProposal, mapping: InitDecisions['mapping']): Map<string, IndicatorProposal> {
  const chosen = new Map(p.indicators.indicators.map((i) => [i.id, i]));
  for (const [id, decided] of mapping ?? []) {
    if (decided === null) chosen.delete(id);
    else chosen.set(id, decided);
  }
  return chosen;
}

/** "Säker matchning: …" / "Osäker matchning, vald: …" above an indicator. */
function matchComment(ind: IndicatorProposal): string {
  const how = ind.level === 'clear' ? 'Säker matchning' : ind.level === 'possible' ? 'Osäker matchning, vald i guiden' : 'Vald i guiden fast frågan inte passar';
  const parts = [...ind.reasons.map((r) => reasonText(r, 'sv')), ...(ind.conflict ? [reasonText(ind.conflict, 'sv')] : [])];
  const doubts = ind.doubts.map((r) => reasonText(r, 'sv'));
  const noQuestion = ind.question === null ? ` ${CHANGE}: filen har bara kolumnnamnet ${ind.column}, ingen frågetext; skriv frågan (question) och tidsperioden (time_frame) som de stod i enkäten.` : '';
  const rewrite = ind.level === 'clear' ? '' : ` ${CHANGE}: label och statement är mallens; skriv om dem så att de säger det frågan frågar.`;
  return `${how}${parts.length ? `: ${parts.join(' · ')}` : ''}${doubts.length ? ` (${doubts.join('; ')})` : ''}.${noQuestion}${rewrite}`;
}

/**
 * The template's entry with this data's column, answers (a scale name, or the scale itself),
 * population and question as asked, its text moved to the question's time frame; key order kept.
 */
function dataEntry(tmpl: RawObject, ind: IndicatorProposal, answers: string | AnswerScale, present: ReadonlySet<string>): RawObject {
  const dataTime = ind.question === null ? null : ind.time;
  const population =
    (ind.population && { column: ind.population.column, values: ind.population.values, ...(ind.population.question ? { question: ind.population.question } : {}) }) ??
    (keptPopulation(tmpl, present) ? tmpl.population : undefined);
  const replaced: RawObject = {
    column: ind.column,
    answers,
    checkboxes: ind.checkboxes ?? undefined,
    several_answers: ind.several !== null ? true : undefined,
    // A pupil's own words under "Övrigt", or an option not among the rows read: another option.
    other_options: ind.several !== null ? 'no' : undefined,
    population: population ?? undefined,
    // The question as the pupils read it: from the data, never the template's wording.
    question: ind.question ?? undefined,
    ...retime(tmpl, ind.templateTime, dataTime),
    ...statementOfQuestion(ind),
  };
  return orderLike(tmpl, { ...tmpl, ...replaced });
}

/** A template's combined indicator (any_of, all_of) with those of its parts the config has: in the config when two or more are; else null. */
function combinedParts(tmpl: RawObject, has: { has(id: string): boolean }): { key: 'any_of' | 'all_of'; parts: string[] } | null {
  const key = 'any_of' in tmpl ? 'any_of' : 'all_of' in tmpl ? 'all_of' : null;
  if (key === null) return null;
  const parts = (tmpl[key] as string[]).filter((id) => has.has(id));
  return parts.length >= 2 ? { key, parts } : null;
}

/**
 * Whether the entry keeps the template's population: one on an indicator that is in the config
 * (the follow-up questions' "those subjected to any form of violence", `{ indicator:
 * utsatt_nagon_form }`). True without a template population: there is none to lose.
 */
function keptPopulation(tmpl: RawObject, present: ReadonlySet<string>): boolean {
  const pop = tmpl.population as { indicator?: string } | undefined;
  if (pop === undefined) return true;
  return pop.indicator !== undefined && present.has(pop.indicator);
}

/**
 * Where the template's generic statement would say more than the question: an attitude is
 * said in the words of the statement the pupils agreed with ("att det är okej att slåss om
 * någon retar en"), and a "trygg" question read for an "otrygg" indicator says "inte trygga".
 * Swedish only: an English report then names the indicator by its label.
 */
function statementOfQuestion(ind: IndicatorProposal): RawObject {
  if (ind.question === null) return {};
  const meaning = readQuestion(ind.question);
  if (meaning.subject === 'attitude') {
    const quoted = /["”“„'’]([^"”“„'’]{8,})["”“„'’]/.exec(ind.question)?.[1] ?? /:\s*([^:]{8,})$/.exec(ind.question)?.[1];
    if (quoted === undefined) return {};
    const clause = quoted.trim().replace(/[.!?]+$/, '');
    return { statement: { sv: `att ${clause.charAt(0).toLowerCase()}${clause.slice(1)}` } };
  }
  if (meaning.subject === 'safety' && ind.inverted) {
    const where = { school: ' i skolan', neighbourhood: ' där de bor', centre: ' i centrum' };
    const feeling = meaning.polarity === 'safe' ? 'trygga' : 'otrygga';
    return { statement: { sv: `att de inte känner sig ${feeling}${meaning.evening ? ' ute på kvällen' : ''}${meaning.place ? where[meaning.place] : ''}` } };
  }
  return {};
}

/** `raw`'s keys in the template's order (then any new ones), keys set to undefined left out. */
function orderLike(tmpl: RawObject, raw: RawObject): RawObject {
  const keys = [...Object.keys(tmpl), ...Object.keys(raw).filter((k) => !(k in tmpl))];
  return Object.fromEntries(keys.filter((k) => k in raw && raw[k] !== undefined).map((k) => [k, raw[k]]));
}

/** How the report names a time frame in an indicator's text, in both languages. */
const FRAME_PHRASE: Record<TimeFrame, { sv: string; en: string }> = {
  '12m': { sv: 'under de senaste 12 månaderna', en: 'in the past 12 months' },
  '6m': { sv: 'under de senaste 6 månaderna', en: 'in the past 6 months' },
  '30d': { sv: 'under de senaste 30 dagarna', en: 'in the past 30 days' },
  'school-year': { sv: 'under det här läsåret', en: 'this school year' },
  now: { sv: '', en: '' },
  ever: { sv: 'någon gång', en: 'at some point' },
};

function frameText(t: TimeFrame): { sv: string; en: string } {
  return { sv: TIME.sv[t], en: TIME.en[t] };
}

/**
 * The statement and time frame for the data's time frame: the template's phrase taken out and
 * the data's put in (none when the question gives none, or only a column name is known), so
 * the report's sentence says the period the pupils were asked about, or no period at all.
 */
function retime(tmpl: RawObject, from: TimeFrame | null, to: TimeFrame | null): RawObject {
  if (from === to) return {};
  const statement = tmpl.statement as { sv: string; en?: string } | string | undefined;
  const move = (text: string, lang: 'sv' | 'en') => {
    const old = from === null ? '' : FRAME_PHRASE[from][lang];
    const cut = old === '' ? text : text.replace(new RegExp(`\\s*${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '');
    const add = to === null ? '' : FRAME_PHRASE[to][lang];
    return `${cut}${add ? ` ${add}` : ''}`.replace(/\s+/g, ' ').trim();
  };
  const moved =
    statement === undefined ? undefined : typeof statement === 'string' ? move(statement, 'sv') : { sv: move(statement.sv, 'sv'), ...(statement.en ? { en: move(statement.en, 'en') } : {}) };
  return { statement: moved, time_frame: to === null ? undefined : frameText(to) };
}

interface ResolvedAnswers extends AnswerScale {
  assumedMissing: string[];
}

function resolveAnswers(ind: IndicatorProposal, decided: ReadonlyMap<string, AnswerClass> | undefined): ResolvedAnswers {
  const out: ResolvedAnswers = { yes: [...ind.answers.yes], no: [...ind.answers.no], missing: [...ind.answers.missing], assumedMissing: [] };
  for (const v of ind.answers.unknown) {
    const cls = decided?.get(v);
    out[cls ?? 'missing'].push(v);
    if (cls === undefined) out.assumedMissing.push(v);
  }
  return out;
}

/**
 * Answer scales named after the template's ("frekvens"). Columns with the same answers (one
 * column's answers among the other's, each classed the same) share one scale; a column with
 * answers of its own ("Jag dricker inte alkohol") or that classes an answer differently gets
 * its own ("frekvens_2"), so no scale lists answers its columns cannot have.
 */
class ScaleBuckets {
  private readonly buckets = new Map<string, { name: string; cls: Map<string, AnswerClass> }[]>();
  constructor(private readonly template: Template) {}

  add(base: string, answers: AnswerScale): string {
    const list = this.buckets.get(base) ?? [];
    this.buckets.set(base, list);
    const entries = (['yes', 'no', 'missing'] as const).flatMap((cls) => answers[cls].map((v) => [v, cls] as const));
    const values = new Set(entries.map(([v]) => v));
    let bucket = list.find(
      (b) => entries.every(([v, cls]) => (b.cls.get(v) ?? cls) === cls) && (entries.every(([v]) => b.cls.has(v)) || [...b.cls.keys()].every((v) => values.has(v))),
    );
    if (!bucket) {
      bucket = { name: list.length === 0 ? base : `${base}_${list.length + 1}`, cls: new Map() };
      list.push(bucket);
    }
    for (const [v, cls] of entries) bucket.cls.set(v, cls);
    return bucket.name;
  }

  /** Each list in the template's order first, then the data's own spellings. */
  toObject(): Record<string, AnswerScale> {
    const out: Record<string, AnswerScale> = {};
    for (const [base, list] of this.buckets) {
      const t = this.template.config.answer_scales[base];
      for (const b of list) {
        const of = (cls: AnswerClass) => {
          const values = [...b.cls].filter(([, c]) => c === cls).map(([v]) => v);
          const order = t?.[cls] ?? [];
          return [...order.filter((v) => values.includes(v)), ...values.filter((v) => !order.includes(v))];
        };
        out[b.name] = { yes: of('yes'), no: of('no'), missing: of('missing') };
      }
    }
    return out;
  }
}

function genderGroup(
  g: GroupProposal,
  decided: InitDecisions['genderCodes'],
  column: string,
  warnings: InitWarning[],
): { values: RawObject[]; missing: string[]; unlabelled: string[] } {
  const missing = [...g.missing];
  const values: RawObject[] = [];
  const unlabelled: string[] = [];
  for (const v of g.values) {
    if (v.label !== null) {
      values.push(groupValue(v.code, v.label, v.aliases, v.report));
      continue;
    }
    const kind = decided?.get(v.code);
    if (kind === 'missing') missing.push(v.code);
    else if (kind) {
      // A named code joins the value of that kind if the data also has it spelled out.
      const same = values.find((x) => (x.label as { sv: string }).sv === genderLabel(kind).sv);
      if (same) same.aliases = [...(same.aliases as string[]), v.code];
      else values.push(groupValue(v.code, genderLabel(kind), v.aliases, kind !== 'other'));
    } else {
      unlabelled.push(v.code);
      values.push(groupValue(v.code, { sv: `Kön ${v.code}`, en: `Gender ${v.code}` }, v.aliases, true));
    }
  }
  if (unlabelled.length > 0) warnings.push({ code: 'gender-codes', column, codes: unlabelled });
  return { values, missing, unlabelled };
}

function groupValues(g: GroupProposal): { values: RawObject[]; missing: string[] } {
  return { values: g.values.map((v) => groupValue(v.code, v.label!, v.aliases, v.report)), missing: g.missing };
}

function groupValue(code: string, label: LocalizedText, aliases: string[], report: boolean): RawObject {
  return { code, label, ...(aliases.length ? { aliases } : {}), ...(report ? {} : { report: false }) };
}

function projectSection(p: InitProposal, template: Template, d: InitDecisions, facts: InitFacts): RawObject {
  const single = p.roles.area === null ? facts.area : p.areas.length === 1 ? p.areas[0]! : null;
  const place = single ?? d.county;
  const templateProject = template.raw.project as RawObject;
  return {
    ...(p.roles.area === null && single ? { area: single } : {}),
    ...(single ? { publisher: /kommun$/i.test(single) ? single : `${single} kommun` } : {}),
    county: d.county,
    // No years: the next wave's files are added to the same config, and every figure and table
    // names its years in its caption; a source saying "2024" under 2022–2024 would be false.
    source: { sv: `Enkät om våld, ${place}`, en: `Survey on violence, ${place}` },
    violence_definition: d.definition ?? templateProject.violence_definition,
    // The template's suggestion is never an agreed definition; one typed in is, when the user says so.
    violence_definition_agreed: d.definition !== null && d.definitionAgreed === true,
    language: 'sv',
  };
}

/** A year read from the dates the pupils answered on, said beside it: a guess to check. */
function datesNote(year: InitFacts['year']): string {
  if (year?.from !== 'dates') return '';
  const columns = `${year.columns.length === 1 ? 'kolumnen' : 'kolumnerna'} ${formatList(year.columns.map((c) => `"${c}"`), 'sv')}`;
  const rows = year.partOf === null ? '' : ` (bland de första ${year.partOf.toLocaleString('sv-SE')} raderna)`;
  return `\n${year.year} är taget ur datumen i ${columns}: alla${rows} är från det året. Kontrollera det.`;
}

function quoteList(values: string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

// ── Comments ───────────────────────────────────────────────────────────────────────────────

function annotate(doc: Document, p: InitProposal, meta: BuildMeta, indicatorComments: string[][], unlabelled: string[], dropped: string[], suggestions: Suggestion[]): void {
  const header = [
    `lagesbild – projektinställningar för ${meta.csvName}`,
    '',
    'Skapad av `lagesbild init` utifrån kolumnerna och svaren i filen och standardmallen',
    '(templates/codebook/standard.yaml, där varje nyckel förklaras). Kontrollera förslagen,',
    `särskilt det som är märkt ${CHANGE}, och kontrollera sedan filen mot data:`,
    `  lagesbild validate ${meta.csvName} -c ${meta.configName}`,
  ];
  doc.commentBefore = [...(meta.schema ? [`yaml-language-server: $schema=${meta.schema}`, ''] : []), ...header].map((l) => ` ${l}`.trimEnd()).join('\n');

  before(doc, ['version'], 'Formatets version. Låt stå.');
  before(doc, ['project'], 'Om rapporten.');
  before(doc, ['project', 'publisher'], `Vem som ger ut rapporten (visas på titelsidan). ${CHANGE} vid behov.`);
  before(doc, ['project', 'county'], 'Länet eller regionen som kommunen jämförs med.');
  before(doc, ['project', 'source'], `Källan under varje diagram och tabell, utan "Källa:". ${CHANGE} till er undersöknings namn.`);
  before(doc, ['project', 'violence_definition'], 'Den definition av våld som rapporten utgår från (handbokens steg 2).');
  before(doc, ['project', 'violence_definition_agreed'], `true först när samverkansparterna har enats om definitionen; då skriver rapporten\n"<kommunen> har enats om följande definition av våld". ${CHANGE} vid behov.`);
  before(doc, ['project', 'language'], 'Rapportens språk: sv eller en.');
  before(doc, ['columns'], 'Kolumner som varje rad måste ha, skrivna precis som i filens rubrikrad.');
  before(doc, ['columns', 'id'], 'Löpnummer: används bara för att hitta dubbletter och skrivs aldrig ut.');
  before(doc, ['columns', 'answered_in'], 'Kolumnen för år har läsår (2022/23): spring läser dem som vårterminens år (2023), autumn som\nhöstterminens (2022). Rapporten anger mätningarna med det året.');
  before(doc, ['project', 'area'], 'Kommunen: filen har ingen kolumn för kommun, så alla svar räknas hit.');
  before(
    doc,
    ['columns', 'year_by_file'],
    `Filen har ingen kolumn för år. Enkätåret per fil${meta.facts?.year?.from === 'file-name' ? ' (här taget ur filnamnet)' : ''}; lägg till en rad per ny fil,\neller låt året stå i filnamnet (enkat-2025.sav) eller ange --year.${datesNote(meta.facts?.year ?? null)}`,
  );
  before(doc, ['design'], 'Urval och vikter; fråga den som gjorde urvalet om du är osäker.');
  before(doc, ['design', 'strata'], 'Varje kommun antas vara ett eget urval. Ta bort raden om alla elever fick enkäten.');
  before(doc, ['groups'], 'Grupper som redovisas. `code` är värdet i filen, `aliases` andra stavningar av samma\nvärde; `report: false` visas inte som egen grupp men räknas i antalet svarande.');
  before(doc, ['answer_scales'], 'Vilka svar som räknas som ja, nej eller saknat svar, exakt som i filen (även mellanslag).\nDe första raderna i filen och mallens svarsalternativ är med.');
  before(doc, ['statistics'], 'Statistik och röjandeskydd: mallens värden. Sänk inte gränserna utan att ha talat med\nden som ansvarar för dataskyddet.');
  if (meta.texts) {
    before(doc, ['texts'], 'Kommunens egna texter (Markdown), sist i varje kapitel. En fil med bara sin kommentar syns\ninte i rapporten. before:<kapitel> eller after:<kapitel> ger ett eget kapitel; { file: texts/x.md,\nareas: [Kommunnamn] } tar bara med texten i de kommunernas rapporter.');
  }
  before(
    doc,
    ['indicators'],
    'Indikatorer från standardmallen, bara de som säkert passar en fråga i filen (osäkra förslag\nstår sist i filen). `question` är frågan som den står i filen; rapporten citerar den.',
  );
  indicatorComments.forEach((lines, i) => {
    const node = doc.getIn(['indicators', i], true) as Node | undefined;
    if (node) node.commentBefore = lines.map((l) => ` ${l}`).join('\n');
  });
  const genders = doc.getIn(['groups', 'gender', 'values'], true);
  if (isSeq(genders)) {
    for (const item of genders.items) {
      if (isMap(item) && unlabelled.includes(String(item.get('code')))) {
        const label = item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'label');
        if (label && isScalar(label.key)) label.key.commentBefore = ` ${CHANGE}: vad betyder koden ${String(item.get('code'))}? Skriv Flickor, Pojkar …`;
      }
    }
  }
  flow(doc);
  doc.comment = trailingComment(p, suggestions, dropped)
    .map((l) => (l === '' ? '' : ` ${l}`))
    .join('\n');
}

/**
 * After the indicators: the unsure suggestions, commented out with their reasons (remove the
 * # to use one), the template's indicators no column fits, and the columns not used, each
 * with why.
 */
function trailingComment(p: InitProposal, suggestions: Suggestion[], dropped: string[]): string[] {
  const out: string[] = [];
  if (suggestions.length > 0) {
    out.push(
      `── Osäkra förslag ${'─'.repeat(60)}`,
      'Frågorna nedan liknar en indikator i mallen, men inte säkert. Kontrollera frågan och svaren;',
      'ta sedan bort # i början av raderna (från "- id:") för att ta med den under indicators.',
    );
    for (const sg of suggestions) {
      const entry = new Document([sg.raw]);
      flow(entry);
      const yaml = entry.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
      out.push('', `${sg.id}: ${sg.why}`, ...yaml.split('\n').map((l) => `  ${l}`));
    }
  }
  if (p.indicators.missing.length > 0) {
    out.push('', `Ingen kolumn passade mallens ${p.indicators.missing.join(', ')}.`);
  }
  const unused = p.indicators.unused;
  const free = unused.filter((u) => u.why === 'free-text').map((u) => u.column);
  const other = unused.filter((u) => u.why !== 'free-text' && !suggestions.some((sg) => sg.raw.column === u.column));
  if (other.length + dropped.length > 0) {
    out.push('', 'Kolumner som inte används (lägg till en indikator för hand om frågan ska vara med i rapporten):');
    for (const u of other) {
      if (u.why === 'near') out.push(`  ${u.column}: liknar ${u.indicator}, men ${u.reasons.map((r) => reasonText(r, 'sv')).join('; ')}.`);
      else if (u.why === 'no-match') out.push(`  ${u.column}`);
    }
    for (const c of dropped) out.push(`  ${c}: bara sifferkoder, ingen av dem angiven som ja.`);
  }
  if (free.length > 0) out.push('', `Fritext och löpnummer tas aldrig med: ${free.join(', ')}.`);
  return out;
}

/** A comment on the line(s) before a key. */
function before(doc: Document, path: string[], text: string): void {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return;
  const pair = (parent.items as Pair[]).find((it) => isScalar(it.key) && it.key.value === path[path.length - 1]);
  if (pair && isScalar(pair.key)) {
    pair.key.commentBefore = text
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
    if (path.length === 1) pair.key.spaceBefore = true;
  }
}

/** Short lists of answers and codes on one line, as in the template: yes: [Ja, Nej]. */
function flow(doc: Document): void {
  const visit = (node: unknown, key: string | null): void => {
    if (isSeq(node)) {
      if (key !== null && FLOW_KEYS.has(key) && node.items.every((it) => isScalar(it))) node.flow = true;
      else node.items.forEach((it) => visit(it, null));
    } else if (isMap(node)) {
      for (const pair of node.items) visit(pair.value, isScalar(pair.key) ? String(pair.key.value) : null);
    }
  };
  visit(doc.contents, null);
}

const FLOW_KEYS = new Set(['yes', 'no', 'missing', 'aliases', 'any_of', 'all_of', 'values', 'series_breaks']);
