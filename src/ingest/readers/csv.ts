// Read a CSV file: sniffed encoding and delimiter (or Excel's "sep=;" first line), records from
// the byte-level tokenizer (csv-scan.ts), the header, and then each row with the line it
// starts on; nothing is kept, so memory does not grow with the file. Two consumers share
// this: `readCsv` hands on rows of strings (validate, init), csv-decode.ts decodes only the
// columns the config reads, from their bytes (figures, report, batch).
import { open } from 'node:fs/promises';
import { DataError, LagesbildError, ioCause, msg, type Message } from '../../errors.js';
import { sniffFile, type Delimiter, type Encoding, type Sniffed } from '../sniff.js';
import { openError, type ReadOptions, type ReadResult, type RowHandlers, type SourceHeader } from '../source.js';
import { HeldHeader } from '../sub-header.js';
import { CHUNK_BYTES, CsvParseError, CsvScanner, MAX_RECORD_CHARS, STOP, type CsvRecord } from './csv-scan.js';

/** `path` is read; messages name `file` (they differ for standard input). */
export async function readCsv(path: string, file: string, handlers: RowHandlers, opts: ReadOptions = {}, note?: Message): Promise<ReadResult> {
  const fields: string[] = [];
  const texts = (record: CsvRecord): string[] => {
    fields.length = record.count;
    for (let i = 0; i < record.count; i++) fields[i] = record.text(i);
    return fields;
  };
  const onShortRow = handlers.onShortRow?.bind(handlers);
  return scanCsv(path, file, opts, note, {
    onHeader: (header) => handlers.onHeader(header),
    onRecord: (record, line) => handlers.onRow(texts(record), line),
    ...(onShortRow ? { onShortRecord: (record: CsvRecord, line: number, error: DataError) => onShortRow(texts(record), line, error) } : {}),
  });
}

export interface CsvConsumer {
  onHeader(header: SourceHeader): void;
  /** A data row (as wide as the header), starting on `line`; valid only during the call. */
  onRecord(record: CsvRecord, line: number): void;
  /** A row with fewer fields than the header (see RowHandlers.onShortRow); without this, `error` is thrown. */
  onShortRecord?(record: CsvRecord, line: number, error: DataError): void;
}

/**
 * Part of a file's data rows (readers/csv-segments.ts): from byte `start`, where a record
 * begins, to the first record at or after byte `end`. The whole file's read found its
 * encoding and header.
 */
export interface CsvSegment {
  sniffed: Sniffed;
  header: SourceHeader;
  start: number;
  end: number;
}

/** A scan's result; a segment's also says where it ended (the offset of the next segment's first record). */
export interface ScanResult extends ReadResult {
  stoppedAt: number;
  /** The encoding the scan decided on from a non-ASCII byte, if the file's sample left it open (null: no such byte). */
  decided: Encoding | null;
}

/**
 * The file's records: a "sep=" line and title lines skipped, the header, then every data row to `consumer`.
 * With `segment`, only that segment's rows (the consumer is told the header first all the same).
 */
