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
  primaryReason,
  type Difference,
  type ProportionEstimate,
  type ProportionSide,
} from '../stats/index.js';
import type { DomainSpec, SurveySums } from './accumulate.js';
import { responseRecords, type ResponseGroup } from './response.js';
import { ANSWERS, Associations } from './associations.js';
import { referenceRecords } from './references.js';
import { comparisonRecord, type Unit, type Wave } from './units.js';
import type { ReferenceValue } from '../references/load.js';
import type {
  AssociationRecord,
  ChangeRecord,
  EstimateRecord,
  FigureRecord,
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

export function computeFigures(sums: SurveySums, config: ProjectConfig, pooling: PoolingOptions = {}, references: readonly ReferenceValue[] = []): FiguresTable {
  const county = config.project.county;
  const units = unitsOf(sums.areas, county, pooling.areas ?? {});
  const waves: Wave[] = pooling.waves
    ? [{ year: sums.years[sums.years.length - 1]!, years: sums.years, pooled: true }]
    : sums.years.map((y) => ({ year: y, years: [y], pooled: false }));
  const groups = groupsOf(config, sums, pooling.grades ?? false);
  const opts = { method: config.statistics.ci_method, level: config.statistics.level, lonelyPsu: config.design.lonely_psu };
  // The population checked (and, post-stratified, the weights calibrated) before any estimate.
  const population = config.population ? sums.applyPopulation(config) : null;

  // 1. Estimates for every unit × wave × group × indicator that has respondents, by number.
  const grid = new EstimateGrid(units.length, waves.length, groups.length, config.indicators.length);
  const respondents: RespondentCount[] = [];
  const lonely = new LonelyDomains();
  // A cell the primary rules hide is shown without its interval: none is computed.
  const primary = { minBase: config.disclosure.min_base, maxSmallCount: config.disclosure.max_small_count };
  const cellOpts = { ...opts, interval: (n: number, x: number) => primaryReason(n, x, primary) === null };
  units.forEach((unit, u) => {
    waves.forEach((wave, w) => {
      groups.forEach((group, g) => {
        const n = sums.respondents(unit.members, wave.years, group.index);
        if (n === 0) return;
        respondents.push({ area: unit.name, year: wave.year, group: group.key, n });
        if (group.kind === 'total') {
          respondents.push({ area: unit.name, year: wave.year, group: 'all', n: sums.allRespondents(unit.members, wave.years) });
        }
        config.indicators.forEach((ind, i) => {
          const domain = sums.domain(unit.members, wave.years, group.index, i);
          const est = estimateProportion(domain, cellOpts);
          if (est.n === 0) return;
          if (est.se === null) lonely.add(wave, lonelyStrata(domain), unit.name, group.key, ind.id);
          grid.set(grid.index(u, w, g, i), estimateRecord(ind.id, unit.name, wave, group.key, est));
        });
      });
    });
  });

  const countyPos = units.findIndex((u) => u.county);
  const warnings = [...answerWarnings(config, units[countyPos]!, countyPos, waves, grid, sums), ...lonely.warnings()];

  // 2. Disclosure control over all estimates and the rest-of-county cells the comparisons
  // publish, with the relations an attacker could use.
  const latestPos = waves.length - 1;
  const latest = waves[latestPos]!;
  const mainGroups = groups.filter((g) => MAIN_KINDS.includes(g.kind));
  const associations = new Associations(sums, config, units, waves, opts);
  const structure = disclosureStructure(config, units, waves, groups, grid, latestPos, associations);
  const { reason } = disclose(
    structure.cells,
    {
      minBase: config.disclosure.min_base,
      maxSmallCount: config.disclosure.max_small_count,
      secondary: config.disclosure.secondary,
      cautionBase: config.disclosure.caution_base,
    },
    structure.name,
  );
  const cautionBase = config.disclosure.caution_base;
  grid.forEach((k, record) => {
    const why = REASONS[reason[structure.cellOf[k]!]!] ?? null;
    if (why !== null) {
      hideEstimate(record, why);
    } else if (cautionBase !== undefined && record.n < cautionBase) record.flag = 'caution';
  });

  // 3. Comparisons, trends and follow-up figures, built only from what may be shown.
  const records: FigureRecord[] = [];
  grid.forEach((_, record) => void records.push(record));
  const level = config.statistics.level;
  const genders = groups.filter((g) => g.kind === 'gender' && g.reported).slice(0, 2);
  const countyUnit = units[countyPos]!;
  const groupPos = new Map(groups.map((g, k) => [g.key, k]));
  // Two domains of the latest wave as one design: their covariance for a contrast.
  const covariance = (domains: DomainSpec[], i: number) => () =>
    domainCovariance(sums.jointDomains(domains, latest.years, i), domains.length, opts.lonelyPsu);
  units.forEach((unit, u) => {
    const others = countyUnit.members.filter((m) => !unit.members.includes(m));
    config.indicators.forEach((ind, i) => {
      const get = (w: number, g: number): Est => grid.get(grid.index(u, w, g, i));
      const unbroken = wavesSinceBreak(waves, ind.series_breaks).map((wave) => waves.indexOf(wave));
      for (const group of mainGroups) {
        const g = groupPos.get(group.key)!;
        const last = get(latestPos, g);
        if (!last) continue;
        const previous = unbroken.length >= 2 ? unbroken[unbroken.length - 2]! : -1;
        // A wave in which the group had no respondents gives no comparison (not a suppressed one).
        const earlier = previous >= 0 ? get(previous, g) : undefined;
        if (previous >= 0 && earlier) records.push(waveChange('previous', ind.id, unit.name, group.key, waves[previous]!, latest, earlier, last, level));
        const first = unbroken.length >= 3 ? get(unbroken[0]!, g) : undefined;
        if (first) records.push(waveChange('baseline', ind.id, unit.name, group.key, waves[unbroken[0]!]!, latest, first, last, level));
        if (unbroken.length >= 3 && group.kind !== 'grade') {
          const t = trend(ind.id, unit, group, unbroken.map((w) => waves[w]!), i, sums, unbroken.map((w) => get(w, g)), opts);
          if (t) records.push(t);
        }
        const restCell = unit.county ? -1 : structure.restOf(u, g, i);
        // A rest of the county without answers in the group gives no comparison (not a suppressed one).
        if (restCell >= 0) {
          const shown = !last.record.suppressed && reason[restCell] === 0;
          const domains = [
            { areas: others, group: group.index },
            { areas: unit.members, group: group.index },
          ];
          // The rest of the county's estimate comes from the same sums as the covariance.
          const joint = shown ? sums.jointDomains(domains, latest.years, i) : null;
          const est = joint && estimateProportion(joint.map((s) => s.domains[0]!), opts);
          const other: Est = est ? { record: estimateRecord(ind.id, REST_OF_COUNTY, latest, group.key, est), est } : undefined;
          records.push(
            changeRecord('rest_of_county', ind.id, unit.name, group.key, latest.year, latest.year, REST_OF_COUNTY, unit.name, other, last, (a, b) =>
              compareDomains(a, b, () => domainCovariance(joint!, 2, opts.lonelyPsu), level),
            ),
          );
        }
        if (ind.follow_up && group.kind !== 'grade') records.push(followUp(ind.id, unit.name, group.key, latest, last, config));
      }
      if (ind.target && !unit.county && forArea(ind.target.areas, unit.name)) {
        const byWave = (wave: Wave, key: GroupKey) => get(waves.indexOf(wave), groupPos.get(key) ?? -1);
        const g = goal(ind, i, unit.name, waves, unbroken.map((w) => waves[w]!), config, pooling, byWave, warnings);
        if (g) records.push(g);
      }
      if (genders.length === 2) {
        for (const group of [groups[0]!, ...groups.filter((g) => g.kind === 'grade')]) {
          const key = (g: Group) => (group.kind === 'total' ? g.key : `${g.key};${group.key}`);
          const a = get(latestPos, groupPos.get(key(genders[0]!)) ?? -1);
          const b = get(latestPos, groupPos.get(key(genders[1]!)) ?? -1);
          if (!a || !b) continue;
          const index = (g: Group) => (group.kind === 'total' ? g.index : sums.layout.cross(g.gender, group.grade));
          const domains = genders.map((g) => ({ areas: unit.members, group: index(g) }));
          records.push(
            changeRecord('gender', ind.id, unit.name, group.key, latest.year, latest.year, key(genders[0]!), key(genders[1]!), a, b, (x, y) =>
              compareDomains(x, y, covariance(domains, i), level),
            ),
          );
        }
      }
    });
  });

  append(records, associations.records((cell) => reason[cell] === 0, level, cautionBase));
  append(
    records,
    referenceRecords(references, config, units, latest, (i, u, group) => {
      const g = groupPos.get(group);
      return g === undefined ? undefined : grid.get(grid.index(u, latestPos, g, i));
    }),
  );

  // 4. Multiplicity: q-values within each area; "statistiskt säkerställd" follows the setting.
  adjustForMultiplicity(records, config.statistics.multiple_comparisons, level);

  // 5. Goals: their status from the intervals and the (adjusted) verdict on the change so far.
  assessGoals(records, config);

  // 6. Response rates, under their own disclosure control.
  if (population) {
    // The population file counts pupils by gender and school year: no response rate for an extra breakdown.
    const registerGroups = groups.filter((g): g is Group & ResponseGroup => g.kind !== 'extra' && g.kind !== 'extra-cross');
    const response = responseRecords(sums, population, config, units, waves, registerGroups);
    append(records, response.records);
    warnings.push(...response.warnings);
  }

  const table: Omit<FiguresTable, 'audit'> = {
    meta: {
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
      pooled: { waves: pooling.waves ?? false, grades: pooling.grades ?? false, areas: pooling.areas ?? {} },
      fpc: config.design.fpc !== undefined,
      population: config.population ? { poststratified: config.population.poststratify } : null,
    },
    records,
    respondents,
    warnings,
  };
  return withAudit(table);
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
 * The part of a table that reports on some areas read: their records and respondent counts,
 * the whole meta (every area's name) and the warnings. A batch sends each municipality's report
 * its own and the county's, not the whole country's. `table` is indexed by area once.
 */
export function areaSlicer(table: FiguresTable): (areas: readonly string[]) => FiguresTable {
  const records = new Map<string, FigureRecord[]>();
  const respondents = new Map<string, RespondentCount[]>();
  const add = <T>(map: Map<string, T[]>, area: string, item: T) => {
    const list = map.get(area);
    if (list) list.push(item);
    else map.set(area, [item]);
  };
  for (const r of table.records) add(records, r.area, r);
  for (const r of table.respondents) add(respondents, r.area, r);
  return (areas) =>
    withAudit({
      meta: table.meta,
      records: areas.flatMap((a) => records.get(a) ?? []),
      respondents: areas.flatMap((a) => respondents.get(a) ?? []),
      warnings: table.warnings,
    });
}

/**
 * An indicator nobody answered yes to in a whole wave (or that nobody answered) is almost
 * always a config that lists the wrong codes, not a finding: say so instead of printing 0 %.
 */
function answerWarnings(config: ProjectConfig, county: Unit, countyPos: number, waves: Wave[], grid: EstimateGrid, sums: SurveySums): Message[] {
  const warnings: Message[] = [];
  config.indicators.forEach((ind, i) => {
    const scale = typeof ind.answers === 'string' ? `answer_scales.${ind.answers}` : `indicators[${i}].answers`;
    waves.forEach((wave, w) => {
      if (sums.respondents(county.members, wave.years, 0) === 0) return;
      const e = grid.get(grid.index(countyPos, w, 0, i))?.est;
      if (!e) {
        warnings.push(msg('warning.noAnswers', { indicator: ind.id, year: wave.year, missingKey: ind.column ? `${scale}.missing` : null }));
      } else if (e.x === 0 && ind.column !== undefined) {
        warnings.push(msg('warning.noYes', { indicator: ind.id, n: e.n, year: wave.year, yesKey: `${scale}.yes` }));
      }
    });
  });
  return warnings;
}

/**
 * Estimates by number, ((unit × waves + wave) × groups + group) × indicators + indicator:
 * no string key per cell, and numbered in the order records are listed.
 */
class EstimateGrid {
  private readonly records: (EstimateRecord | undefined)[];

  constructor(
    readonly units: number,
    readonly waves: number,
    readonly groups: number,
    readonly indicators: number,
  ) {
    this.records = new Array(units * waves * groups * indicators);
  }

  get size(): number {
    return this.records.length;
  }

  index(u: number, w: number, g: number, i: number): number {
    return ((u * this.waves + w) * this.groups + g) * this.indicators + i;
  }

  set(k: number, record: EstimateRecord): void {
    this.records[k] = record;
  }

  /**
   * The record with its estimate. The estimate is read back from the record (only the record
   * is kept: a country has millions), so it is whole only while the record is not suppressed,
   * which is when comparisons, trends and follow-up figures use it.
   */
  get(k: number): { record: EstimateRecord; est: ProportionEstimate } | undefined {
    const r = k >= 0 ? this.records[k] : undefined;
    if (!r) return undefined;
    return {
      record: r,
      est: { n: r.n, x: r.x!, estimate: r.estimate, se: r.se, df: r.df!, deff: r.deff, nEff: r.n_eff, ciLower: r.ci_lower, ciUpper: r.ci_upper, ciMethod: r.ci_method },
    };
  }

  record(k: number): EstimateRecord | undefined {
    return this.records[k];
  }

  /** Every estimate in number order. */
  forEach(fn: (k: number, record: EstimateRecord) => void): void {
    this.records.forEach((r, k) => r && fn(k, r));
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

function estimateRecord(indicator: string, area: string, wave: Wave, group: GroupKey, e: ProportionEstimate): EstimateRecord {
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

function hideEstimate(r: EstimateRecord, reason: NonNullable<EstimateRecord['suppression']>): void {
  r.suppressed = true;
  r.suppression = reason;
  // Nothing that depends on the hidden answers stays: not even the interval method, which
  // says "clopper-pearson" exactly when every answer was yes or every answer no.
  r.x = r.estimate = r.se = r.ci_lower = r.ci_upper = r.deff = r.n_eff = r.df = null;
  r.ci_method = null;
}

/**
 * Cells and the additive relations between them (on unweighted n and x), by number: a total
 * is the sum of its parts, plus an unpublished remainder when the parts do not cover it
 * (respondents with no gender given); the county is the sum of its municipalities; and in
 * the latest wave the county is each municipality plus the rest of the county, a cell
 * published in the comparison records (its n and x are the county's minus the
 * municipality's: unweighted counts add up, so no estimate is needed to protect them).
 * Each extra breakdown splits the total and each gender by its values, and each value by
 * gender; step 3's two sides of a pair (with and without a factor) add up to the outcome's
 * total, and the county's side is the sum of the municipalities'. Ties are broken in the order
 * of the cells' keys (indicator, area, year, group, remainder or side).
 */
function disclosureStructure(
  config: ProjectConfig,
  units: Unit[],
  waves: Wave[],
  groups: Group[],
  grid: EstimateGrid,
  latestPos: number,
  associations: Associations,
): { cells: IndexedCells; cellOf: Int32Array; restOf: (u: number, g: number, i: number) => number; name: (cell: number) => string } {
  const I = config.indicators.length;
  const G = groups.length;
  const n: number[] = [];
  const x: number[] = [];
  const published: number[] = [];
  /** Per cell: indicator, area token, wave, group and remainder suffix, as indices into the sorted lists below. */
  const parts: number[] = [];
  const add = (cn: number, cx: number, state: number, i: number, area: number, w: number, g: number, suffix: number): number => {
    n.push(cn);
    x.push(cx);
    published.push(state);
    parts.push(i, area, w, g, suffix);
    return n.length - 1;
  };
  // Area tokens: the units, then each municipality's rest of the county. Suffixes of remainders.
  const county = units.findIndex((u) => u.county);
  const restArea = (u: number) => units.length + u;
  // Step 3's sides are named by factor and answer; the respondents who left the factor
  // question unanswered (or an extra breakdown's question) are their remainders.
  const factors = [...new Set(associations.pairs.map((p) => p.factor))].map((f) => config.indicators[f]!.id);
  const suffixes = [
    '',
    'rest:gender',
    'rest:grade',
    'rest:areas',
    ...units.map((u) => `rest:rest:${u.name}`),
    ...config.groups.extra.map((e) => `rest:${e.id}`),
    ...factors.flatMap((f) => [`rest:factor:${f}`, ...ANSWERS.map((a) => `association:${f}:${a}`)]),
  ];
  const suffixOf = (id: string) => suffixes.indexOf(`rest:${id}`);

  const cellOf = new Int32Array(grid.size).fill(-1);
  grid.forEach((k, r) => {
    const i = k % I;
    const g = Math.floor(k / I) % G;
    const w = Math.floor(k / (I * G)) % waves.length;
    const u = Math.floor(k / (I * G * waves.length));
    cellOf[k] = add(r.n, r.x ?? 0, PUBLISHED, i, u, w, g, 0);
  });
  // The rest of the county beside each municipality in the latest wave (main groups only).
  const restCells = new Int32Array(units.length * G * I).fill(-1);
  const restOf = (u: number, g: number, i: number) => restCells[(u * G + g) * I + i]!;
  units.forEach((unit, u) => {
    if (unit.county) return;
    for (let i = 0; i < I; i++) {
      groups.forEach((group, g) => {
        if (!MAIN_KINDS.includes(group.kind)) return;
        const own = grid.record(grid.index(u, latestPos, g, i));
        const all = grid.record(grid.index(county, latestPos, g, i));
        if (!own || !all || all.n - own.n === 0) return;
        restCells[(u * G + g) * I + i] = add(all.n - own.n, all.x! - own.x!, PUBLISHED, i, restArea(u), latestPos, g, 0);
      });
    }
  });

  const start: number[] = [];
  const members: number[] = [];
  /** total = Σ parts, plus the remainder (`remainder`: its state, see disclose) when they do not cover it. */
  const relate = (total: number, partCells: number[], suffix: number, remainder = UNPUBLISHED) => {
    // A total without parts (no school years configured) is no relation.
    if (total < 0 || partCells.length === 0) return;
    let restN = n[total]!;
    let restX = x[total]!;
    start.push(members.length);
    members.push(total);
    for (const c of partCells) {
      if (c < 0) continue;
      restN -= n[c]!;
      restX -= x[c]!;
      members.push(c);
    }
    if (restN > 0) {
      const t = total * 5;
      members.push(add(restN, restX, remainder, parts[t]!, parts[t + 1]!, parts[t + 2]!, parts[t + 3]!, suffix));
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
  config.indicators.forEach((_, i) => {
    waves.forEach((_, w) => {
      units.forEach((_, u) => {
        const k = (g: number) => cellOf[grid.index(u, w, g, i)]!;
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
        relate(
          cellOf[grid.index(county, w, g, i)]!,
          units.flatMap((unit, u) => (unit.county ? [] : [cellOf[grid.index(u, w, g, i)]!])),
          byArea,
        );
      });
    });
    // The rest of the county beside each municipality: county = municipality + rest, and the
    // rest's own margins (its groups are derived from the same county and municipality cells).
    units.forEach((unit, u) => {
      if (unit.county) return;
      const restGroups = groups.map((_, g) => g).filter((g) => restOf(u, g, i) >= 0);
      const byRest = suffixOf(`rest:${unit.name}`);
      for (const g of restGroups) relate(cellOf[grid.index(county, latestPos, g, i)]!, [cellOf[grid.index(u, latestPos, g, i)]!, restOf(u, g, i)], byRest);
      if (!restGroups.some((g) => groups[g]!.kind === 'total')) return;
      const ofKind = (kind: Group['kind']) => restGroups.filter((g) => groups[g]!.kind === kind && groups[g]!.reported).map((g) => restOf(u, g, i));
      relate(restOf(u, 0, i), ofKind('gender'), byGender);
      relate(restOf(u, 0, i), ofKind('grade'), byGrade);
    });
  });
  // Step 3: the outcome's total = with the factor + without + those who left the factor
  // question unanswered (KNOWN: no group anyone can point to, and the sides publish neither
  // n nor x); the county's side = Σ the municipalities'.
  const sideCell = (f: number, answer: string) => suffixes.indexOf(`association:${config.indicators[f]!.id}:${answer}`);
  for (const p of associations.pairs) {
    for (const answer of ANSWERS) {
      const side = p.sides[answer];
      if (side) side.cell = add(side.est.n, side.est.x, PUBLISHED, p.outcome, p.u, p.w, 0, sideCell(p.factor, answer));
    }
  }
  const pairAt = new Map(associations.pairs.map((p) => [`${p.factor}:${p.outcome}:${p.u}:${p.w}`, p]));
  for (const p of associations.pairs) {
    const cellsOf = (q: typeof p | undefined) => ANSWERS.map((a) => q?.sides[a]?.cell ?? -1);
    relate(cellOf[grid.index(p.u, p.w, 0, p.outcome)]!, cellsOf(p), suffixOf(`factor:${config.indicators[p.factor]!.id}`), KNOWN);
    if (!units[p.u]!.county) continue;
    ANSWERS.forEach((answer, a) => {
      const side = p.sides[answer];
      if (!side) return;
      const parts = units.flatMap((unit, u) => (unit.county ? [] : [cellsOf(pairAt.get(`${p.factor}:${p.outcome}:${u}:${p.w}`))[a]!]));
      relate(side.cell, parts, byArea);
    });
  }
  start.push(members.length);

  // Key order: each part's strings sorted, a cell's rank its parts' ranks in turn.
  const rankOf = (names: string[]) => {
    const order = names.map((_, k) => k).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    const rank = new Array<number>(names.length);
    order.forEach((k, r) => (rank[k] = r));
    return rank;
  };
  const areaNames = [...units.map((u) => u.name), ...units.map((u) => `${REST_OF_COUNTY}\u0000${u.name}`)];
  const ranks = [
    rankOf(config.indicators.map((ind) => ind.id)),
    rankOf(areaNames),
    rankOf(waves.map((w) => String(w.year))),
    rankOf(groups.map((g) => g.key)),
    rankOf(suffixes),
  ];
  const sizes = ranks.map((r) => r.length);
  const rank = new Float64Array(n.length);
  for (let c = 0; c < n.length; c++) {
    let v = 0;
    for (let p = 0; p < 5; p++) v = v * sizes[p]! + ranks[p]![parts[c * 5 + p]!]!;
    rank[c] = v;
  }
  const name = (c: number): string => {
    const at = (p: number) => parts[c * 5 + p]!;
    const key = [config.indicators[at(0)]!.id, areaNames[at(1)]!, String(waves[at(2)]!.year), groups[at(3)]!.key].join('\u0000');
    return at(4) === 0 ? key : `${key}\u0000${suffixes[at(4)]}`;
  };
  return {
    cells: { n: Float64Array.from(n), x: Float64Array.from(x), published: Uint8Array.from(published), rank, start: Int32Array.from(start), members: Int32Array.from(members) },
    cellOf,
    restOf,
    name,
  };
}

function wavesSinceBreak(waves: Wave[], breaks: number[]): Wave[] {
  if (waves.length === 1 && waves[0]!.pooled) return [];
  const lastBreak = Math.max(-Infinity, ...breaks.filter((b) => b <= waves[waves.length - 1]!.year));
  return waves.filter((w) => w.year >= lastBreak);
}

type Est = { record: EstimateRecord; est: ProportionEstimate } | undefined;

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
  const d = shown ? test(proportionSide(a.est), proportionSide(b.est)) : null;
  const id = { comparison, indicator, area, group, year_from: yearFrom, year_to: yearTo, from, to };
  return comparisonRecord(id, shown ? [a.est.estimate!, b.est.estimate!] : null, d);
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
    fit = logisticTrend(
      waves.map((w) => ({ year: w.year, domain: sums.domain(unit.members, [w.year], group.index, i) })),
      { level, lonelyPsu },
    );
    ca = cochranArmitage(
      per.map((e) => e!.est.x),
      per.map((e) => e!.est.n),
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
      : minimumDetectableChange(r.estimate, r.n, e.est.deff ?? 1, { level: config.statistics.level, power: config.statistics.power });
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
  const field = `indicators[${i}].target`;
  if (pooling.grades && key.includes('grade=')) {
    // Said once per indicator, not once per municipality.
    const said = warnings.some((w) => w.id === 'goal.pooledGrades' && (w.params as { indicator: string }).indicator === ind.id);
    if (!said) warnings.push(msg('goal.pooledGrades', { indicator: ind.id }));
    return null;
  }
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
  const last = get(latest, key);
  if (!last) return null;
  const first = from === latest ? undefined : get(from, key);
  const c = first ? waveChange('baseline', ind.id, area, key, from, latest, first, last, config.statistics.level) : null;
  const shown = !last.record.suppressed;
  const r = last.record;
  const mdc = shown && r.estimate !== null ? minimumDetectableChange(r.estimate, r.n, last.est.deff ?? 1, { level: config.statistics.level, power: config.statistics.power }) : null;
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
