// The project config (lagesbild.yaml): codebook + design + report settings, as one zod schema.
// The JSON Schema in schema/lagesbild.schema.json is generated from this file (npm run schema),
// so editors complete the same keys that the loader accepts.
import { z } from './zod.js';
import { canonicalName } from '../text.js';
import { REPORT_PROFILES as PROFILES } from './profiles.js';
import { localize } from './read.js';

/** A text in Swedish and (optionally) English. A plain string is used for both languages. */
export const LocalizedText = z.union([
  z.string().min(1),
  z.strictObject({ sv: z.string().min(1), en: z.string().min(1).optional() }),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Answer values as they appear in the CSV: codes ("1") or texts ("Ja, flera gånger"). */
const AnswerList = z.array(z.union([z.string(), z.number()]).transform(String));

export const CHAPTERS = ['utsatthet', 'utovande', 'attityder', 'otrygghet', 'forandringsfaktorer'] as const;
export const FORMS = [
  'fysiskt',
  'hot',
  'sexuellt',
  'digitalt',
  'parrelation',
  'bevittnat',
  'heder',
  'ovrigt',
] as const;
export const LEVELS = ['individ', 'relation', 'narmiljo', 'samhalle'] as const;
/** What a follow-up question about violence that happened tells: where, what it led to, who was told. */
export const ASPECTS = ['plats', 'foljder', 'berattat'] as const;

export const Chapter = z.enum(CHAPTERS);
export const Form = z.enum(FORMS);
export const Level = z.enum(LEVELS);
export const Aspect = z.enum(ASPECTS);
export type Chapter = z.infer<typeof Chapter>;
export type Form = z.infer<typeof Form>;
export type Level = z.infer<typeof Level>;
export type Aspect = z.infer<typeof Aspect>;

/** A named set of answers: which count as yes, which as no, which are missing (left out). */
export const AnswerScale = z.strictObject({
  yes: AnswerList.min(1),
  no: AnswerList.default([]),
  missing: AnswerList.default(['']),
  /**
   * The answer texts of coded answers, as the questionnaire says them ("2": "Ja, en gång"):
   * the report's list of questions shows these texts instead of the codes.
   */
  labels: z.record(z.string(), z.string().min(1)).optional(),
});
export type AnswerScale = z.infer<typeof AnswerScale>;

const GroupValue = z.strictObject({
  code: z.union([z.string(), z.number()]).transform(String),
  label: LocalizedText,
  /** Other spellings in the data that mean the same value ("Tjej", "Flicka"). */
  aliases: AnswerList.default([]),
  /** Show this value as its own group in reports (false for e.g. "vill ej ange"; it still counts in totals). */
  report: z.boolean().default(true),
});

export const GroupVariable = z.strictObject({
  column: z.string().min(1),
  label: LocalizedText,
  values: z.array(GroupValue).min(1),
  /** Answers that mean "not given"; such rows count in totals but in no group of this variable. */
  missing: AnswerList.default(['']),
});
export type GroupVariable = z.infer<typeof GroupVariable>;

/** Names a group key cannot use for an extra breakdown: they are taken. */
export const RESERVED_GROUP_IDS = ['gender', 'grade', 'total', 'all'] as const;

/**
 * A further breakdown beside gender and school year (country of birth, disability, family
 * economy): reported on its own and crossed with gender, with group keys `<id>=<code>` and
 * `gender=<code>;<id>=<code>`. A missing value is in no group of the variable.
 */
export const ExtraGroupVariable = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _ (e.g. fodelseland)')
    // The message is an id of the catalogues (src/messages): load.ts renders it.
    .refine((id) => !(RESERVED_GROUP_IDS as readonly string[]).includes(id), { message: 'config.reservedGroupId', params: { id: 'config.reservedGroupId' } }),
  ...GroupVariable.shape,
});
export type ExtraGroupVariable = z.infer<typeof ExtraGroupVariable>;

/** Only respondents for whom this holds are in the indicator's denominator. */
export const PopulationFilter = z.union([
  z.strictObject({
    column: z.string().min(1),
    values: AnswerList.min(1),
    /** The filter question as the pupils read it ("Har du någon gång haft en pojkvän …?"), for the report's list of questions. */
    question: LocalizedText.optional(),
  }),
  z.strictObject({ indicator: z.string().min(1), answer: z.enum(['yes', 'no']).default('yes') }),
]);
export type PopulationFilter = z.infer<typeof PopulationFilter>;

