// Build step after tsc: each module below re-exports what the code uses of a package made of
// many small files; it is replaced in dist/ by one bundled file with the same exports, so that
// start-up reads one file instead of hundreds. Same code, so the same results. Every use of
// such a package goes through its module (two copies of one package would not know each
// other's objects).
//   dist/stats/stdlib.js   five @stdlib packages, ~580 files (src/stats/stdlib.ts)
//   dist/config/zod.js     zod, 95 files (src/config/zod.ts)
//   dist/config/yaml.js    yaml, 72 files (src/config/yaml.ts)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

for (const module of ['stats/stdlib.js', 'config/zod.js', 'config/yaml.js']) {
  const file = fileURLToPath(new URL(`../dist/${module}`, import.meta.url));
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
}
