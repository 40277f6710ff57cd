// The reference CSV reader: csv-parse over decoded text, as lagesbild read CSV before its own
// byte-level reader (csv.ts). It is kept to check that reader against: test/ingest/csv-
// differential.test.ts runs both over the fuzz and bad-input corpora and requires the same
// rows, errors and figures; LAGESBILD_CSV_READER=csv-parse makes the CLI use it.
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, CsvError } from 'csv-parse';
import { DataError, LagesbildError, ioCause, msg, type Message } from '../../errors.js';
import { countLines, invalidUtf8At, nulError, sniffFile, utf8CharLength, type Delimiter, type Encoding, type Sniffed } from '../sniff.js';
import type { ReadOptions, ReadResult, RowHandlers } from '../source.js';
import { textDecoder, type Decoder } from '../decoder.js';
import { syntaxError, trimTrailingEmpty, widthError } from './csv.js';
import { MAX_RECORD_CHARS } from './csv-scan.js';
import { HeldHeader } from '../sub-header.js';

/** `path` is read; messages name `file` (they differ for standard input). */
export async function readCsvReference(path: string, file: string, handlers: RowHandlers, opts: ReadOptions = {}, note?: Message): Promise<ReadResult> {
  const sniffed = await sniffFile(path, file, opts);
  let header: string[] | null = null;
  let source: ReadResult['header'] | null = null;
  // Excel's "sep=;" line names the delimiter, and title lines may stand above the header (see Sniffed).
  let skip = (sniffed.sepLine ? 1 : 0) + sniffed.titleLines;
  let width = 0;
  let rows = 0;
  /**
   * The header until the row under it is seen (it may be the header's second row). Set in the
   * parser's callback: typed here, or TypeScript would take it for null after the read.
   */
  let held = null as HeldHeader | null;
  /** Line on which the last record ended: the next one starts after it. */
  let previousEnd = 0;
  const stop = new Error('stop');

  const parser = parse({
    delimiter: sniffed.delimiter,
    // Files joined from Windows and Unix exports mix line endings.
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Rows of only delimiters (";;;;;" where Excel had cleared rows) are not respondents.
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (record: string[], context) => {
      const end = context.lines;
      // Messages name the line a row starts on (a quoted value may hold line breaks).
      const line = end - previousEnd === 1 ? end : end - lineBreaksIn(record);
      previousEnd = end;
      if (skip > 0) {
        skip--;
        return null;
      }
      if (header === null) {
        const cells = record.map((h) => h.trim());
        header = trimTrailingEmpty(cells);
        width = header.length;
        source = {
          format: 'csv',
          file,
          columns: header.map((name) => ({ name })),
          names: header,
          at: { file },
          headerLine: line,
          // Swedish Excel writes decimal commas in semicolon files; elsewhere "1,5" is a mistake.
          decimalComma: sniffed.delimiter !== ',',
          encoding: sniffed.transcodedFrom ?? sniffed.encoding,
          delimiter: sniffed.delimiter,
          sniffed,
          note,
        };
        held = new HeldHeader(cells, source, trimTrailingEmpty, (h) => handlers.onHeader(h));
        return null;
      }
      if (held !== null) {
        const second = held.under(record, line);
        held = null;
        // The header's second row: no respondent.
        if (second) {
          width = source!.names.length;
          return null;
        }
      }
      if (record.length < width && handlers.onShortRow) {
        handlers.onShortRow(record, line, widthError(record.length, width, line, file, sniffed.delimiter));
        return null;
      }
      if (record.length !== width) checkWidth(record, width, line, file, sniffed.delimiter);
      rows++;
      handlers.onRow(record, line);
      if (opts.maxRows !== undefined && rows >= opts.maxRows) throw stop;
      return null;
    },
  });

  try {
    await pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), decoder(sniffed, file), parser);
  } catch (err) {
    if (err === stop || (err as { cause?: unknown }).cause === stop) return { rows, header: source! };
    throw toDataError(err, file, sniffed, previousEnd + 1);
  }
  if (source === null) {
    throw new DataError(msg('data.noHeader'), { file, line: sniffed.headerLine }, sniffed.sepLine ? msg('data.noHeader.afterSep') : msg('data.noHeader.hint'));
  }
  // A header without rows under it is told now.
  held?.alone();
  return { rows, header: source };
}

