// Sufficient statistics → the figures table: every estimate, comparison, trend and
// follow-up figure, with disclosure control applied across all of them at once.
import { msg, type Message } from '../errors.js';
import { localize, type ProjectConfig } from '../config/schema.js';
import {
  applyDisclosure,
  benjaminiHochberg,
  cochranArmitage,
  compareDomains,
  compareIndependent,
  domainCovariance,
  estimateProportion,
  isSignificant,
  logisticTrend,
  lonelyStrata,
  minimumDetectableChange,
  type Difference,
  type DisclosureCell,
  type DisclosureRelation,
  type ProportionEstimate,
  type ProportionSide,
} from '../stats/index.js';
import type { DomainSpec, SurveySums } from './accumulate.js';
import type {
  ChangeRecord,
  EstimateRecord,
  FigureRecord,
  FiguresTable,
  FollowUpRecord,
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

interface Unit {
  name: string;
  members: string[];
  county: boolean;
}

interface Wave {
  /** The year records carry (the last of a pooled set). */
  year: number;
  years: number[];
  pooled: boolean;
}

interface Group {
  key: GroupKey;
  index: number;
  label: { sv: string; en: string };
  kind: 'total' | 'gender' | 'grade' | 'cross';
  gender: number;
  grade: number;
  /** Part of "Totalt" (a reported gender and school year); see GroupLayout. */
  reported: boolean;
}

export function computeFigures(sums: SurveySums, config: ProjectConfig, pooling: PoolingOptions = {}): FiguresTable {
  const county = config.project.county;
  const units = unitsOf(sums.areas, county, pooling.areas ?? {});
  const waves: Wave[] = pooling.waves
    ? [{ year: sums.years[sums.years.length - 1]!, years: sums.years, pooled: true }]
    : sums.years.map((y) => ({ year: y, years: [y], pooled: false }));
  const groups = groupsOf(config, sums, pooling.grades ?? false);
  const opts = { method: config.statistics.ci_method, level: config.statistics.level, lonelyPsu: config.design.lonely_psu };

  // 1. Estimates for every unit × wave × group × indicator that has respondents.
  const estimates = new Map<string, { record: EstimateRecord; est: ProportionEstimate }>();
  const respondents: RespondentCount[] = [];
  const lonely = new LonelyDomains();
  for (const unit of units) {
    for (const wave of waves) {
      for (const group of groups) {
        const n = sums.respondents(unit.members, wave.years, group.index);
        if (n === 0) continue;
        respondents.push({ area: unit.name, year: wave.year, group: group.key, n });
        if (group.kind === 'total') {
          respondents.push({ area: unit.name, year: wave.year, group: 'all', n: sums.allRespondents(unit.members, wave.years) });
        }
        config.indicators.forEach((ind, i) => {
          const domain = sums.domain(unit.members, wave.years, group.index, i);
          const est = estimateProportion(domain, opts);
          if (est.n === 0) return;
          if (est.se === null) lonely.add(wave, lonelyStrata(domain), unit.name, group.key, ind.id);
          estimates.set(cellKey(ind.id, unit.name, wave.year, group.key), { record: estimateRecord(ind.id, unit.name, wave, group.key, est), est });
        });
      }
    }
  }

  const warnings = [...answerWarnings(config, units, waves, estimates, sums), ...lonely.warnings()];

  // 2. Disclosure control over all estimates and the rest-of-county cells the comparisons
  // publish, with the relations an attacker could use.
  const latest = waves[waves.length - 1]!;
  const mainGroups = groups.filter((g) => g.kind !== 'cross');
  const rest = restCells(config, units, latest, mainGroups, estimates);
  const { cells, relations } = disclosureStructure(config, units, waves, groups, estimates, rest, latest);
  const disclosure = applyDisclosure(cells, relations, {
    minBase: config.disclosure.min_base,
    maxSmallCount: config.disclosure.max_small_count,
    secondary: config.disclosure.secondary,
    cautionBase: config.disclosure.caution_base,
  });
  const audit: FiguresTable['audit'] = [];
  for (const [key, { record }] of estimates) {
    const d = disclosure.cells.get(key);
    if (d?.suppressed) {
      hideEstimate(record, d.reason!);
      audit.push({ indicator: record.indicator, area: record.area, year: record.year, group: record.group, reason: d.reason! });
    }
    if (d?.caution) record.flag = 'caution';
  }

  // 3. Comparisons, trends and follow-up figures, built only from what may be shown.
  const records: FigureRecord[] = [...estimates.values()].map((e) => e.record);
  const level = config.statistics.level;
  const genders = groups.filter((g) => g.kind === 'gender' && g.reported).slice(0, 2);
  const countyUnit = units.find((u) => u.county)!;
  // Two domains of the latest wave as one design: their covariance for a contrast.
  const covariance = (domains: DomainSpec[], i: number) => () =>
    domainCovariance(sums.jointDomains(domains, latest.years, i), domains.length, opts.lonelyPsu);
  for (const unit of units) {
    config.indicators.forEach((ind, i) => {
      const get = (wave: Wave, group: GroupKey) => estimates.get(cellKey(ind.id, unit.name, wave.year, group));
      const unbroken = wavesSinceBreak(waves, ind.series_breaks);
      for (const group of mainGroups) {
        const last = get(latest, group.key);
        if (!last) continue;
        const previous = unbroken.length >= 2 ? unbroken[unbroken.length - 2]! : null;
        // A wave in which the group had no respondents gives no comparison (not a suppressed one).
        const earlier = previous && get(previous, group.key);
        if (previous && earlier) records.push(waveChange('previous', ind.id, unit.name, group.key, previous, latest, earlier, last, level));
        const first = unbroken.length >= 3 ? get(unbroken[0]!, group.key) : undefined;
        if (first) records.push(waveChange('baseline', ind.id, unit.name, group.key, unbroken[0]!, latest, first, last, level));
        if (unbroken.length >= 3 && group.kind !== 'grade') {
          const t = trend(ind.id, unit, group, unbroken, i, sums, estimates, opts);
          if (t) records.push(t);
        }
        if (!unit.county) {
          const restKey = cellKey(ind.id, restArea(unit), latest.year, group.key);
          const shown = !last.record.suppressed && rest.has(restKey) && !disclosure.cells.get(restKey)!.suppressed;
          const others = countyUnit.members.filter((m) => !unit.members.includes(m));
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
      if (genders.length === 2) {
        for (const group of [groups[0]!, ...groups.filter((g) => g.kind === 'grade')]) {
          const key = (g: Group) => (group.kind === 'total' ? g.key : `${g.key};${group.key}`);
          const a = get(latest, key(genders[0]!));
          const b = get(latest, key(genders[1]!));
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
  }

  // 4. Multiplicity: q-values within each area; "statistiskt säkerställd" follows the setting.
  adjustForMultiplicity(records, config.statistics.multiple_comparisons, level);

  return {
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
      pooled: { waves: pooling.waves ?? false, grades: pooling.grades ?? false, areas: pooling.areas ?? {} },
    },
    records,
    respondents,
    audit,
    warnings,
  };
}

/**
 * An indicator nobody answered yes to in a whole wave (or that nobody answered) is almost
 * always a config that lists the wrong codes, not a finding: say so instead of printing 0 %.
 */
function answerWarnings(
  config: ProjectConfig,
  units: Unit[],
  waves: Wave[],
  estimates: Map<string, { est: ProportionEstimate }>,
  sums: SurveySums,
): Message[] {
  const county = units.find((u) => u.county)!;
  const warnings: Message[] = [];
  config.indicators.forEach((ind, i) => {
    const scale = typeof ind.answers === 'string' ? `answer_scales.${ind.answers}` : `indicators[${i}].answers`;
    for (const wave of waves) {
      if (sums.respondents(county.members, wave.years, 0) === 0) continue;
      const e = estimates.get(cellKey(ind.id, county.name, wave.year, 'total'))?.est;
      if (!e) {
        warnings.push(msg('warning.noAnswers', { indicator: ind.id, year: wave.year, missingKey: ind.column ? `${scale}.missing` : null }));
      } else if (e.x === 0 && ind.column !== undefined) {
        warnings.push(msg('warning.noYes', { indicator: ind.id, n: e.n, year: wave.year, yesKey: `${scale}.yes` }));
      }
    }
  });
  return warnings;
}

function cellKey(indicator: string, area: string, year: number, group: GroupKey): string {
  return `${indicator}\u0000${area}\u0000${year}\u0000${group}`;
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
  const groups: Group[] = [{ key: 'total', index: 0, label: { sv: 'Totalt', en: 'Total' }, kind: 'total', gender: -1, grade: -1, reported: true }];
  genderValues.forEach((v, g) =>
    groups.push({ key: `gender=${v.code}`, index: L.gender(g), label: label(v.label), kind: 'gender', gender: g, grade: -1, reported: v.report }),
  );
  gradeValues.forEach((v, k) =>
    groups.push({ key: `grade=${v.code}`, index: L.grade(k), label: label(v.label), kind: 'grade', gender: -1, grade: k, reported: v.report }),
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
        gender: g,
        grade: k,
        reported: gv.report && kv.report,
      });
    }),
  );
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
 * Cells and the additive relations between them (on unweighted n and x): a total is the sum
 * of its parts, plus an unpublished remainder when the parts do not cover it (respondents
 * with no gender given); the county is the sum of its municipalities.
 */
function disclosureStructure(
  config: ProjectConfig,
  units: Unit[],
  waves: Wave[],
  groups: Group[],
  estimates: Map<string, { record: EstimateRecord }>,
  rest: Map<string, DisclosureCell>,
  latest: Wave,
): { cells: DisclosureCell[]; relations: DisclosureRelation[] } {
  const cells: DisclosureCell[] = [];
  const relations: DisclosureRelation[] = [];
  for (const { record } of estimates.values()) {
    cells.push({ key: cellKey(record.indicator, record.area, record.year, record.group), n: record.n, x: record.x ?? 0, published: true });
  }
  cells.push(...rest.values());
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const relate = (total: string, parts: string[], id: string) => {
    const t = byKey.get(total);
    // A total without parts (no school years configured) is no relation.
    if (!t || parts.length === 0) return;
    const present = parts.map((p) => byKey.get(p)).filter((c): c is DisclosureCell => c !== undefined);
    const rest = { key: `${total}\u0000rest:${id}`, n: t.n - sum(present, 'n'), x: t.x - sum(present, 'x'), published: false };
    if (rest.n > 0) {
      cells.push(rest);
      byKey.set(rest.key, rest);
    }
    relations.push({ total, parts: [...present.map((c) => c.key), ...(rest.n > 0 ? [rest.key] : [])] });
  };
  // Totals hold the reported groups only (see GroupLayout), so these relations are exact;
  // an unreported gender relates only to its own school-year cells.
  const of = (kind: Group['kind'], reported = true) => groups.filter((g) => g.kind === kind && (!reported || g.reported));
  for (const ind of config.indicators) {
    for (const wave of waves) {
      for (const unit of units) {
        const k = (g: Group) => cellKey(ind.id, unit.name, wave.year, g.key);
        const total = k(groups[0]!);
        relate(total, of('gender').map(k), 'gender');
        if (of('grade').length > 0) relate(total, of('grade').map(k), 'grade');
        for (const g of of('gender', false)) relate(k(g), of('cross', false).filter((c) => c.gender === g.gender).map(k), 'grade');
        for (const s of of('grade')) relate(k(s), of('cross').filter((c) => c.grade === s.grade).map(k), 'gender');
      }
      const countyUnit = units.find((u) => u.county)!;
      for (const g of groups) {
        relate(
          cellKey(ind.id, countyUnit.name, wave.year, g.key),
          units.filter((u) => !u.county).map((u) => cellKey(ind.id, u.name, wave.year, g.key)),
          'areas',
        );
      }
    }
    // The rest of the county beside each municipality: county = municipality + rest, and the
    // rest's own margins (its groups are derived from the same county and municipality cells).
    const countyName = units.find((u) => u.county)!.name;
    for (const unit of units.filter((u) => !u.county)) {
      const k = (area: string, g: Group) => cellKey(ind.id, area, latest.year, g.key);
      const restGroups = groups.filter((g) => rest.has(k(restArea(unit), g)));
      for (const g of restGroups) relate(k(countyName, g), [k(unit.name, g), k(restArea(unit), g)], `rest:${unit.name}`);
      if (!restGroups.some((g) => g.kind === 'total')) continue;
      const of = (kind: Group['kind']) => restGroups.filter((g) => g.kind === kind && g.reported).map((g) => k(restArea(unit), g));
      relate(k(restArea(unit), groups[0]!), of('gender'), 'gender');
      relate(k(restArea(unit), groups[0]!), of('grade'), 'grade');
    }
  }
  return { cells, relations };
}

/** The area token of a municipality's rest of the county in disclosure keys (never a record's area). */
function restArea(unit: Unit): string {
  return `${REST_OF_COUNTY}\u0000${unit.name}`;
}

/**
 * The rest of the county beside each municipality in the latest wave, as disclosure cells:
 * published in the comparison records, and n and x are the county's minus the municipality's
 * (unweighted counts add up), so no estimate is needed to protect them.
 */
function restCells(
  config: ProjectConfig,
  units: Unit[],
  latest: Wave,
  mainGroups: Group[],
  estimates: Map<string, { record: EstimateRecord }>,
): Map<string, DisclosureCell> {
  const county = units.find((u) => u.county)!;
  const cells = new Map<string, DisclosureCell>();
  for (const unit of units.filter((u) => !u.county)) {
    for (const ind of config.indicators) {
      for (const g of mainGroups) {
        const own = estimates.get(cellKey(ind.id, unit.name, latest.year, g.key))?.record;
        const all = estimates.get(cellKey(ind.id, county.name, latest.year, g.key))?.record;
        if (!own || !all || all.n - own.n === 0) continue;
        const key = cellKey(ind.id, restArea(unit), latest.year, g.key);
        cells.set(key, { key, n: all.n - own.n, x: all.x! - own.x!, published: true });
      }
    }
  }
  return cells;
}

function sum(cells: DisclosureCell[], field: 'n' | 'x'): number {
  let s = 0;
  for (const c of cells) s += c[field];
  return s;
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

/** What a comparison needs of an estimate (n > 0, so the estimate exists). */
function side(e: ProportionEstimate): ProportionSide {
  return { estimate: e.estimate!, se: e.se, n: e.n, x: e.x, deff: e.deff, nEff: e.nEff };
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
  const d = shown ? test(side(a.est), side(b.est)) : null;
  return {
    kind: 'change',
    comparison,
    indicator,
    area,
    group,
    year_from: yearFrom,
    year_to: yearTo,
    from,
    to,
    estimate_from: shown ? a.est.estimate : null,
    estimate_to: shown ? b.est.estimate : null,
    diff: shown ? (d?.diff ?? b.est.estimate! - a.est.estimate!) : null,
    diff_ci_lower: d?.ciLower ?? null,
    diff_ci_upper: d?.ciUpper ?? null,
    p: d?.p ?? null,
    q: null,
    significant: null,
    suppressed: !shown,
  };
}

function trend(
  indicator: string,
  unit: Unit,
  group: Group,
  waves: Wave[],
  i: number,
  sums: SurveySums,
  estimates: Map<string, { record: EstimateRecord; est: ProportionEstimate }>,
  opts: Parameters<typeof estimateProportion>[1],
): TrendRecord | null {
  const { level, lonelyPsu } = opts;
  const per = waves.map((w) => estimates.get(cellKey(indicator, unit.name, w.year, group.key)));
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
 * Benjamini–Hochberg q-values over the family of every change and trend record of the same
 * area that has a p (what that area's report rests on), and the verdict: q < α under "fdr",
 * p < α under "none". Records without a p (suppressed, or no test) keep q and the verdict null.
 */
function adjustForMultiplicity(records: FigureRecord[], method: ProjectConfig['statistics']['multiple_comparisons'], level: number): void {
  const families = new Map<string, (ChangeRecord | TrendRecord)[]>();
  for (const r of records) {
    if ((r.kind !== 'change' && r.kind !== 'trend') || r.p === null) continue;
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
