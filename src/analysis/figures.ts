// Sufficient statistics → the figures table: every estimate, comparison, trend and
// follow-up figure, with disclosure control applied across all of them at once.
import { ConfigError, msg, type Message } from '../errors.js';
import { forArea, localize, targetGroupKey, type Indicator, type ProjectConfig } from '../config/schema.js';
import { assessGoal } from './goals.js';
import {
  benjaminiHochberg,
  cochranArmitage,
  compareDomains,
  disclose,
  KNOWN,
  proportionSide,
  PUBLISHED,
  REASONS,
  UNPUBLISHED,
  type IndexedCells,
  compareIndependent,
  domainCovariance,
  estimateProportion,
  isSignificant,
  logisticTrend,
  lonelyStrata,
  minimumDetectableChange,
  type Difference,
  type ProportionEstimate,
  type ProportionSide,
} from '../stats/index.js';
import type { DomainSpec, SurveySums } from './accumulate.js';
import { responseRecords, type ResponseGroup } from './response.js';
import { ANSWERS, Associations, type Pair } from './associations.js';
import { referenceRecords } from './references.js';
import { comparisonRecord, shownEstimate, type CellEstimate, type Unit, type Wave } from './units.js';
import type { ReferenceValue } from '../references/load.js';
import type {
  AssociationRecord,
  ChangeRecord,
  EstimateRecord,
  FigureRecord,
  FiguresMeta,
  FiguresStream,
  FiguresTable,
  FollowUpRecord,
  GoalRecord,
  GroupKey,
  RespondentCount,
  TrendRecord,
} from './types.js';

export interface PoolingOptions {
  /** Report all waves together as one (labelled as pooled). */
  waves?: boolean;
  /** Do not split by school year. */
  grades?: boolean;
  /** Named units made of several municipalities: name → member municipalities. */
  areas?: Record<string, string[]>;
}

interface Group {
  key: GroupKey;
  index: number;
  label: { sv: string; en: string };
  kind: 'total' | 'gender' | 'grade' | 'cross' | 'extra' | 'extra-cross';
  gender: number;
  grade: number;
  /** Extra breakdown (index into groups.extra) and its value index; −1 for other kinds. */
  extra: number;
  value: number;
  /** Part of "Totalt" (a reported gender and school year), or a value shown in reports; see GroupLayout. */
  reported: boolean;
}

/** Groups compared over time, between genders and with the rest of the county (not the extra breakdowns). */
const MAIN_KINDS: readonly Group['kind'][] = ['total', 'gender', 'grade'];

/**
 * The figures of a survey, computed in two passes so that memory follows the cells, not the
 * records: a whole country has millions of records, and only one area's are held at a time.
 * Pass 1 (here, at once) counts every cell (n and x come straight from the sums), runs the
 * disclosure control over all of them, and makes the response records; pass 2 (recordsOf)
 * computes one area's estimates, comparisons, trends and follow-up figures when asked. An
 * area's records depend only on the sums and pass 1's verdicts, so any order of areas gives
 * the same records.
 */
export interface FiguresSource {
  readonly meta: FiguresMeta;
  readonly respondents: RespondentCount[];
  /** Warnings of the data and config, then those of each area's statistics once computed. */
  readonly warnings: Message[];
  /** One area's records (meta.areas; the county's are kept: every municipality's report reads them). */
  recordsOf(area: string): FigureRecord[];
  /** Time spent so far: pass 1, and pass 2 over all the areas computed. */
  readonly ms: { counts: number; areas: number };
  /** Pass 1's results as plain data: `figuresSource(…, firstPass)` on another thread makes the same source without repeating it. */
  firstPass(): FirstPass;
}

/** What pass 1 found and decided (see FiguresSource.firstPass). */
export interface FirstPass {
  /** The cells' n and x (CellGrid), each cell's disclosure verdict and each rest of the county's. */
  n: Int32Array;
  x: Int32Array;
  cellReason: Uint8Array;
  restShown: Int8Array;
  /** Step 3's pairs with their sides' verdicts. */
  pairs: Pair[];
  responses: [string, FigureRecord[]][];
  respondents: RespondentCount[];
  /** The warnings of pass 1 (those of the data and config). */
  warnings: Message[];
}

/** Every record, area by area as they are read: a table to write, never held whole. */
export function streamOf(source: FiguresSource): FiguresStream & { count: () => number } {
  let count = 0;
  function* records(): Generator<FigureRecord> {
    for (const area of source.meta.areas) {
      const list = source.recordsOf(area);
      count += list.length;
      yield* list;
    }
  }
  return { meta: source.meta, records: records(), count: () => count };
}

/** Every figure at once (tests, validate, small tables); commands that may meet a country read a FiguresSource area by area. */
export function computeFigures(sums: SurveySums, config: ProjectConfig, pooling: PoolingOptions = {}, references: readonly ReferenceValue[] = []): FiguresTable {
  const source = figuresSource(sums, config, pooling, references);
  return tableOf(source, source.meta.areas);
}

/**
 * The records of some areas, in the order given, as a table (with the whole meta and the
 * areas' respondent counts); `keep` leaves out records a reader does not need.
 */
export function tableOf(source: FiguresSource, areas: readonly string[], keep: (r: FigureRecord) => boolean = () => true): FiguresTable {
  const records: FigureRecord[] = [];
  for (const area of areas) for (const r of source.recordsOf(area)) if (keep(r)) records.push(r);
  return tableWith(source, areas, records);
}

/** Records of some areas, already computed, as a table (see tableOf). */
export function tableWith(source: Pick<FiguresSource, 'meta' | 'respondents' | 'warnings'>, areas: readonly string[], records: FigureRecord[]): FiguresTable {
  const wanted = new Set(areas);
  return withAudit({ meta: source.meta, records, respondents: source.respondents.filter((r) => wanted.has(r.area)), warnings: [...source.warnings] });
}

