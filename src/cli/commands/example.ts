// `lagesbild example`: copy the bundled synthetic example (data + config) to try things on.
import { cp } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT, msg } from '../../errors.js';
import type { CommandAction } from '../main.js';
import { checkTargets, ensureFolder, ioError, wouldOverwrite } from '../outputs.js';
import { commandName, shellQuote } from '../invocation.js';
import { cliMessages } from '../i18n.js';

export const EXAMPLE_NAME = 'norrbacka';
/** The config and the files it names beside it (population counts, reference values); folders follow. */
const EXAMPLE_FILES = ['lagesbild.yaml', 'befolkning.csv', 'referensvarden.csv'];

/** The bundled example folder (works from src/ and from dist/). */
export function exampleDir(): string {
  return fileURLToPath(new URL(`../../../examples/${EXAMPLE_NAME}/`, import.meta.url));
}

export function registerExample(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  program
    .command('example')
    .description('copy the bundled synthetic example (survey files, lagesbild.yaml with its population file and reference values, an own text and another source) into a folder')
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
        const force = flags.force ?? false;
        const hint = msg('output.wouldOverwrite.exampleHint');
        // The config, the files it names beside it, the survey files, the own text and the other source's table.
        const folders = ['data', 'texts', 'kallor'];
        await checkTargets([...EXAMPLE_FILES.map((f) => join(dir, f)), ...folders.map((f) => join(dir, f))], force, hint);
        await ensureFolder(dir);
        // Without --force a file that appeared since the check is not replaced.
        const copy = (from: string, to: string, recursive: boolean) =>
          cp(from, to, { recursive, force, errorOnExist: !force }).catch((err: unknown) => {
            throw (err as NodeJS.ErrnoException).code === 'ERR_FS_CP_EEXIST' ? wouldOverwrite([to], hint) : ioError(err, to, 'file');
          });
        for (const f of EXAMPLE_FILES) await copy(join(src, f), join(dir, f), false);
        for (const f of folders) await copy(join(src, f), join(dir, f), true);
        const say = cliMessages(ctx.lang).run;
        ctx.log.info(say.copiedExample(dir));
        ctx.log.info(say.next(`cd ${shellQuote(dir)} && ${commandName(dir)} report data/*.csv --area Ängsby`));
        return EXIT.ok;
      }),
    );
}
