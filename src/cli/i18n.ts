// The language of the CLI's messages: --lang sv|en, else a Swedish locale in LC_ALL /
// LC_MESSAGES / LANG, else English. The words are in the language catalogues
// (src/messages/en.ts, sv.ts): errors and warnings by id, the CLI's own texts as tables.
import { UsageError, msg } from '../errors.js';
import { enTexts } from '../messages/en.js';
import { svTexts } from '../messages/sv.js';
import type { CliTexts } from '../messages/texts.js';

export type { CliTexts as CliMessages, InitTexts, RunTexts } from '../messages/texts.js';

export type CliLang = 'sv' | 'en';

export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): CliLang {
  if (flag !== undefined) {
    if (flag === 'sv' || flag === 'en') return flag;
    throw new UsageError(msg('cli.lang', { value: flag }));
  }
  // POSIX precedence: the first of these that is set decides.
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^sv([_.@-]|$)/i.test(locale) ? 'sv' : 'en';
}

export function cliMessages(lang: CliLang): CliTexts {
  return lang === 'sv' ? svTexts : enTexts;
}