export function figuresSource(
  sums: SurveySums,
  config: ProjectConfig,
  pooling: PoolingOptions = {},
  references: readonly ReferenceValue[] = [],
  given?: FirstPass,
): FiguresSource {
  const started = Date.now();
  const county = config.project.county;
  const units = unitsOf(sums.areas, county, pooling.areas ?? {});
  const waves: Wave[] = pooling.waves
    ? [{ year: sums.years[sums.years.length - 1]!, years: sums.years, pooled: true }]
    : sums.years.map((y) => ({ year: y, years: [y], pooled: false }));
  const groups = groupsOf(config, sums, pooling.grades ?? false);
  const opts = { method: config.statistics.ci_method, level: config.statistics.level, lonelyPsu: config.design.lonely_psu };
  // The population checked (and, post-stratified, the weights calibrated) before any estimate.
  const population = config.population ? sums.applyPopulation(config) : null;
  const I = config.indicators.length;

  // 1. Every unit × wave × group × indicator cell: its respondents with an answer (n) and yes (x).
  const grid = new CellGrid(units.length, waves.length, groups.length, I);
  const respondents: RespondentCount[] = given ? given.respondents : [];
  if (given) {
    grid.n.set(given.n);
    grid.x.set(given.x);
  }
  if (!given) units.forEach((unit, u) => {
    waves.forEach((wave, w) => {
      groups.forEach((group, g) => {
        const n = sums.respondents(unit.members, wave.years, group.index);
        if (n === 0) return;
        respondents.push({ area: unit.name, year: wave.year, group: group.key, n });
        if (group.kind === 'total') {
          respondents.push({ area: unit.name, year: wave.year, group: 'all', n: sums.allRespondents(unit.members, wave.years) });
        }
        const counts = sums.counts(unit.members, wave.years, group.index);
        for (let i = 0; i < I; i++) grid.set(grid.index(u, w, g, i), counts[2 * i]!, counts[2 * i + 1]!);
      });
    });
  });

  const countyPos = units.findIndex((u) => u.county);
  const warnings = given ? [...given.warnings] : answerWarnings(config, units[countyPos]!, countyPos, waves, grid, sums);
  const latestPos = waves.length - 1;
  const latest = waves[latestPos]!;
  // Each unit's comparisons are made in its own latest wave: a municipality that did not take
  // part in the county's latest is compared with its genders and the rest of the county when
  // it did (its report is of its own waves). Goals stay with the latest wave (see goal).
  const latestOf = Int32Array.from(units, (_, u) => {
    for (let w = latestPos; w >= 0; w--) for (let i = 0; i < I; i++) if (grid.n[grid.index(u, w, 0, i)] !== 0) return w;
    return latestPos;
  });
  checkGoals(config, units, waves, pooling);

  // 2. Disclosure control over all cells and the rest-of-county cells the comparisons
  // publish, with the relations an attacker could use.
  const associations = new Associations(sums, config, units, waves, opts, given?.pairs);
  const { cellReason, restShown } = given ?? verdicts({ config, units, waves, groups, grid, latestOf, associations });

  // 3. Response rates, under their own disclosure control (a few records per area and wave).
  const responses = new Map<string, FigureRecord[]>(given?.responses);
  if (population && !given) {
    // The population file counts pupils by gender and school year: no response rate for an extra breakdown.
    const registerGroups = groups.filter((g): g is Group & ResponseGroup => g.kind !== 'extra' && g.kind !== 'extra-cross');
    const response = responseRecords(sums, population, config, units, waves, registerGroups);
    for (const r of response.records) {
      const list = responses.get(r.area);
      if (list) list.push(r);
      else responses.set(r.area, [r]);
    }
    warnings.push(...response.warnings);
  }

  const firstPass = (): FirstPass => ({
    n: grid.n,
    x: grid.x,
    cellReason,
    restShown,
    pairs: associations.pairs,
    responses: [...responses],
    respondents,
    warnings: warnings.slice(0, firstWarnings),
  });
  const firstWarnings = warnings.length;
  const level = config.statistics.level;
  const cautionBase = config.disclosure.caution_base;
  // A cell disclosure control hides is shown without its interval: none is computed.
  const hiddenOpts = { ...opts, interval: () => false };
  const genders = groups.filter((g) => g.kind === 'gender' && g.reported).slice(0, 2);
  const mainGroups = groups.filter((g) => MAIN_KINDS.includes(g.kind));
  const countyUnit = units[countyPos]!;
  const groupPos = new Map(groups.map((g, k) => [g.key, k]));
  // Two domains of one wave as one design: their covariance for a contrast.
  const covariance = (domains: DomainSpec[], wave: Wave, i: number) => () =>
    domainCovariance(sums.jointDomains(domains, wave.years, i), domains.length, opts.lonelyPsu);
  const warned = new Set<number>();
  // A hidden cell's estimate is computed only where it could fail or lack a variance (a
  // lonely stratum in its wave: an error under lonely_psu "fail", a warning under "average").
  const hiddenNeedsEstimate = waves.map((wave) => sums.hasLonelyStratum(wave.years));

  /** Pass 2: one unit's records, in the order estimates (wave, group, indicator), then per indicator its comparisons, then associations, references and responses. */
  const unitRecords = (u: number): FigureRecord[] => {
    const unit = units[u]!;
    const records: FigureRecord[] = [];
    const G = groups.length;
    const local: Est[] = new Array(waves.length * G * I);
    const lonely = new LonelyDomains();
    waves.forEach((wave, w) => {
      groups.forEach((group, g) => {
        for (let i = 0; i < I; i++) {
          const k = grid.index(u, w, g, i);
          if (grid.n[k] === 0) continue;
          const why = REASONS[cellReason[k]!] ?? null;
          if (why !== null && !hiddenNeedsEstimate[w]) {
            const record = hiddenRecord(config.indicators[i]!.id, unit.name, wave, group.key, grid.n[k]!, why);
            local[(w * G + g) * I + i] = { record, est: null };
            records.push(record);
            continue;
          }
          // Used here and let go: its strata are reused by the next cell's.
          const domain = sums.domain(unit.members, wave.years, group.index, i, undefined, true);
          const est = estimateProportion(domain, why === null ? opts : hiddenOpts);
          // Disclosure control judged the cell by its counts: they must be the estimate's.
          if (est.n !== grid.n[k] || est.x !== grid.x[k]) throw new Error(`figures: the counts of ${config.indicators[i]!.id}, ${unit.name}, ${wave.year}, ${group.key} differ between the passes`);
          if (est.se === null) lonely.add(wave, lonelyStrata(domain), unit.name, group.key, config.indicators[i]!.id);
          const record = estimateRecord(config.indicators[i]!.id, unit.name, wave, group.key, est, why);
          if (why === null && cautionBase !== undefined && record.n < cautionBase) record.flag = 'caution';
          local[(w * G + g) * I + i] = { record, est };
          records.push(record);
        }
      });
    });

    const others = countyUnit.members.filter((m) => !unit.members.includes(m));
    const lastPos = latestOf[u]!;
    const lastWave = waves[lastPos]!;
    config.indicators.forEach((ind, i) => {
      const get = (w: number, g: number): Est => (w >= 0 && g >= 0 ? local[(w * G + g) * I + i] : undefined);
      const unbroken = wavesSinceBreak(waves.slice(0, lastPos + 1), ind.series_breaks).map((wave) => waves.indexOf(wave));
      for (const group of mainGroups) {
        const g = groupPos.get(group.key)!;
        const last = get(lastPos, g);
        if (!last) continue;
        const previous = unbroken.length >= 2 ? unbroken[unbroken.length - 2]! : -1;
        // A wave in which the group had no respondents gives no comparison (not a suppressed one).
        const earlier = previous >= 0 ? get(previous, g) : undefined;
        if (previous >= 0 && earlier) records.push(waveChange('previous', ind.id, unit.name, group.key, waves[previous]!, lastWave, earlier, last, level));
        const first = unbroken.length >= 3 ? get(unbroken[0]!, g) : undefined;
        if (first) records.push(waveChange('baseline', ind.id, unit.name, group.key, waves[unbroken[0]!]!, lastWave, first, last, level));
        if (unbroken.length >= 3 && group.kind !== 'grade') {
          const t = trend(ind.id, unit, group, unbroken.map((w) => waves[w]!), i, sums, unbroken.map((w) => get(w, g)), opts);
          if (t) records.push(t);
        }
        const restVisible = unit.county ? -1 : restShown[(u * G + g) * I + i]!;
        // A rest of the county without answers in the group gives no comparison (not a suppressed one).
        if (restVisible >= 0) {
          const shown = !last.record.suppressed && restVisible === 1;
          const domains = [
            { areas: others, group: group.index },
            { areas: unit.members, group: group.index },
          ];
          // The rest of the county's estimate comes from the same sums as the covariance.
          const joint = shown ? sums.jointDomains(domains, lastWave.years, i) : null;
          const est = joint && estimateProportion(joint.map((s) => s.domains[0]!), opts);
          const other: Est = est ? { record: estimateRecord(ind.id, REST_OF_COUNTY, lastWave, group.key, est), est } : undefined;
          records.push(
            changeRecord('rest_of_county', ind.id, unit.name, group.key, lastWave.year, lastWave.year, REST_OF_COUNTY, unit.name, other, last, (a, b) =>
              compareDomains(a, b, () => domainCovariance(joint!, 2, opts.lonelyPsu), level),
            ),
          );
        }
        if (ind.follow_up && group.kind !== 'grade') records.push(followUp(ind.id, unit.name, group.key, lastWave, last, config));
      }
      if (ind.target && !unit.county && forArea(ind.target.areas, unit.name)) {
        const byWave = (wave: Wave, key: GroupKey) => get(waves.indexOf(wave), groupPos.get(key) ?? -1);
        const g = goal(ind, i, unit.name, waves, unbroken.map((w) => waves[w]!), config, pooling, byWave, warnings);
        if (g) records.push(g);
      }
      if (genders.length === 2) {
        for (const group of [groups[0]!, ...groups.filter((g) => g.kind === 'grade')]) {
          const key = (g: Group) => (group.kind === 'total' ? g.key : `${g.key};${group.key}`);
          const a = get(lastPos, groupPos.get(key(genders[0]!)) ?? -1);
          const b = get(lastPos, groupPos.get(key(genders[1]!)) ?? -1);
          if (!a || !b) continue;
          const index = (g: Group) => (group.kind === 'total' ? g.index : sums.layout.cross(g.gender, group.grade));
          const domains = genders.map((g) => ({ areas: unit.members, group: index(g) }));
          records.push(
            changeRecord('gender', ind.id, unit.name, group.key, lastWave.year, lastWave.year, key(genders[0]!), key(genders[1]!), a, b, (x, y) =>
              compareDomains(x, y, covariance(domains, lastWave, i), level),
            ),
          );
        }
      }
    });

    append(records, associations.records(u, level, cautionBase));
    append(
      records,
      referenceRecords(references, config, [unit], lastWave, (i, _, group) => {
        const g = groupPos.get(group);
        return g === undefined ? undefined : local[(lastPos * G + g) * I + i];
      }),
    );
    // Multiplicity: q-values within the area; "statistiskt säkerställd" follows the setting.
    adjustForMultiplicity(records, config.statistics.multiple_comparisons, level);
    // Goals: their status from the intervals and the (adjusted) verdict on the change so far.
    assessGoals(records, config);
    append(records, responses.get(unit.name) ?? []);
    if (!warned.has(u)) {
      warned.add(u);
      warnings.push(...lonely.warnings());
    }
    return records;
  };

  const meta: FiguresMeta = {
    areas: units.map((u) => u.name),
    years: waves.map((w) => w.year),
    county,
    ci_method: config.statistics.ci_method,
    level,
    multiple_comparisons: config.statistics.multiple_comparisons,
    power: config.statistics.power,
    weighted: config.design.weight !== undefined,
    strata: config.design.strata !== undefined,
    clusters: config.design.cluster !== undefined,
    group_labels: Object.fromEntries(groups.map((g) => [g.key, g.label])),
    groups: groups.map((g) => g.key),
    references: config.references.map((r) => ({ label: { sv: localize(r.label, 'sv'), en: localize(r.label, 'en') }, source: { sv: localize(r.source, 'sv'), en: localize(r.source, 'en') } })),
    pooled: { waves: pooling.waves ?? false, grades: pooling.grades ?? false, areas: pooling.areas ?? {}, ...absentMembers(sums, pooling.areas ?? {}, waves) },
    fpc: config.design.fpc !== undefined,
    population: config.population ? { poststratified: config.population.poststratify } : null,
  };
  const unitAt = new Map(units.map((unit, u) => [unit.name, u]));
  let countyRecords: FigureRecord[] | null = null;
  const ms = { counts: Date.now() - started, areas: 0 };
  const timed = (u: number) => {
    const t = Date.now();
    const records = unitRecords(u);
    ms.areas += Date.now() - t;
    return records;
  };
  return {
    meta,
    respondents,
    warnings,
    ms,
    firstPass,
    recordsOf: (area) => {
      const u = unitAt.get(area);
      if (u === undefined) throw new Error(`figures: no area "${area}"`);
      if (u !== countyPos) return timed(u);
      return (countyRecords ??= timed(u));
    },
  };
}