function lineBreaksIn(record: string[]): number {
  let n = 0;
  for (const f of record) if (f.length > 0) n += f.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

function checkWidth(record: string[], width: number, line: number, file: string, delimiter: Delimiter): void {
  if (record.length > width && record.slice(width).every((f) => f.trim() === '')) {
    record.length = width;
    return;
  }
  throw widthError(record.length, width, line, file, delimiter);
}

/**
 * Bytes → text. NUL bytes and invalid UTF-8 anywhere in the file (not only in the sniffed
 * sample) are errors with their line; an undecided encoding (see Sniffed) is decided here.
 */
function decoder(sniffed: Sniffed, file: string): Transform {
  let undecided = sniffed.undecided;
  let td = csvDecoder(sniffed.encoding);
  let line = 1;
  const invalid = (at: number) =>
    new DataError(msg('data.mixedEncoding'), { file, line: at }, msg('data.mixedEncoding.hint'));
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const nul = chunk.indexOf(0);
      if (nul !== -1) return done(nulError(file, line + countLines(chunk, nul) - 1));
      if (undecided) {
        const first = firstNonAscii(chunk);
        if (first !== -1) {
          undecided = false;
          // One character decides: a valid UTF-8 sequence, or a Windows-1252 letter.
          sniffed.encoding = utf8CharLength(chunk, first) === 0 ? 'windows-1252' : 'utf-8';
          td = csvDecoder(sniffed.encoding);
        }
      }
      let text: string;
      try {
        text = td.decode(chunk, { stream: true });
      } catch {
        return done(invalid(line + countLines(chunk, Math.max(0, invalidUtf8At(chunk, leadingContinuation(chunk)))) - 1));
      }
      line += countLines(chunk, chunk.length) - 1;
      done(null, text);
    },
    flush(done: TransformCallback) {
      try {
        done(null, td.decode());
      } catch {
        done(new DataError(msg('data.cutOff'), { file, line }, msg('data.cutOff.hint')));
      }
    },
  });
}

function csvDecoder(encoding: Encoding): Decoder {
  return textDecoder(encoding, { fatal: encoding === 'utf-8' });
}

function firstNonAscii(chunk: Buffer): number {
  if (isAscii(chunk)) return -1;
  for (let i = 0; i < chunk.length; i++) if (chunk[i]! >= 0x80) return i;
  return -1;
}

/** Bytes at the start of a chunk that continue a character begun in the previous chunk. */
function leadingContinuation(chunk: Buffer): number {
  let i = 0;
  while (i < 3 && i < chunk.length && (chunk[i]! & 0xc0) === 0x80) i++;
  return i;
}

/** `start`: the line where the record being parsed began (the one after the last complete record). */
function toDataError(err: unknown, file: string, sniffed: Sniffed, start: number): LagesbildError {
  if (err instanceof LagesbildError) return err;
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (cause instanceof LagesbildError) return cause;
  if (err instanceof CsvError) {
    const at = (err as CsvError & { lines?: number }).lines;
    // The field index where parsing stopped; csv-parse counts from 0.
    const field = (err as CsvError & { column?: unknown }).column;
    const column = typeof field === 'number' ? field + 1 : undefined;
    return syntaxError(err.code, at, column, start, file, sniffed);
  }
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') {
    const cause = ioCause(err);
    return new DataError(msg('data.cannotRead', { cause: cause.text, code }), { file }, cause.hint);
  }
  throw err;
}
