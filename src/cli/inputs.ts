// Input file arguments: paths, `-` for standard input, and globs ("data/**/*.csv",
// "enkat-{2021,2023}.sav", "enkat-20[12]?.xlsx"), expanded here the same way for every command
// (for shells that do not, quoted globs in CI configs, and Windows). Matching ignores letter
// case where the file system does (Windows, macOS), so *.CSV finds enkat.csv there.
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError, msg } from '../errors.js';
import { STDIN } from '../ingest/source.js';

export async function expandInputs(inputs: string[], platform: NodeJS.Platform = process.platform): Promise<string[]> {
  if (inputs.length === 0) throw new UsageError(msg('cli.noInput'), msg('cli.noInput.hint'));
  const out: string[] = [];
  for (const input of inputs) {
    // A file that exists is itself, even when its name has [ ] or { } in it.
    const pattern = platform === 'win32' ? input.replace(/\\/g, '/') : input;
    if (input === STDIN || existsSync(input) || !isDynamicPattern(pattern)) {
      out.push(input);
      continue;
    }
    const matches = await glob(pattern, {
      onlyFiles: true,
      expandDirectories: false,
      absolute: isAbsolute(input),
      caseSensitiveMatch: platform !== 'win32' && platform !== 'darwin',
    });
    if (matches.length === 0) throw new UsageError(msg('cli.globNone', { input }), msg('cli.globNone.hint'));
    out.push(...matches.sort());
  }
  if (out.filter((f) => f === STDIN).length > 1) throw new UsageError(msg('cli.stdinTwice'), msg('cli.stdinTwice.hint'));
  return [...new Set(out)];
}
