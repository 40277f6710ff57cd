// The CLI from source, for tests that run it as its own process (under vite-node, so no build
// is needed): `vite-node test/init/cli-entry.ts -- <args>`.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
