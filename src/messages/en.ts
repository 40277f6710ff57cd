// The English catalogue: every error, warning and row problem lagesbild reports, by id.
// The Swedish one (sv.ts) has the same ids and parameters (the type checker holds them
// together). Parameters that come from users (names, values, paths) are passed through the
// printable filter by render() before they reach these functions.
import type { ShownCell } from '../ingest/near-miss.js';
import type { CliTexts, InitTexts, RunTexts } from './texts.js';
import type { ValidateTexts } from '../validate/format.js';
import { reasonText } from '../init/explain.js';
import type { DatedColumns } from '../init/propose.js';
import { formatList } from '../text.js';
import type { Message } from './index.js';

/** A parameter that is itself a message (rendered in the same language before it is used here). */
type Text = string | Message;
/** A text from the config in both languages ({ sv, en }); the one of the message's language is used. */
type Localized = string | { sv: string; en: string };

/** A number as English writes it: 1,000,000. */
const num = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;
const list = (values: readonly string[]) => values.join(', ');
/** The config's file name where it is known (configFileName). */
const inConfig = (config: string | null) => (config === null ? 'in the config' : `in ${config}`);
const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
/** A cell: quoted when it may be shown, else only its length (see src/ingest/near-miss.ts). */
const cell = (c: ShownCell) => ('text' in c ? `"${c.text}"` : `an unknown value of ${plural(c.length, 'character', 'characters')}`);
/** Answers in a list: one holding a comma or semicolon ("Ja, en gång") in quotes, so the list is read right. */
const answers = (values: readonly string[]) => values.map((a) => (a === '' ? '(empty)' : /[,;]/.test(a) ? `"${a}"` : a)).join(', ');

