// `lagesbild example`: copy the bundled synthetic example (data + config) to try things on.
import { cp, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import type { CommandAction } from '../main.js';
import { checkTargets } from '../outputs.js';
import { cliLanguage, cliMessages } from '../i18n.js';

export const EXAMPLE_NAME = 'norrbacka';

/** The bundled example folder (works from src/ and from dist/). */
export function exampleDir(): string {
  return fileURLToPath(new URL(`../../../examples/${EXAMPLE_NAME}/`, import.meta.url));
}

export function registerExample(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  program
    .command('example')
    .description('copy the bundled synthetic example (survey files + lagesbild.yaml) into a folder')
    .argument('[dir]', 'where to put it', `lagesbild-exempel`)
    .option('-f, --force', 'replace files that exist')
    .addHelpText(
      'after',
      `
Example:
  lagesbild example mitt-test
  cd mitt-test && lagesbild report data/*.csv --area Ängsby`,
    )
    .action(
      wrap(async (ctx, dir: string, flags: { force?: boolean }) => {
        const src = exampleDir();
        await checkTargets([join(dir, 'lagesbild.yaml'), join(dir, 'data')], flags.force ?? false);
        await cp(join(src, 'lagesbild.yaml'), join(dir, 'lagesbild.yaml'), { force: true });
        await cp(join(src, 'data'), join(dir, 'data'), { recursive: true, force: true });
        await stat(join(dir, 'lagesbild.yaml'));
        const say = cliMessages(cliLanguage(undefined)).run;
        ctx.log.info(say.copiedExample(dir));
        ctx.log.info(say.next(`cd ${dir} && lagesbild report data/*.csv --area Ängsby`));
        return EXIT.ok;
      }),
    );
}
