// Run the real CLI in-process (main() from src/cli/main.ts) and capture what it prints.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Messages are compared as text: the CLI's own ones follow the locale, so pin it (English by default). */
const LOCALE = { LC_ALL: 'C.UTF-8', LC_MESSAGES: undefined, LANG: undefined };

export async function runCli(args: string[], locale = 'C.UTF-8'): Promise<CliRun> {
  const savedEnv = Object.fromEntries(Object.keys(LOCALE).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries({ ...LOCALE, LC_ALL: locale })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += text(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += text(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'lagesbild', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A stack trace line ("    at fn (file:1:2)"): never shown without --debug. */
export const STACK_LINE = /^\s+at /m;

/**
 * English words left in a Swedish message: what remains after file paths, quoted values,
 * config keys and codes are taken out is checked against words that are English and not
 * Swedish. Empty when the message is all Swedish.
 */
export function englishIn(line: string, paths: string[] = []): string[] {
  let rest = line;
  for (const p of paths) rest = rest.split(p).join(' ');
  rest = rest
    .replace(/"[^"]*"/g, ' ')
    .replace(/'[^']*'/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\S*[._/\\[\]=<>@*&]\S*/g, ' ')
    .replace(/--?[a-z][\w-]*/g, ' ')
    .replace(/\([A-Z0-9_]+\)/g, ' ');
  const words = rest.toLowerCase().match(/[a-zåäöé]+/g) ?? [];
  return words.filter((w) => ENGLISH.has(w));
}

const ENGLISH = new Set(
  `the is are not of and or with has have must should this that which from found file files row rows column columns value values answer answers
  header expected missing number weight weights year years check add remove use export save line lines empty only cannot could there would than
  more one it its was were does do no name names again quote quoted folder instead unknown allowed key keys every each other another same twice
  spelling where what how too many at on to error warning note wrote left out read written write cannot respondent respondents character characters
  encoding encoded separated delimiter delimiters comma semicolon tab quotes closing opening never inside after before start end spaces case differs
  clean mapping list item items least most greater less invalid valid indicator indicators scale used give set level circle refer gender school wave
  municipality municipalities config survey yes figures figure nothing either`.split(/\s+/),
);