export const en = {
  // ── command line ──────────────────────────────────────────────────────────────────────
  'cli.error': (p: { text: string }) => `error: ${p.text}`,
  'cli.warning': (p: { text: string }) => `warning: ${p.text}`,
  'cli.internal': (p: { text: Text }) => `internal error: ${p.text}`,
  'cli.bug': () => 'This is a bug in lagesbild. Run again with --debug and report the output (it contains no survey data).',
  'cli.helpAfterError': () => '(run with --help for usage)',
  'cli.unknownOption': (p: { flag: string; suggestion?: string }) => `unknown option '${p.flag}'${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}`,
  'cli.unknownCommand': (p: { command: string; suggestion?: string }) => `unknown command '${p.command}'${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}`,
  'cli.missingArgument': (p: { name: string }) => `missing required argument '${p.name}'`,
  'cli.missingValue': (p: { flag: string }) => `option '${p.flag}' needs a value`,
  'cli.invalidChoice': (p: { flag: string; value: string; allowed: string }) => `option '${p.flag}': "${p.value}" is not one of ${p.allowed}`,
  'cli.conflict': (p: { a: string; b: string }) => `option '${p.a}' cannot be used with option '${p.b}'`,
  'cli.tooManyArguments': (p: { count: number }) => `too many arguments (${num(p.count)} not expected)`,
  'cli.notOneOf': (p: { value: string; allowed: string[] }) => `"${p.value}" is not one of ${list(p.allowed)}`,
  'cli.lang': (p: { value: string }) => `--lang must be sv or en, not "${p.value}"`,
  'cli.noArea': (p: { area: string }) => `no municipality "${p.area}" in the data`,
  'cli.chooseArea': (p: { areas: string[] }) => `Choose one of: ${list(p.areas)}`,
  'cli.manyAreas': (p: { count: number }) => `the data has ${num(p.count)} municipalities; say which to report with --area`,
  'cli.manyAreas.hint': (p: { areas: string[] }) => `Choose one of: ${list(p.areas)} (or use \`lagesbild batch\` for all)`,
  'cli.pool': (p: { spec: string }) => `--pool "${p.spec}" is not of the form "Name=Municipality1+Municipality2"`,
  'cli.jobs': (p: { value: string }) => `--jobs "${p.value}" is not a whole number from 1 to 64`,
  'cli.shard': (p: { value: string }) => `--shard "${p.value}" is not of the form i/n with 1 ≤ i ≤ n`,
  'cli.shard.hint': () => 'For example --shard 2/4 for the second of four CI runners',
  'cli.sameFolder': (p: { a: string; b: string; dir: string }) => `"${p.a}" and "${p.b}" would be written to the same folder ${p.dir}`,
  'cli.sameFolder.hint': () => 'Make the municipality names differ by more than spaces and punctuation in the data',
  'cli.date': (p: { value: string }) => `--date "${p.value}" is not a date in the calendar`,
  'cli.date.hint': () => 'Use the form YYYY-MM-DD with a real day, such as 2024-03-31',
  'cli.epoch': (p: { value: string }) => `SOURCE_DATE_EPOCH "${p.value}" is not a number of seconds since 1970`,
  'cli.epoch.hint': () => 'Set it to a whole number such as 1700000000, or unset it',
  'cli.noInput': () => 'no data file given',
  'cli.noInput.hint': () => 'Name one or more survey files, e.g. `lagesbild report data/*.csv` (or - for standard input)',
  'cli.globNone': (p: { input: string }) => `no file matches "${p.input}"`,

  'batch.workerError': (p: { text: string }) => `the worker stopped with an error: ${p.text}`,
  'batch.workerAnswer': (p: { text: string }) => `the worker's answer could not be read: ${p.text}`,
  'batch.workerExit': (p: { code: number }) => `the worker stopped unexpectedly (exit code ${p.code})`,
  'batch.workerStopped': () => 'the worker was stopped',

  // ── outputs ───────────────────────────────────────────────────────────────────────────
  'output.wouldOverwrite': (p: { paths: string[]; more: number }) => `would overwrite ${list(p.paths)}${p.more > 0 ? ` and ${num(p.more)} more` : ''}`,
  'output.wouldOverwrite.hint': () => 'Pass --force to replace them, or choose another folder with -o',
  'output.wouldOverwrite.initHint': () => 'Pass --force to replace it, or name another config file with -o',
  'output.wouldOverwrite.exampleHint': () => 'Pass --force to replace them, or name another folder: lagesbild example <folder>',
  'output.cannotCreateFolder': (p: { path: string; cause: Text; code: string }) => `cannot create the output folder ${p.path}: ${p.cause} (${p.code})`,
  'output.cannotWrite': (p: { path: string; cause: Text; code: string }) => `cannot write ${p.path}: ${p.cause} (${p.code})`,
  'output.inTheWay': () => 'a file with that name (or with the name of a folder above it) is in the way',
  'output.inTheWay.hint': () => 'Choose another folder with -o, or move the file',
  'output.otherFolder.hint': () => 'Choose another folder with -o',

  // ── causes of I/O errors ──────────────────────────────────────────────────────────────
  'io.EACCES': () => 'permission denied',
  'io.EROFS': () => 'the file system is read-only',
  'io.ENOSPC': () => 'the disk is full',
  'io.ENOENT': () => 'no such file or folder',
  'io.EISDIR': () => 'it is a folder, not a file',
  'io.ENOTDIR': () => 'part of the path is a file, not a folder',
  'io.EEXIST': () => 'it exists',
  'io.ENAMETOOLONG': () => 'the name is too long',
  'io.EMFILE': () => 'too many files are open',
  'io.EBUSY': () => 'the file is in use by another program (open in Excel or a PDF reader?)',
  'io.other': () => 'an input/output error',
  'io.EACCES.write': () => 'Choose a folder you may write to with -o, or ask for write access',
  'io.EACCES.read': () => 'Ask for read access to the file, or copy it to a folder of your own',
  'io.EROFS.hint': () => 'Choose a folder on a writable disk with -o',
  'io.ENOSPC.hint': () => 'Free some space, or choose another disk with -o',
  'io.ENAMETOOLONG.hint': () => 'Choose a shorter folder name with -o',
  'io.EMFILE.hint': () => 'Close other programs, or run again with fewer --jobs',
  'io.EBUSY.hint': () => 'Close it and run again',

  // ── config ────────────────────────────────────────────────────────────────────────────
  'config.notFound': () => 'config file not found',
  'config.notFound.hint': () => 'Pass it with -c <file>, or run `lagesbild init <csv>` to create one',
  'config.cannotRead': (p: { cause: Text; code: string }) => `cannot read the config file: ${p.cause} (${p.code})`,
  'config.yaml': (p: { detail: Text }) => `not valid YAML: ${p.detail}`,
  'config.yaml.aliasHint': () => 'Write the values out instead of using YAML aliases (*name)',
  'config.yaml.tooManyAliases': () => 'too many YAML aliases (*name): they would make the config grow without bound',
  'config.yaml.badAlias': () => 'an alias (*name) refers to an anchor (&name) that is not defined before it',
  'config.yaml.indent': () => 'the indentation does not fit the lines above',
  'config.yaml.tab': () => 'a tab is used for indentation (YAML needs spaces)',
  'config.yaml.missingChar': () => 'a character is missing here (a closing quote or bracket, or the colon after a key)',
  'config.yaml.implicitKey': () => 'a key runs over more than one line, or a value is missing after a key',
  'config.yaml.unexpected': () => 'unexpected text here (a colon in a value without quotes?)',
  'config.yaml.documents': () => 'the file holds more than one YAML document (a line "---" in the middle)',
  'config.yaml.other': (p: { code: string }) => `the YAML syntax is broken here (${p.code})`,
  'config.duplicateKey.plain': () => 'a key appears twice in the same mapping',
  'config.duplicateKey': (p: { key: string; firstLine: number }) => `the key "${p.key}" appears twice in the same mapping (first on line ${p.firstLine})`,
  'config.duplicateKey.hint': () => 'Keep one of them',
  'config.notMapping': () => 'the config must be a mapping of keys (project, columns, groups, indicators, …)',
  'config.unknownKey': (p: { key: string }) => `unknown key "${p.key}"`,
  'config.unknownKey.hint': () => 'Check the spelling; allowed keys are listed in schema/lagesbild.schema.json',
  'config.missingKey': () => 'missing required key',
  'config.addKey': (p: { path: string; allowed?: string[]; type?: string }) =>
    `Add ${p.path}${p.allowed ? `: one of: ${list(p.allowed)}` : ''}${p.type ? ` (${p.type})` : ''}`,
  'config.notAllowed': (p: { value: Text }) => `${p.value} is not allowed`,
  'config.useOneOf': (p: { allowed: string[] }) => `Use one of: ${list(p.allowed)}`,
  'config.expected': (p: { expected: string; found: Text }) => `expected ${p.expected}, found ${p.found}`,
  'config.quoteText': (p: { source: string }) => `Put it in quotes, "${p.source}": without them it is not read as text (a code such as 0180 becomes the number 180)`,
  'config.invalidUnion': (p: { found: Text }) => `not a valid value (${p.found})`,
  'config.invalidUnion.hint': () => 'See schema/lagesbild.schema.json for the allowed forms',
  'config.notEmpty': () => 'must not be empty',
  'config.count': (p: { least: boolean; count: number; unit: 'item' | 'character' }) =>
    `needs ${p.least ? 'at least' : 'at most'} ${plural(p.count, p.unit, `${p.unit}s`)}`,
  'config.bound': (p: { small: boolean; strict: boolean; limit: number }) =>
    `must be ${p.small ? (p.strict ? 'greater than' : 'at least') : p.strict ? 'less than' : 'at most'} ${p.limit}`,
  'config.invalid': (p: { detail: string }) => `invalid value (${p.detail})`,
  'config.describe.nothing': () => 'nothing',
  'config.describe.empty': () => 'an empty value',
  'config.describe.list': () => 'a list',
  'config.describe.mapping': () => 'a mapping',
  'config.describe.value': (p: { type: string; value: string }) => `${p.type} ${p.value}`,
  'config.duplicateId': (p: { id: string; first: number }) => `indicator id "${p.id}" is used twice (also indicators[${p.first}])`,
  'config.duplicateId.hint': () => 'Give every indicator its own id',
  'config.unknownScale': (p: { scale: string }) => `unknown answer scale "${p.scale}"`,
  'config.unknownScale.hint': (p: { known: string[] }) => (p.known.length ? `Use one of: ${list(p.known)}` : 'Define it under answer_scales'),
  'config.unknownIndicator': (p: { id: string }) => `unknown indicator "${p.id}"`,
  'config.unknownIndicator.hint': () => 'Use the id of an indicator in this file',
  'config.needsLevel': () => 'a förändringsfaktor needs its ecological level',
  'config.needsLevel.hint': () => 'Set level: individ, relation, narmiljo or samhalle',
  'config.cycle': () => 'derived indicators or population filters refer to each other in a circle',
  'config.sameGenderCode': () => 'two gender values have the same code',
  'config.logoType': (p: { ext: string }) => `the logo must be a PNG or JPEG file, not "${p.ext || 'no extension'}"`,
  'config.logoNotFound': (p: { path: string }) => `logo file not found: ${p.path}`,
  'config.logoNotFound.hint': () => 'The path is relative to the config file',
  'config.logoCannotRead': (p: { path: string; cause: Text; code: string }) => `cannot read the logo ${p.path}: ${p.cause} (${p.code})`,
  'config.logoNotImage': (p: { path: string; type: string }) => `the logo ${p.path} is not a ${p.type} image`,
  'config.logoNotImage.hint': () => 'Export the logo again as PNG or JPEG',
  'config.reservedGroupId': () => 'gender, grade, total and all are taken; choose another id',
  'config.extraIdTwice': (p: { id: string; first: number }) => `the breakdown id "${p.id}" is used twice (also groups.extra[${p.first}])`,
  'config.extraIdTwice.hint': () => 'Give every breakdown its own id',
  'config.extraSameCode': (p: { id: string; code: string }) => `two values of ${p.id} have the code "${p.code}"`,
  'config.extraSameCode.hint': () => 'Give each value its own code (the answer as it is in the data)',
  'config.aspectChapter': () => 'aspect (plats, foljder, berattat) belongs to the utsatthet chapter',
  'config.aspectChapter.hint': () => 'Set chapter: utsatthet, or remove aspect',
  'config.referenceLabelTwice': (p: { label: string; first: number }) => `the reference label "${p.label}" is used twice (also references[${p.first}])`,
  'config.referenceLabelTwice.hint': () => 'Give every reference its own label',

  // ── reference values (config references) ──────────────────────────────────────────────
  'reference.notFound': (p: { file: string }) => `the reference file ${p.file} does not exist`,
  'reference.tooLarge': (p: { kb: number; max: number }) => `the reference file is ${num(p.kb)} KB; at most ${num(p.max)} KB`,
  'reference.tooLarge.hint': () => 'A reference file holds published figures: one row per indicator, year and group',
  'reference.missingColumns': (p: { columns: string[] }) => `the reference file has no column ${list(p.columns)}`,
  'reference.missingColumns.hint': (p: { required: string[]; optional: string[] }) => `The first line names the columns: ${list(p.required)} (and optionally ${list(p.optional)})`,
  'reference.tooManyRows': (p: { max: number }) => `the reference file has more than ${num(p.max)} rows`,
  'reference.unknownIndicator': (p: { value: string }) => `"${p.value}" is not an indicator id of the config`,
  'reference.unknownIndicator.hint': (p: { config: string | null }) => `Use the ids under indicators ${inConfig(p.config)} (e.g. fysiskt_vald)`,
  'reference.notYear': (p: { value: string }) => `"${p.value}" is not a year`,
  'reference.notYear.hint': () => 'Write the year of the survey the value comes from, e.g. 2023',
  'reference.unknownGroup': (p: { value: string }) => `"${p.value}" is not a group of the config`,
  'reference.unknownGroup.hint': (p: { examples: string[] }) => `Use total, or a group key such as ${p.examples.join(' or ')}`,
  'reference.notNumber': (p: { value: string }) => `"${p.value}" is not a number`,
  'reference.notNumber.hint': (p: { unit: 'percent' | 'proportion' }): string => (p.unit === 'percent' ? 'Write a percentage such as 12 or 12,5' : 'Write a proportion such as 0.125'),
  'reference.percentSign.hint': () => 'The file writes percentages: give this reference set unit: percent in the config',
  'reference.outOfRange': (p: { value: string; max: number }) => `${p.value} is outside 0–${p.max}`,
  'reference.outOfRange.hint': (p: { unit: 'percent' | 'proportion' }): string =>
    p.unit === 'percent' ? 'Shares are in percent (0–100); set unit: proportion for shares between 0 and 1' : 'Shares are proportions (0–1); set unit: percent for percentages',
  'reference.oneEnd': () => 'the interval has only one end',
  'reference.oneEnd.hint': () => 'Give both ci_lower and ci_upper, or neither',
  'reference.outsideInterval': () => 'the estimate is not inside its interval',
  'reference.outsideInterval.hint': () => 'Check that ci_lower ≤ estimate ≤ ci_upper',
  'reference.notCount': (p: { value: string }) => `"${p.value}" is not a number of respondents`,
  'reference.notCount.hint': () => 'Write a whole number such as 12 345, or leave the cell empty',
  'reference.duplicate': (p: { indicator: string; year: number; group: string; line: number }) => `${p.indicator}, ${p.year}, ${p.group} is also on line ${p.line}`,
  'reference.duplicate.hint': () => 'Give each indicator, year and group one row',
  'reference.empty': () => 'the reference file has no rows of values',
  'reference.empty.hint': () => 'Add one row per indicator, year and group under the header',
  'reference.proportions': (p: { label: Localized }) => `every estimate of ${p.label} is at most 1, so they look like proportions, not percentages`,
  'reference.proportions.hint': (p: { set: number }) => `Set references[${p.set}].unit: proportion, or write the values in percent`,

  // ── reading a file ────────────────────────────────────────────────────────────────────
  'data.notFound': () => 'file not found',
  'data.notFound.hint': () => 'Check the path and spelling',
  'data.isFolder': () => 'is a folder, not a data file',
  'data.isFolder.hint': () => 'Pass the files inside it (e.g. folder/*.csv)',
  'data.cannotRead': (p: { cause: Text; code: string }) => `cannot read the file: ${p.cause} (${p.code})`,
  'data.empty': () => 'the file is empty',
  'data.empty.hint': () => 'Export the survey again, with a header row and one row per respondent',
  'data.utf16.invalid': (p: { encoding: string }) => `the file is ${p.encoding} text (Excel's "Unicode text"), but not from this line on: it is cut off, or not all text`,
  'data.utf16.invalid.hint': () => 'Save the whole table again as "Unicode text" or as "CSV UTF-8" (in Excel: Spara som)',
  'data.binary': () => 'the file is not text: it is full of control characters (a spreadsheet, archive or other binary file?)',
  'data.exportCsv.hint': () => 'Export the data as CSV (comma or semicolon separated text)',
  'data.mixedEncoding': () => 'the file is not valid UTF-8 from this line on (mixed encodings?)',
  'data.mixedEncoding.hint': () => 'Save the whole file again as "CSV UTF-8", or pass --encoding windows-1252',
  'data.nul': () => 'the file contains NUL bytes: it is not a text CSV file (a spreadsheet or binary file?)',
  'data.noDelimiter': () => 'could not find a column separator in the header (no comma, semicolon or tab)',
  'data.noDelimiter.hint': () => 'The file needs a header row with the column names, separated by , or ; (or use --delimiter)',
  'data.noHeader': () => 'the file has no header row',
  'data.noHeader.hint': () => 'The first row must hold the column names',
  'data.noRows': () => 'the file has a header but no respondent rows',
  'data.noRows.hint': () => 'Export the survey again with its answers',
  'data.cutOff': () => 'the file ends in the middle of a character (was it cut off?)',
  'data.cutOff.hint': () => 'Export or copy the whole file again',
  'data.width': (p: { fields: number; width: number }) => `row has ${plural(p.fields, 'field', 'fields')}, the header has ${num(p.width)}`,
  'data.width.mixed': (p: { delimiter: Delimiter }) => `The header is separated by ${delimiterWord(p.delimiter)}s but this row is not: are delimiters mixed in the file?`,
  'data.width.hint': (p: { delimiter: Delimiter }) =>
    `Check for a missing or extra ${delimiterWord(p.delimiter)} on this line, or a value with a ${delimiterWord(p.delimiter)} that is not in quotes`,
  'data.quoteNotClosed': () => 'a quoted value that starts on this line is never closed (a " without its closing ")',
  'data.quoteNotClosed.hint': () => 'Add the closing quote, or remove the opening one',
  'data.quoteInside': () => 'a quote (") appears inside a value that is not in quotes',
  'data.quoteInside.hint': () => 'Put the whole value in quotes and double the inner quote (""), or remove the quote',
  'data.afterQuote': () => 'a quoted value goes on after its closing quote',
  'data.afterQuote.hint': () => 'Put the whole value in quotes and double the inner quotes ("")',
  'data.longRow': (p: { max: number }) => `a row is longer than ${num(p.max)} characters`,
  'data.longRow.hint': () => 'This usually means a quote is never closed or the line breaks are missing; check the file in a text editor',
  'data.parse': (p: { code: string }) => `cannot parse the CSV (${p.code})`,
  'data.parse.hint': (p: { encoding: string; delimiter: Delimiter }) => `The file was read as ${p.encoding}, separated by ${delimiterWord(p.delimiter)}s`,

  // ── formats: what a file is, Excel and SPSS ──────────────────────────────────────────
  'data.noHeader.afterSep': () => 'The line after "sep=" must hold the column names',
  'data.sepLine': (p: { sep: string }) => `the first line "sep=${p.sep}" names ${JSON.stringify(p.sep)} as the column separator; lagesbild reads comma, semicolon or tab`,
  'data.sepLine.hint': () => 'Save the file again with ; or , between the columns',
  'format.note': (p: { name: string; format: Text; ext: string }) => `${p.name} is ${p.format} although its name ends in ${p.ext}: read as such`,
  'format.csv': () => 'a CSV file',
  'format.xlsx': () => 'an Excel workbook',
  'format.sav': () => 'an SPSS data file',
  'format.ods': () => 'the file is an OpenDocument spreadsheet (.ods), which lagesbild does not read',
  'format.ods.hint': () => 'Save it as an Excel workbook (.xlsx) or as CSV UTF-8',
  'format.document': () => 'the file is a document (Word or OpenDocument), not survey data',
  'format.exportData.hint': () => 'Export the survey data itself as .xlsx, .sav or CSV',
  'format.xls': () => 'the file is an old Excel 97–2003 workbook (.xls) or a password-protected file, which lagesbild does not read',
  'format.xls.hint': () => 'Open it in Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8, without a password',
  'format.pdf': () => 'the file is a PDF, not survey data',
  'format.gzip': () => 'the file is compressed (gzip)',
  'format.gzip.hint': () => 'Unpack it first (e.g. gunzip) and read the file inside',
  'format.por': () => 'the file is an SPSS portable file (.por), which lagesbild does not read',
  'format.por.hint': () => 'Open it in SPSS or PSPP and save it as a .sav file',
  'stdin.tty': () => '"-" reads the data from standard input, but nothing is piped in',
  'stdin.tty.hint': () => 'Pipe the data in (e.g. `cat enkat.csv | lagesbild validate -`) or name the file',
  'stdin.empty': () => 'standard input is empty',
  'stdin.empty.hint': () => 'Pipe the survey data in, e.g. `cat enkat.csv | lagesbild validate -`',
  'xlsx.beyondHeader': (p: { column: string }) => `a value in column ${p.column}, to the right of the header's last column`,
  'xlsx.beyondHeader.hint': () => 'Give the column a name in the header row, or delete the stray value',
  'xlsx.noSheet': (p: { sheet: string }) => `the workbook has no sheet "${p.sheet}"`,
  'xlsx.noSheet.hint': (p: { sheets: string[] }) => (p.sheets.length ? `Its sheets are: ${list(p.sheets)}` : 'Check the file'),
  'xlsx.noSheets': () => 'the workbook has no sheets (is it an Excel file?)',
  'xlsx.saveAgain.hint': () => 'Open it in Excel and save it again as an Excel workbook (.xlsx)',
  'xlsx.emptySheet': () => 'the sheet has no header row (a row with two or more column names)',
  'xlsx.otherWaves': (p: { file: string; sheet: string; others: string[] }) =>
    `${p.file}: only sheet ${p.sheet} was read; ${p.others.length === 1 ? 'sheet' : 'sheets'} ${list(p.others)}, named like ${p.others.length === 1 ? 'another wave, is' : 'other waves, are'} not read. To report every wave, save each sheet as its own file (the year in its name), or read another with --sheet`,
  'xlsx.noTable': (p: { sheets: string[] }) => `none of the sheets (${list(p.sheets)}) has a header row (a row with two or more column names)`,
  'xlsx.noTable.hint': () => 'The survey needs a row with the column names above one row per respondent (name its sheet with --sheet)',
  'xlsx.damaged': () => 'the Excel workbook cannot be read: it is damaged, cut off, or not a real .xlsx file',
  'xlsx.damaged.hint': () => 'Open it in Excel and save it again as an Excel workbook (.xlsx), or export it as CSV UTF-8',
  'sav.damaged': (p: { where?: string }) => `the SPSS file is damaged or cut off${p.where ? ` (${p.where})` : ''}`,
  'sav.damaged.hint': () => 'Save it again from SPSS or PSPP (Spara som → .sav), or export it as CSV UTF-8',
  'sav.notSav': () => 'not an SPSS data file (.sav)',
  'sav.encoding': (p: { name: string }) => `the SPSS file's character encoding "${p.name}" is not one lagesbild knows`,
  'sav.encoding.hint': () => 'Pass --encoding utf-8 or --encoding windows-1252, or save the file again in SPSS with Unicode (UTF-8)',
  'sav.cutOff': (p: { record: number }) => `the SPSS file ends in the middle of record ${num(p.record)} (was it cut off?)`,
  'labels.conflict': (p: { column: string; code: string; label: string; key: string; byLabel: Text; byCode: Text }) =>
    `column ${p.column}: code ${p.code} is "${p.label}" in the file; ${p.key} counts "${p.label}" as ${p.byLabel} but the code ${p.code} as ${p.byCode}`,
  'labels.conflict.hint': (p: { key: string }) => `Name either the code or the answer text in ${p.key}, not both with different meanings`,
  // ── files without a year or municipality column ────────────────────────────────────────
  'facts.noArea': () => 'the config names no municipality column (columns.area) and no municipality',
  'facts.noArea.hint': () => 'Add `area: <name>` under project in the config, or pass --area-name <name> (or name the column under columns.area)',
  'facts.areaNameWithColumn': (p: { column: string }) => `--area-name is for data without a municipality column, but the config reads it from column "${p.column}"`,
  'facts.areaNameWithColumn.hint': () => 'Leave out --area-name, or remove columns.area from the config',
  'facts.yearWithColumn': (p: { column: string }) => `--year is for data without a year column, but the config reads it from column "${p.column}"`,
  'facts.yearWithColumn.hint': () => 'Leave out --year, or remove columns.year from the config',
  'facts.noYear': (p: { file: string; stdin: boolean }) =>
    `the survey year of ${p.file} is not known: the config names no year column and ${p.stdin ? 'standard input has no file name' : 'the file name holds no single four-digit year'}`,
  'facts.noYear.hint': (p: { example: string }) => `Pass --year <year>, list the file under columns.year_by_file in the config, or name the file with its year (e.g. ${p.example})`,
  'facts.yearFrom': (p: { file: string; year: number; from: 'flag' | 'config' | 'file-name' }) =>
    `${p.file}: survey year ${p.year} (${{ flag: 'from --year', config: 'from columns.year_by_file in the config', 'file-name': 'from the file name' }[p.from]})`,
  'config.oneKind': () => 'give exactly one of `column` (with `answers`), `any_of` or `all_of`',
  'config.needsAnswers': () => 'a column indicator needs `answers` (a scale name or yes/no/missing lists)',
  'config.otherOptionsNeedSeveral': () => '`other_options` belongs to an indicator with `several_answers: true` (what a ticked part that is no option counts as)',
  'config.severalAnswersColumn': () => '`several_answers` belongs to an indicator read from one column that holds all the ticked options (not to one of `checkboxes`)',
  'config.checkboxesNeedColumn': () => '`checkboxes` belongs to an indicator read from a column (one box of the question)',
  'config.yearTwice': () => 'the year comes from the column in `year`: remove one of `year` and `year_by_file`',
  'cli.year': (p: { value: string }) => `--year must be a four-digit year such as 2023, not "${p.value}"`,
  'cli.areaName': () => '--area-name needs the municipality name',
  'cli.globNone.hint': () => 'Check the folder and the pattern (* any name, ** any folders, {a,b} either, [12] one of)',
  'cli.stdinTwice': () => '"-" (standard input) is given twice',
  'cli.stdinTwice.hint': () => 'Standard input can be read once: name it once',
  'input.configTable': (p: { file: string; field: string }) => `${p.file} is the table the config names as ${p.field}: it is not read as survey data`,
  'input.onlyConfigTables': (p: { fields: string[] }) => `every file given is a table the config names (${p.fields.join(', ')}), not survey data`,
  'input.onlyConfigTables.hint': () => 'Name the survey files too, e.g. `data/enkat-*.csv`',
  'init.dateColumn': (p: { column: string; example: string }) => `column "${p.column}" holds dates such as ${p.example}, not the survey year`,
  'init.dateColumn.hint': () =>
    'The survey year is the wave the pupils belong to: give it with --year (or in the file name, e.g. enkat-2023.xlsx), or name a column with four-digit years',
  // ── columns and rows ──────────────────────────────────────────────────────────────────
  'data.notAHeader': (p: { columns: string[] }) => `the first row is not a header with the config's columns: none of ${quoted(p.columns)} is in it`,
  'data.notAHeader.hint': () => 'The first row must hold the column names: export the file again with its header row, or check that -c names the config of this survey',
  'data.missingColumn': (p: { column: string; key: string }) => `column "${p.column}" (${p.key} in the config) is not in the header`,
  'data.missingColumn.near': (p: { near: string }) => `The file has "${p.near}": correct the spelling in the config`,
  'data.missingColumn.renamed': (p: { other: string; position: number; column: string }) =>
    `The file has "${p.other}" (column ${p.position}): if it is the same question under another name, add it to columns.renamed in the config ("${p.other}": "${p.column}"), and to the indicator's series_breaks if the change makes the years incomparable`,
  'data.missingColumn.hint': (p: { key: string; count: number; columns: string[]; more: number }) =>
    `Check ${p.key} in the config; the file has ${plural(p.count, 'column', 'columns')}: ${list(p.columns)}${p.more > 0 ? `, … (${num(p.more)} more)` : ''}`,
  'data.renamedTwice': (p: { column: string; first: string; second: string }) =>
    `the file has two columns that columns.renamed in the config names "${p.column}": "${p.first}" and "${p.second}"`,
  'data.renamedTwice.hint': () => 'Keep the one that is the question of this wave in columns.renamed',
  'data.twoColumns': (p: { column: string; first: number; second: number }) => `the header has two columns named "${p.column}" (columns ${p.first} and ${p.second})`,
  'data.twoColumns.hint': () => 'Rename one of them so the config can tell them apart',
  'row.noArea': (p: { column: string }) => `no municipality (empty ${p.column})`,
  'row.noArea.hint': () => 'Every row needs the municipality name',
  'row.controlInName': (p: { code: string }) => `the name holds a control character (U+${p.code})`,
  'row.controlInName.hint': () => 'Remove it from the file: it is invisible, and often left behind by copying from another program',
  'row.year': (p: { value: ShownCell }) => `${cell(p.value)} is not a survey year`,
  'row.year.schoolYear': (p: { value: string; autumn: number; config: string | null }) =>
    `"${p.value}" is a school year: say when the survey was answered, with \`answered_in: spring\` (read as ${p.autumn + 1}) or \`answered_in: autumn\` (read as ${p.autumn}) under \`columns\` ${inConfig(p.config)}`,
  'row.year.hint': () => 'Use a four-digit year such as 2023',
  'row.noCluster': (p: { column: string }) => `no cluster (empty ${p.column})`,
  'row.noCluster.hint': () => 'Every row needs its PSU (e.g. school)',
  'row.group': (p: { value: ShownCell; group: Localized }) => `${cell(p.value)} is not a value of ${p.group}`,
  'row.group.hint': (p: { expected: string[]; config: string | null }) => `Expected one of: ${list(p.expected)}; add it as a value or alias under groups ${inConfig(p.config)}`,
  'row.answer': (p: { value: ShownCell; indicator: string }) => `${cell(p.value)} is not an answer of ${p.indicator}`,
  'row.answer.hint': (p: { expected: string[]; scale: string; config: string | null }) => `Expected one of: ${answers(p.expected)}; add it to ${p.scale} ${inConfig(p.config)} (yes, no or missing)`,
  'row.nearMatch': (p: { match: string; value: string; ends: boolean; config: string | null }) =>
    `It differs from "${p.match}" only by ${p.ends ? 'spaces at the start or end' : 'spaces or upper/lower case'}: clean the file, or add "${p.value}" to the answers ${inConfig(p.config)}`,
  'row.weight.empty': () => 'empty weight',
  'row.weight.negative': (p: { value: ShownCell }) => `negative weight ${cell(p.value)}`,
  'row.weight.notNumber': (p: { value: ShownCell }) => `${cell(p.value)} is not a number`,
  'row.weight.notFinite': (p: { value: ShownCell }) => `${cell(p.value)} is not a finite number`,
  'row.weight.zero': () => 'weight is 0',
  'row.weight.range': (p: { value: ShownCell; min: number; max: number }) => `weight ${cell(p.value)} is outside the plausible range ${p.min} to ${num(p.max)}`,
  'row.weight.comma.hint': () => 'The weight has a decimal comma in a comma-separated file: write 1.5, or save the file with semicolons (Swedish Excel), where 1,5 is read as 1.5',
  'row.weight.range.hint': () => 'Check the weight column: a shifted row, or weights in another unit?',
  'row.weight.hint': () => 'Weights must be positive numbers (respondents with no weight should be removed or given one by whoever made the weights)',
  'row.fpc.empty': () => 'empty design.fpc',
  'row.fpc.notPositive': (p: { value: ShownCell }) => `design.fpc ${cell(p.value)} is not a positive number`,
  'row.fpc.hint': () =>
    "design.fpc is the population size of the row's stratum (its number of PSUs, or of pupils without design.cluster) or the sampled fraction, a positive number the same on every row of a stratum",

  // ── statistics ────────────────────────────────────────────────────────────────────────
  'limit.blocks': (p: { limit: number }) => `more than ${num(p.limit)} distinct wave × municipality × stratum × cluster combinations`,
  'limit.blocks.hint': () => 'Is design.cluster (or design.strata) a respondent id by mistake? Clusters are e.g. schools',
  'design.lonely': (p: { stratum: string | null }) =>
    `${p.stratum === null ? 'the wave' : `stratum "${p.stratum}"`} has only one PSU (primary sampling unit), so its variance cannot be estimated with design.lonely_psu: fail`,
  'design.lonely.hint': () => 'Set design.lonely_psu to adjust, average, certainty or remove, or merge the stratum with another',
  'design.allLonely': () => 'every stratum in this domain has a single PSU, so design.lonely_psu: average has no stratum to average over',
  'design.allLonely.hint': () => 'Set design.lonely_psu to adjust, certainty or remove, or merge strata',
  'design.fpc.varies': (p: { year: number; stratum: string | null; first: number; other: number }) =>
    `design.fpc is ${p.other} here but ${p.first} on an earlier row of ${p.stratum === null ? `the wave ${p.year}` : `stratum "${p.stratum}" in ${p.year}`}`,
  'design.fpc.varies.hint': () => 'The population size (or sampled fraction) belongs to the stratum: give every row of a stratum the same value',
  'design.fpc.mixed': (p: { year: number }) => `design.fpc mixes population sizes (above 1) and sampled fractions (below 1) in ${p.year}`,
  'design.fpc.mixed.hint': () => 'Give every stratum its population size (its number of PSUs, or of pupils without design.cluster), or every stratum its sampled fraction',
  'design.fpc.smaller': (p: { year: number; stratum: string | null; size: number; sampled: number }) =>
    `design.fpc says ${p.stratum === null ? `the wave ${p.year}` : `stratum "${p.stratum}" in ${p.year}`} has a population of ${num(p.size)} but the data has ${plural(p.sampled, 'sampled unit', 'sampled units')} in it`,
  'design.fpc.smaller.hint': () =>
    'design.fpc is the population size of the stratum in the same units as the sample (PSUs with design.cluster, pupils without), or its sampled fraction',

  // ── population file ───────────────────────────────────────────────────────────────────
  'population.notFound': (p: { file: string }) => `the population file ${p.file} does not exist`,
  'population.notFound.hint': () => 'The path is relative to the config file',
  'population.noColumn': (p: { column: string }) => `the population file has no column ${p.column}`,
  'population.noColumn.hint': (p: { en: string[]; sv: string[] }) => `Its header must name the columns ${list(p.en)} (or in Swedish ${list(p.sv)})`,
  'population.gradeColumn': () => 'the population file has a column grade but the config has no groups.grade',
  'population.gradeColumn.hint': () => 'Remove the column and sum the counts over school years, or add groups.grade to the config',
  'population.noArea': () => 'no municipality',
  'population.noArea.hint': () => 'Every row needs the municipality, spelt as in the survey data',
  'population.year': (p: { value: string }) => `"${p.value}" is not a year`,
  'population.year.hint': () => 'Use the four-digit year of the survey wave, e.g. 2023',
  'population.group': (p: { value: string; group: Localized }) => `"${p.value}" is not a value of ${p.group}`,
  'population.group.hint': (p: { codes: string[] }) => `Use the codes of groups in the config: ${list(p.codes)}`,
  'population.notReported': (p: { value: string; group: Localized }) => `"${p.value}" is a value of ${p.group} with report: false`,
  'population.notReported.hint': () =>
    "Population counts are given for the values reported in the tables (respondents with other values keep their area's average weight): remove the row",
  'population.notReportedColumn.hint': () =>
    "Population counts are given for the values reported in the tables (respondents with other values keep their area's average weight): remove the column",
  'population.count': (p: { value: string }) => `"${p.value}" is not a number of pupils`,
  'population.count.hint': () => 'Write a whole number of pupils, e.g. 212 or 1 212',
  'population.twice': (p: { line: number }) => `the same municipality, year, gender and school year are on line ${p.line}`,
  'population.twice.hint': () => 'Give each cell one row (sum the counts if they come from several sources)',
  'population.noRows': () => 'the population file has no rows of counts',
  'population.noRows.hint': () => 'Add one row per municipality, year, gender and school year under the header',
  'population.uncovered': (p: { cells: { group: string; respondents: number }[]; count: number; total: number }) => {
    const named = p.cells.map((c) => `${c.group} (${plural(c.respondents, 'respondent', 'respondents')})`);
    return p.count === 1
      ? `no count of pupils for a group with respondents: ${named[0]}`
      : `no count of pupils for ${num(p.count)} groups with respondents (${num(p.total)} respondents in all): ${list(named)}${p.count > named.length ? ` and ${num(p.count - named.length)} more` : ''}`;
  },
  'population.uncovered.hint': (p: { example: string }) =>
    `Add a row for each to the population file (e.g. "${p.example}<pupils>"), or check that municipality, year, gender and school year are written as in the survey data`,
  'warning.population.exceeds': (p: { group: string; respondents: number; pupils: number; file: string }) =>
    `${p.group}: ${plural(p.respondents, 'respondent', 'respondents')} but ${plural(p.pupils, 'pupil', 'pupils')} in ${p.file}; check that the counts are of the same year and school years as the survey`,
  'warning.population.nobody': (p: { group: string; pupils: number; file: string }) =>
    `${p.group}: nobody answered among the ${plural(p.pupils, 'pupil', 'pupils')} ${p.file} counts, so post-stratification cannot weight them up; the municipality's figures describe its other groups`,
  'warning.lonelyDomain': (p: { year: string; area: string; group: string; strata: string[]; indicators: string[] }) =>
    `${p.year}, ${p.area}, ${p.group}: every stratum with answers (${quoted(p.strata)}) has a single PSU, so design.lonely_psu: average ` +
    `gives no standard error, interval or test for ${list(p.indicators)} in this group (R gives NaN); merge the stratum with another or use lonely_psu: adjust`,
  'warning.noAnswers': (p: { indicator: string; year: number; missingKey: string | null }) =>
    `${p.indicator}: no valid answers in ${p.year}; check that the column holds answers and ${p.missingKey ?? 'its parts'} does not list them all`,
  'warning.noYes': (p: { indicator: string; n: number; year: number; yesKey: string }) =>
    `${p.indicator}: no respondent answered yes (${plural(p.n, 'answer', 'answers')} in ${p.year}); check that ${p.yesKey} lists the codes the data uses`,


  // ── own texts, other sources and goals ────────────────────────────────────────────────
  located: (p: { where: string; field: string | null; text: Text }) => `${p.where}: ${p.field ? `${p.field}: ` : ''}${p.text}`,
  'config.relativeToConfig.hint': () => 'The path is relative to the config file',
  'config.unknownTextPlace.hint': (p: { chapters: string[] }) => `Use a chapter (${list(p.chapters)}), or before: or after: and a chapter for a chapter of its own`,
  'config.target.noGrades': () => 'the config has no school years (groups.grade)',
  'config.target.noGrades.hint': () => 'Remove grade from the goal, or configure groups.grade',
  'config.target.notValue': (p: { value: string; key: string }) => `"${p.value}" is not a value of groups.${p.key}`,
  'config.target.notReported': (p: { value: string }) => `"${p.value}" is a group the report does not show (report: false), so its goal cannot be followed up`,
  'config.unknownArea': (p: { name: string; areas: string[] }) =>
    `"${p.name}" is not a municipality of the data (${list(p.areas)}), so no report has what is limited to it. Write the name as the data does`,
  'owntext.notFound': (p: { file: string }) => `the text file ${p.file} does not exist`,
  'owntext.cannotRead': (p: { file: string; cause: Text; code: string }) => `cannot read the text file ${p.file}: ${p.cause} (${p.code})`,
  'owntext.notFound.hint': () => 'The path is relative to the config file; `lagesbild init` can write a texts/ folder to start from',
  'owntext.tooLarge': (p: { kb: number; max: number }) => `the text file is ${num(p.kb)} KB; an own text may be at most ${num(p.max)} KB`,
  'owntext.tooLarge.hint': () => 'Shorten it, or put long material in an appendix of its own',
  'owntext.windows1252': (p: { file: string }) => `${p.file}: the text is not UTF-8 and was read as Windows-1252; save it as UTF-8 so that å, ä and ö are certain to come out right`,
  'owntext.noTitle': (p: { file: string; place: string; title: string }) =>
    `${p.file}: a text that is a chapter of its own (texts.${p.place}) should start with its title, e.g. "# Arbetsgruppens slutsatser"; it is called "${p.title}"`,
  'owntext.leftOut': (p: { file: string; place: string }) =>
    `${p.file}: left out: this report has no chapter "${p.place}" (texts.${p.place}); place it with before:${p.place} or after:${p.place} to keep it as a chapter of its own`,
  'owntext.html.block': () => 'HTML is not used in own texts: it is shown as text. Write Markdown instead (e.g. **bold**, a blank line for a new paragraph)',
  'owntext.html.inline': () => 'HTML is not used in own texts: it is shown as text. Write Markdown instead (e.g. *italic*, **bold**)',
  'owntext.headingLevel': (p: { depth: number }) =>
    `a level-${p.depth} heading (${'#'.repeat(p.depth)}) is used as a section heading (###): the report's title and chapters use levels 1 and 2`,
  'owntext.link': (p: { url: string }) =>
    `the link "${p.url}" is shown as text without a link: own texts may link only to web pages (https://…, http://…) and e-mail addresses (mailto:…)`,
  'owntext.image.hint': () => 'Put the image (PNG or JPEG) in the project folder, e.g. texts/bilder/, and name it relative to the text: ![Vad bilden visar](bilder/karta.png)',
  'owntext.image.noName': () => 'the image has no file name',
  'owntext.image.notLocal': (p: { src: string }) => `the image "${p.src}" is not a local file: a report loads nothing from the network or from outside the project`,
  'owntext.image.absolute': (p: { src: string }) => `the image "${p.src}" is an absolute path`,
  'owntext.image.outside': (p: { src: string; dir: string }) => `the image "${p.src}" is outside the project folder ${p.dir}`,
  'owntext.image.notFound': (p: { src: string; path: string }) => `the image file "${p.src}" does not exist (looked for ${p.path})`,
  'owntext.image.notFound.hint': () => 'The path is relative to the Markdown file',
  'owntext.image.linkOutside': (p: { src: string }) => `the image "${p.src}" is a link to a file outside the project folder`,
  'owntext.image.notFile': (p: { src: string }) => `the image "${p.src}" is not a file`,
  'owntext.image.tooLarge': (p: { src: string; mb: string; max: number }) => `the image "${p.src}" is ${p.mb} MB; an image may be at most ${num(p.max)} MB`,
  'owntext.image.smaller.hint': () => 'Save it smaller (e.g. 1600 pixels wide is plenty for a report)',
  'owntext.image.notImage': (p: { src: string }) => `the image "${p.src}" is not a PNG or JPEG image`,
  'owntext.image.notImage.hint': () => 'Save or export it as PNG or JPEG',
  'owntext.image.damaged': (p: { src: string; type: string }) => `the image "${p.src}" is a damaged ${p.type} file`,
  'owntext.image.damaged.hint': () => 'Save or export it again',
  'owntext.image.tooManyPixels': (p: { src: string; width: number; height: number; max: number }) =>
    `the image "${p.src}" is ${p.width} × ${p.height} pixels; an image may have at most ${num(p.max)} million pixels`,
  'owntext.image.noAlt': (p: { src: string }) => `the image "${p.src}" has no alt text`,
  'owntext.image.noAlt.hint': () => 'Say what the image shows between the brackets: ![Karta över skolorna i kommunen](bild.png)',
  'owntext.image.inBlock': () => 'an image inside a list, quote, heading or table is shown as its alt text: put the image in a paragraph of its own',
  'source.notFound': (p: { file: string }) => `the source table ${p.file} does not exist`,
  'source.tooLarge': (p: { kb: number; max: number }) => `the source table is ${num(p.kb)} KB; a source table may be at most ${num(p.max)} KB`,
  'source.small.hint': () => 'A source is a small table: a label column and a column per year or group',
  'source.sav': () => 'a source table is a CSV file or an Excel workbook, not an SPSS data file',
  'source.sav.hint': () => 'Put the figures in a small table (a label column and a column per year) and save it as CSV or .xlsx',
  'source.tooFewColumns': () => 'a source table needs a label column and at least one column of values',
  'source.tooFewColumns.hint': () => 'E.g. "Område;2019;2021;2023" on the first line',
  'source.tooManyColumns': (p: { count: number; max: number }) => `the source table has ${num(p.count)} value columns; at most ${num(p.max)}`,
  'source.noHeader': () => 'a value column has no header',
  'source.noHeader.hint': () => 'Name every column (a year or a group)',
  'source.tooManyRows': (p: { max: number }) => `the source table has more than ${num(p.max)} rows`,
  'source.tooManyRows.hint': () => 'A source is a small table: one row per series',
  'source.noLabel': () => 'the row has no label',
  'source.noLabel.hint': () => 'Put what the row is (e.g. the municipality) in the first column',
  'source.sameLabel': (p: { label: string; line: number; excel: boolean }) => `the label "${p.label}" is also on ${p.excel ? 'row' : 'line'} ${p.line}`,
  'source.sameLabel.hint': () => 'Give every row its own label',
  'source.notNumber': (p: { text: string; column: string }) => `"${p.text}" in column ${p.column} is not a number`,
  'source.notNumber.hint': () => 'Write numbers as 12, 12,5 or 1 234; leave the cell empty (or ..) where the source has no value',
  'source.noRows': () => 'the source table has no rows of values',
  'source.noRows.hint': () => 'Add one row per series under the header',
  'source.lineNeedsYears': () => 'a line chart needs at least two columns (years) in the source table',
  'source.lineNeedsYears.hint': () => 'Use chart: bar, or add the years',
  'goal.pooledGrades': (p: { indicator: string }) => `${p.indicator}: the goal is for a school year, and --pool-grades reports none: it is not followed up`,
  'goal.baselineNotWave': (p: { field: string; baseline: number; pooled: boolean; waves: number[] }) =>
    `${p.field}.baseline: ${p.baseline} is not ${p.pooled ? 'a wave of its own when waves are pooled' : `a wave in the data (${p.waves.join(', ')})`}`,
  'goal.baselineNotWave.hint': (p: { pooled: boolean }): string =>
    p.pooled ? 'Report without --pool-waves to follow up a goal from a baseline wave' : 'Use one of the waves, or leave baseline out to start from the first',
  'goal.baselineBeforeBreak': (p: { field: string; year: number; indicator: string; breaks: number[]; latest: number }) =>
    `${p.field}.baseline: ${p.year} is before the series break of ${p.indicator} (${p.breaks.join(', ')}), so the change to ${p.latest} cannot be measured`,
  'goal.baselineBeforeBreak.hint': () => 'Use a baseline wave from the break on',
  'goal.yearNotAfter': (p: { field: string; year: number; baseline: number }) => `${p.field}.year: ${p.year} is not after the goal's baseline wave ${p.baseline}`,
  'goal.yearNotAfter.hint': () => 'A goal is set for a later year than the wave it starts from',

  // ── report and init ───────────────────────────────────────────────────────────────────
  'report.noFigures': (p: { area: string }) => `no figures for the area "${p.area}"`,
  'report.date': (p: { value: string }) => `not a date: ${p.value}`,
  'report.date.hint': () => 'give the date as YYYY-MM-DD, e.g. 2024-03-05',
  'init.noColumn': (p: { column: string; file: string }) => `column "${p.column}" is not in the header of ${p.file}`,
  'init.noColumn.hint': (p: { columns: string[] }) => `The columns are: ${list(p.columns)}`,
  'init.tooManyValues': (p: { column: string; role: 'grade' | 'gender' }) =>
    `column "${p.column}" has too many different values to be the ${p.role === 'grade' ? 'school year' : 'gender'}`,
  'init.tooManyValues.hint': (p: { role: string }) => `Name the right column with --${p.role}-column`,
  'init.noIndicators': (p: { unsure: number; codesOnly: number }) =>
    `no column surely fits a standard indicator, so the config would have no indicators${p.unsure > 0 ? ` (${plural(p.unsure, 'column', 'columns')} may fit: marked ? above)` : ''}${p.codesOnly > 0 ? ` (${plural(p.codesOnly, 'column that fits holds', 'columns that fit hold')} only codes)` : ''}`,
  'init.noIndicators.hint': () =>
    'Run init in a terminal to choose the columns and their answers yourself, or write the indicators into a config by hand (`lagesbild example` copies a complete one to start from)',
};

