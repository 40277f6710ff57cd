// Input file arguments: paths, folders are refused with a hint, and simple globs
// ("data/*.csv") are expanded here too, for shells (and CI configs) that do not.
import { readdir } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { UsageError, msg } from '../errors.js';

export async function expandInputs(inputs: string[]): Promise<string[]> {
  if (inputs.length === 0) throw new UsageError(msg('cli.noInput'), msg('cli.noInput.hint'));
  const out: string[] = [];
  for (const input of inputs) {
    if (!/[*?]/.test(input)) {
      out.push(input);
      continue;
    }
    const dir = dirname(input);
    const pattern = globToRegExp(basename(input));
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      throw new UsageError(msg('cli.globFolder', { dir, input }));
    }
    const matches = names.filter((n) => pattern.test(n)).sort();
    if (matches.length === 0) throw new UsageError(msg('cli.globNone', { input }));
    out.push(...matches.map((n) => join(dir, n)));
  }
  return [...new Set(out)];
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}
