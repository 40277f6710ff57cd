// Writing outputs safely: nothing half-written, nothing overwritten without --force.
// Every file is written to a temporary name beside its target and put into place only when
// all of a command's outputs are ready; an interrupted run removes its temporaries.
//
// Without --force, "put into place" is a hard link, which the file system refuses with EEXIST
// when the target exists: checking first and renaming after would let a report that another
// run wrote in between be replaced. With --force it is a rename, which replaces atomically.
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { LagesbildError, OutputError, UsageError, ioCause, msg, type Message } from '../errors.js';

const cleanups: (() => Promise<unknown>)[] = [];

/**
 * On a signal or an error: run registered cleanups, newest first (stop the workers before
 * removing the folder they write to; temporaries of unfinished writes go too).
 */
export async function runCleanups(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
}

/** Something to undo if the run stops early; returns a function that unregisters it. */
export function onCleanup(fn: () => Promise<unknown>): () => void {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i !== -1) cleanups.splice(i, 1);
  };
}

/** A temporary file or folder to remove if the run stops early; returns a release function. */
export function trackTemp(path: string): () => void {
  // Retried: the run may still be writing into a folder while it stops (a file made between
  // listing the folder and removing it leaves it "not empty").
  return onCleanup(() => rm(path, { force: true, recursive: true, maxRetries: 5, retryDelay: 20 }));
}

/** Refuse to start when a target exists and --force was not given (checked before any work). */
export async function checkTargets(paths: string[], force: boolean, hint?: Message): Promise<void> {
  if (force) return;
  const existing: string[] = [];
  for (const p of paths) if (await exists(p)) existing.push(p);
  if (existing.length > 0) throw wouldOverwrite(existing, hint);
}

export function wouldOverwrite(existing: string[], hint: Message = msg('output.wouldOverwrite.hint')): OutputError {
  return new OutputError(msg('output.wouldOverwrite', { paths: existing.slice(0, 3), more: Math.max(0, existing.length - 3) }), undefined, hint);
}

/** The folder an output goes into, created if needed; a failure names the folder and why. */
export async function ensureFolder(dir: string): Promise<void> {
  // One level at a time from the nearest folder that exists: Node's recursive mkdir loops
  // for ever where the kernel answers ENOENT under an existing folder (/proc, some mounts).
  const missing: string[] = [];
  for (let d = resolve(dir); !(await isFolder(d)); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && (await isFolder(d))) continue; // made meanwhile
      throw ioError(err, dir, 'folder');
    }
  }
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * An I/O failure as the user can act on it: the path, the real cause and what to do.
 * `what`: the path was to become a folder, or to be written (a file, or into a folder).
 */
export function ioError(err: unknown, path: string, what: 'folder' | 'file'): OutputError {
  if (err instanceof OutputError) return err;
  const cause = ioCause(err, 'write');
  const inTheWay = what === 'folder' && (cause.code === 'EEXIST' || cause.code === 'ENOTDIR');
  const params = { path, cause: inTheWay ? msg('output.inTheWay') : cause.text, code: cause.code };
  return new OutputError(
    what === 'folder' ? msg('output.cannotCreateFolder', params) : msg('output.cannotWrite', params),
    undefined,
    cause.hint ?? (inTheWay ? msg('output.inTheWay.hint') : msg('output.otherFolder.hint')),
  );
}

/**
 * An error of the file system (it names a system call), not one of the data being written:
 * a lagesbild error, or a bug, thrown while the pieces were made, is not "cannot write".
 */
export function isWriteError(err: unknown): boolean {
  return !(err instanceof LagesbildError) && typeof (err as NodeJS.ErrnoException | null)?.syscall === 'string';
}

/** Write all files as a set: temporaries first, then each put into place. `data` may come in pieces. */
export async function writeOutputs(files: { path: string; data: Buffer | string | Iterable<Buffer> | AsyncIterable<Buffer> }[], force: boolean, hint?: Message): Promise<void> {
  await checkTargets(
    files.map((f) => f.path),
    force,
    hint,
  );
  const temps: { temp: string; path: string; release: () => void }[] = [];
  try {
    for (const f of files) {
      await ensureFolder(dirname(f.path));
      const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push({ temp, path: f.path, release: trackTemp(temp) });
      try {
        await writePieces(temp, f.data);
      } catch (err) {
        // Data made as it is written (the figures, area by area) may stop with its own error.
        if (!isWriteError(err)) throw err;
        throw ioError(err, f.path, 'file');
      }
    }
    await putIntoPlace(
      temps.map((t) => ({ from: t.temp, to: t.path })),
      force,
      hint,
    );
  } finally {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    temps.forEach(({ release }) => release());
  }
}