/**
 * The table with its audit, which repeats what the estimates say (suppressed, and why): listed
 * when asked for, and left out of copies of the table (batch workers), instead of one more
 * object per hidden cell.
 */
function withAudit(table: Omit<FiguresTable, 'audit'>): FiguresTable {
  return Object.defineProperty(table, 'audit', {
    enumerable: false,
    get: () =>
      table.records.flatMap((r) => (r.kind === 'estimate' && r.suppression !== null ? [{ indicator: r.indicator, area: r.area, year: r.year, group: r.group, reason: r.suppression }] : [])),
  }) as FiguresTable;
}

/**
 * An indicator nobody answered yes to in a whole wave (or that nobody answered) is almost
 * always a config that lists the wrong codes, not a finding: say so instead of printing 0 %.
 */
function answerWarnings(config: ProjectConfig, county: Unit, countyPos: number, waves: Wave[], grid: CellGrid, sums: SurveySums): Message[] {
  const warnings: Message[] = [];
  config.indicators.forEach((ind, i) => {
    const scale = typeof ind.answers === 'string' ? `answer_scales.${ind.answers}` : `indicators[${i}].answers`;
    waves.forEach((wave, w) => {
      if (sums.respondents(county.members, wave.years, 0) === 0) return;
      const k = grid.index(countyPos, w, 0, i);
      if (grid.n[k] === 0) {
        warnings.push(msg('warning.noAnswers', { indicator: ind.id, year: wave.year, missingKey: ind.column ? `${scale}.missing` : null }));
      } else if (grid.x[k] === 0 && ind.column !== undefined) {
        warnings.push(msg('warning.noYes', { indicator: ind.id, n: grid.n[k]!, year: wave.year, yesKey: `${scale}.yes` }));
      }
    });
  });
  return warnings;
}

