// Writing outputs safely: nothing half-written, nothing overwritten without --force.
// Every file is written to a temporary name beside its target and renamed into place only
// when all of a command's outputs are ready; an interrupted run removes its temporaries.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError, UsageError } from '../errors.js';

const cleanups: (() => Promise<unknown>)[] = [];

/**
 * On SIGINT/SIGTERM or an error: run registered cleanups, newest first (stop the workers
 * before removing the folder they write to; temporaries of unfinished writes go too).
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
  return onCleanup(() => rm(path, { force: true, recursive: true }));
}

/** Refuse to start when a target exists and --force was not given (checked before any work). */
export async function checkTargets(paths: string[], force: boolean): Promise<void> {
  if (force) return;
  const existing: string[] = [];
  for (const p of paths) if (await exists(p)) existing.push(p);
  if (existing.length > 0) {
    const shown = existing.slice(0, 3).join(', ') + (existing.length > 3 ? ` and ${existing.length - 3} more` : '');
    throw new OutputError(`would overwrite ${shown}`, undefined, 'Pass --force to replace them, or choose another folder with -o');
  }
}

/** Write all files atomically as a set: temporaries first, then renames. */
export async function writeOutputs(files: { path: string; data: Buffer | string }[], force: boolean): Promise<void> {
  await checkTargets(
    files.map((f) => f.path),
    force,
  );
  const temps: { temp: string; path: string; release: () => void }[] = [];
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push({ temp, path: f.path, release: trackTemp(temp) });
      await writeFile(temp, f.data);
    }
    for (const { temp, path, release } of temps) {
      await rename(temp, path);
      release();
    }
  } catch (err) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    temps.forEach(({ release }) => release());
    if (err instanceof OutputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new OutputError(`cannot write output (${code ?? String(err)})`, { file: temps[temps.length - 1]?.path ?? '' }, 'Check that the folder exists and is writable');
  }
}

/** Move files rendered elsewhere (batch workers' temporary folders) into place. */
export async function moveIntoPlace(moves: { from: string; to: string }[], force: boolean): Promise<void> {
  await checkTargets(
    moves.map((m) => m.to),
    force,
  );
  for (const { from, to } of moves) {
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
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
 * A municipality name as a file name: no path separators or "..", no control characters,
 * no names Windows reserves. Letters such as å ä ö are kept.
 */
export function safeFileName(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
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
    if (!/^\d{4}-\d{2}-\d{2}$/.test(option) || Number.isNaN(Date.parse(option))) {
      throw new UsageError(`--date "${option}" is not a date`, 'Use the form 2024-03-31');
    }
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return new Date().toISOString().slice(0, 10);
}
