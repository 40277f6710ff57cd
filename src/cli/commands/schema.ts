// `lagesbild schema`: the JSON Schema of lagesbild.yaml, for editor completion.
import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import type { CommandAction } from '../main.js';

export function registerSchema(program: Command, wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {
  program
    .command('schema')
    .description('print the JSON Schema of the config file (for editor completion)')
    .addHelpText('after', '\nExample:\n  lagesbild schema > lagesbild.schema.json')
    .action(
      wrap(async () => {
        const { configJsonSchema } = await import('../../config/json-schema.js');
        process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
        return EXIT.ok;
      }),
    );
}
