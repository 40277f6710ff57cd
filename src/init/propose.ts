// Everything `init` proposes for one CSV, before anyone is asked: roles of columns, gender and
// school-year values, indicators with their answers. Pure: a profile and the template in, a
// proposal out; the wizard (src/cli/commands/init.ts) only shows it and records decisions.
import { proposeRoles, REQUIRED_ROLES, type Role, type Roles } from './roles.js';
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
  year: { year: number; from: 'flag' | 'file-name' | 'answer' } | null;
  area: string | null;
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
