// UTF-16 text files: Excel's "Unicode text" (Spara som → Unicode-text (*.txt)), tab-separated,
// is how many keep å, ä and ö intact when they save a table. The readers read bytes as UTF-8 or
// Windows-1252, so such a file is read through a UTF-8 copy of it: a private temporary file,
// made once per file and removed when the process exits. Lines and fields are the same in both,
// so every message names the same line and column; the file's encoding is reported as its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DataError, msg } from '../errors.js';
import { textDecoder } from './decoder.js';

export type Utf16 = 'utf-16le' | 'utf-16be';

/** UTF-16 by its byte order mark, or without one by its bytes: ASCII text has a NUL in every pair. */
export function utf16Of(head: Uint8Array): Utf16 | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(head.length >> 1, 256);
  if (pairs < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  // One byte of almost every pair NUL, the other almost never: the NUL is the high byte.
  if (Math.max(even, odd) < pairs * 0.9 || Math.min(even, odd) > pairs * 0.1) return null;
  return odd > even ? 'utf-16le' : 'utf-16be';
}

/** The UTF-8 copies made, by the copy's path: the encoding of the file each was made of. */
const origins = new Map<string, Utf16>();
/** The copy of each file read so far (a file is read more than once: format, header, rows). */
const copies = new Map<string, Promise<string>>();

/** The encoding of the file `path` is a UTF-8 copy of, or undefined for any other path. */
export function utf16Origin(path: string): Utf16 | undefined {
  return origins.get(path);
}

/** A UTF-8 copy of the UTF-16 file at `path` (made once); `name` is the file as messages name it. */
export function utf8Copy(path: string, name: string, encoding: Utf16): Promise<string> {
  let copy = copies.get(path);
  if (copy === undefined) {
    copy = transcode(path, name, encoding);
    copies.set(path, copy);
  }
  return copy;
}

const CHUNK_BYTES = 1 << 20;

async function transcode(path: string, name: string, encoding: Utf16): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-utf16-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const target = join(dir, basename(path));
  // fatal: a byte pair that is not UTF-16 (a file cut off in the middle of a character, or one
  // that is not text) is an error with its line, not a replacement character in an answer.
  const decoder = textDecoder(encoding, { fatal: true });
  const input = await open(path, 'r');
  const output = await open(target, 'wx', 0o600);
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let lines = 1;
    for (;;) {
      const { bytesRead } = await input.read(buf, 0, buf.length, null);
      let text: string;
      try {
        text = decoder.decode(buf.subarray(0, bytesRead), { stream: bytesRead > 0 });
      } catch {
        // The line of the first character that is not UTF-16 (a lenient decoder marks it).
        const read = textDecoder(encoding).decode(buf.subarray(0, bytesRead));
        lines += lineBreaks(read, read.indexOf('\uFFFD'));
        throw new DataError(msg('data.utf16.invalid', { encoding: encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE' }), { file: name, line: lines }, msg('data.utf16.invalid.hint'));
      }
      lines += lineBreaks(text, text.length);
      if (text.length > 0) await output.write(Buffer.from(text, 'utf8'));
      if (bytesRead === 0) break;
    }
  } finally {
    await input.close();
    await output.close();
  }
  origins.set(target, encoding);
  return target;
}

/** Line feeds in `text` before `end` (none when `end` is −1). */
function lineBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
