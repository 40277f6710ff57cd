// The tables a config names (population counts, other sources) given among the survey files,
// as `data/*.csv` does when they sit in the same folder: left out with a note, never read as
// respondents; given alone, a clear error.
import { describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_CONFIG, EXAMPLE_CSV, runCli } from '../e2e/cli.js';

const POPULATION = `${EXAMPLE}/befolkning.csv`;
const SOURCE = `${EXAMPLE}/kallor/anmalda-misshandelsbrott.csv`;
const REFERENCES = `${EXAMPLE}/referensvarden.csv`;

describe('tables the config names, among the survey files', () => {
  it('figures: left out with one note each; the figures are those of the survey files alone', async () => {
    const [alone, mixed] = await Promise.all([
      runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--json']),
      runCli(['figures', POPULATION, ...EXAMPLE_CSV, SOURCE, REFERENCES, '-c', EXAMPLE_CONFIG, '--json'], { LANG: 'sv_SE.UTF-8', LC_ALL: '' }),
    ]);
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toBe(
      `${POPULATION} är tabellen som inställningsfilen anger som population.file: den läses inte som enkätdata\n` +
        `${SOURCE} är tabellen som inställningsfilen anger som sources[0].file: den läses inte som enkätdata\n` +
        `${REFERENCES} är tabellen som inställningsfilen anger som references[0].file: den läses inte som enkätdata\n`,
    );
    expect(mixed.stdout).toBe(alone.stdout);
  });

  it('validate: an information finding for the table, the survey files checked as before', async () => {
    const r = await runCli(['validate', ...EXAMPLE_CSV, POPULATION, '-c', EXAMPLE_CONFIG, '--json']);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: { code: string; severity: string; message: string; locations: { file: string }[] }[] }).findings;
    expect(findings.filter((f) => f.code === 'config-table')).toEqual([
      expect.objectContaining({ severity: 'info', message: 'the table the config names as population.file: not read as survey data', locations: [{ file: POPULATION }] }),
    ]);
  });

  it('only such tables: exit 2 with what to do, in report and in validate', async () => {
    const report = await runCli(['report', POPULATION, '-c', EXAMPLE_CONFIG, '--area', 'Ängsby', '-o', '/nonexistent/never-written']);
    expect(report.code).toBe(2);
    expect(report.stderr).toBe(
      `${POPULATION} is the table the config names as population.file: it is not read as survey data\n` +
        'error: every file given is a table the config names (population.file), not survey data. Name the survey files too, e.g. `data/enkat-*.csv`\n',
    );
    const validate = await runCli(['validate', POPULATION, '-c', EXAMPLE_CONFIG]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('every file given is a table the config names (population.file), not survey data');
  });
});