/**
 * Cells by number, ((unit × waves + wave) × groups + group) × indicators + indicator: the
 * respondents with an answer (n, 0 = no cell) and those answering yes (x). Two numbers per
 * cell instead of a record: a country has millions of cells.
 */
class CellGrid {
  readonly n: Int32Array;
  readonly x: Int32Array;

  constructor(
    readonly units: number,
    readonly waves: number,
    readonly groups: number,
    readonly indicators: number,
  ) {
    this.n = new Int32Array(units * waves * groups * indicators);
    this.x = new Int32Array(this.n.length);
  }

  get size(): number {
    return this.n.length;
  }

  index(u: number, w: number, g: number, i: number): number {
    return ((u * this.waves + w) * this.groups + g) * this.indicators + i;
  }

  set(k: number, n: number, x: number): void {
    this.n[k] = n;
    this.x[k] = x;
  }
}

function unitsOf(areas: string[], county: string, pools: Record<string, string[]>): Unit[] {
  const pooled = new Set(Object.values(pools).flat());
  const units: Unit[] = areas.filter((a) => !pooled.has(a)).map((a) => ({ name: a, members: [a], county: false }));
  for (const [name, members] of Object.entries(pools)) units.push({ name, members: members.filter((m) => areas.includes(m)), county: false });
  units.push({ name: county, members: areas, county: true });
  return units;
}

function groupsOf(config: ProjectConfig, sums: SurveySums, poolGrades: boolean): Group[] {
  const L = sums.layout;
  const label = (t: Parameters<typeof localize>[0]) => ({ sv: localize(t, 'sv'), en: localize(t, 'en') });
  const genderValues = config.groups.gender.values;
  const gradeValues = poolGrades ? [] : (config.groups.grade?.values ?? []);
  const none = { gender: -1, grade: -1, extra: -1, value: -1 };
  const groups: Group[] = [{ key: 'total', index: 0, label: { sv: 'Totalt', en: 'Total' }, kind: 'total', ...none, reported: true }];
  genderValues.forEach((v, g) =>
    groups.push({ key: `gender=${v.code}`, index: L.gender(g), label: label(v.label), kind: 'gender', ...none, gender: g, reported: v.report }),
  );
  gradeValues.forEach((v, k) =>
    groups.push({ key: `grade=${v.code}`, index: L.grade(k), label: label(v.label), kind: 'grade', ...none, grade: k, reported: v.report }),
  );
  genderValues.forEach((gv, g) =>
    gradeValues.forEach((kv, k) => {
      const gl = label(gv.label);
      const kl = label(kv.label);
      groups.push({
        key: `gender=${gv.code};grade=${kv.code}`,
        index: L.cross(g, k),
        label: { sv: `${gl.sv}, ${kl.sv.toLowerCase()}`, en: `${gl.en}, ${kl.en.toLowerCase()}` },
        kind: 'cross',
        ...none,
        gender: g,
        grade: k,
        reported: gv.report && kv.report,
      });
    }),
  );
  // Extra breakdowns hold "Totalt" respondents only: crossed with the reported genders.
  const lowerFirst = (x: string) => x.charAt(0).toLowerCase() + x.slice(1);
  config.groups.extra.forEach((variable, e) => {
    variable.values.forEach((v, i) =>
      groups.push({ key: `${variable.id}=${v.code}`, index: L.extra(e, i), label: label(v.label), kind: 'extra', ...none, extra: e, value: i, reported: v.report }),
    );
    genderValues.forEach((gv, g) => {
      if (!gv.report) return;
      variable.values.forEach((v, i) => {
        const gl = label(gv.label);
        const vl = label(v.label);
        groups.push({
          key: `gender=${gv.code};${variable.id}=${v.code}`,
          index: L.extraCross(e, g, i),
          label: { sv: `${gl.sv}, ${lowerFirst(vl.sv)}`, en: `${gl.en}, ${lowerFirst(vl.en)}` },
          kind: 'extra-cross',
          ...none,
          gender: g,
          extra: e,
          value: i,
          reported: v.report,
        });
      });
    });
  });
  return groups;
}

/**
 * An estimate's record; `hidden` (disclosure control's reason) leaves nothing that depends on
 * the hidden answers: not even the interval method, which says "clopper-pearson" exactly when
 * every answer was yes or every answer no. Made hidden at once, not filled and then cleared.
 */
function estimateRecord(indicator: string, area: string, wave: Wave, group: GroupKey, e: ProportionEstimate, hidden: NonNullable<EstimateRecord['suppression']> | null = null): EstimateRecord {
  if (hidden !== null) return hiddenRecord(indicator, area, wave, group, e.n, hidden);
  return {
    kind: 'estimate',
    indicator,
    area,
    year: wave.year,
    pooled_years: wave.pooled ? wave.years : null,
    group,
    n: e.n,
    x: e.x,
    estimate: e.estimate,
    se: e.se,
    ci_lower: e.ciLower,
    ci_upper: e.ciUpper,
    ci_method: e.ciMethod,
    df: e.df,
    deff: e.deff,
    n_eff: e.nEff,
    suppressed: false,
    suppression: null,
    flag: null,
  };
}

/**
 * A cell disclosure control hides: its base and why, nothing computed from its answers. The
 * same keys in the same order as estimateRecord's, so that every estimate record has one
 * shape (hundreds of thousands of them are written field by field). A literal of its own:
 * one literal for both with `e === null ? null : e.x` in every field was slower (10 000 rows,
 * 8 alternating runs: median 2.45 → 2.54 s, 8–13 MB more memory).
 */
function hiddenRecord(indicator: string, area: string, wave: Wave, group: GroupKey, n: number, hidden: NonNullable<EstimateRecord['suppression']>): EstimateRecord {
  return {
    kind: 'estimate',
    indicator,
    area,
    year: wave.year,
    pooled_years: wave.pooled ? wave.years : null,
    group,
    n,
    x: null,
    estimate: null,
    se: null,
    ci_lower: null,
    ci_upper: null,
    ci_method: null,
    df: null,
    deff: null,
    n_eff: null,
    suppressed: true,
    suppression: hidden,
    flag: null,
  };
}

/** What disclosure control is computed over (pass 1): every cell's counts and the step 3 pairs. */
interface CellSpace {
  config: ProjectConfig;
  units: Unit[];
  waves: Wave[];
  groups: Group[];
  grid: CellGrid;
  /** Each unit's latest wave with respondents: its comparisons with the rest of the county are made there. */
  latestOf: Int32Array;
  associations: Associations;
}

