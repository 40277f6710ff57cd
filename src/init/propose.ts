// Everything `init` proposes for one CSV, before anyone is asked: roles of columns, gender and
// school-year values, indicators with their answers. Pure: a profile and the template in, a
// proposal out; the wizard (src/cli/commands/init.ts) only shows it and records decisions.
import { normalizeName, proposeRoles, REQUIRED_ROLES, type Role, type Roles } from './roles.js';
import { isAnsweredDate } from './dates.js';
import { academicYear, parseSurveyYear } from '../years.js';
import { proposeGender, proposeGrade, type GroupProposal } from './groups.js';
import { proposeIndicators, type IndicatorProposals } from './indicators.js';
import type { CsvProfile } from './profile.js';
import type { Template } from './template.js';

export interface InitProposal {
  profile: CsvProfile;
  roles: Roles;
  /** Null when the role has no column, or its column has too many distinct values to list. */
  gender: GroupProposal | null;
  grade: GroupProposal | null;
  indicators: IndicatorProposals;
  /** Municipality names and waves seen in the first rows (for the source line and title). */
  areas: string[];
  years: string[];
}

export function propose(profile: CsvProfile, template: Template, fixed: Partial<Roles> = {}): InitProposal {
  const roles = proposeRoles(profile, fixed);
  const column = (role: Role) => profile.columns.find((c) => c.name === roles[role]);
  const values = (role: Role) => column(role)?.values ?? null;
  const gender = values('gender');
  const grade = values('grade');
  const distinct = (role: Role) =>
    [...(values(role)?.keys() ?? [])]
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .sort((a, b) => a.localeCompare(b, 'sv'));
  return {
    profile,
    roles,
    gender: gender && proposeGender(gender),
    grade: grade && proposeGrade(grade),
    indicators: proposeIndicators(profile, roles, template),
    areas: [...new Set(distinct('area'))],
    years: [...new Set(distinct('year'))],
  };
}

/**
 * What the data gives for the whole file instead of a column: the survey year (--year, or the
 * one year in the file name) and the municipality (--area-name). Null when not known.
 */
export interface InitFacts {
  year: { year: number; from: 'flag' | 'file-name' | 'answer' } | ({ year: number; from: 'dates' } & DatedColumns) | null;
  area: string | null;
}

/** Columns of dates (when each pupil answered) and the years they fall in. */
export interface DatedColumns {
  columns: string[];
  years: number[];
  /** Null when the whole file was read; else the rows read (its first ones, PREVIEW_ROWS). */
  partOf: number | null;
}

/**
 * The columns of when the pupils answered (dates.isAnsweredDate: time stamps, or dates named
 * so; never birth dates) and the years their dates fall in; null when it has none. One
 * year is the survey's year (a file without a year column, answered within a year); several
 * are not read as any year: a survey answered from autumn into spring has no one year.
 */
export function datedColumns(profile: CsvProfile): DatedColumns | null {
  const dated = profile.columns.filter((c) => !c.duplicateName && c.dateYears !== null && c.dateYears.size > 0 && isAnsweredDate(normalizeName(c.name), c.timed));
  if (dated.length === 0) return null;
  const years = [...new Set(dated.flatMap((c) => [...c.dateYears!]))].sort((a, b) => a - b);
  return { columns: dated.map((c) => c.name), years, partOf: profile.complete ? null : profile.rows };
}

/** Required roles without a column: init cannot write a config without them. */
export function missingRoles(roles: Roles): Role[] {
  return REQUIRED_ROLES.filter((r) => roles[r] === null);
}

/** A wave value the config cannot read as a year ("Omgång 1"), for a warning; null when all are fine. */
export function badYearExample(p: InitProposal, answeredIn?: 'spring' | 'autumn'): string | null {
  return p.years.find((y) => parseSurveyYear(y.trim(), answeredIn) === null) ?? null;
}

/** A school year among the wave values ("2022/23"): the config must say when it was answered (columns.answered_in). */
export function schoolYearExample(p: InitProposal): { example: string; autumn: number } | null {
  for (const y of p.years) {
    const school = academicYear(y.trim());
    if (school) return { example: y.trim(), ...school };
  }
  return null;
}
