// The language of the CLI's own messages (summaries, prompts): --lang sv|en, else a Swedish
// locale in LC_ALL / LC_MESSAGES / LANG, else English. Errors raised by the core keep their
// (English) text; these tables hold what `validate` and `init` print themselves.
import { UsageError } from '../errors.js';
import type { SourceTexts, ValidateTexts } from '../validate/format.js';
import type { InitWarning } from '../init/build.js';
import { reasonText } from '../init/explain.js';
import type { Role } from '../init/roles.js';
import type { Delimiter, Encoding } from '../ingest/sniff.js';

export type CliLang = 'sv' | 'en';

export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): CliLang {
  if (flag !== undefined) {
    if (flag === 'sv' || flag === 'en') return flag;
    throw new UsageError(`--lang must be sv or en, not "${flag}"`);
  }
  // POSIX precedence: the first of these that is set decides.
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^sv([_.@-]|$)/i.test(locale) ? 'sv' : 'en';
}

export interface InitTexts {
  roleName: Record<Role, string>;
  encoding: Record<Encoding, string>;
  delimiter: Record<Delimiter, string>;
  source: SourceTexts;
  read(file: string, rows: string, complete: boolean, encoding: string, delimiter: string): string;
  columnsHeading: string;
  none: string;
  /** The language of the texts (the matcher's reasons are written in it too). */
  lang: 'sv' | 'en';
  indicatorsHeading: string;
  noColumn(id: string): string;
  moreCandidates(n: number): string;
  /** A column known only by its name (no question text in the file). */
  nameOnly(column: string): string;
  /** A column that looks like a standard indicator but differs in kind. */
  nearly(id: string, why: string): string;
  unusedHeading: string;
  freeText(columns: string): string;
  /** The empty cell in lists of answers. */
  emptyAnswer: string;
  answerClass: { yes: string; no: string; missing: string; unknown: string };
  /** A line of the wizard's indicator list: its column, or the suggestion when it has none. */
  reviewLine(id: string, column: string | null, suggestion: string | null): string;
  /** A candidate column another indicator already reads. */
  usedBy(id: string): string;
  /** A population filter: the answers that select, and the filter question (or column). */
  population(values: string, question: string): string;
  /** After a column is chosen: its question, how well it fits, its answers by class. */
  pickedColumn(question: string, summary: string, answers: string[]): string;
  needYes: string;
  missingRole(role: string, flag: string): string;
  /** No year column and no year known for the file: how to give one. */
  missingYear(file: string): string;
  missingArea: string;
  /** Data without a year column: where the year came from (said, never silent). */
  yearFor(year: number, from: 'flag' | 'file-name' | 'answer'): string;
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
    year: string;
    notYear: string;
    area: string;
    overwrite(path: string): string;
    rolesOk: string;
    role(role: string): string;
    genderCode(column: string, code: string): string;
    gender: { girl: string; boy: string; other: string; missing: string };
    review: string;
    done: string;
    pickColumn(id: string): string;
    search: string;
    searchPrompt: string;
    noColumn: string;
    answersOk: string;
    pickYes(id: string): string;
    unknownYes(values: string, columns: string): string;
    unknownMissing: string;
    definition: string;
    definitionAgreed: string;
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

export interface CliMessages {
  validate: ValidateTexts;
  init: InitTexts;
  run: RunTexts;
}

const runEn: RunTexts = {
  wrote: (path) => `wrote ${path}`,
  wroteFigures: (path, count) => `wrote ${path} (${count} figures)`,
  leftOut: (error) => `left out ${error}`,
  failed: (area, error) => `${area}: ${error}`,
  copiedExample: (dir) => `copied the synthetic example (Norrbacka län) to ${dir}/`,
  next: (command) => `next: ${command}`,
};

const runSv: RunTexts = {
  wrote: (path) => `skrev ${path}`,
  wroteFigures: (path, count) => `skrev ${path} (${count} uppgifter)`,
  leftOut: (error) => `utelämnad: ${error}`,
  failed: (area, error) => `${area}: ${error}`,
  copiedExample: (dir) => `kopierade det syntetiska exemplet (Norrbacka län) till ${dir}/`,
  next: (command) => `nästa steg: ${command}`,
};

const quote = (values: string[]) => values.map((v) => `"${v}"`).join(', ');
/** A percentage of a count, whole. */
const percent = (part: number, whole: number) => String(Math.round((100 * part) / whole));
const plural = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;

const validateEn: ValidateTexts = {
  lang: 'en',
  files: 'Files',
  rows: (n) => plural(n, 'row', 'rows'),
  encoding: { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' },
  delimiter: { ',': 'comma-separated', ';': 'semicolon-separated (Swedish Excel)', '\t': 'tab-separated' },
  source: { xlsx: 'Excel', sav: 'SPSS', sheet: (name) => `sheet ${name}` },
  notRead: 'left out: see Problems',
  respondents: 'Respondents per municipality, wave, gender and school year',
  area: 'Municipality',
  wave: 'Wave',
  other: 'Not in a group',
  total: 'Total',
  smallMark: (b) => `* fewer than ${b} respondents: percentages for this group will be shown as ".."`,
  missing: 'Missing answers per indicator (share of the respondents asked)',
  missingOf: (m, n) => `${m} of ${n}`,
  percent: (s) => `${(s * 100).toFixed(1)}%`,
  small: (b) => `Groups too small to report (fewer than ${b} respondents; shown as "..")`,
  problems: 'Problems',
  noProblems: 'none',
  severity: { error: 'ERROR', warning: 'WARNING', info: 'NOTE' },
  count: { rows: (n) => plural(n, 'row', 'rows'), cells: (n) => plural(n, 'cell', 'cells') },
  at: 'at',
  in: 'in',
  sameAs: (w) => `(same id as ${/^\d+$/.test(w) ? `line ${w}` : w})`,
  andMore: (n) => `… and ${n} more`,
  unlisted: (n) => `… and ${n} more rows with other problems`,
  own: {
    'windows-1252': () => ({
      message: 'read as Windows-1252 (not UTF-8); å, ä and ö are read correctly',
      hint: 'Nothing to fix. Saving the file as "CSV UTF-8" makes it safer to open in other programs',
    }),
    mojibake: (f) =>
      f.encoding === 'utf-8'
        ? {
            message: 'å, ä and ö are garbled ("Ã¥", "Ã¤", "Ã¶" instead of "å", "ä", "ö"): the file was converted to UTF-8 twice',
            hint: 'Export the file again from the survey tool, or open the original in a text editor and save it once as UTF-8; do not convert a file that is already UTF-8',
          }
        : {
            message: 'å, ä and ö are garbled ("Ã¥", "Ã¤", "Ã¶" instead of "å", "ä", "ö"): the file holds UTF-8 text but was read as Windows-1252',
            hint: 'If you passed --encoding windows-1252, leave it out; otherwise parts of the file have different encodings: save the whole file again as "CSV UTF-8"',
          },
    'replacement-char': () => ({
      message: 'letters were lost in an earlier conversion ("\uFFFD" in place of a character)',
      hint: 'Export the file again from the survey tool; the lost letters cannot be recovered from this file',
    }),
    'decimal-comma-weights': (f) => ({
      message: `weights in ${f.column} are written with a decimal comma (1,5): they are read as decimal numbers, as Swedish Excel means them`,
    }),
    'trailing-empty-columns': (f) => ({
      message: `the header ends with ${f.columns} empty ${f.columns === 1 ? 'column' : 'columns'} (as Excel writes them): ignored`,
    }),
    'duplicate-header': (f) => ({
      message: `the header has ${f.columns.length} columns named "${f.name}" (columns ${f.columns.join(', ')})`,
      hint: 'The config does not use this name, so it does no harm; rename one of them if you need it',
    }),
    'duplicate-id': (f) => ({
      message: `the same respondent id (${f.column}) is on more than one row in a municipality and wave`,
      hint: 'Each row must be one respondent: remove repeated rows (a file given twice, rows exported twice) or correct the ids. Only line numbers are shown, never ids',
    }),
    'no-yes-answers': (f) => ({
      message: `no respondent answered yes to ${f.indicator} (yes is ${quote(f.yes)}; valid answers: ${f.answered})`,
      hint: 'Check that the yes answers in lagesbild.yaml are spelled as in the file',
    }),
    'no-answers': (f) => ({
      message: f.inPopulation === 0 ? `no respondent is in the population of ${f.indicator}` : `${f.indicator} has no valid answers (missing: ${f.inPopulation} of ${f.inPopulation})`,
      hint: "Check the indicator's column, population and missing answers in lagesbild.yaml",
    }),
    'answers-look-like': (f) => ({
      message: `the answers of ${f.indicator} in ${f.column} (${quote(f.values)}) look like ${{ gender: 'genders', grade: 'school years', year: 'years' }[f.kind]}, not answers to its question`,
      hint: `Check that the indicator's column is the right one, and that its answer scale was made for this column`,
    }),
    'population-everyone': (f) => ({
      message: `the population filter of ${f.indicator} keeps every respondent${f.column === null ? '' : ` (${f.column})`}: it filters nothing`,
      hint: 'List only the answers that put a pupil in the population (e.g. those who have or have had a partner), or remove the filter',
    }),
    'implausible-share': (f) => ({
      message: `${percent(f.yes, f.answered)}% of ${f.answered} answered yes to ${f.indicator}: more than 90% is implausible for ${f.chapter}`,
      hint: 'Check that yes and no are not swapped in its answers (a "trygg" question read for "otrygg" turns them round)',
    }),
  },
  result: {
    ok: 'Result: the data can be reported.',
    notReportable: (n) => `Result: not reportable yet: fix the problems marked ERROR${n === '0' ? '' : ` (${plural(n, 'row was', 'rows were')} left out)`} and run validate again.`,
    stopped: 'Result: not reportable: a file or the config could not be read (see ERROR above).',
    statistics: 'Result: not reportable: the statistics cannot be computed with this config (see ERROR above).',
    exit: (c) => `(exit code ${c})`,
  },
};

const validateSv: ValidateTexts = {
  lang: 'sv',
  files: 'Filer',
  rows: (n) => plural(n, 'rad', 'rader'),
  encoding: { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' },
  delimiter: { ',': 'kommaseparerad', ';': 'semikolonseparerad (svensk Excel)', '\t': 'tabbseparerad' },
  source: { xlsx: 'Excel', sav: 'SPSS', sheet: (name) => `bladet ${name}` },
  notRead: 'utelämnad: se Problem',
  respondents: 'Svarande per kommun, år, kön och årskurs',
  area: 'Kommun',
  wave: 'År',
  other: 'Utan grupp',
  total: 'Totalt',
  smallMark: (b) => `* färre än ${b} svarande: andelarna för gruppen visas som ".."`,
  missing: 'Saknade svar per indikator (andel av dem som fått frågan)',
  missingOf: (m, n) => `${m} av ${n}`,
  percent: (s) => `${(s * 100).toFixed(1).replace('.', ',')} %`,
  small: (b) => `Grupper som är för små för att redovisas (färre än ${b} svarande; visas som "..")`,
  problems: 'Problem',
  noProblems: 'inga',
  severity: { error: 'FEL', warning: 'VARNING', info: 'OBS' },
  count: { rows: (n) => plural(n, 'rad', 'rader'), cells: (n) => plural(n, 'cell', 'celler') },
  at: 'på',
  in: 'i',
  sameAs: (w) => `(samma löpnummer som ${/^\d+$/.test(w) ? `rad ${w}` : w})`,
  andMore: (n) => `… och ${n} till`,
  unlisted: (n) => `… och ${n} rader till med andra problem`,
  own: {
    'windows-1252': () => ({
      message: 'läst som Windows-1252 (inte UTF-8); å, ä och ö läses rätt',
      hint: 'Inget behöver rättas. Spara gärna filen som "CSV UTF-8", så blir den säkrare att öppna i andra program',
    }),
    mojibake: (f) =>
      f.encoding === 'utf-8'
        ? {
            message: 'å, ä och ö är förvanskade ("Ã¥", "Ã¤", "Ã¶" i stället för "å", "ä", "ö"): filen har konverterats till UTF-8 två gånger',
            hint: 'Exportera filen igen från enkätverktyget, eller öppna originalet i en textredigerare och spara det som UTF-8 en gång; konvertera inte en fil som redan är UTF-8',
          }
        : {
            message: 'å, ä och ö är förvanskade ("Ã¥", "Ã¤", "Ã¶" i stället för "å", "ä", "ö"): filen innehåller UTF-8-text men lästes som Windows-1252',
            hint: 'Har du angett --encoding windows-1252, ta bort det; annars har delar av filen olika teckenkodning: spara hela filen igen som "CSV UTF-8"',
          },
    'replacement-char': () => ({
      message: 'bokstäver har gått förlorade vid en tidigare konvertering ("\uFFFD" i stället för ett tecken)',
      hint: 'Exportera filen igen från enkätverktyget; bokstäverna går inte att återskapa ur den här filen',
    }),
    'decimal-comma-weights': (f) => ({
      message: `vikterna i ${f.column} är skrivna med decimalkomma (1,5): de läses som decimaltal, så som svensk Excel menar dem`,
    }),
    'trailing-empty-columns': (f) => ({
      message: `rubrikraden slutar med ${f.columns} ${f.columns === 1 ? 'tom kolumn' : 'tomma kolumner'} (som Excel skriver dem): de hoppas över`,
    }),
    'duplicate-header': (f) => ({
      message: `rubrikraden har ${f.columns.length} kolumner som heter "${f.name}" (kolumn ${f.columns.join(', ')})`,
      hint: 'Inställningarna använder inte namnet, så det gör ingen skada; byt namn på en av dem om du behöver den',
    }),
    'duplicate-id': (f) => ({
      message: `samma löpnummer (${f.column}) finns på mer än en rad i samma kommun och år`,
      hint: 'Varje rad ska vara en svarande: ta bort dubblerade rader (en fil som angetts två gånger, rader som exporterats två gånger) eller rätta löpnumren. Bara radnummer visas, aldrig löpnummer',
    }),
    'no-yes-answers': (f) => ({
      message: `ingen svarande svarade ja på ${f.indicator} (ja är ${quote(f.yes)}; giltiga svar: ${f.answered})`,
      hint: 'Kontrollera att ja-svaren i lagesbild.yaml är stavade som i filen',
    }),
    'no-answers': (f) => ({
      message: f.inPopulation === 0 ? `ingen svarande ingår i populationen för ${f.indicator}` : `${f.indicator} har inga giltiga svar (saknas: ${f.inPopulation} av ${f.inPopulation})`,
      hint: 'Kontrollera indikatorns kolumn, population och saknade svar i lagesbild.yaml',
    }),
    'answers-look-like': (f) => ({
      message: `svaren för ${f.indicator} i ${f.column} (${quote(f.values)}) ser ut som ${{ gender: 'kön', grade: 'årskurser', year: 'årtal' }[f.kind]}, inte som svar på frågan`,
      hint: 'Kontrollera att indikatorns kolumn är rätt, och att svarsskalan är gjord för den kolumnen',
    }),
    'population-everyone': (f) => ({
      message: `populationen för ${f.indicator} omfattar alla svarande${f.column === null ? '' : ` (${f.column})`}: filtret gör ingenting`,
      hint: 'Ange bara de svar som gör att eleven ingår (t.ex. de som har eller har haft en partner), eller ta bort filtret',
    }),
    'implausible-share': (f) => ({
      message: `${percent(f.yes, f.answered)} % av ${f.answered} svarade ja på ${f.indicator}: mer än 90 % är inte rimligt för ${f.chapter}`,
      hint: 'Kontrollera att ja och nej inte är omkastade i svarsskalan (en fråga om trygghet som läses som otrygghet vänder på dem)',
    }),
  },
  result: {
    ok: 'Resultat: data kan redovisas.',
    notReportable: (n) => `Resultat: kan inte redovisas än: rätta problemen märkta FEL${n === '0' ? '' : ` (${plural(n, 'rad', 'rader')} har hoppats över)`} och kör validate igen.`,
    stopped: 'Resultat: kan inte redovisas: en fil eller inställningsfilen kunde inte läsas (se FEL ovan).',
    statistics: 'Resultat: kan inte redovisas: statistiken går inte att beräkna med de här inställningarna (se FEL ovan).',
    exit: (c) => `(slutkod ${c})`,
  },
};

const roleFlags = (and: string) => `--area-column, --year-column, --gender-column, --grade-column, --weight-column, --id-column, --county ${and} --definition`;

const initEn: InitTexts = {
  roleName: { area: 'municipality', year: 'year (wave)', gender: 'gender', grade: 'school year', weight: 'weight', id: 'respondent id' },
  encoding: validateEn.encoding,
  delimiter: validateEn.delimiter,
  source: validateEn.source,
  read: (file, rows, complete, enc, delim) => `Read ${complete ? 'all' : 'the first'} ${rows} rows of ${file}: ${enc}, ${delim}.`,
  columnsHeading: 'Proposed columns:',
  none: '(none)',
  lang: 'en',
  indicatorsHeading: 'Standard indicators and the columns that fit them (✓ taken: a clear match; ? only a suggestion: unsure, not taken without you; – no column fits):',
  noColumn: (id) => `${id}: no column fits`,
  moreCandidates: (n) => `(${n} more ${n === 1 ? 'candidate' : 'candidates'})`,
  nameOnly: (c) => `${c} (only a column name, no question text in the file)`,
  nearly: (id, why) => `like ${id}, but ${why}`,
  unusedHeading: 'Not used:',
  freeText: (c) => `Free text and ids (never used): ${c}`,
  emptyAnswer: '(empty)',
  population: (values, question) => `only pupils who answered ${values} to ${question}`,
  usedBy: (id) => `(already read by ${id})`,
  answerClass: { yes: 'yes', no: 'no', missing: 'no answer', unknown: 'unknown' },
  reviewLine: (id, column, suggestion) => (column !== null ? `${id} ← ${column}` : suggestion !== null ? `${id}   (suggestion: ${suggestion})` : `${id}   (no column)`),
  pickedColumn: (question, summary, answers) => [`  "${question}"`, `  ${summary}`, ...answers.map((a) => `  ${a}`)].join('\n'),
  needYes: `init needs answers but cannot ask (no terminal, or --no-input). Run it in a terminal, or pass --yes to accept the proposals above (change them with ${roleFlags('and')}).`,
  missingRole: (role, flag) => `found no column for the ${role}: name it with ${flag} <column>`,
  missingYear: (file) => `found no column for the year (wave), and the file name ${file} holds no year: pass --year <year>, or name the column with --year-column <column>`,
  missingArea: 'found no column for the municipality: pass --area-name <name> (the data is then one municipality), or name the column with --area-column <column>',
  yearFor: (year, from) => `The file has no column for the year: its survey year is ${year} (${from === 'flag' ? 'from --year' : from === 'answer' ? 'as answered' : 'from the file name'}).`,
  noCsv: 'name the survey file: lagesbild init <file.csv>',
  cancelled: 'Cancelled; no file was written.',
  notOverwritten: (p) => `${p} was kept as it is; choose another file with -o, or pass --force.`,
  wrote: (p) => `Wrote ${p}.`,
  next: 'Next steps:',
  warning: (w) => {
    switch (w.code) {
      case 'answers-as-missing':
        return `${w.indicator} (${w.column}): unknown answers ${quote(w.answers)} now count as missing; change this in the config if they mean yes or no`;
      case 'chosen-unsure':
        return `${w.indicator}: you chose "${w.column}" (${w.doubts.map((d) => reasonText(d, 'en')).join('; ')}); check that its label and statement in the config say what the question asks`;
      case 'unsure':
        return `${w.indicator}: "${w.column}" may fit but not surely (${w.doubts.map((d) => reasonText(d, 'en')).join('; ')}); it is a commented-out suggestion at the end of the config`;

      case 'codes-only':
        return `${w.column} looks like ${w.indicator} but has only codes (${quote(w.answers)}); it was left out: add it by hand with the codes that mean yes`;
      case 'gender-codes':
        return `${w.column} has codes whose meaning is unknown (${quote(w.codes)}); they are labelled "Kön ${w.codes[0]}" … in the config: write Flickor, Pojkar …`;
      case 'population-missing':
        return `${w.indicator}: the template counts only some respondents (population), but no column for that was found; the indicator now counts everyone who answered`;
      case 'year-format':
        return `${w.column} has values like "${w.example}": lagesbild needs a four-digit year; change them in the file (validate shows where)`;
      case 'preview':
        return `only the first ${w.rows} rows were read; answers that occur only later are not in the config (validate reads every row)`;
    }
  },
  ask: {
    yes: 'Yes',
    no: 'No',
    keys: {
      select: { navigation: '↑↓ move • ⏎ choose', pager: '↑↓ move (more below) • ⏎ choose' },
      checkbox: '↑↓ move • space mark • a all • i invert • ⏎ done',
    },
    csv: 'Which survey file (CSV, Excel or SPSS) should the config be made from?',
    year: 'The file has no column for the year. In which year was the survey answered (four digits)?',
    notYear: 'Write the year with four digits, e.g. 2023',
    area: 'The file has no column for the municipality. Which municipality are the answers from?',
    overwrite: (p) => `${p} already exists. Replace it?`,
    rolesOk: 'Are these columns right?',
    role: (r) => `Which column holds the ${r}?`,
    genderCode: (c, code) => `What does ${c} = "${code}" mean?`,
    gender: { girl: 'Girls', boy: 'Boys', other: 'Other / prefer not to say (not shown as a group)', missing: 'Not answered' },
    review: 'Choose an indicator to change its column or answers, or Done:',
    done: 'Done: write the config',
    pickColumn: (id) => `Which column feeds ${id}?`,
    search: 'Search all columns …',
    searchPrompt: 'Type part of the question',
    noColumn: 'No column: leave the indicator out',
    answersOk: 'Are the answers classed right?',
    pickYes: (id) => `Which answers count as yes for ${id}?`,
    unknownYes: (v, c) => `The answers ${v} in ${c}: which of them count as yes?`,
    unknownMissing: 'And which of the others mean "not answered"? (the rest count as no)',
    definition: "The municipality's definition of violence (handbook step 2). Press Enter for the template's suggestion (after WHO):",
    definitionAgreed: 'Have the partners (samverkansparterna) agreed on this definition?',
    county: 'Which county or region is the municipality compared with?',
  },
};

const initSv: InitTexts = {
  roleName: { area: 'kommun', year: 'år (omgång)', gender: 'kön', grade: 'årskurs', weight: 'vikt', id: 'löpnummer' },
  encoding: validateSv.encoding,
  delimiter: validateSv.delimiter,
  source: validateSv.source,
  read: (file, rows, complete, enc, delim) => `Läste ${complete ? 'alla' : 'de första'} ${rows} raderna i ${file}: ${enc}, ${delim}.`,
  columnsHeading: 'Föreslagna kolumner:',
  none: '(ingen)',
  lang: 'sv',
  indicatorsHeading: 'Standardmallens indikatorer och kolumnerna som passar dem (✓ tagen: säker matchning; ? bara ett förslag: osäker, tas inte med utan dig; – ingen kolumn passar):',
  noColumn: (id) => `${id}: ingen kolumn passar`,
  moreCandidates: (n) => `(${n} förslag till)`,
  nameOnly: (c) => `${c} (bara ett kolumnnamn, ingen frågetext i filen)`,
  nearly: (id, why) => `liknar ${id}, men ${why}`,
  unusedHeading: 'Används inte:',
  freeText: (c) => `Fritext och löpnummer (används aldrig): ${c}`,
  emptyAnswer: '(tom)',
  population: (values, question) => `bara elever som svarat ${values} på ${question}`,
  usedBy: (id) => `(används redan av ${id})`,
  answerClass: { yes: 'ja', no: 'nej', missing: 'inget svar', unknown: 'okända' },
  reviewLine: (id, column, suggestion) => (column !== null ? `${id} ← ${column}` : suggestion !== null ? `${id}   (förslag: ${suggestion})` : `${id}   (ingen kolumn)`),
  pickedColumn: (question, summary, answers) => [`  "${question}"`, `  ${summary}`, ...answers.map((a) => `  ${a}`)].join('\n'),
  needYes: `init behöver svar men kan inte fråga (ingen terminal, eller --no-input). Kör i en terminal, eller ange --yes för att ta förslagen ovan (ändra dem med ${roleFlags('och')}).`,
  missingRole: (role, flag) => `hittade ingen kolumn för ${role}: ange den med ${flag} <kolumn>`,
  missingYear: (file) => `hittade ingen kolumn för år (omgång), och filnamnet ${file} har inget årtal: ange --year <år>, eller kolumnen med --year-column <kolumn>`,
  missingArea: 'hittade ingen kolumn för kommun: ange --area-name <namn> (alla svar räknas då till den kommunen), eller kolumnen med --area-column <kolumn>',
  yearFor: (year, from) => `Filen har ingen kolumn för år: enkätåret är ${year} (${from === 'flag' ? 'från --year' : from === 'answer' ? 'som du angav' : 'taget ur filnamnet'}).`,
  noCsv: 'ange enkätfilen: lagesbild init <fil.csv>',
  cancelled: 'Avbrutet; ingen fil skrevs.',
  notOverwritten: (p) => `${p} lämnades orörd; välj en annan fil med -o, eller ange --force.`,
  wrote: (p) => `Skrev ${p}.`,
  next: 'Nästa steg:',
  warning: (w) => {
    switch (w.code) {
      case 'answers-as-missing':
        return `${w.indicator} (${w.column}): okända svar ${quote(w.answers)} räknas nu som saknade; ändra i inställningsfilen om de betyder ja eller nej`;
      case 'chosen-unsure':
        return `${w.indicator}: du valde "${w.column}" (${w.doubts.map((d) => reasonText(d, 'sv')).join('; ')}); kontrollera att label och statement i inställningsfilen säger det frågan frågar`;
      case 'unsure':
        return `${w.indicator}: "${w.column}" kan passa men inte säkert (${w.doubts.map((d) => reasonText(d, 'sv')).join('; ')}); den står som ett bortkommenterat förslag sist i inställningsfilen`;

      case 'codes-only':
        return `${w.column} liknar ${w.indicator} men har bara sifferkoder (${quote(w.answers)}); den togs inte med: lägg till den för hand med de koder som betyder ja`;
      case 'gender-codes':
        return `${w.column} har koder med okänd betydelse (${quote(w.codes)}); de heter "Kön ${w.codes[0]}" … i inställningsfilen: skriv Flickor, Pojkar …`;
      case 'population-missing':
        return `${w.indicator}: mallen räknar bara en del av eleverna (population), men ingen kolumn för det hittades; indikatorn räknar nu alla som svarat`;
      case 'year-format':
        return `${w.column} har värden som "${w.example}": lagesbild behöver ett årtal med fyra siffror; ändra dem i filen (validate visar var)`;
      case 'preview':
        return `bara de första ${w.rows} raderna lästes; svar som först finns längre ner är inte med (validate läser alla rader)`;
    }
  },
  ask: {
    yes: 'Ja',
    no: 'Nej',
    keys: {
      select: { navigation: '↑↓ flytta • ⏎ välj', pager: '↑↓ flytta (fler nedanför) • ⏎ välj' },
      checkbox: '↑↓ flytta • mellanslag markerar • a alla • i omvänt • ⏎ klar',
    },
    csv: 'Vilken enkätfil (CSV, Excel eller SPSS) ska inställningarna utgå från?',
    year: 'Filen har ingen kolumn för år. Vilket år besvarades enkäten (fyra siffror)?',
    notYear: 'Skriv året med fyra siffror, t.ex. 2023',
    area: 'Filen har ingen kolumn för kommun. Vilken kommun gäller svaren?',
    overwrite: (p) => `${p} finns redan. Vill du ersätta den?`,
    rolesOk: 'Stämmer kolumnerna?',
    role: (r) => `Vilken kolumn anger ${r}?`,
    genderCode: (c, code) => `Vad betyder ${c} = "${code}"?`,
    gender: { girl: 'Flickor', boy: 'Pojkar', other: 'Annat/vill ej ange (visas inte som egen grupp)', missing: 'Inget svar' },
    review: 'Välj en indikator för att ändra kolumn eller svar, eller Klar:',
    done: 'Klar: skriv inställningsfilen',
    pickColumn: (id) => `Vilken kolumn ska ${id} läsas från?`,
    search: 'Sök bland alla kolumner …',
    searchPrompt: 'Skriv en del av frågan',
    noColumn: 'Ingen kolumn: ta inte med indikatorn',
    answersOk: 'Stämmer indelningen av svaren?',
    pickYes: (id) => `Vilka svar räknas som ja för ${id}?`,
    unknownYes: (v, c) => `Svaren ${v} i ${c}: vilka av dem räknas som ja?`,
    unknownMissing: 'Och vilka av de övriga betyder "inget svar"? (resten räknas som nej)',
    definition: 'Kommunens definition av våld (handbokens steg 2). Tryck Enter för mallens förslag (fritt efter WHO):',
    definitionAgreed: 'Har samverkansparterna enats om den här definitionen?',
    county: 'Vilket län eller vilken region jämförs kommunen med?',
  },
};

const MESSAGES: Record<CliLang, CliMessages> = {
  en: { validate: validateEn, init: initEn, run: runEn },
  sv: { validate: validateSv, init: initSv, run: runSv },
};

export function cliMessages(lang: CliLang): CliMessages {
  return MESSAGES[lang];
}