type Delimiter = ',' | ';' | '\t';
function delimiterWord(d: Delimiter): string {
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab';
}

export type Catalogue = typeof en;

// ── the CLI's own texts (validate's summary, init, what was written) ──────────────────────
const quoteAll = (values: string[]) => values.map((v) => `"${v}"`).join(', ');
const countOf = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;
/** A percentage of a count, whole. */
const percent = (part: number, whole: number) => String(Math.round((100 * part) / whole));
const roleFlags = (and: string) => `--area-column, --year-column, --gender-column, --grade-column, --weight-column, --id-column, --county ${and} --definition`;
/** "column "Tidstämpel"", "columns "Start time" and "Completion time"". */
const datedEn = (d: DatedColumns) => `${d.columns.length === 1 ? 'column' : 'columns'} ${formatList(d.columns.map((c) => `"${c}"`), 'en')}`;

const runEn: RunTexts = {
  wrote: (path) => `wrote ${path}`,
  wroteFigures: (path, count) => `wrote ${path} (${count} figures)`,
  leftOut: (error) => `left out ${error}`,
  failed: (area, error) => `${area}: ${error}`,
  copiedExample: (dir) => `copied the synthetic example (Norrbacka län) to ${dir}/`,
  next: (command) => `next: ${command}`,
};

