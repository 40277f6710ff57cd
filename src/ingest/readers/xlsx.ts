// Excel workbooks (.xlsx) row by row: exceljs's streaming reader, so memory stays flat however
// long the sheet (exceljs was chosen for that and because it also writes real number formats
// for our Excel output; see README, "Libraries"). The first sheet with a table unless --sheet
// names one; its first row with two or more values is the header (rows above it with one value
// at most are a title, an export date: skipped, as a sheet of such rows only, say "Information"
// before the data). Cells become the strings a CSV of the sheet would hold:
// texts as written, numbers in full (a display format such as 0.00 must not round a weight),
// dates as ISO dates (what Swedish Excel shows), formulas by their result.
import { columnLetters, DataError, LagesbildError, msg, type Location, type Message } from '../../errors.js';
import { openError } from '../source.js';
import type { ReadOptions, ReadResult, RowHandlers, SourceHeader } from '../source.js';
import { HeldHeader } from '../sub-header.js';

type CellValue = null | undefined | number | string | boolean | Date | { [key: string]: unknown };

interface StreamCell {
  value: CellValue;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  eachCell(opts: { includeEmpty: boolean }, fn: (cell: StreamCell, col: number) => void): void;
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name?: string;
}
interface WorkbookReader extends AsyncIterable<StreamSheet> {
  model?: { sheets?: { name: string }[] };
  stream?: { destroy?: () => void };
}

export async function readXlsx(path: string, file: string, handlers: RowHandlers, opts: ReadOptions = {}, note?: Message): Promise<ReadResult> {
  const { default: ExcelJS } = await import('exceljs');
  const streaming = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookReader;
  let told = false;
  const watched: RowHandlers = {
    onHeader: (h) => {
      told = true;
      handlers.onHeader(h);
    },
    onRow: (fields, line) => handlers.onRow(fields, line),
  };
  try {
    return await readWorkbook(streaming, file, watched, opts, note);
  } catch (err) {
    if (err instanceof LagesbildError) throw err;
    if (told) throw readError(err, file);
    // exceljs's streaming reader fails inside on some valid workbooks (its issue #962: sheets
    // stored before workbook.xml, as exceljs itself writes them, are parked in temporary files,
    // and with several of them the parse can lose the workbook's model). Nothing has been handed
    // on yet: the workbook is read once more in memory; a file that is really damaged fails there too.
    try {
      return await readWorkbook(await inMemory(ExcelJS, path), file, handlers, opts, note);
    } catch (again) {
      throw readError(again, file);
    }
  }
}

/** exceljs's in-memory reader behind the streaming reader's interface (the fallback of readXlsx). */
async function inMemory(ExcelJS: typeof import('exceljs'), path: string): Promise<WorkbookReader> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets = workbook.worksheets.map((ws) => {
    const rows: StreamRow[] = [];
    ws.eachRow((row) => rows.push(row as unknown as StreamRow));
    return {
      name: ws.name,
      async *[Symbol.asyncIterator]() {
        yield* rows;
      },
    };
  });
  return {
    model: { sheets: sheets.map((s) => ({ name: s.name })) },
    async *[Symbol.asyncIterator]() {
      yield* sheets;
    },
  };
}

