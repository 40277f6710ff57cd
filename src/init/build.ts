// The proposal plus the user's decisions → a commented lagesbild.yaml. Indicators are the
// template's own entries with this data's column and answers; answer scales of the same kind
// are merged into one list per kind when they agree. The text is parsed back with the real
// config loader before it is returned, so `init` never writes a config `report` rejects.
import { Document, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseConfig } from '../config/load.js';
import { UsageError, msg } from '../errors.js';
import type { AnswerScale, LocalizedText, ProjectConfig } from '../config/schema.js';
import type { AnswerClass } from './answers.js';
import { genderLabel, type GroupProposal } from './groups.js';
import type { IndicatorProposal } from './indicators.js';
import type { InitProposal } from './propose.js';
import { REQUIRED_ROLES } from './roles.js';
import type { RawObject, Template } from './template.js';

/** What the user decided (or the defaults with --yes). */
export interface InitDecisions {
  /** Template ids of the indicators to include; default: every proposed one. */
  include?: ReadonlySet<string>;
  /** Per column: the class of answers the proposal could not tell; default missing. */
  answers?: ReadonlyMap<string, ReadonlyMap<string, AnswerClass>>;
  /** What gender codes of unknown meaning are; default a neutral label to be changed. */
  genderCodes?: ReadonlyMap<string, 'girl' | 'boy' | 'other' | 'missing'>;
  county: string;
  /** The municipality's definition of violence; null = the template's suggestion. */
  definition: string | null;
  /** The partners have agreed on `definition` (never true for the template's suggestion). */
  definitionAgreed?: boolean;
}

export type InitWarning =
  | { code: 'answers-as-missing'; indicator: string; column: string; answers: string[] }
  | { code: 'codes-only'; indicator: string; column: string; answers: string[] }
  | { code: 'gender-codes'; column: string; codes: string[] }
  | { code: 'population-missing'; indicator: string }
  | { code: 'year-format'; column: string; example: string }
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
}

const CHANGE = 'ÄNDRA';

export function buildConfig(p: InitProposal, template: Template, d: InitDecisions, meta: BuildMeta): BuiltConfig {
  const warnings: InitWarning[] = [];
  const roles = p.roles;
  // The command asks or stops first; reaching this without them is a bug.
  for (const r of REQUIRED_ROLES) if (roles[r] === null) throw new Error(`init: no ${r} column`);
  if (!p.profile.complete) warnings.push({ code: 'preview', rows: p.profile.rows });
  if (meta.badYear !== null) warnings.push({ code: 'year-format', column: roles.year!, example: meta.badYear });

  if (!p.gender || (roles.grade && !p.grade)) {
    const role = p.gender ? 'grade' : 'gender';
    throw new UsageError(msg('init.tooManyValues', { column: roles[role]!, role }), msg('init.tooManyValues.hint', { role }));
  }
  const scales = new ScaleBuckets(template);
  const { indicators, dropped } = indicatorEntries(p, template, d, scales, warnings);
  const gender = genderGroup(p.gender, d.genderCodes, roles.gender!, warnings);
  const obj: RawObject = {};
  if (meta.schema) obj.$schema = meta.schema;
  obj.version = 1;
  obj.project = projectSection(p, template, d);
  obj.columns = { area: roles.area, year: roles.year, ...(roles.id ? { id: roles.id } : {}) };
  obj.design = { ...(roles.weight ? { weight: roles.weight, strata: roles.area } : {}), lonely_psu: 'fail' };
  obj.groups = {
    gender: { column: roles.gender, label: { sv: 'Kön', en: 'Gender' }, values: gender.values, missing: gender.missing },
    ...(roles.grade && p.grade ? { grade: { column: roles.grade, label: { sv: 'Årskurs', en: 'School year' }, ...groupValues(p.grade) } } : {}),
  };
  obj.answer_scales = scales.toObject();
  obj.statistics = template.raw.statistics;
  obj.disclosure = template.raw.disclosure;
  obj.indicators = indicators.map((i) => i.raw);

  const doc = new Document(obj);
  annotate(doc, p, meta, indicators.map((i) => i.comments), gender.unlabelled, dropped);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // A config init writes must load: anything else is a bug here, not the user's mistake.
  const config = parseConfig(text, meta.configName);
  return { text, config, warnings };
}

interface IndicatorEntry {
  raw: RawObject;
  comments: string[];
}

/**
 * The template's entries for the chosen indicators, with this data's column, answers and
 * population; `dropped` are proposed columns left out (by the user, or only codes).
 */