/**
 * The municipalities (as the data names them) whose reports a text, a source or a goal
 * belongs to; without it, every municipality's report. A project over a county has one
 * municipality's analysis, police figures and goals in that municipality's report only.
 */
export const Areas = z.array(z.string().min(1)).min(1);

/** Whether an item limited to `areas` belongs in `area`'s report (names compared in the data's canonical form). */
export function forArea(areas: readonly string[] | undefined, area: string): boolean {
  if (areas === undefined) return true;
  const name = canonicalName(area);
  return areas.some((a) => canonicalName(a.trim()) === name);
}

/** Every municipality name the config gives in an `areas` list, with its key path (for checks against the data). */
export function areaReferences(config: ProjectConfig): { path: (string | number)[]; name: string }[] {
  const refs: { path: (string | number)[]; name: string }[] = [];
  const add = (path: (string | number)[], areas: readonly string[] | undefined) => areas?.forEach((name, k) => refs.push({ path: [...path, 'areas', k], name }));
  for (const [place, entry] of Object.entries(config.texts)) add(['texts', place], entry === undefined ? undefined : textEntry(entry).areas);
  config.sources.forEach((s, i) => add(['sources', i], s.areas));
  config.indicators.forEach((ind, i) => add(['indicators', i, 'target'], ind.target?.areas));
  return refs;
}

/** A group value named by its code or by one of its labels or aliases ("1", "Flickor", "flicka"). */
const GroupValueRef = z.union([z.string().min(1), z.number()]).transform(String);

/**
 * A measurable goal (handbook step 5): the share to reach by a year, for everyone or for a
 * group ("minska andelen flickor i åk 9 som utsatts för sexuellt våld från 16 till 12 procent
 * till 2027").
 */
export const Target = z.strictObject({
  /** The share to reach, in percent (12 means 12 %). */
  value: z.number().min(0).max(100),
  /** The year by which it is to be reached. */
  year: z.number().int().min(1990).max(2100),
  /** Whom the goal is about (default everyone): a gender and/or a school year, by code or label. */
  group: z.strictObject({ gender: GroupValueRef.optional(), grade: GroupValueRef.optional() }).optional(),
  /** The wave the goal starts from (default: the first wave, after any series break). */
  baseline: z.number().int().optional(),
  /** Only for these municipalities (default: every municipality of the data). */
  areas: Areas.optional(),
});
export type Target = z.infer<typeof Target>;

const IndicatorCommon = {
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _ (e.g. fysiskt_vald)'),
  label: LocalizedText,
  /** Short label for charts and tables (falls back to label). */
  short: LocalizedText.optional(),
  /** The question as the pupils read it (from the data: its header or label). The report quotes it. */
  question: LocalizedText.optional(),
  /**
   * What a "yes" means, phrased to follow "uppgav N procent …" in a sentence:
   * "att de utsatts för fysiskt våld". Falls back to the label.
   */
  statement: LocalizedText.optional(),
  chapter: Chapter,
  form: Form.optional(),
  level: Level.optional(),
  /** For förändringsfaktorer: is a higher value a risk or a protection? */
  factor: z.enum(['risk', 'skydd']).optional(),
  /**
   * Utsatthet: what the indicator says about violence that happened (asked of those exposed,
   * with a population filter): where it happened, what it led to, or whether anyone was told.
   */
  aspect: Aspect.optional(),
  time_frame: LocalizedText.optional(),
  /** Which direction is good: "lower" (less violence) or "higher" (more trust). */
  good: z.enum(['lower', 'higher']).default('lower'),
  population: PopulationFilter.optional(),
  /** A key figure in the sammanfattning. */
  key: z.boolean().default(false),
  /** Part of "underlag för uppföljning" (step 5). */
  follow_up: z.boolean().default(false),
  /** Waves at which the question changed: no trend line or test crosses the break. */
  series_breaks: z.array(z.number().int()).default([]),
  /** A measurable goal for the indicator: followed up in the follow-up chapter. */
  target: Target.optional(),
};

/**
 * An indicator is either read from a column (`column` + `answers`) or derived from other
 * indicators (`any_of` / `all_of`). One object with a refinement (not a union) so that a
 * mistake gets one precise message instead of two alternatives.
 */