/**
 * Disclosure control over every cell, and what pass 2 needs of it: each grid cell's verdict
 * (an index into REASONS), whether each rest of the county may be shown (1), is hidden (0) or
 * has no answers (−1), and each association side's (Side.shown). Relations never join two
 * indicators, so each indicator is its own problem: solved one at a time, with the same result
 * as all at once (hiding follows key order, whose first part is the indicator, and relations
 * queue first come first in the same relative order), a country's cells and relations are
 * never all held (they would be hundreds of megabytes beside the sums).
 */
function verdicts(space: CellSpace): { cellReason: Uint8Array; restShown: Int8Array } {
  const { config, units, waves, groups, grid, associations } = space;
  const I = config.indicators.length;
  const G = groups.length;
  const rules = {
    minBase: config.disclosure.min_base,
    maxSmallCount: config.disclosure.max_small_count,
    secondary: config.disclosure.secondary,
    cautionBase: config.disclosure.caution_base,
  };
  const cellReason = new Uint8Array(grid.size);
  const restShown = new Int8Array(units.length * G * I).fill(-1);
  const pairsOf = config.indicators.map((): Pair[] => []);
  for (const p of associations.pairs) pairsOf[p.outcome]!.push(p);
  // Step 3's factors (every indicator's cells are named with all of them), found once.
  const factors = [...new Set(associations.pairs.map((p) => p.factor))].map((f) => config.indicators[f]!.id);
  for (let i = 0; i < I; i++) {
    const structure = disclosureStructure(space, i, pairsOf[i]!, factors);
    const { reason } = disclose(structure.cells, rules, structure.name);
    units.forEach((_, u) =>
      groups.forEach((_, g) => {
        for (let w = 0; w < waves.length; w++) {
          const c = structure.cellOf(u, w, g);
          if (c >= 0) cellReason[grid.index(u, w, g, i)] = reason[c]!;
        }
        const rest = structure.restOf(u, g);
        if (rest >= 0) restShown[(u * G + g) * I + i] = reason[rest] === 0 ? 1 : 0;
      }),
    );
    for (const p of pairsOf[i]!) for (const answer of ANSWERS) if (p.sides[answer]) p.sides[answer].shown = reason[p.sides[answer].cell] === 0;
  }
  return { cellReason, restShown };
}

/**
 * Cells and the additive relations between them (on unweighted n and x), by number: a total
 * is the sum of its parts, plus an unpublished remainder when the parts do not cover it
 * (respondents with no gender given); the county is the sum of its municipalities; and in
 * each municipality's latest wave the county is the municipality plus the rest of the county, a cell
 * published in the comparison records (its n and x are the county's minus the
 * municipality's: unweighted counts add up, so no estimate is needed to protect them).
 * Each extra breakdown splits the total and each gender by its values, and each value by
 * gender; step 3's two sides of a pair (with and without a factor) add up to the outcome's
 * total, and the county's side is the sum of the municipalities'. Ties are broken in the order
 * of the cells' keys (indicator, area, year, group, remainder or side).
 */