function indicatorEntries(
  p: InitProposal,
  template: Template,
  d: InitDecisions,
  scales: ScaleBuckets,
  warnings: InitWarning[],
): { indicators: IndicatorEntry[]; dropped: string[] } {
  const entries = new Map<string, IndicatorEntry>();
  const rawById = new Map(template.raw.indicators.map((r) => [r.id as string, r]));
  const dropped: string[] = [];
  for (const ind of p.indicators.indicators) {
    if (d.include && !d.include.has(ind.id)) {
      dropped.push(ind.column);
      continue;
    }
    const decided = d.answers?.get(ind.column);
    // Only codes, and none said to mean yes: a guess would put wrong figures in a report.
    if (!ind.answers.understood && ![...(decided?.values() ?? [])].includes('yes')) {
      warnings.push({ code: 'codes-only', indicator: ind.id, column: ind.column, answers: ind.answers.unknown });
      dropped.push(ind.column);
      continue;
    }
    const answers = resolveAnswers(ind, decided);
    const comments = [`Från kolumnen ${ind.column}.`];
    if (answers.assumedMissing.length > 0) {
      warnings.push({ code: 'answers-as-missing', indicator: ind.id, column: ind.column, answers: answers.assumedMissing });
      comments.push(`${CHANGE} vid behov: svaren ${quoteList(answers.assumedMissing)} är okända och räknas nu som saknade svar.`);
    }
    const tmpl = rawById.get(ind.id)!;
    if (!ind.population && tmpl.population !== undefined) {
      warnings.push({ code: 'population-missing', indicator: ind.id });
      comments.push(`${CHANGE}: mallen räknar bara en del av eleverna (population), men ingen kolumn för det hittades. Lägg till population om er enkät har en sådan fråga.`);
    }
    const scale = scales.add(ind.scaleName, answers);
    // The template's entry, key order kept, with this data's column, answers and population.
    const replaced: RawObject = { column: ind.column, answers: scale, population: ind.population ?? undefined };
    const raw = Object.fromEntries(
      Object.entries(tmpl)
        .map(([k, v]) => [k, k in replaced ? replaced[k] : v] as const)
        .filter(([, v]) => v !== undefined),
    );
    entries.set(ind.id, { raw, comments });
  }
  for (const der of p.indicators.derived) {
    const parts = der.parts.filter((id) => entries.has(id));
    if (parts.length < 2) continue;
    const raw = rawById.get(der.id)!;
    const key = 'any_of' in raw ? 'any_of' : 'all_of';
    const comments = [key === 'any_of' ? 'Sammanslagen: ja om minst en av indikatorerna i any_of är ja.' : 'Sammanslagen: ja om alla indikatorerna i all_of är ja.'];
    if (parts.length < (raw[key] as string[]).length) comments.push(`${CHANGE}: alla delar i mallen finns inte i er fil; kontrollera texten (statement).`);
    entries.set(der.id, { raw: { ...raw, [key]: parts }, comments });
  }
  // In the template's order (chapter by chapter).
  return { indicators: template.raw.indicators.flatMap((r) => entries.get(r.id as string) ?? []), dropped };
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
 * Answer scales named after the template's ("frekvens"). Columns whose answers agree share one
 * scale holding all their spellings; a column that classes an answer differently gets its own
 * ("frekvens_2").
 */
class ScaleBuckets {
  private readonly buckets = new Map<string, { name: string; cls: Map<string, AnswerClass> }[]>();
  constructor(private readonly template: Template) {}

  add(base: string, answers: AnswerScale): string {
    const list = this.buckets.get(base) ?? [];
    this.buckets.set(base, list);
    const entries = (['yes', 'no', 'missing'] as const).flatMap((cls) => answers[cls].map((v) => [v, cls] as const));
    let bucket = list.find((b) => entries.every(([v, cls]) => (b.cls.get(v) ?? cls) === cls));
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

function projectSection(p: InitProposal, template: Template, d: InitDecisions): RawObject {
  const years = p.years.filter((y) => /^\d{4}$/.test(y)).map(Number);
  const span = years.length === 0 ? '' : `, ${Math.min(...years)}${years.length > 1 ? `–${Math.max(...years)}` : ''}`;
  const single = p.areas.length === 1 ? p.areas[0]! : null;
  const place = single ?? d.county;
  const templateProject = template.raw.project as RawObject;
  return {
    ...(single ? { publisher: /kommun$/i.test(single) ? single : `${single} kommun` } : {}),
    county: d.county,
    source: { sv: `Enkät om våld, ${place}${span}`, en: `Survey on violence, ${place}${span}` },
    violence_definition: d.definition ?? templateProject.violence_definition,
    // The template's suggestion is never an agreed definition; one typed in is, when the user says so.
    violence_definition_agreed: d.definition !== null && d.definitionAgreed === true,
    language: 'sv',
  };
}

function quoteList(values: string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

// ── Comments ───────────────────────────────────────────────────────────────────────────────

function annotate(doc: Document, p: InitProposal, meta: BuildMeta, indicatorComments: string[][], unlabelled: string[], dropped: string[]): void {
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
  before(doc, ['design'], 'Urval och vikter; fråga den som gjorde urvalet om du är osäker.');
  before(doc, ['design', 'strata'], 'Varje kommun antas vara ett eget urval. Ta bort raden om alla elever fick enkäten.');
  before(doc, ['groups'], 'Grupper som redovisas. `code` är värdet i filen, `aliases` andra stavningar av samma\nvärde; `report: false` visas inte som egen grupp men räknas i antalet svarande.');
  before(doc, ['answer_scales'], 'Vilka svar som räknas som ja, nej eller saknat svar, exakt som i filen (även mellanslag).\nDe första raderna i filen och mallens svarsalternativ är med.');
  before(doc, ['statistics'], 'Statistik och röjandeskydd: mallens värden. Sänk inte gränserna utan att ha talat med\nden som ansvarar för dataskyddet.');
  before(doc, ['indicators'], 'Indikatorer från standardmallen, föreslagna utifrån kolumnnamnen. Kontrollera att varje\nfråga stämmer med er enkät och ta bort dem som inte passar.');
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
  const unused = p.indicators.unused;
  const free = unused.filter((u) => u.why === 'free-text').map((u) => u.column);
  const other = [...unused.filter((u) => u.why === 'no-match').map((u) => u.column), ...dropped];
  if (free.length + other.length > 0) {
    doc.comment = [
      ...(other.length ? [` Kolumner som inte används: ${other.join(', ')}.`, ' Lägg till en indikator (se mallen) för en fråga som ska vara med i rapporten.'] : []),
      ...(free.length ? [` Fritext och löpnummer tas aldrig med: ${free.join(', ')}.`] : []),
    ].join('\n');
  }
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
