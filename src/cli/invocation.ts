// How to run lagesbild again, as the user ran it: the "next step" lines must work when
// pasted, whether the tool is installed globally (`lagesbild`), run with npx inside a
// project that has it (`npx lagesbild`), or started by path (`node /…/bin/lagesbild.js`).
import { realpathSync, statSync } from 'node:fs';
import { delimiter, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The command that runs this lagesbild from `dir` (where the next step is run; default the
 * current folder). `lagesbild` only when that name on PATH is this very program: otherwise
 * it is "command not found", or another version.
 */
export function commandName(dir = '.', env: NodeJS.ProcessEnv = process.env, script = OWN_BIN): string {
  const self = real(script);
  const first = onPath('lagesbild', env)[0];
  if (self !== null && first !== undefined && real(first) === self) return 'lagesbild';
  // npx finds the project's own copy from any folder inside the project.
  const project = env.npm_command === 'exec' ? env.npm_config_local_prefix : undefined;
  if (project && isInside(resolve(dir), resolve(project))) return 'npx lagesbild';
  return `node ${shellQuote(self ?? script)}`;
}

/** This package's launcher (the same two levels up from src/cli and dist/cli). */
const OWN_BIN = fileURLToPath(new URL('../../bin/lagesbild.js', import.meta.url));

/** A word for a POSIX shell: as it is when safe, else in single quotes. */
export function shellQuote(s: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Executables of that name along PATH, in the order the shell tries them. */
function onPath(name: string, env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
}

function real(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