/** The first table of the workbook (or of --sheet) to `handlers`; errors from exceljs are thrown as they are. */
async function readWorkbook(reader: WorkbookReader, file: string, handlers: RowHandlers, opts: ReadOptions, note: Message | undefined): Promise<ReadResult> {
  let header: SourceHeader | null = null;
  let rows = 0;
  const seen: string[] = [];
  try {
    for await (const sheet of reader) {
      const sheetNames = reader.model?.sheets?.map((s) => s.name) ?? [];
      const name = sheet.name ?? sheetNames[seen.length] ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      if (opts.sheet !== undefined && name !== opts.sheet) {
        // Read through, unused: exceljs's streaming reader removes a parked sheet's temporary
        // file once the next sheet is asked for, and a sheet not read by then opens a file that
        // is gone (ENOENT, thrown where no one can catch it; seen with --sheet on a test workbook).
        for await (const row of sheet) void row;
        continue;
      }
      const at: Location = { file, sheet: name };
      let width = 0;
      let fields: string[] = [];
      let titleRows = 0;
      /** The header until the row under it is seen (it may be the header's second row). */
      let held: HeldHeader | null = null;
      for await (const row of sheet) {
        if (header === null) {
          const cells = cellTexts(row).map((h) => h.trim());
          const names = trimTrailingEmpty(cells);
          // A title above the table (or nothing); a table of one column is no survey either.
          const values = names.filter((n) => n !== '').length;
          if (values < 2) {
            if (values === 1) titleRows++;
            continue;
          }
          width = names.length;
          fields = new Array<string>(width);
          header = {
            format: 'xlsx',
            file,
            columns: names.map((n) => ({ name: n })),
            names,
            at,
            headerLine: row.number,
            // A text cell holding "1,5" was typed in a Swedish Excel: it means 1.5.
            decimalComma: true,
            encoding: null,
            delimiter: null,
            sheet: name,
            titleRows,
            note,
            ...otherWaves(opts.sheet === undefined ? sheetNames : [], name),
          };
          held = new HeldHeader(cells, header, trimTrailingEmpty, (h) => handlers.onHeader(h));
          continue;
        }
        if (held !== null) {
          const second = held.under(cellTexts(row), row.number);
          held = null;
          // The header's second row: no respondent.
          if (second) {
            width = header.names.length;
            fields = new Array<string>(width);
            continue;
          }
        }
        fields.fill('');
        let filled = false;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const text = cellText(cell);
          if (text === '') return;
          if (col > width) {
            throw new DataError(
              msg('xlsx.beyondHeader', { column: columnLetters(col) }),
              { ...at, line: row.number, column: col },
              msg('xlsx.beyondHeader.hint'),
            );
          }
          fields[col - 1] = text;
          filled = true;
        });
        // Rows Excel keeps after clearing their contents are not respondents.
        if (!filled) continue;
        rows++;
        handlers.onRow(fields, row.number);
        if (opts.maxRows !== undefined && rows >= opts.maxRows) break;
      }
      // A header without rows under it is told now.
      held?.alone();
      // A sheet without a table (no --sheet): the next one may have it.
      if (header !== null || opts.sheet !== undefined) break;
    }
  } finally {
    reader.stream?.destroy?.();
  }
  if (header === null) {
    if (opts.sheet !== undefined && !seen.includes(opts.sheet)) {
      throw new DataError(msg('xlsx.noSheet', { sheet: opts.sheet }), { file }, msg('xlsx.noSheet.hint', { sheets: seen }));
    }
    if (seen.length === 0) throw new DataError(msg('xlsx.noSheets'), { file }, msg('xlsx.saveAgain.hint'));
    if (opts.sheet === undefined && seen.length > 1) throw new DataError(msg('xlsx.noTable', { sheets: seen }), { file }, msg('xlsx.noTable.hint'));
    throw new DataError(msg('xlsx.emptySheet'), { file, sheet: opts.sheet ?? seen[0] }, msg('xlsx.noTable.hint'));
  }
  return { rows, header };
}

/** The workbook's other sheets named like a wave (SourceHeader.otherWaves), when there are any. */
function otherWaves(sheets: readonly string[], read: string): { otherWaves?: string[] } {
  const others = sheets.filter((n) => n !== read && WAVE_NAME.test(n));
  return others.length > 0 ? { otherWaves: others } : {};
}

/** A sheet name that names a wave: a year ("2024", "Svar 2023"), a school year or a term ("VT 23"). */
const WAVE_NAME = /(?:^|\D)(?:19|20)\d\d(?:\D|$)|\b(?:vt|ht)\s*-?\s*\d{2}\b/iu;

function cellTexts(row: StreamRow): string[] {
  const out: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (out.length < col - 1) out.push('');
    out[col - 1] = cellText(cell);
  });
  return out;
}

function trimTrailingEmpty(names: string[]): string[] {
  let end = names.length;
  while (end > 0 && names[end - 1] === '') end--;
  return names.slice(0, end);
}

/** A cell as the text a CSV export of the sheet would hold. */
export function cellText(cell: StreamCell): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(v: CellValue, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  // Full precision (String gives the shortest text that reads back as the same number).
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v, numFmt);
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return valueText(v.result as CellValue, numFmt);
  if (typeof v.error === 'string') return v.error;
  if (typeof v.text === 'string') return v.text;
  return '';
}

/** ISO date (and time when the format shows one): "2023-05-12", "2023-05-12 08:30". */
function dateText(d: Date, numFmt: string | undefined): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const format = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  const hasTime = /[hs]/.test(format);
  const hasDate = format === '' || /[yd]/.test(format) || !hasTime;
  const seconds = /s/.test(format) ? `:${pad(d.getUTCSeconds())}` : '';
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds}`;
  if (hasDate && hasTime) return `${date} ${time}`;
  return hasTime ? time : date;
}

function readError(err: unknown, file: string): LagesbildError {
  if (err instanceof LagesbildError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return openError(err, file);
  // The library's own message may quote cell contents: only say what kind of failure it was.
  return new DataError(
    msg('xlsx.damaged'),
    { file },
    msg('xlsx.damaged.hint'),
  );
}
