import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Temporary files under one folder per run, removed at its end (see the file).
    globalSetup: ['test/setup/temp-root.ts'],
    // Generous limits: the suite also runs on busy two-core machines, where a CLI run that takes
    // 5 s alone can take a minute; a timeout there is noise, not a finding. Speed is measured in
    // `npm run bench`, never by these limits.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
