// `--help` in the user's language. Commander writes help only in English, and the English
// texts stay beside each flag (src/cli/commands); in Swedish every description is replaced
// from src/messages/help-sv.ts and commander's own words (headings, "default:", "choices:",
// "[options]") are translated where commander formats them.
import { Help, type Command } from 'commander';
import type { EventEmitter } from 'node:events';
import type { Lang } from '../messages/index.js';
import { HELP_SV, HELP_WORDS_SV as W } from '../messages/help-sv.js';

/** The help keys of a program, each with the Swedish lookup that applies (for the tests). */
export function helpKeys(program: Command): { key: string; shared: string | null; english: string }[] {
  const keys: { key: string; shared: string | null; english: string }[] = [];
  for (const cmd of [program, ...program.commands]) {
    const name = cmd === program ? program.name() : cmd.name();
    keys.push({ key: name, shared: null, english: cmd.description() });
    for (const arg of cmd.registeredArguments) keys.push({ key: `${name} <${arg.name()}>`, shared: `<${arg.name()}>`, english: arg.description });
    for (const option of cmd.options) {
      const flag = option.long ?? option.short ?? '';
      keys.push({ key: `${name} ${flag}`, shared: cmd === program ? null : flag, english: option.description });
    }
    if (events(cmd).listenerCount('afterHelp') > 0) keys.push({ key: `${name} (after)`, shared: null, english: '' });
  }
  return keys;
}

/** The Swedish for a help key: the command's own, else the shared flag's. */
export function swedishHelp(key: string, shared: string | null): string | undefined {
  return HELP_SV[key] ?? (shared === null ? undefined : HELP_SV[shared]);
}

/** Puts the help of the program and its commands into `lang` (English needs nothing). */
export function localizeHelp(program: Command, lang: Lang): void {
  if (lang === 'en') return;
  const text = (key: string, shared: string | null, english: string) => swedishHelp(key, shared) ?? english;
  for (const cmd of [program, ...program.commands]) {
    const name = cmd === program ? program.name() : cmd.name();
    cmd.description(text(name, null, cmd.description()));
    for (const arg of cmd.registeredArguments) arg.description = text(`${name} <${arg.name()}>`, `<${arg.name()}>`, arg.description);
    for (const option of cmd.options) {
      const flag = option.long ?? option.short ?? '';
      option.description = text(`${name} ${flag}`, cmd === program ? null : flag, option.description);
    }
    // The examples below the flags: commander keeps them as 'afterHelp' listeners, so the
    // English ones are replaced by the Swedish text.
    const after = HELP_SV[`${name} (after)`];
    if (after !== undefined) {
      events(cmd).removeAllListeners('afterHelp');
      cmd.addHelpText('after', after.replace(/\n$/, ''));
    }
    cmd.helpOption('-h, --help', W.help);
    cmd.usage(cmd.usage().replace('[options]', W.usageOptions).replace('[command]', W.usageCommand));
    cmd.configureHelp(SWEDISH_HELP);
  }
  program.helpCommand(`help ${W.usageCommand}`, W.helpCommand);
}

// Commander's fixed words, translated in the strings it builds (its wording is the same in
// every version of the 14 line; the tests read the whole Swedish help, so a change shows).
const SWEDISH_HELP = {
  styleTitle: (title: string) => (W as Record<string, string>)[title] ?? title,
  subcommandTerm(this: Help, cmd: Command) {
    return Help.prototype.subcommandTerm.call(this, cmd).replace(' [options]', ` ${W.usageOptions}`);
  },
  optionDescription(this: Help, option: Parameters<Help['optionDescription']>[0]) {
    return extraWords(Help.prototype.optionDescription.call(this, option));
  },
  argumentDescription(this: Help, argument: Parameters<Help['argumentDescription']>[0]) {
    return extraWords(Help.prototype.argumentDescription.call(this, argument));
  },
};

/** "(choices: …, default: …)" → "(val: …, standard: …)". */
function extraWords(description: string): string {
  return description.replace(/([(,] ?)choices: /, `$1${W.choices}: `).replace(/([(,] ?)default: /, `$1${W.default}: `);
}

/** A command is an EventEmitter (its help texts are listeners), which commander's types do not say. */
function events(cmd: Command): EventEmitter {
  return cmd as unknown as EventEmitter;
}