function disclosureStructure(
  { config, units, waves, groups, grid, latestOf }: CellSpace,
  i: number,
  pairs: readonly Pair[],
  factors: readonly string[],
): { cells: IndexedCells; cellOf: (u: number, w: number, g: number) => number; restOf: (u: number, g: number) => number; name: (cell: number) => string } {
  const G = groups.length;
  const W = waves.length;
  // Area tokens: the units, then each municipality's rest of the county. Suffixes of remainders.
  const county = units.findIndex((u) => u.county);
  const restArea = (u: number) => units.length + u;
  // Step 3's sides are named by factor and answer; the respondents who left the factor
  // question unanswered (or an extra breakdown's question) are their remainders.
  const suffixes = [
    '',
    'rest:gender',
    'rest:grade',
    'rest:areas',
    ...units.map((u) => `rest:rest:${u.name}`),
    ...config.groups.extra.map((e) => `rest:${e.id}`),
    ...factors.flatMap((f) => [`rest:factor:${f}`, ...ANSWERS.map((a) => `association:${f}:${a}`)]),
  ];
  // Key order: each part's strings sorted, a cell's rank its parts' ranks in turn (indicator,
  // area, wave, group, suffix). Only the rank is kept per cell; a name is decoded from it.
  const rankOf = (names: string[]) => {
    const order = names.map((_, k) => k).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    const rank = new Array<number>(names.length);
    order.forEach((k, r) => (rank[k] = r));
    return { rank, order };
  };
  const areaNames = [...units.map((u) => u.name), ...units.map((u) => `${REST_OF_COUNTY}\u0000${u.name}`)];
  const partNames = [config.indicators.map((ind) => ind.id), areaNames, waves.map((w) => String(w.year)), groups.map((g) => g.key), suffixes];
  const ranks = partNames.map(rankOf);
  const [iRank, aRank, wRank, gRank, sRank] = ranks.map((r) => r.rank) as [number[], number[], number[], number[], number[]];
  const S = suffixes.length;
  const cellCount = units.length * W * G;
  const n = new Growable((size) => new Int32Array(size), cellCount);
  const x = new Growable((size) => new Int32Array(size), cellCount);
  const published = new Growable((size) => new Uint8Array(size), cellCount);
  const rank = new Growable((size) => new Float64Array(size), cellCount);
  const addRanked = (cn: number, cx: number, state: number, r: number): number => {
    n.push(cn);
    x.push(cx);
    published.push(state);
    rank.push(r);
    return n.length - 1;
  };
  const add = (cn: number, cx: number, state: number, area: number, w: number, g: number, suffix: number): number =>
    addRanked(cn, cx, state, (((iRank[i]! * areaNames.length + aRank[area]!) * waves.length + wRank[w]!) * groups.length + gRank[g]!) * S + sRank[suffix]!);
  // A suffix's first place, as indexOf would find it (a look-up per unit and indicator).
  const suffixAt = new Map<string, number>();
  for (let k = suffixes.length - 1; k >= 0; k--) suffixAt.set(suffixes[k]!, k);
  const suffixOf = (id: string) => suffixAt.get(`rest:${id}`) ?? -1;
  // The municipalities (the county's parts), by number.
  const municipalities = units.flatMap((unit, u) => (unit.county ? [] : [u]));

  // The indicator's cells by (unit × waves + wave) × groups + group.
  const cells = new Int32Array(cellCount).fill(-1);
  const cellOf = (u: number, w: number, g: number) => cells[(u * W + w) * G + g]!;
  for (let u = 0; u < units.length; u++) {
    for (let w = 0; w < W; w++) {
      for (let g = 0; g < G; g++) {
        const k = grid.index(u, w, g, i);
        if (grid.n[k] !== 0) cells[(u * W + w) * G + g] = add(grid.n[k]!, grid.x[k]!, PUBLISHED, u, w, g, 0);
      }
    }
  }
  // The rest of the county beside each municipality in its latest wave (main groups only).
  const restCells = new Int32Array(units.length * G).fill(-1);
  const restOf = (u: number, g: number) => restCells[u * G + g]!;
  units.forEach((unit, u) => {
    if (unit.county) return;
    groups.forEach((group, g) => {
      if (!MAIN_KINDS.includes(group.kind)) return;
      const w = latestOf[u]!;
      const own = grid.index(u, w, g, i);
      const all = grid.index(county, w, g, i);
      if (grid.n[own] === 0 || grid.n[all] === 0 || grid.n[all]! - grid.n[own]! === 0) return;
      restCells[u * G + g] = add(grid.n[all]! - grid.n[own]!, grid.x[all]! - grid.x[own]!, PUBLISHED, restArea(u), w, g, 0);
    });
  });

  const start = new Growable((size) => new Int32Array(size), cellCount);
  const members = new Growable((size) => new Int32Array(size), 4 * cellCount);
  /** total = Σ parts, plus the remainder (`remainder`: its state, see disclose) when they do not cover it. */
  const relate = (total: number, partCells: number[], suffix: number, remainder = UNPUBLISHED) => {
    // A total without parts (no school years configured) is no relation.
    if (total < 0 || partCells.length === 0) return;
    let restN = n.at(total);
    let restX = x.at(total);
    start.push(members.length);
    members.push(total);
    for (const c of partCells) {
      if (c < 0) continue;
      restN -= n.at(c);
      restX -= x.at(c);
      members.push(c);
    }
    if (restN > 0) {
      // The total's key with the remainder's suffix.
      const base = rank.at(total) - (rank.at(total) % S);
      members.push(addRanked(restN, restX, remainder, base + sRank[suffix]!));
    }
  };
  // Totals hold the reported groups only (see GroupLayout), so these relations are exact;
  // an unreported gender relates only to its own school-year cells. The groups of each
  // relation, found once.
  const of = (kind: Group['kind'], reported = true) => groups.map((g, k) => (g.kind === kind && (!reported || g.reported) ? k : -1)).filter((k) => k >= 0);
  const genderGroups = of('gender');
  const gradeGroups = of('grade');
  const gradesOfGender = of('gender', false).map((g) => ({ total: g, parts: of('cross', false).filter((c) => groups[c]!.gender === groups[g]!.gender) }));
  const gendersOfGrade = gradeGroups.map((s) => ({ total: s, parts: of('cross').filter((c) => groups[c]!.grade === groups[s]!.grade) }));
  const [byGender, byGrade, byArea] = [suffixOf('gender'), suffixOf('grade'), suffixOf('areas')];
  const extraRelations = config.groups.extra.map((variable, e) => {
    const values = groups.map((g, c) => (g.kind === 'extra' && g.extra === e ? c : -1)).filter((c) => c >= 0);
    const crosses = groups.map((g, c) => (g.kind === 'extra-cross' && g.extra === e ? c : -1)).filter((c) => c >= 0);
    return {
      suffix: suffixOf(variable.id),
      values,
      valuesOfGender: genderGroups.map((g) => ({ total: g, parts: crosses.filter((c) => groups[c]!.gender === groups[g]!.gender) })),
      gendersOfValue: values.map((v) => ({ total: v, parts: crosses.filter((c) => groups[c]!.value === groups[v]!.value) })),
    };
  });
  {
    waves.forEach((_, w) => {
      units.forEach((_, u) => {
        const k = (g: number) => cellOf(u, w, g);
        const total = k(0);
        relate(total, genderGroups.map(k), byGender);
        if (gradeGroups.length > 0) relate(total, gradeGroups.map(k), byGrade);
        for (const r of gradesOfGender) relate(k(r.total), r.parts.map(k), byGrade);
        for (const r of gendersOfGrade) relate(k(r.total), r.parts.map(k), byGender);
        // Extra breakdowns: the total and each gender split by the variable's values (those with
        // no value are the remainder); each value split by gender (exact: "Totalt" only). The
        // remainder are the pupils who left the question unanswered: no group anyone can point
        // to (as with associations), so it is KNOWN; otherwise a few unanswered questions would
        // hide most gender × value cells.
        for (const x of extraRelations) {
          relate(total, x.values.map(k), x.suffix, KNOWN);
          for (const r of x.valuesOfGender) relate(k(r.total), r.parts.map(k), x.suffix, KNOWN);
          for (const r of x.gendersOfValue) relate(k(r.total), r.parts.map(k), byGender);
        }
      });
      groups.forEach((_, g) => {
        relate(cellOf(county, w, g), municipalities.map((u) => cellOf(u, w, g)), byArea);
      });
    });
    // The rest of the county beside each municipality: county = municipality + rest, and the
    // rest's own margins (its groups are derived from the same county and municipality cells).
    units.forEach((unit, u) => {
      if (unit.county) return;
      const restGroups = groups.map((_, g) => g).filter((g) => restOf(u, g) >= 0);
      const byRest = suffixOf(`rest:${unit.name}`);
      for (const g of restGroups) relate(cellOf(county, latestOf[u]!, g), [cellOf(u, latestOf[u]!, g), restOf(u, g)], byRest);
      if (!restGroups.some((g) => groups[g]!.kind === 'total')) return;
      const ofKind = (kind: Group['kind']) => restGroups.filter((g) => groups[g]!.kind === kind && groups[g]!.reported).map((g) => restOf(u, g));
      relate(restOf(u, 0), ofKind('gender'), byGender);
      relate(restOf(u, 0), ofKind('grade'), byGrade);
    });
  }
  // Step 3: the outcome's total = with the factor + without + those who left the factor
  // question unanswered (KNOWN: no group anyone can point to, and the sides publish neither
  // n nor x); the county's side = Σ the municipalities'.
  const sideCell = (f: number, answer: string) => suffixAt.get(`association:${config.indicators[f]!.id}:${answer}`) ?? -1;
  for (const p of pairs) {
    for (const answer of ANSWERS) {
      const side = p.sides[answer];
      if (side) side.cell = add(side.n, side.x, PUBLISHED, p.u, p.w, 0, sideCell(p.factor, answer));
    }
  }
  const pairAt = new Map(pairs.map((p) => [`${p.factor}:${p.u}:${p.w}`, p]));
  for (const p of pairs) {
    const cellsOf = (q: typeof p | undefined) => ANSWERS.map((a) => q?.sides[a]?.cell ?? -1);
    relate(cellOf(p.u, p.w, 0), cellsOf(p), suffixOf(`factor:${config.indicators[p.factor]!.id}`), KNOWN);
    if (!units[p.u]!.county) continue;
    ANSWERS.forEach((answer, a) => {
      const side = p.sides[answer];
      if (!side) return;
      const parts = municipalities.map((u) => cellsOf(pairAt.get(`${p.factor}:${u}:${p.w}`))[a]!);
      relate(side.cell, parts, byArea);
    });
  }
  start.push(members.length);
  const sizes = partNames.map((names) => names.length);
  const name = (c: number): string => {
    // The rank's parts, last first, back to their strings.
    let v = rank.at(c);
    const at: string[] = [];
    for (let p = 4; p >= 0; p--) {
      at[p] = partNames[p]![ranks[p]!.order[v % sizes[p]!]!]!;
      v = Math.floor(v / sizes[p]!);
    }
    const key = at.slice(0, 4).join('\u0000');
    return at[4] === '' ? key : `${key}\u0000${at[4]}`;
  };
  return {
    cells: { n: n.trimmed(), x: x.trimmed(), published: published.trimmed(), rank: rank.trimmed(), start: start.trimmed(), members: members.trimmed() },
    cellOf,
    restOf,
    name,
  };
}

