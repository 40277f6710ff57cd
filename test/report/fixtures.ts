// A hand-made figures table and config for the report builder tests: two municipalities
// (Ängsby, large; Backe, small) in Norrbacka län, three waves, gender × school year.
// Counts are built bottom-up from gender × grade cells, so every margin adds up; small
// cells are suppressed by the config's rules (base, count, complement) with a simple
// secondary suppression, and cells under the caution base are flagged.
import type {
  ChangeRecord,
  EstimateRecord,
  FiguresTable,
  FigureRecord,
  FollowUpRecord,
  GroupKey,
  RespondentCount,
  TrendRecord,
} from '../../src/analysis/types.js';
import { ProjectConfig, type ProjectConfigInput } from '../../src/config/schema.js';

export const configInput: ProjectConfigInput = {
  project: {
    county: 'Norrbacka län',
    source: { sv: 'Skolenkät om våld 2019–2023, Norrbacka län', en: 'School survey on violence 2019–2023, Norrbacka County' },
    violence_definition: 'Våld är varje handling riktad mot en annan person som skadar, smärtar, skrämmer eller kränker.',
    synthetic: true,
    publisher: 'Norrbacka samordningsförbund',
  },
  columns: { area: 'kommun', year: 'ar' },
  groups: {
    gender: {
      column: 'kon',
      label: { sv: 'Kön', en: 'Gender' },
      values: [
        { code: '1', label: { sv: 'Flickor', en: 'Girls' } },
        { code: '2', label: { sv: 'Pojkar', en: 'Boys' } },
        { code: '3', label: { sv: 'Annat/vill ej ange', en: 'Other/prefer not to say' }, report: false },
      ],
    },
    grade: {
      column: 'ak',
      label: { sv: 'Årskurs', en: 'School year' },
      values: [
        { code: '7', label: { sv: 'Åk 7', en: 'Year 7' } },
        { code: '9', label: { sv: 'Åk 9', en: 'Year 9' } },
      ],
    },
  },
  answer_scales: { janej: { yes: ['Ja, en gång', 'Ja, flera gånger'], no: ['Nej'] } },
  indicators: [
    {
      id: 'fysiskt_vald',
      label: { sv: 'Utsatt för fysiskt våld', en: 'Exposed to physical violence' },
      short: { sv: 'Fysiskt våld', en: 'Physical violence' },
      question: { sv: 'Har någon slagit, sparkat eller knuffat dig så att du blev rädd eller fick ont?' },
      statement: { sv: 'att de utsatts för fysiskt våld', en: 'that they had been subjected to physical violence' },
      time_frame: { sv: 'under de senaste 12 månaderna', en: 'in the past 12 months' },
      chapter: 'utsatthet',
      form: 'fysiskt',
      column: 'f1',
      answers: 'janej',
      key: true,
      follow_up: true,
    },
    {
      id: 'hot',
      label: { sv: 'Utsatt för hot', en: 'Threatened' },
      statement: { sv: 'att de blivit hotade', en: 'that they had been threatened' },
      time_frame: { sv: 'under de senaste 12 månaderna', en: 'in the past 12 months' },
      chapter: 'utsatthet',
      form: 'hot',
      column: 'f2',
      answers: 'janej',
      key: true,
    },
    {
      id: 'natet',
      label: { sv: 'Kränkt på nätet', en: 'Harassed online' },
      chapter: 'utsatthet',
      form: 'digitalt',
      column: 'f3',
      answers: 'janej',
    },
    {
      id: 'slagit',
      label: { sv: 'Har slagit någon', en: 'Has hit someone' },
      statement: { sv: 'att de slagit någon', en: 'that they had hit someone' },
      chapter: 'utovande',
      column: 'f4',
      answers: 'janej',
    },
    {
      id: 'otrygg_skola',
      label: { sv: 'Otrygg i skolan', en: 'Unsafe at school' },
      statement: { sv: 'att de känner sig otrygga i skolan', en: 'that they feel unsafe at school' },
      chapter: 'otrygghet',
      column: 'f5',
      answers: 'janej',
      follow_up: true,
    },
    {
      id: 'vuxen',
      label: { sv: 'Har en vuxen att prata med', en: 'Has an adult to talk to' },
      statement: { sv: 'att de har en vuxen att prata med', en: 'that they have an adult to talk to' },
      chapter: 'forandringsfaktorer',
      level: 'relation',
      factor: 'skydd',
      good: 'higher',
      column: 'f6',
      answers: 'janej',
    },
  ],
};