export async function scanCsv(path: string, file: string, opts: ReadOptions, note: Message | undefined, consumer: CsvConsumer, segment?: CsvSegment): Promise<ScanResult> {
  const sniffed = segment ? { ...segment.sniffed } : await sniffFile(path, file, opts);
  let source: SourceHeader | null = segment?.header ?? null;
  // Excel's "sep=;" line names the delimiter, and title lines may stand above the header (see Sniffed).
  let skip = segment ? 0 : (sniffed.sepLine ? 1 : 0) + sniffed.titleLines;
  let width = source?.names.length ?? 0;
  let rows = 0;
  if (source) consumer.onHeader(source);
  /** Line on which the last record ended: the next one starts after it. */
  let previousEnd = 0;

  /**
   * The header until the row under it is seen (it may be the header's second row). Set in the
   * scanner's callback: typed here, or TypeScript would take it for null after the read.
   */
  let held = null as HeldHeader | null;
  const undecided = sniffed.undecided;
  const scanner = new CsvScanner(sniffed, file, {
    delimiter: sniffed.delimiter.charCodeAt(0),
    segment: segment && { start: segment.start, end: segment.end },
    onRecord: (record) => {
      const end = record.endLine;
      // Messages name the line a row starts on (a quoted value may hold line breaks).
      const line = end - record.lineBreaks();
      previousEnd = end;
      if (skip > 0) {
        skip--;
        return;
      }
      if (source === null) {
        const cells = record.fields().map((h) => h.trim());
        const names = trimTrailingEmpty(cells);
        width = names.length;
        source = {
          format: 'csv',
          file,
          columns: names.map((name) => ({ name })),
          names,
          at: { file },
          headerLine: line,
          // Swedish Excel writes decimal commas in semicolon files; elsewhere "1,5" is a mistake.
          decimalComma: sniffed.delimiter !== ',',
          encoding: sniffed.transcodedFrom ?? sniffed.encoding,
          delimiter: sniffed.delimiter,
          sniffed,
          note,
        };
        held = new HeldHeader(cells, source, trimTrailingEmpty, (h) => consumer.onHeader(h));
        return;
      }
      if (held !== null) {
        const second = held.under(record.fields(), line);
        held = null;
        // The header's second row: no respondent.
        if (second) {
          width = source.names.length;
          return;
        }
      }
      if (record.count !== width) {
        // Excel's empty columns after the last one are not data; other extra or missing fields are an error.
        if (record.count < width && consumer.onShortRecord) {
          consumer.onShortRecord(record, line, widthError(record.count, width, line, file, sniffed.delimiter));
          return;
        }
        if (record.count < width || !blankFrom(record, width)) throw widthError(record.count, width, line, file, sniffed.delimiter);
        record.count = width;
      }
      rows++;
      consumer.onRecord(record, line);
      if (opts.maxRows !== undefined && rows >= opts.maxRows) return STOP;
    },
  });

  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw openError(err, file);
  }
  try {
    for (let position = segment?.start ?? 0; !scanner.done; ) {
      const { bytesRead } = await handle.read(scanner.space(CHUNK_BYTES), 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      scanner.filled(bytesRead);
    }
    scanner.end();
  } catch (err) {
    throw readError(err, file, sniffed, previousEnd + 1);
  } finally {
    await handle.close();
  }
  if (source === null) {
    throw new DataError(msg('data.noHeader'), { file, line: sniffed.headerLine }, sniffed.sepLine ? msg('data.noHeader.afterSep') : msg('data.noHeader.hint'));
  }
  // A header without rows under it is told now.
  held?.alone();
  return { rows, header: source, stoppedAt: scanner.stoppedAt, decided: undecided && !scanner.undecidedYet ? sniffed.encoding : null };
}

function blankFrom(record: CsvRecord, from: number): boolean {
  for (let i = from; i < record.count; i++) if (!record.isBlankField(i)) return false;
  return true;
}

/** Excel often writes empty columns at the end of every row (";;;"): those are not data. */
export function trimTrailingEmpty(fields: string[]): string[] {
  let end = fields.length;
  while (end > 1 && fields[end - 1] === '') end--;
  return end === fields.length ? fields : fields.slice(0, end);
}

export function widthError(fields: number, width: number, line: number, file: string, delimiter: Delimiter): DataError {
  return new DataError(
    msg('data.width', { fields, width }),
    { file, line },
    fields === 1 ? msg('data.width.mixed', { delimiter }) : msg('data.width.hint', { delimiter }),
  );
}

/** A CSV syntax error (csv-parse's codes), where `start` is the line the record began on. */
export function syntaxError(code: string, line: number | undefined, column: number | undefined, start: number, file: string, sniffed: Sniffed): DataError {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new DataError(msg('data.quoteNotClosed'), { file, line: start, column }, msg('data.quoteNotClosed.hint'));
    case 'INVALID_OPENING_QUOTE':
      return new DataError(msg('data.quoteInside'), { file, line, column }, msg('data.quoteInside.hint'));
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new DataError(msg('data.afterQuote'), { file, line, column }, msg('data.afterQuote.hint'));
    case 'CSV_MAX_RECORD_SIZE':
      return new DataError(msg('data.longRow', { max: MAX_RECORD_CHARS }), { file, line: start }, msg('data.longRow.hint'));
    default:
      // The parser's own message quotes values from the file: only its code is shown.
      return new DataError(msg('data.parse', { code }), { file, line }, msg('data.parse.hint', { encoding: sniffed.encoding, delimiter: sniffed.delimiter }));
  }
}

/** `start`: the line where the record being read began (the one after the last complete record). */
export function readError(err: unknown, file: string, sniffed: Sniffed, start: number): LagesbildError {
  if (err instanceof LagesbildError) return err;
  if (err instanceof CsvParseError) return syntaxError(err.code, err.line, err.column + 1, start, file, sniffed);
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') {
    const cause = ioCause(err);
    return new DataError(msg('data.cannotRead', { cause: cause.text, code }), { file }, cause.hint);
  }
  throw err;
}