/** A typed array that grows: a country's cells and relations are millions, too many for arrays of numbers. */
class Growable<A extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  private data: A;

  constructor(
    private readonly make: (size: number) => A,
    initial: number,
  ) {
    this.data = make(Math.max(16, initial));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(Math.ceil(this.data.length * 1.5));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** The values pushed (a view: no copy). */
  trimmed(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

function wavesSinceBreak(waves: Wave[], breaks: number[]): Wave[] {
  if (waves.length === 1 && waves[0]!.pooled) return [];
  const lastBreak = Math.max(-Infinity, ...breaks.filter((b) => b <= waves[waves.length - 1]!.year));
  return waves.filter((w) => w.year >= lastBreak);
}

/** meta.pooled.absent: the members of each pooled area without respondents in a wave (nothing when there are none). */
function absentMembers(sums: SurveySums, areas: Record<string, string[]>, waves: readonly Wave[]): { absent?: Record<string, Record<string, string[]>> } {
  const absent: Record<string, Record<string, string[]>> = {};
  for (const [area, members] of Object.entries(areas)) {
    for (const wave of waves) {
      const missing = members.filter((m) => sums.allRespondents([m], wave.years) === 0);
      if (missing.length > 0) (absent[area] ??= {})[String(wave.year)] = missing;
    }
  }
  return Object.keys(absent).length > 0 ? { absent } : {};
}

type Est = CellEstimate | undefined;

/** The rest of the county is named by a token the report translates, not by a Swedish phrase. */
const REST_OF_COUNTY = 'rest_of_county';

function waveChange(kind: 'previous' | 'baseline', indicator: string, area: string, group: GroupKey, from: Wave, to: Wave, a: Est, b: Est, level: number): ChangeRecord {
  // Two waves are two designs: independent samples.
  return changeRecord(kind, indicator, area, group, from.year, to.year, String(from.year), String(to.year), a, b, (x, y) =>
    compareIndependent(x, y, level),
  );
}


/**
 * A comparison of b with a (diff = b − a). Published only when both sides are: a side's
 * suppression hides the record. A side may be an estimate that is no record of its own (the
 * rest of the county), under disclosure control through its cell. p, q and the verdict are
 * set by adjustForMultiplicity; a test that does not exist (no variance) leaves them null.
 */
function changeRecord(
  comparison: ChangeRecord['comparison'],
  indicator: string,
  area: string,
  group: GroupKey,
  yearFrom: number,
  yearTo: number,
  from: string,
  to: string,
  a: Est,
  b: Est,
  test: (a: ProportionSide, b: ProportionSide) => Difference | null,
): ChangeRecord {
  const shown = a !== undefined && b !== undefined && !a.record.suppressed && !b.record.suppressed;
  const d = shown ? test(proportionSide(shownEstimate(a)), proportionSide(shownEstimate(b))) : null;
  const id = { comparison, indicator, area, group, year_from: yearFrom, year_to: yearTo, from, to };
  return comparisonRecord(id, shown ? [shownEstimate(a).estimate!, shownEstimate(b).estimate!] : null, d);
}

function trend(
  indicator: string,
  unit: Unit,
  group: Group,
  waves: Wave[],
  i: number,
  sums: SurveySums,
  per: Est[],
  opts: Parameters<typeof estimateProportion>[1],
): TrendRecord | null {
  const { level, lonelyPsu } = opts;
  if (per.some((e) => e === undefined)) return null;
  const shown = per.every((e) => !e!.record.suppressed);
  const years = waves.map((w) => w.year);
  let fit: ReturnType<typeof logisticTrend> | null = null;
  let ca: ReturnType<typeof cochranArmitage> | null = null;
  if (shown) {
    // The wave's own years (a trend's waves are single waves): the sums find its blocks by that array.
    fit = logisticTrend(
      waves.map((w) => ({ year: w.year, domain: sums.domain(unit.members, w.years, group.index, i) })),
      { level, lonelyPsu },
    );
    ca = cochranArmitage(
      per.map((e) => shownEstimate(e!).x),
      per.map((e) => shownEstimate(e!).n),
      years,
    );
  }
  return {
    kind: 'trend',
    indicator,
    area: unit.name,
    group: group.key,
    years,
    odds_ratio_per_year: fit?.oddsRatio ?? null,
    or_ci_lower: fit?.orLower ?? null,
    or_ci_upper: fit?.orUpper ?? null,
    p: fit?.p ?? null,
    q: null,
    cochran_armitage_p: ca?.p ?? null,
    significant: null,
    suppressed: !shown,
  };
}

function followUp(indicator: string, area: string, group: GroupKey, wave: Wave, e: NonNullable<Est>, config: ProjectConfig): FollowUpRecord {
  const r = e.record;
  const mdc =
    r.suppressed || r.estimate === null
      ? null
      : minimumDetectableChange(r.estimate, r.n, shownEstimate(e).deff ?? 1, { level: config.statistics.level, power: config.statistics.power });
  return {
    kind: 'follow_up',
    indicator,
    area,
    group,
    year: wave.year,
    estimate: r.estimate,
    ci_lower: r.ci_lower,
    ci_upper: r.ci_upper,
    mdc,
    suppressed: r.suppressed,
  };
}

/**
 * Benjamini–Hochberg q-values over the family of every change, trend, goal and association
 * record of the same area that has a p (what that area's report rests on), and the verdict:
 * q < α under "fdr", p < α under "none". Records without a p (suppressed, or no test) keep q
 * and the verdict null.
 */
function adjustForMultiplicity(records: FigureRecord[], method: ProjectConfig['statistics']['multiple_comparisons'], level: number): void {
  const families = new Map<string, (ChangeRecord | TrendRecord | GoalRecord | AssociationRecord)[]>();
  for (const r of records) {
    if ((r.kind !== 'change' && r.kind !== 'trend' && r.kind !== 'goal' && r.kind !== 'association') || r.p === null) continue;
    const family = families.get(r.area);
    if (family) family.push(r);
    else families.set(r.area, [r]);
  }
  for (const family of families.values()) {
    const q = benjaminiHochberg(family.map((r) => r.p!));
    family.forEach((r, k) => {
      r.q = q[k]!;
      r.significant = isSignificant(method === 'fdr' ? r.q : r.p!, level);
    });
  }
}

/**
 * Domains without a variance: every stratum they have answers in has a single PSU, under
 * design.lonely_psu: average (R gives NaN). One warning per wave, strata, area and group,
 * naming the indicators.
 */
class LonelyDomains {
  private readonly found = new Map<string, { year: string; strata: string[]; area: string; group: GroupKey; indicators: string[] }>();

  add(wave: Wave, strata: string[], area: string, group: GroupKey, indicator: string): void {
    const year = wave.pooled ? wave.years.join('+') : String(wave.year);
    const key = JSON.stringify([year, strata, area, group]);
    const entry = this.found.get(key);
    if (entry) entry.indicators.push(indicator);
    else this.found.set(key, { year, strata, area, group, indicators: [indicator] });
  }

  warnings(): Message[] {
    return [...this.found.values()].map((e) => msg('warning.lonelyDomain', { year: e.year, area: e.area, group: e.group, strata: e.strata, indicators: e.indicators }));
  }
}

/**
 * An indicator's goal in one area: the goal's group in its baseline wave (the first wave
 * after any series break, or `target.baseline`) and the latest wave, the change between them
 * (two waves: independent samples, as every wave comparison), and the minimum detectable
 * change of the next wave. The status is set by assessGoals once every verdict is known.
 * None when the group has no respondents in the latest wave.
 */
function goal(
  ind: Indicator,
  i: number,
  area: string,
  waves: Wave[],
  unbroken: Wave[],
  config: ProjectConfig,
  pooling: PoolingOptions,
  get: (wave: Wave, group: GroupKey) => Est,
  warnings: Message[],
): GoalRecord | null {
  const target = ind.target!;
  const key = targetGroupKey(config, target);
  if (pooling.grades && key.includes('grade=')) {
    // Said once per indicator, not once per municipality.
    const said = warnings.some((w) => w.id === 'goal.pooledGrades' && (w.params as { indicator: string }).indicator === ind.id);
    if (!said) warnings.push(msg('goal.pooledGrades', { indicator: ind.id }));
    return null;
  }
  const latest = waves[waves.length - 1]!;
  const from = goalBaseline(ind, i, waves, unbroken);
  const last = get(latest, key);
  if (!last) return null;
  const first = from === latest ? undefined : get(from, key);
  const c = first ? waveChange('baseline', ind.id, area, key, from, latest, first, last, config.statistics.level) : null;
  const shown = !last.record.suppressed;
  const r = last.record;
  const mdc = shown && r.estimate !== null ? minimumDetectableChange(r.estimate, r.n, shownEstimate(last).deff ?? 1, { level: config.statistics.level, power: config.statistics.power }) : null;
  return {
    kind: 'goal',
    indicator: ind.id,
    area,
    group: key,
    year: latest.year,
    year_from: from.year,
    year_to: latest.year,
    target: target.value / 100,
    target_year: target.year,
    estimate_from: shown && first && !first.record.suppressed ? first.record.estimate : null,
    estimate_to: shown ? r.estimate : null,
    ci_lower: shown ? r.ci_lower : null,
    ci_upper: shown ? r.ci_upper : null,
    diff: shown ? (c?.diff ?? null) : null,
    diff_ci_lower: shown ? (c?.diff_ci_lower ?? null) : null,
    diff_ci_upper: shown ? (c?.diff_ci_upper ?? null) : null,
    // q and the verdict are set with every other test of the area (adjustForMultiplicity).
    p: shown ? (c?.p ?? null) : null,
    q: null,
    significant: null,
    required_change: null,
    remaining: null,
    mdc,
    detectable: null,
    status: null,
    suppressed: !shown,
  };
}

/** A goal's baseline wave; a ConfigError when the config's baseline or year cannot be one. */
function goalBaseline(ind: Indicator, i: number, waves: Wave[], unbroken: Wave[]): Wave {
  const target = ind.target!;
  const field = `indicators[${i}].target`;
  const latest = waves[waves.length - 1]!;
  const from = target.baseline === undefined ? (unbroken[0] ?? latest) : waves.find((w) => !w.pooled && w.year === target.baseline);
  if (from === undefined) {
    const pooled = latest.pooled;
    throw new ConfigError(msg('goal.baselineNotWave', { field, baseline: target.baseline!, pooled, waves: waves.map((w) => w.year) }), undefined, msg('goal.baselineNotWave.hint', { pooled }));
  }
  if (!unbroken.includes(from) && !latest.pooled) {
    throw new ConfigError(msg('goal.baselineBeforeBreak', { field, year: from.year, indicator: ind.id, breaks: ind.series_breaks, latest: latest.year }), undefined, msg('goal.baselineBeforeBreak.hint'));
  }
  if (target.year <= from.year) {
    throw new ConfigError(msg('goal.yearNotAfter', { field, year: target.year, baseline: from.year }), undefined, msg('goal.yearNotAfter.hint'));
  }
  return from;
}

/**
 * The goals' config checked before any area is computed (pass 2 computes areas one at a time,
 * possibly while their figures are written): a goal that some municipality has.
 */
function checkGoals(config: ProjectConfig, units: Unit[], waves: Wave[], pooling: PoolingOptions): void {
  config.indicators.forEach((ind, i) => {
    if (!ind.target || !units.some((u) => !u.county && forArea(ind.target!.areas, u.name))) return;
    if (pooling.grades && targetGroupKey(config, ind.target).includes('grade=')) return;
    goalBaseline(ind, i, waves, wavesSinceBreak(waves, ind.series_breaks));
  });
}

/** Each goal's status, from its record (after the verdicts on the changes are final). */
function assessGoals(records: FigureRecord[], config: ProjectConfig): void {
  const good = new Map(config.indicators.map((ind) => [ind.id, ind.good]));
  for (const r of records) {
    if (r.kind !== 'goal' || r.suppressed || r.estimate_to === null || r.ci_lower === null || r.ci_upper === null) continue;
    const change =
      r.diff !== null && r.diff_ci_lower !== null && r.diff_ci_upper !== null && r.significant !== null
        ? { diff: r.diff, lower: r.diff_ci_lower, upper: r.diff_ci_upper, significant: r.significant }
        : null;
    Object.assign(
      r,
      assessGoal({
        good: good.get(r.indicator) ?? 'lower',
        target: r.target,
        targetYear: r.target_year,
        baselineYear: r.year_from,
        baseline: r.estimate_from,
        latestYear: r.year_to,
        latest: r.estimate_to,
        lower: r.ci_lower,
        upper: r.ci_upper,
        change,
        mdc: r.mdc,
      }),
    );
  }
}

/**
 * Appends one by one: `push(...items)` passes every item as an argument and overflows the
 * stack past about 100 000 of them (a country's associations).
 */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