export const config: ProjectConfig = ProjectConfig.parse(configInput);

export const COUNTY = 'Norrbacka län';
export const AREAS = ['Ängsby', 'Backe'] as const;
export const YEARS = [2019, 2021, 2023] as const;
const GENDERS = ['1', '2', '3'] as const;
const GRADES = ['7', '9'] as const;

/** Pupils per gender × grade cell in 2023; earlier waves are a little smaller. */
const CELL_N: Record<string, Record<string, Record<string, number>>> = {
  Ängsby: { '1': { '7': 104, '9': 101 }, '2': { '7': 101, '9': 97 }, '3': { '7': 5, '9': 4 } },
  Backe: { '1': { '7': 15, '9': 15 }, '2': { '7': 16, '9': 15 }, '3': { '7': 2, '9': 1 } },
};
const WAVE_FACTOR: Record<number, number> = { 2019: 0.92, 2021: 0.97, 2023: 1 };

/** Share answering yes among girls and boys per wave (Ängsby); grade 7 × 0.85, grade 9 × 1.15. */
const SHARE: Record<string, { '1': number[]; '2': number[] }> = {
  fysiskt_vald: { '1': [0.14, 0.15, 0.24], '2': [0.14, 0.13, 0.12] },
  hot: { '1': [0.22, 0.22, 0.13], '2': [0.18, 0.18, 0.11] },
  natet: { '1': [0.3, 0.32, 0.33], '2': [0.15, 0.16, 0.15] },
  slagit: { '1': [0.05, 0.05, 0.06], '2': [0.12, 0.11, 0.1] },
  otrygg_skola: { '1': [0.3, 0.31, 0.32], '2': [0.26, 0.27, 0.28] },
  vuxen: { '1': [0.8, 0.82, 0.81], '2': [0.75, 0.74, 0.77] },
};
const AREA_FACTOR: Record<string, Record<string, number>> = {
  Ängsby: {},
  Backe: { otrygg_skola: 0.35 },
};

const GROUP_LABELS: Record<GroupKey, { sv: string; en: string }> = { total: { sv: 'Totalt', en: 'Total' } };
const genderLabel = { '1': { sv: 'Flickor', en: 'Girls' }, '2': { sv: 'Pojkar', en: 'Boys' }, '3': { sv: 'Annat/vill ej ange', en: 'Other/prefer not to say' } };
const gradeLabel = { '7': { sv: 'Åk 7', en: 'Year 7' }, '9': { sv: 'Åk 9', en: 'Year 9' } };
const MAIN_GROUPS: GroupKey[] = ['total', ...GENDERS.map((g) => `gender=${g}`), ...GRADES.map((k) => `grade=${k}`)];
const CROSS_GROUPS: GroupKey[] = GENDERS.flatMap((g) => GRADES.map((k) => `gender=${g};grade=${k}`));
for (const g of GENDERS) GROUP_LABELS[`gender=${g}`] = genderLabel[g];
for (const k of GRADES) GROUP_LABELS[`grade=${k}`] = gradeLabel[k];
for (const g of GENDERS) for (const k of GRADES) GROUP_LABELS[`gender=${g};grade=${k}`] = { sv: `${genderLabel[g].sv}, ${gradeLabel[k].sv.toLowerCase()}`, en: `${genderLabel[g].en}, ${gradeLabel[k].en.toLowerCase()}` };

const Z = 1.959963984540054;