const validateEn: ValidateTexts = {
  lang: 'en',
  files: 'Files',
  rows: (n) => countOf(n, 'row', 'rows'),
  encoding: { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' },
  delimiter: { ',': 'comma-separated', ';': 'semicolon-separated (Swedish Excel)', '\t': 'tab-separated' },
  source: { xlsx: 'Excel', sav: 'SPSS', sheet: (name) => `sheet ${name}`, headerAt: (line, format) => `the header ${format === 'csv' ? 'on line' : 'in row'} ${line} (the title above it skipped)`, subHeader: (line, format) => `the header's second row (${format === 'csv' ? 'line' : 'row'} ${line}, as SurveyMonkey writes it) joined to it` },
  notRead: 'left out: see Problems',
  respondents: 'Respondents per municipality, wave, gender and school year',
  area: 'Municipality',
  wave: 'Wave',
  other: 'Not in a group',
  total: 'Total',
  smallMark: (b) => `* fewer than ${b} respondents: percentages for this group will be shown as ".."`,
  missing: 'Missing answers per indicator (share of the respondents asked)',
  missingOf: (m, n) => `${m} of ${n}`,
  missingBase: (counted, without, byGrade) =>
    byGrade
      ? `Counted among the ${counted} respondents in a group by gender and school year: ${without === '1' ? 'the other one' : `the ${without} others`} (no answer on gender or school year) ${without === '1' ? 'is' : 'are'} in no group and no estimate.`
      : `Counted among the ${counted} respondents whose gender is given: ${without === '1' ? 'the one' : `the ${without}`} without one ${without === '1' ? 'is' : 'are'} in no group and no estimate.`,
  percent: (s) => `${(s * 100).toFixed(1)}%`,
  small: (b) => `Groups too small to report (fewer than ${b} respondents; shown as "..")`,
  problems: 'Problems',
  noProblems: 'none',
  severity: { error: 'ERROR', warning: 'WARNING', info: 'NOTE' },
  count: { rows: (n) => countOf(n, 'row', 'rows'), cells: (n) => countOf(n, 'cell', 'cells') },
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
    'other-waves': (f) => ({
      message: `only sheet ${f.sheet} was read; ${f.others.length === 1 ? 'sheet' : 'sheets'} ${list(f.others)}, named like ${f.others.length === 1 ? 'another wave, is' : 'other waves, are'} not read`,
      hint: 'To report every wave, save each sheet as its own file (the year in its name), or read another with --sheet',
    }),
    'trailing-empty-columns': (f) => ({
      message: `the header ends with ${f.columns} empty ${f.columns === 1 ? 'column' : 'columns'} (as Excel writes them): ignored`,
    }),
    'config-table': (f) => ({
      message: `the table the config names as ${f.field}: not read as survey data`,
    }),
    'sum-rows': (f) => ({
      message: `${f.count === 1 ? 'a sum row' : `${f.count} sum rows`} ("Totalt", "Summa") in the population table: skipped, the counts are those of the groups`,
    }),
    'notes-below-table': (f) => ({
      message: `${f.count === 1 ? 'the line' : `${f.count} lines`} under the table ${f.count === 1 ? 'is a note' : 'are notes'} (such as "Källa: …"), not ${f.count === 1 ? 'a row' : 'rows'} of figures: skipped`,
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
      message: `no respondent answered yes to ${f.indicator} (yes is ${quoteAll(f.yes)}; valid answers: ${f.answered})`,
      hint: `Check that the yes answers ${inConfig(f.config)} are spelled as in the file`,
    }),
    'no-answers': (f) => ({
      message: f.inPopulation === 0 ? `no respondent is in the population of ${f.indicator}` : `${f.indicator} has no valid answers (missing: ${f.inPopulation} of ${f.inPopulation})`,
      hint: `Check the indicator's column, population and missing answers ${inConfig(f.config)}`,
    }),
    'answers-look-like': (f) => ({
      message: `the answers of ${f.indicator} in ${f.column} (${quoteAll(f.values)}) look like ${{ gender: 'genders', grade: 'school years', year: 'years' }[f.kind]}, not answers to its question`,
      hint: `Check that the indicator's column is the right one, and that its answer scale was made for this column`,
    }),
    'population-everyone': (f) => ({
      message: `the population filter of ${f.indicator} keeps every respondent${f.column === null ? '' : ` (${f.column})`}: it filters nothing`,
      hint: 'List only the answers that put a pupil in the population (e.g. those who have or have had a partner), or remove the filter',
    }),
    'other-options': (f) => ({
      message: `${formatList(f.indicators, 'en')}: in "${f.column}" something is ticked that is none of the scale's options; it counts ${f.counts === 'no' ? 'as another option, that is no' : 'as no answer where none of the options is ticked'} (other_options: ${f.counts})`,
      hint: 'That is how pupils\' own words under "Other" should count. If there are more rows than pupils who wrote their own words, compare the scale\'s options with the questionnaire\'s: an option spelt differently in the scale and in the file is otherwise not counted. Only line numbers are shown, never what was written',
    }),
    'implausible-share': (f) => ({
      message: `${percent(f.yes, f.answered)}% of ${f.answered} answered yes to ${f.indicator}: more than 90% is implausible for ${f.chapter}`,
      hint: 'Check that yes and no are not swapped in its answers (a "trygg" question read for "otrygg" turns them round)',
    }),
  },
  result: {
    ok: 'Result: the data can be reported.',
    notReportable: (n) => `Result: not reportable yet: fix the problems marked ERROR${n === '0' ? '' : ` (${countOf(n, 'row was', 'rows were')} left out)`} and run validate again.`,
    stopped: 'Result: not reportable: a file or the config could not be read (see ERROR above).',
    statistics: 'Result: not reportable: the statistics cannot be computed with this config (see ERROR above).',
    exit: (c) => `(exit code ${c})`,
  },
};

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
  checkboxNote: (boxes) => `a check box, one of the question's ${boxes}: empty is no only where another box is ticked; a pupil who ticked none counts as no answer`,
  population: (values, question) => `only pupils who answered ${values} to ${question}`,
  usedBy: (id) => `(already read by ${id})`,
  answerClass: { yes: 'yes', no: 'no', missing: 'no answer', unknown: 'unknown' },
  reviewLine: (id, column, suggestion) => (column !== null ? `${id} ← ${column}` : suggestion !== null ? `${id}   (suggestion: ${suggestion})` : `${id}   (no column)`),
  pickedColumn: (question, summary, answers) => [`  "${question}"`, `  ${summary}`, ...answers.map((a) => `  ${a}`)].join('\n'),
  needYes: `init needs answers but cannot ask (no terminal, or --no-input). Run it in a terminal, or pass --yes to accept the proposals above (change them with ${roleFlags('and')}).`,
  missingRole: (role, flag) => `found no column for the ${role}: name it with ${flag} <column>`,
  schoolYears: (column, example, autumn) =>
    `${column} holds school years ("${example}"): say when the survey was answered with --answered-in spring (${example} is read as ${autumn + 1}) or --answered-in autumn (read as ${autumn})`,
  missingYear: (file, dated) =>
    dated === null || dated.years.length < 2
      ? `found no column for the year (wave), and the file name ${file} holds no year: pass --year <year>, or name the column with --year-column <column>`
      : `found no column for the year (wave), and the file name ${file} holds no year; the dates in ${datedEn(dated)} fall in ${formatList(dated.years.map(String), 'en')}, so which year the survey is of cannot be told: pass --year <year>`,
  missingArea: 'found no column for the municipality: pass --area-name <name> (the data is then one municipality), or name the column with --area-column <column>',
  yearFor: (fact) =>
    fact.from === 'dates'
      ? `The file has no column for the year: its survey year is ${fact.year} (every date in ${datedEn(fact)}${fact.partOf === null ? '' : ` in the first ${num(fact.partOf)} rows`} is in ${fact.year}). If that is wrong, pass --year <year>.`
      : `The file has no column for the year: its survey year is ${fact.year} (${fact.from === 'flag' ? 'from --year' : fact.from === 'answer' ? 'as answered' : 'from the file name'}).`,
  noCsv: 'name the survey file: lagesbild init <file.csv>',
  cancelled: 'Cancelled; no file was written.',
  notOverwritten: (p) => `${p} was kept as it is; choose another file with -o, or pass --force.`,
  keptText: (p) => `${p} already exists and was kept.`,
  wroteTexts: (dir, n) => `Wrote ${n} text ${n === 1 ? 'file' : 'files'} to ${dir}: write the municipality's own text under the comment in each; an unchanged file adds nothing to the report.`,
  wrote: (p) => `Wrote ${p}.`,
  next: 'Next steps:',
  warning: (w) => {
    switch (w.code) {
      case 'answers-as-missing':
        return `${w.indicator} (${w.column}): unknown answers ${quoteAll(w.answers)} now count as missing; change this in the config if they mean yes or no`;
      case 'chosen-unsure':
        return `${w.indicator}: you chose "${w.column}" (${w.doubts.map((d) => reasonText(d, 'en')).join('; ')}); check that its label and statement in the config say what the question asks`;
      case 'unsure':
        return `${w.indicator}: "${w.column}" may fit but not surely (${w.doubts.map((d) => reasonText(d, 'en')).join('; ')}); it is a commented-out suggestion at the end of the config`;

      case 'codes-only':
        return `${w.column} looks like ${w.indicator} but has only codes (${quoteAll(w.answers)}); it was left out: add it by hand with the codes that mean yes`;
      case 'gender-codes':
        return `${w.column} has codes whose meaning is unknown (${quoteAll(w.codes)}); they are labelled "Kön ${w.codes[0]}" … in the config: write Flickor, Pojkar …`;
      case 'population-missing':
        return `${w.indicator}: the template counts only some respondents (population), but no column for that was found; the indicator now counts everyone who answered`;
      case 'year-format':
        return `${w.column} has values like "${w.example}": lagesbild needs a four-digit year; change them in the file (validate shows where)`;
      case 'weight-not-used':
        return `${w.column} looks like a weight column by its name, but ${w.why === 'not-positive' ? 'has weights of 0 or below' : 'holds values that are not numbers'}: it is not used, so the figures are unweighted; if it is the weight, name it with --weight-column (validate then shows the rows to fix)`;
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
    answeredIn: (column, example) => `${column} holds school years ("${example}"). When was the survey answered?`,
    term: (term, example, year) => `${term === 'spring' ? 'In the spring term' : 'In the autumn term'}: ${example} is ${year}`,
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
    texts: "Write a texts/ folder with a file per chapter for the municipality's own texts (local analysis, conclusions)?",
  },
};

export const enTexts: CliTexts = { validate: validateEn, init: initEn, run: runEn };
