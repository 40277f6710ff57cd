// The texts the CLI prints itself (validate's summary, init's questions, what was written),
// as tables per language; their words live in the language catalogues en.ts and sv.ts.
import type { ValidateTexts } from '../validate/format.js';
import type { InitWarning } from '../init/build.js';
import type { Role } from '../init/roles.js';
import type { Delimiter, Encoding } from '../ingest/sniff.js';

export interface InitTexts {
  roleName: Record<Role, string>;
  encoding: Record<Encoding, string>;
  delimiter: Record<Delimiter, string>;
  read(file: string, rows: string, complete: boolean, encoding: string, delimiter: string): string;
  columnsHeading: string;
  none: string;
  indicatorsHeading(n: number): string;
  /** `unknown`: answers not yet classed, quoted, or empty. */
  indicatorLine(id: string, column: string, yes: string, unknown: string): string;
  noIndicators: string;
  unused(columns: string): string;
  freeText(columns: string): string;
  needYes: string;
  missingRole(role: string, flag: string): string;
  noCsv: string;
  cancelled: string;
  notOverwritten(path: string): string;
  wrote(path: string): string;
  next: string;
  warning(w: InitWarning): string;
  ask: {
    yes: string;
    no: string;
    /** Key help under a list (select) and under a list with boxes (checkbox). */
    keys: { select: { navigation: string; pager: string }; checkbox: string };
    csv: string;
    overwrite(path: string): string;
    rolesOk: string;
    role(role: string): string;
    genderCode(column: string, code: string): string;
    gender: { girl: string; boy: string; other: string; missing: string };
    indicatorsOk(n: number): string;
    pickIndicators: string;
    unknownYes(values: string, columns: string): string;
    unknownMissing: string;
    definition: string;
    county: string;
  };
}

/** What report, figures, batch and example say when they are done. */
export interface RunTexts {
  wrote(path: string): string;
  wroteFigures(path: string, count: string): string;
  leftOut(error: string): string;
  failed(area: string, error: string): string;
  copiedExample(dir: string): string;
  next(command: string): string;
}

export interface CliTexts {
  validate: ValidateTexts;
  init: InitTexts;
  run: RunTexts;
}
