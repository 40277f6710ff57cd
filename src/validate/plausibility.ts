// What `init` cannot know and ingest does not check, from the data as read: an indicator whose
// answers look like another kind of column (gender, school year, a year, a municipality), a
// population filter that keeps everybody (or nobody), and a share of yes that no survey of
// its kind gives (more than 90 % subjected to violence: yes and no are probably swapped).
// Each finding points at the config key to change and, where there is one, a row of the data.
import { isDerived, type Indicator, type ProjectConfig } from '../config/schema.js';
import { scaleOf } from '../config/load.js';
import type { Location } from '../errors.js';
import { classifyAnswer, isMissingWord } from '../init/answers.js';
import { genderClass, isGradeValue, isYearValue } from '../init/roles.js';
import type { OwnFinding, RowFinding, Where } from './findings.js';
import type { MissingShare } from './summary.js';

/** Where a key of the config file is. */
export type ConfigLocator = (path: (string | number)[]) => Location;

/** A share of yes above this, among at least MIN_ANSWERED answers, is implausible for these chapters. */
export const IMPLAUSIBLE_SHARE = 0.9;
export const MIN_ANSWERED = 20;
/** Chapters where nearly everyone saying yes means the scale is the wrong way round (not protective factors, which can be near 100 %). */
const IMPLAUSIBLE_CHAPTERS = new Set(['utsatthet', 'utovande', 'attityder', 'otrygghet']);

export type LooksLike = 'gender' | 'grade' | 'year';

/** What kind of column a set of answers looks like, when most of them are not answers at all. */
export function looksLike(values: readonly string[]): LooksLike | null {
  const given = values.filter((v) => !isMissingWord(v) && classifyAnswer(v) === null);
  const kinds: LooksLike[] = given.flatMap((v): LooksLike[] => (genderClass(v) ? ['gender'] : isYearValue(v) ? ['year'] : isGradeValue(v) && /\p{L}/u.test(v) ? ['grade'] : []));
  const answers = values.filter((v) => !isMissingWord(v) && classifyAnswer(v) !== null).length;
  if (kinds.length < 2 || kinds.length < answers) return null;
  const top = (['gender', 'grade', 'year'] as const).map((k) => [k, kinds.filter((x) => x === k).length] as const).sort((a, b) => b[1] - a[1])[0]!;
  return top[0];
}

/** Indicators whose answers look like another kind of column (from the config and the rejected rows). */
export function columnFindings(config: ProjectConfig, rows: readonly RowFinding[], locate: ConfigLocator): OwnFinding[] {
  return config.indicators.flatMap((ind, i) => (isDerived(ind) ? [] : (answersLookLike(config, ind, i, rows, locate) ?? [])));
}

/** Population filters that keep everybody, and shares of yes no survey of the kind gives. */
export function plausibilityFindings(config: ProjectConfig, shares: readonly MissingShare[], respondents: number, locate: ConfigLocator): OwnFinding[] {
  const out: OwnFinding[] = [];
  config.indicators.forEach((ind, i) => {
    const s = shares[i]!;
    const pop = ind.population;
    if (pop !== undefined && respondents > 0 && s.inPopulation === respondents) {
      out.push({
        code: 'population-everyone',
        severity: 'warning',
        indicator: ind.id,
        column: 'column' in pop ? pop.column : null,
        count: 1,
        locations: [locate(['indicators', i, 'population', 'column' in pop ? 'values' : 'answer'])],
      });
    }
    if (IMPLAUSIBLE_CHAPTERS.has(ind.chapter) && s.answered >= MIN_ANSWERED && s.yes / s.answered > IMPLAUSIBLE_SHARE) {
      out.push({
        code: 'implausible-share',
        severity: 'warning',
        indicator: ind.id,
        chapter: ind.chapter,
        yes: s.yes,
        answered: s.answered,
        count: 1,
        locations: isDerived(ind) ? [locate(['indicators', i, ind.any_of ? 'any_of' : 'all_of'])] : [locate(yesPath(ind, i))],
      });
    }
  });
  return out;
}

/** The config key that lists the indicator's yes answers. */
function yesPath(ind: Indicator, i: number): (string | number)[] {
  if (ind.yes !== undefined) return ['indicators', i, 'yes'];
  return typeof ind.answers === 'string' ? ['answer_scales', ind.answers, 'yes'] : ['indicators', i, 'answers', 'yes'];
}

/**
 * The indicator's answers look like gender, school years or years: those the data has that
 * its scale does not (rejected rows), or else those its scale lists. The column is probably the
 * wrong one (or its scale was made for another column).
 */
function answersLookLike(config: ProjectConfig, ind: Indicator, i: number, rows: readonly RowFinding[], locate: ConfigLocator): OwnFinding | null {
  const scale = scaleOf(config, ind);
  const prefix = `${ind.column}=`;
  const rejected = rows.filter((r) => r.kind === 'answer' && r.key.startsWith(prefix));
  const values = [...new Set(rejected.length > 0 ? rejected.map((r) => r.key.slice(prefix.length)) : [...scale.yes, ...scale.no])];
  const kind = looksLike(values);
  if (kind === null) return null;
  const shown = values.filter((v) => !isMissingWord(v) && classifyAnswer(v) === null).slice(0, 4);
  const where: Where[] = [locate(['indicators', i, 'column']), ...rejected.slice(0, 1).map((r) => r.locations[0]!)];
  return { code: 'answers-look-like', severity: 'warning', indicator: ind.id, column: ind.column!, kind, values: shown, count: 1, locations: where };
}
