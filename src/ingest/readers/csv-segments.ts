// A large CSV file cut into segments of about SEGMENT_BYTES that can be read at the same time
// (src/analysis/segments.ts reads them, on worker threads when there are cores).
//
// Where to cut: just after the first line feed at or after each multiple of SEGMENT_BYTES.
// That is a record's start unless the line feed is inside a quoted value; the reader of the
// segment before checks that its last record ends exactly there (CsvScanner's `stoppedAt`),
// and when it does not, the file is read whole instead. The cuts depend on the file and
// SEGMENT_BYTES only, never on the number of threads: the sums of each segment are merged in
// file order, so one thread and many give the same figures to the last bit.
import { open } from 'node:fs/promises';
import type { ReadOptions, SourceHeader } from '../source.js';
import type { Message } from '../../errors.js';
import { scanCsv, type CsvSegment } from './csv.js';

/**
 * Big enough that a thread's start-up and the merge of its sums are small beside reading it
 * (32 MiB is some 70 000 rows of a wide survey), small enough that a 100 000-row file uses
 * two cores. LAGESBILD_SEGMENT_BYTES sets it (tests cut small files into many segments).
 */
const DEFAULT_SEGMENT_BYTES = 32 * 1024 * 1024;

export function segmentBytes(): number {
  const set = Number(process.env.LAGESBILD_SEGMENT_BYTES);
  return Number.isInteger(set) && set >= 1024 ? set : DEFAULT_SEGMENT_BYTES;
}

/** A line longer than this after a cut point: no cut there (the segments on both sides join). */
const MAX_CUT_SEARCH = 1024 * 1024;
const WINDOW = 64 * 1024;
const LF = 0x0a;

/**
 * The segments of `path`'s data rows, or null when the file is one segment (or its start does
 * not read: the whole-file read then reports why).
 */
export async function planSegments(path: string, file: string, opts: ReadOptions, note: Message | undefined): Promise<CsvSegment[] | null> {
  const bytes = segmentBytes();
  let firstRow = -1;
  let header: SourceHeader;
  try {
    // The header and where the first data row starts (the "sep=" line and header are not data).
    const head = await scanCsv(path, file, { ...opts, maxRows: 1 }, note, {
      onHeader() {},
      onRecord(record) {
        firstRow = record.offset;
      },
    });
    header = head.header;
  } catch {
    return null;
  }
  const sniffed = header.sniffed;
  if (sniffed === undefined || firstRow < 0 || sniffed.size <= bytes) return null;
  const size = sniffed.size;

  const starts = [firstRow];
  const handle = await open(path, 'r');
  try {
    const window = Buffer.allocUnsafe(WINDOW);
    for (let at = bytes; at < size; at += bytes) {
      const cut = await nextLineStart(handle, window, at, size);
      if (cut > starts[starts.length - 1]! && cut < size) starts.push(cut);
    }
  } finally {
    await handle.close();
  }
  if (starts.length < 2) return null;
  return starts.map((start, k) => ({ sniffed, header, start, end: starts[k + 1] ?? Infinity }));
}

/** The offset after the first line feed at or after `at` (-1: none within MAX_CUT_SEARCH). */
async function nextLineStart(handle: Awaited<ReturnType<typeof open>>, window: Buffer, at: number, size: number): Promise<number> {
  for (let from = at; from < size && from < at + MAX_CUT_SEARCH; from += WINDOW) {
    const { bytesRead } = await handle.read(window, 0, WINDOW, from);
    const i = window.subarray(0, bytesRead).indexOf(LF);
    if (i >= 0) return from + i + 1;
    if (bytesRead < WINDOW) break;
  }
  return -1;
}