export const Indicator = z
  .strictObject({
    ...IndicatorCommon,
    column: z.string().min(1).optional(),
    /** Name of an answer scale under `answer_scales`, or an inline scale. */
    answers: z.union([z.string().min(1), AnswerScale]).optional(),
    /** Overrides which answers of the scale count as yes for this indicator. */
    yes: AnswerList.min(1).optional(),
    /**
     * The column is one box of a "tick all that apply" question written a column per box
     * (SurveyMonkey: the option's text when ticked, empty otherwise), and these are all the
     * question's boxes: a respondent who ticked none of them skipped the question (a missing
     * answer); beside a ticked box an empty one is the scale's answer for "" (list it under no).
     */
    checkboxes: z.array(z.string().min(1)).min(2).optional(),
    /**
     * The column holds every option the pupil ticked of a "tick all that apply" question in one
     * cell, as Google Forms ("I skolan, Hemma") and Microsoft Forms ("I skolan;Hemma;") export
     * it. The scale's answers are the question's options: yes when a yes option is among those
     * ticked, no when only others are, and a missing answer when the cell is one (empty: the
     * question was skipped).
     */
    several_answers: z.boolean().optional(),
    /**
     * With `several_answers`: what a ticked part that is no answer of the scale counts as (a
     * pupil's own words under "Övrigt", an option the scale does not list): another option
     * (`no`) or no answer (`missing`). Without it such a part is an error.
     */
    other_options: z.enum(['no', 'missing']).optional(),
    /** Yes when any of these indicators is yes (no when all are no). */
    any_of: z.array(z.string().min(1)).min(2).optional(),
    /** Yes when all of these indicators are yes (no when any is no). */
    all_of: z.array(z.string().min(1)).min(2).optional(),
  })
  .superRefine((ind, ctx) => {
    const kinds = [ind.column !== undefined, ind.any_of !== undefined, ind.all_of !== undefined];
    if (kinds.filter(Boolean).length !== 1) {
      // The message is an id of the catalogues (src/messages): load.ts renders it.
      ctx.addIssue({ code: 'custom', message: 'config.oneKind', params: { id: 'config.oneKind' } });
    }
    if (ind.checkboxes !== undefined && ind.column === undefined) {
      ctx.addIssue({ code: 'custom', path: ['checkboxes'], message: 'config.checkboxesNeedColumn', params: { id: 'config.checkboxesNeedColumn' } });
    }
    if (ind.other_options !== undefined && ind.several_answers !== true) {
      ctx.addIssue({ code: 'custom', path: ['other_options'], message: 'config.otherOptionsNeedSeveral', params: { id: 'config.otherOptionsNeedSeveral' } });
    }
    if (ind.several_answers === true && (ind.column === undefined || ind.checkboxes !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['several_answers'], message: 'config.severalAnswersColumn', params: { id: 'config.severalAnswersColumn' } });
    }
    if (ind.column !== undefined && ind.answers === undefined) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: 'config.needsAnswers', params: { id: 'config.needsAnswers' } });
    }
  });
export type Indicator = z.infer<typeof Indicator>;

/**
 * The municipality report's chapters by id, in the order of the baseline report: where the
 * municipality's own texts (`texts`) and other sources (`sources`) may be placed.
 */
export const REPORT_CHAPTERS = [
  'sammanfattning',
  'inledning',
  'om-undersokningen',
  'utsatthet',
  'utovande-attityder',
  'otrygghet',
  'grupper',
  'andra-kallor',
  'utveckling',
  'jamforelse-lanet',
  'jamforelse-referens',
  'forandringsfaktorer',
  'uppfoljning',
  'bilagor',
] as const;
export type ReportChapterId = (typeof REPORT_CHAPTERS)[number];

/**
 * Where an own text stands: `<chapter>` at the end of that chapter (after what the report
 * says), `before:<chapter>` / `after:<chapter>` as a chapter of its own.
 */
export const TEXT_PLACES = REPORT_CHAPTERS.flatMap((c) => [c, `before:${c}`, `after:${c}`] as const);
export type TextPlace = ReportChapterId | `before:${ReportChapterId}` | `after:${ReportChapterId}`;

