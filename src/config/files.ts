// Files the config names (a logo, own texts): read whole, relative paths already resolved. A
// missing or unreadable file is a config error at the config key that names it, saying why.
import { readFile } from 'node:fs/promises';
import { ConfigError, ioCause, type Location, type Message } from '../errors.js';

export interface NamedFileMessages {
  notFound: Message;
  notFoundHint: Message;
  cannotRead(cause: Message, code: string): Message;
}

export async function readConfiguredFile(path: string, from: Location, say: NamedFileMessages): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const cause = ioCause(err);
    if (cause.code === 'ENOENT') throw new ConfigError(say.notFound, from, say.notFoundHint);
    throw new ConfigError(say.cannotRead(cause.text, cause.code), from, cause.hint);
  }
}
