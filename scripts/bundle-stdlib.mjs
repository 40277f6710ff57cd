// Build step after tsc: dist/stats/stdlib.js (which imports five @stdlib packages, ~580
// files) replaced by one bundled file with the same exports, so that start-up reads one
// file instead of hundreds. See src/stats/stdlib.ts.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../dist/stats/stdlib.js', import.meta.url));
await build({
  entryPoints: [file],
  outfile: file,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'inline',
  // Some of the bundled CommonJS modules require Node's own modules (debug needs tty): an ES
  // module has no require of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