/** A file per report language, or one file written in the project's language. */
const LocalizedPath = z.union([
  z.string().min(1),
  z.strictObject({ sv: z.string().min(1), en: z.string().min(1).optional() }),
]);
export type LocalizedPath = z.infer<typeof LocalizedPath>;

/** An own text: its file (or a file per language), or `{ file, areas }` for some municipalities' reports only. */
const TextEntry = z.union([LocalizedPath, z.strictObject({ file: LocalizedPath, areas: Areas.optional() })]);
export type TextEntry = z.infer<typeof TextEntry>;

/** An own text's file(s) and the municipalities it is for (undefined: every one). */
export function textEntry(entry: TextEntry): { file: LocalizedPath; areas: string[] | undefined } {
  return typeof entry === 'object' && 'file' in entry ? { file: entry.file, areas: entry.areas } : { file: entry, areas: undefined };
}

/**
 * Figures from another source than the survey (police reports, social services, the women's
 * shelter): a small table shown as a chart and a table, with its source. Counts of reported
 * cases, not prevalence: no intervals or tests are computed for them.
 */
export const OtherSource = z.strictObject({
  /** What the figures are ("Anmälda misshandelsbrott per 100 000 invånare"). */
  title: LocalizedText,
  /** Where they come from, printed as "Källa: …" ("Brå, anmälda brott 2019–2023"). */
  source: LocalizedText,
  /**
   * The table (CSV or Excel), relative to the config file: a label column, then one column per
   * year or group; one row per series (the municipality, the county, the country).
   */
  file: z.string().min(1),
  /** `line` (columns are years), `bar`, or `none` (the table only). Default: line when every column is a year, else bar. */
  chart: z.enum(['line', 'bar', 'none']).optional(),
  /** The unit of the numbers ("per 100 000 invånare", "antal ärenden"). */
  unit: LocalizedText.optional(),
  /** A note printed under the table. */
  note: LocalizedText.optional(),
  /** The chapter it stands in (default `andra-kallor`, a chapter of other sources). */
  chapter: z.enum(['andra-kallor', 'utsatthet', 'utovande-attityder', 'otrygghet', 'utveckling', 'uppfoljning']).default('andra-kallor'),
  /** Only in these municipalities' reports (default: every report). */
  areas: Areas.optional(),
});
export type OtherSource = z.infer<typeof OtherSource>;

export { REPORT_PROFILES, type ReportProfile } from './profiles.js';

export const CI_METHODS = ['wilson', 'beta', 'logit', 'xlogit', 'asin', 'mean'] as const;
export const CiMethod = z.enum(CI_METHODS);
export type CiMethod = z.infer<typeof CiMethod>;

/**
 * Reference values from a published survey (national or regional figures): a CSV file with
 * indicator, year, group, estimate (percent, or a proportion with unit: proportion), and
 * optionally ci_lower, ci_upper and n.
 */
export const ReferenceSet = z.strictObject({
  /** The name shown at the reference marker and in table headings ("Riket"). */
  label: LocalizedText,
  /** Where the values come from ("Skolenkät om våld 2023, Myndigheten X"). */
  source: LocalizedText,
  /** Path to the CSV file, relative to the config file. */
  file: z.string().min(1),
  /** How the file writes shares: percent (12,5) or proportions (0,125). */
  unit: z.enum(['percent', 'proportion']).default('percent'),
  /** The level of the file's intervals (default: statistics.level). */
  level: z.number().gt(0.5).lt(1).optional(),
});
export type ReferenceSet = z.infer<typeof ReferenceSet>;