function wilson(x: number, n: number): [number, number] {
  const p = x / n;
  const d = 1 + (Z * Z) / n;
  const c = (p + (Z * Z) / (2 * n)) / d;
  const h = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

/** Two-sided normal p-value (Abramowitz–Stegun 7.1.26 erfc); fixture data only. */
function twoSidedP(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return erfc;
}

interface Cell {
  n: number;
  x: number;
}

/** Unweighted counts for indicator × area (or county) × wave × group, summed from the cross cells. */
function counts(ind: string, area: string, year: number, group: GroupKey): Cell {
  const areas = area === COUNTY ? [...AREAS] : [area];
  const wave = YEARS.indexOf(year as (typeof YEARS)[number]);
  const [gender, grade] = parts(group);
  let n = 0;
  let x = 0;
  for (const a of areas) {
    for (const g of GENDERS) {
      if (gender !== null && g !== gender) continue;
      for (const k of GRADES) {
        if (grade !== null && k !== grade) continue;
        const cellN = Math.round(CELL_N[a]![g]![k]! * WAVE_FACTOR[year]!);
        const share = g === '3' ? (SHARE[ind]!['1'][wave]! + SHARE[ind]!['2'][wave]!) / 2 : SHARE[ind]![g][wave]!;
        const p = Math.min(0.95, share * (k === '7' ? 0.85 : 1.15) * (AREA_FACTOR[a]![ind] ?? (a === 'Backe' ? 0.9 : 1)));
        n += cellN;
        x += Math.round(cellN * p);
      }
    }
  }
  return { n, x };
}

function parts(group: GroupKey): [string | null, string | null] {
  const m = new Map(group === 'total' ? [] : group.split(';').map((p) => p.split('=') as [string, string]));
  return [m.get('gender') ?? null, m.get('grade') ?? null];
}

const cfgDisclosure = config.disclosure;

function primarySuppression(c: Cell): EstimateRecord['suppression'] {
  if (c.n < cfgDisclosure.min_base) return 'base';
  if (c.x >= 1 && c.x <= cfgDisclosure.max_small_count) return 'count';
  if (c.n - c.x >= 1 && c.n - c.x <= cfgDisclosure.max_small_count) return 'complement';
  return null;
}

function estimateRecord(ind: string, area: string, year: number, group: GroupKey, c: Cell, suppression: EstimateRecord['suppression']): EstimateRecord {
  const p = c.x / c.n;
  const [lo, hi] = wilson(c.x, c.n);
  const se = Math.sqrt((p * (1 - p)) / c.n);
  const hidden = suppression !== null;
  return {
    kind: 'estimate',
    indicator: ind,
    area,
    year,
    pooled_years: null,
    group,
    n: c.n,
    x: hidden ? null : c.x,
    estimate: hidden ? null : p,
    se: hidden ? null : se,
    ci_lower: hidden ? null : lo,
    ci_upper: hidden ? null : hi,
    ci_method: hidden ? null : 'wilson',
    df: c.n - 1,
    deff: hidden ? null : 1,
    n_eff: hidden ? null : c.n,
    suppressed: hidden,
    suppression,
    flag: c.n < config.disclosure.caution_base ? 'caution' : null,
  };
}

function buildEstimates(): EstimateRecord[] {
  const out: EstimateRecord[] = [];
  for (const ind of config.indicators) {
    for (const area of [...AREAS, COUNTY]) {
      for (const year of YEARS) {
        const primary = new Map<GroupKey, EstimateRecord['suppression']>();
        for (const g of [...MAIN_GROUPS, ...CROSS_GROUPS]) primary.set(g, primarySuppression(counts(ind.id, area, year, g)));
        // Secondary: a gender's other school year is hidden too, so the margin cannot reveal it.
        const final = new Map(primary);
        for (const g of GENDERS) {
          const [a, b] = GRADES.map((k) => `gender=${g};grade=${k}`) as [string, string];
          if (primary.get(a) && !primary.get(b)) final.set(b, 'secondary');
          if (primary.get(b) && !primary.get(a)) final.set(a, 'secondary');
        }
        for (const g of [...MAIN_GROUPS, ...CROSS_GROUPS]) out.push(estimateRecord(ind.id, area, year, g, counts(ind.id, area, year, g), final.get(g) ?? null));
      }
    }
  }
  return out;
}

const estimates = buildEstimates();
const byKey = new Map(estimates.map((r) => [`${r.indicator}|${r.area}|${r.year}|${r.group}`, r]));

export function fixtureEstimate(ind: string, area: string, year: number, group: GroupKey): EstimateRecord {
  const r = byKey.get(`${ind}|${area}|${year}|${group}`);
  if (!r) throw new Error(`no fixture estimate ${ind} ${area} ${year} ${group}`);
  return r;
}

/**
 * A leak canary: this suppressed record still carries numbers (as a careless producer might
 * leave them). The report must show `..` for it and never 62 (53–70).
 */
export const CANARY = { indicator: 'fysiskt_vald', area: 'Backe', year: 2023, group: 'gender=2;grade=7', estimate: 0.6173, ci: [0.5309, 0.7037] as const };
{
  const r = fixtureEstimate(CANARY.indicator, CANARY.area, CANARY.year, CANARY.group);
  if (!r.suppressed) throw new Error('the canary cell must be suppressed by the fixture rules');
  r.estimate = CANARY.estimate;
  r.ci_lower = CANARY.ci[0];
  r.ci_upper = CANARY.ci[1];
}

function compare(
  comparison: ChangeRecord['comparison'],
  ind: string,
  area: string,
  group: GroupKey,
  years: [number, number],
  from: { label: string; cell: Cell; shown: boolean },
  to: { label: string; cell: Cell; shown: boolean },
): ChangeRecord {
  const shown = from.shown && to.shown;
  const pa = from.cell.x / from.cell.n;
  const pb = to.cell.x / to.cell.n;
  const se = Math.sqrt((pa * (1 - pa)) / from.cell.n + (pb * (1 - pb)) / to.cell.n);
  const diff = pb - pa;
  const p = twoSidedP(diff / se);
  return {
    kind: 'change',
    comparison,
    indicator: ind,
    area,
    group,
    year_from: years[0],
    year_to: years[1],
    from: from.label,
    to: to.label,
    estimate_from: shown ? pa : null,
    estimate_to: shown ? pb : null,
    diff: shown ? diff : null,
    diff_ci_lower: shown ? diff - Z * se : null,
    diff_ci_upper: shown ? diff + Z * se : null,
    p: shown ? p : null,
    q: shown ? p : null,
    significant: shown ? p < 0.05 : null,
    suppressed: !shown,
  };
}

function side(ind: string, area: string, year: number, group: GroupKey, labelText: string) {
  return { label: labelText, cell: counts(ind, area, year, group), shown: !fixtureEstimate(ind, area, year, group).suppressed };
}

function buildComparisons(): FigureRecord[] {
  const out: FigureRecord[] = [];
  const latest = 2023;
  for (const ind of config.indicators) {
    for (const area of [...AREAS, COUNTY]) {
      for (const g of MAIN_GROUPS) {
        out.push(compare('previous', ind.id, area, g, [2021, latest], side(ind.id, area, 2021, g, '2021'), side(ind.id, area, latest, g, '2023')));
        out.push(compare('baseline', ind.id, area, g, [2019, latest], side(ind.id, area, 2019, g, '2019'), side(ind.id, area, latest, g, '2023')));
        if (!g.startsWith('grade=')) out.push(trend(ind.id, area, g));
        if (area !== COUNTY) {
          const other = AREAS.find((a) => a !== area)!;
          const rest = { label: 'rest_of_county', cell: counts(ind.id, other, latest, g), shown: !fixtureEstimate(ind.id, other, latest, g).suppressed };
          out.push(compare('rest_of_county', ind.id, area, g, [latest, latest], rest, side(ind.id, area, latest, g, area)));
        }
        if (ind.follow_up && !g.startsWith('grade=')) out.push(followUp(ind.id, area, g));
      }
      for (const scope of ['total', ...GRADES.map((k) => `grade=${k}`)]) {
        const key = (gender: string) => (scope === 'total' ? `gender=${gender}` : `gender=${gender};${scope}`);
        out.push(compare('gender', ind.id, area, scope, [latest, latest], side(ind.id, area, latest, key('1'), key('1')), side(ind.id, area, latest, key('2'), key('2'))));
      }
    }
  }
  return out;
}

function trend(ind: string, area: string, group: GroupKey): TrendRecord {
  const first = counts(ind, area, 2019, group);
  const last = counts(ind, area, 2023, group);
  const shown = YEARS.every((y) => !fixtureEstimate(ind, area, y, group).suppressed);
  const logit = (c: Cell) => Math.log(c.x / (c.n - c.x));
  const slope = (logit(last) - logit(first)) / 4;
  const se = Math.sqrt(1 / first.x + 1 / (first.n - first.x) + 1 / last.x + 1 / (last.n - last.x)) / 4;
  const p = twoSidedP(slope / se);
  return {
    kind: 'trend',
    indicator: ind,
    area,
    group,
    years: [...YEARS],
    odds_ratio_per_year: shown ? Math.exp(slope) : null,
    or_ci_lower: shown ? Math.exp(slope - Z * se) : null,
    or_ci_upper: shown ? Math.exp(slope + Z * se) : null,
    p: shown ? p : null,
    q: shown ? p : null,
    cochran_armitage_p: shown ? p : null,
    significant: shown ? p < 0.05 : null,
    suppressed: !shown,
  };
}

function followUp(ind: string, area: string, group: GroupKey): FollowUpRecord {
  const r = fixtureEstimate(ind, area, 2023, group);
  return {
    kind: 'follow_up',
    indicator: ind,
    area,
    group,
    year: 2023,
    estimate: r.suppressed ? null : r.estimate,
    ci_lower: r.suppressed ? null : r.ci_lower,
    ci_upper: r.suppressed ? null : r.ci_upper,
    // (z_α/2 + z_β) × √2 × SE, the usual two-sample approximation.
    mdc: r.suppressed || r.se === null ? null : (Z + 0.8416212335729143) * Math.SQRT2 * r.se,
    suppressed: r.suppressed,
  };
}

function buildRespondents(): RespondentCount[] {
  const first = config.indicators[0]!.id;
  // `all` counts every respondent: here two more than Totalt (an unreported gender).
  return [...AREAS, COUNTY].flatMap((area) =>
    YEARS.flatMap((year) => [
      ...[...MAIN_GROUPS, ...CROSS_GROUPS].map((group) => ({ area, year, group, n: counts(first, area, year, group).n })),
      { area, year, group: 'all', n: counts(first, area, year, 'total').n + 2 },
    ]),
  );
}

export const figures: FiguresTable = {
  meta: {
    areas: [...AREAS, COUNTY],
    years: [...YEARS],
    county: COUNTY,
    ci_method: 'wilson',
    level: 0.95,
    // Unadjusted, so that sentences show the fixture's p; the fdr wording has its own tests.
    multiple_comparisons: 'none',
    power: 0.8,
    weighted: false,
    strata: false,
    clusters: false,
    group_labels: GROUP_LABELS,
    groups: [...MAIN_GROUPS, ...CROSS_GROUPS],
    references: [],
    pooled: { waves: false, grades: false, areas: {} },
  },
  records: [...estimates, ...buildComparisons()],
  respondents: buildRespondents(),
  audit: estimates
    .filter((r) => r.suppressed)
    .map((r) => ({ indicator: r.indicator, area: r.area, year: r.year, group: r.group, reason: r.suppression! })),
  warnings: [],
};

/** The same table reduced to its last wave (a municipality that has surveyed once). */
export function singleWaveFigures(): FiguresTable {
  const keep = (r: FigureRecord) => (r.kind === 'estimate' || r.kind === 'follow_up' ? r.year === 2023 : r.kind === 'change' ? r.comparison === 'gender' || r.comparison === 'rest_of_county' : false);
  return {
    ...figures,
    meta: { ...figures.meta, years: [2023] },
    records: figures.records.filter(keep),
    respondents: figures.respondents.filter((r) => r.year === 2023),
  };
}
