// Run the real CLI in-process (main() from src/cli/main.ts) and capture what it prints.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Messages are compared as text: the CLI's own ones follow the locale, so pin it to English. */
const LOCALE = { LC_ALL: 'C.UTF-8', LC_MESSAGES: undefined, LANG: undefined };

export async function runCli(args: string[]): Promise<CliRun> {
  const savedEnv = Object.fromEntries(Object.keys(LOCALE).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(LOCALE)) {
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