export const ProjectConfig = z.strictObject({
  $schema: z.string().optional(),
  /** Config format version, for future migrations. */
  version: z.literal(1).default(1),
  project: z
    .strictObject({
      /** Report title; default "Lägesbild: våld – <area>". */
      title: LocalizedText.optional(),
      /** Who publishes the report (shown on the title page). */
      publisher: z.string().optional(),
      /** The municipality, when the data has no municipality column (columns.area). */
      area: z.string().min(1).optional(),
      /** The county or region the municipalities belong to (comparison area). */
      county: z.string().min(1).default('Länet'),
      /** Source line under every chart and table ("Källa: …"). */
      source: LocalizedText,
      /** The definition of violence the report starts from (handbook step 2). */
      violence_definition: LocalizedText.optional(),
      /**
       * The municipality's partners have agreed on `violence_definition`. Only then does the
       * report say that the municipality has agreed on it; otherwise it says the report starts from it.
       */
      violence_definition_agreed: z.boolean().default(false),
      /** Compare each municipality with the rest of the county. */
      compare_with_county: z.boolean().default(true),
      /** Synthetic data: every report carries a visible notice. */
      synthetic: z.boolean().default(false),
      language: z.enum(['sv', 'en']).default('sv'),
      /** Path to a logo (PNG or JPEG), relative to the config file. */
      logo: z.string().optional(),
      /**
       * What kind of report: `lagesbild` (the baseline, handbook step 2) or `uppfoljning` (a
       * follow-up, step 5: goals and changes first). `report --profile` overrides it.
       */
      profile: z.enum(PROFILES).default('lagesbild'),
      /** Accent colour of the report (hex). Chart colours stay colour-blind safe. */
      accent: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour such as #1f5f8b')
        .default('#1f5f8b'),
    })
    .prefault({ source: 'Egen enkätundersökning' }),
  columns: z
    .strictObject({
      /** Municipality (kommun) or other reporting area. Without it: project.area (one municipality). */
      area: z.string().min(1).optional(),
      /**
       * Survey year / wave (a four-digit year). Without it each file's year comes from --year,
       * from year_by_file, or from the one four-digit year in the file's name.
       */
      year: z.string().min(1).optional(),
      /**
       * A year column that holds school years ("2022/23", "2022–2023"): when the survey was
       * answered, so which year they are read as: spring (2023) or autumn (2022). Terms ("VT23",
       * "HT 2022") and four-digit years are read as they are without it.
       */
      answered_in: z.enum(['spring', 'autumn']).optional(),
      /** Data without a year column: the survey year of each file, by file name ("enkat-ht.sav": 2021). */
      year_by_file: z.record(z.string().min(1), z.number().int().min(1900).max(2100)).optional(),
      /** Respondent id: only checked for duplicates, never written anywhere. */
      id: z.string().min(1).optional(),
      /**
       * Columns that some files name otherwise (a question reworded or renumbered between
       * waves, "Kön" one year and "Jag är" the next): the name in such a file → the name the
       * config uses. A file that has the config's name reads that column.
       */
      renamed: z.record(z.string().min(1), z.string().min(1)).optional(),
    })
    .superRefine((c, ctx) => {
      if (c.year !== undefined && c.year_by_file !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['year_by_file'], message: 'config.yearTwice', params: { id: 'config.yearTwice' } });
      }
    }),
  design: z
    .strictObject({
      /** Column with survey weights; without it every respondent weighs 1. */
      weight: z.string().min(1).optional(),
      /** Column with strata (e.g. the municipality column for one sample per municipality). */
      strata: z.string().min(1).optional(),
      /** Column with primary sampling units (clusters, e.g. school); default each respondent. */
      cluster: z.string().min(1).optional(),
      /** A stratum with a single PSU: fail (as R does), or R's "certainty", "remove", "average", "adjust". */
      lonely_psu: z.enum(['fail', 'certainty', 'remove', 'average', 'adjust']).default('fail'),
      /**
       * Column with the finite population correction, as R's svydesign(fpc = ~column): the
       * stratum's population size (its number of PSUs, or of pupils without clusters), or the
       * sampled fraction (all values at most 1). The same on every row of a stratum.
       */
      fpc: z.string().min(1).optional(),
    })
    .prefault({}),
  /**
   * Pupils in the population per municipality, year, gender and school year: response rates,
   * and (poststratify) weights post-stratified to these counts.
   */
  population: z
    .strictObject({
      /** CSV file (relative to the config file) with the columns area, year, gender, grade (when groups.grade is set) and count. */
      file: z.string().min(1),
      /** Post-stratify each wave to the counts over municipality × gender × school year (R's postStratify). */
      poststratify: z.boolean().default(false),
      /** Where the counts come from, for the report ("Skolverkets statistik över elever per årskurs, läsåret 2022/23"). */
      source: LocalizedText.optional(),
    })
    .optional(),
  groups: z.strictObject({
    gender: GroupVariable,
    grade: GroupVariable.optional(),
    /** Further breakdowns (country of birth, disability, family economy), each crossed with gender. */
    extra: z.array(ExtraGroupVariable).default([]),
  }),
  answer_scales: z.record(z.string(), AnswerScale).default({}),
  statistics: z
    .strictObject({
      ci_method: CiMethod.default('wilson'),
      level: z.number().gt(0.5).lt(1).default(0.95),
      /** Power used for the minimum detectable change in "underlag för uppföljning". */
      power: z.number().gt(0.5).lt(1).default(0.8),
      /**
       * fdr: "statistiskt säkerställd" follows Benjamini–Hochberg q-values over all the tests of
       * an area (its report); none: it follows each test's own p-value.
       */
      multiple_comparisons: z.enum(['fdr', 'none']).default('fdr'),
    })
    .prefault({}),
  disclosure: z
    .strictObject({
      /** No percentage is shown on a base (unweighted n) under this. */
      min_base: z.number().int().min(1).default(10),
      /** Estimates on a base under this are marked "tolka med försiktighet". */
      caution_base: z.number().int().min(1).default(30),
      /** Counts of yes (and of no) from 1 up to this are suppressed. */
      max_small_count: z.number().int().min(0).default(2),
      /** Secondary suppression so no suppressed value can be recovered from totals. */
      secondary: z.boolean().default(true),
    })
    .prefault({}),
  indicators: z.array(Indicator).min(1),
  /**
   * The municipality's own texts (Markdown files, relative to the config file), by place:
   * `utsatthet` at the end of that chapter, `before:utsatthet` / `after:utsatthet` as a chapter
   * of its own (its title from a leading `# heading`). A file per language: `{sv: …, en: …}`;
   * for some municipalities' reports only: `{ file: …, areas: [Ängsby] }`.
   */
  texts: z.partialRecord(z.enum(TEXT_PLACES as unknown as [TextPlace, ...TextPlace[]]), TextEntry).default({}),
  /** Figures from other sources (handbook step 2 describes violence from several sources). */
  sources: z.array(OtherSource).default([]),
  /**
   * Step 3: how common the outcomes are among pupils with and without each förändringsfaktor.
   * `outcomes`: indicator ids (default: the key indicators of the utsatthet chapter).
   */
  associations: z.strictObject({ outcomes: z.array(z.string().min(1)).optional() }).prefault({}),
  /** Reference values from published surveys, shown beside the municipality's own. */
  references: z.array(ReferenceSet).default([]),
});