/**
 * fs.writeFile, with data made as it is written (the figures, area by area) made while the
 * previous piece is being written: writeFile asks for the next piece only when a write has
 * finished, and the thread computing the figures waited for the disk about 5 % of a run.
 * At most two pieces are in use at a time, the one being written and the one being made: a
 * piece may be made in the memory of the one before the previous (ChunkOptions.reusePieces).
 */
export async function writePieces(path: string, data: Buffer | string | Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
  if (typeof data === 'string' || Buffer.isBuffer(data) || !(Symbol.iterator in data)) return writeFile(path, data);
  const handle = await open(path, 'w');
  let writing: Promise<void> | null = null;
  try {
    for (const piece of data) {
      if (writing) await writing;
      writing = writeAll(handle, piece);
      // Awaited before the next piece or below: a write that fails while the next piece is made is not unhandled.
      writing.catch(() => undefined);
    }
    if (writing) await writing;
  } finally {
    await writing?.catch(() => undefined);
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, piece: Buffer): Promise<void> {
  for (let at = 0; at < piece.length; ) at += (await handle.write(piece, at)).bytesWritten;
}

/** Move files rendered elsewhere (batch workers' temporary folders) into place. */
export async function moveIntoPlace(moves: { from: string; to: string }[], force: boolean): Promise<void> {
  await checkTargets(
    moves.map((m) => m.to),
    force,
  );
  for (const { to } of moves) await ensureFolder(dirname(to));
  await putIntoPlace(moves, force);
}

/**
 * Put finished files at their targets as one set. With `force` each is renamed over its
 * target. Without, each is linked, which fails if the target appeared since the check
 * (another run writing into the same folder): then the targets this call made are removed
 * again and nothing of this run is left.
 */
async function putIntoPlace(moves: { from: string; to: string }[], force: boolean, hint?: Message): Promise<void> {
  if (force) {
    for (const { from, to } of moves) {
      try {
        await rename(from, to);
      } catch (err) {
        throw ioError(err, to, 'file');
      }
    }
    return;
  }
  const placed: string[] = [];
  try {
    for (const { from, to } of moves) {
      await placeNew(from, to, hint);
      placed.push(to);
    }
  } catch (err) {
    await Promise.all(placed.map((p) => rm(p, { force: true })));
    throw err;
  }
  await Promise.all(moves.map(({ from }) => rm(from, { force: true })));
}

/** Give `to` the content of `from`, failing if `to` exists (no window in which it could be replaced). */
async function placeNew(from: string, to: string, hint?: Message): Promise<void> {
  try {
    await link(from, to);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw wouldOverwrite([to], hint);
    // File systems without hard links (FAT, some network shares): an exclusive copy still
    // never replaces a file, though a reader could see it while it is being copied.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw ioError(err, to, 'file');
  }
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw wouldOverwrite([to], hint);
    await rm(to, { force: true });
    throw ioError(err, to, 'file');
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A municipality name as a file name: no path separators or "..", no control or format
 * characters (a right-to-left override would make "fdp.exe" look like "exe.pdf"), no names
 * Windows reserves. Letters such as å ä ö are kept, in their composed (NFC) form.
 */
export function safeFileName(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, '-')
    .replace(/\s+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\-]+|[.\- ]+$/g, '');
  if (s === '') s = 'omrade';
  if (WINDOWS_RESERVED.test(s.split('.')[0]!)) s = `_${s}`;
  return s.slice(0, 100);
}

/** The report date: --date, else SOURCE_DATE_EPOCH (reproducible builds), else today. */
export function resolveDate(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) {
    if (!isCalendarDate(option)) {
      throw new UsageError(msg('cli.date', { value: option }), msg('cli.date.hint'));
    }
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // The reproducible-builds specification: a malformed value is an error, not "today".
    const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : NaN;
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
      throw new UsageError(msg('cli.epoch', { value: epoch }), msg('cli.epoch.hint'));
    }
    return date.toISOString().slice(0, 10);
  }
  return new Date().toISOString().slice(0, 10);
}

/** YYYY-MM-DD naming a day that exists (no 30 February, no 31 April, 29 February only in leap years). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