export type ProjectConfig = z.infer<typeof ProjectConfig>;
export type ProjectConfigInput = z.input<typeof ProjectConfig>;

/** The code of a group value named by its code, a label (sv or en) or an alias, ignoring case; null when none matches. */
export function groupValueCode(variable: GroupVariable, given: string): string | null {
  const key = given.trim().toLocaleLowerCase('sv');
  const value = variable.values.find((v) =>
    [v.code, localize(v.label, 'sv'), localize(v.label, 'en'), ...v.aliases].some((name) => name.trim().toLocaleLowerCase('sv') === key),
  );
  return value?.code ?? null;
}

/** The figures table's group key of a goal ("total", "gender=1", "gender=1;grade=9"). */
export function targetGroupKey(config: ProjectConfig, target: Target): string {
  const gender = target.group?.gender === undefined ? null : groupValueCode(config.groups.gender, target.group.gender);
  const grade = target.group?.grade === undefined || config.groups.grade === undefined ? null : groupValueCode(config.groups.grade, target.group.grade);
  if (gender !== null && grade !== null) return `gender=${gender};grade=${grade}`;
  if (gender !== null) return `gender=${gender}`;
  if (grade !== null) return `grade=${grade}`;
  return 'total';
}

export { associationOutcomes, associationFactors, isDerived, localizedLang, localize } from './read.js';

/**
 * Every group key the config defines, in display order: total, genders, school years,
 * gender × school year, then per extra breakdown its values and gender × its values.
 */
export function configGroupKeys(config: ProjectConfig): string[] {
  const genders = config.groups.gender.values.map((v) => `gender=${v.code}`);
  const grades = (config.groups.grade?.values ?? []).map((v) => `grade=${v.code}`);
  const keys = ['total', ...genders, ...grades, ...genders.flatMap((g) => grades.map((k) => `${g};${k}`))];
  for (const e of config.groups.extra) {
    const values = e.values.map((v) => `${e.id}=${v.code}`);
    keys.push(...values, ...genders.flatMap((g) => values.map((v) => `${g};${v}`)));
  }
  return keys;
}
