// A message quotes a cell only when it is a near-miss of an allowed answer or code (spaces,
// letter case, Unicode form, a small typo, an encoding artefact); anything else is described
// by its length, so no respondent id or free-text answer reaches a terminal or a CI log.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { nearMissOf, showCell, showNumberLike } from '../../src/ingest/near-miss.js';
import { EXIT } from '../../src/errors.js';
import { MINI_CONFIG, MINI_HEADER, csv, tempDir, writeFile } from '../fixtures/mini-project.js';
import { runCli } from '../bad-input/run-cli.js';

const ANSWERS = ['Nej', 'Ja, en gång', 'Ja, flera gånger', 'Vill inte svara', '1', '2', '9', ''];

describe('near-misses are quoted', () => {
  it.each([
    ['Ja, flera gånger ', 'Ja, flera gånger', 'a space at the end'],
    ['  nej', 'Nej', 'spaces and case'],
    ['JA, EN GÅNG', 'Ja, en gång', 'upper case'],
    ['Ja,  flera\u00a0gånger', 'Ja, flera gånger', 'doubled and non-breaking spaces'],
    ['Ja, flera ga\u0308nger', 'Ja, flera gånger', 'decomposed å'],
    ['Ja, flera ganger', 'Ja, flera gånger', 'a lost ring (one edit)'],
    ['Ja, flrea gånger', 'Ja, flera gånger', 'two letters swapped'],
    ['Vill inte svar', 'Vill inte svara', 'a letter missing'],
    ['Ja, flera gÃ¥nger', 'Ja, flera gånger', 'UTF-8 read as Windows-1252'],
    ['Ja, flera g\ufffdnger', 'Ja, flera gånger', 'a letter lost in conversion'],
    ['Nej\u200b', 'Nej', 'a zero-width space'],
    ['3', '1', 'a code one off (the first of the equally near codes)'],
  ])('%j is a near-miss of %j (%s)', (raw, allowed) => {
    expect(nearMissOf(raw, ANSWERS)).toBe(allowed);
    expect(showCell(raw, ANSWERS)).toEqual({ text: raw });
  });
});

describe('anything else is described by its length', () => {
  it.each([
    ['ID-7f3a9c2e', 'a respondent id'],
    ['202100001', 'a running number'],
    ['jag har aldrig varit med om det', 'free text'],
    ['FRIMARKNAD: jag har aldrig blivit slagen', 'free text with a column name'],
    ['Kanske', 'another answer, not a near-miss'],
    ['Nejdå, aldrig någonsin', 'an answer with much more'],
    ['x'.repeat(41), 'anything over 40 characters'],
  ])('%j (%s)', (raw) => {
    expect(nearMissOf(raw, ANSWERS)).toBeUndefined();
    expect(showCell(raw, ANSWERS)).toEqual({ length: [...raw].length });
  });

  it('numbers and years are quoted when they look like numbers, described otherwise', () => {
    for (const v of ['1,5', '-1', '1e308', '2023/24', '2023–24', ' 12 ']) expect(showNumberLike(v)).toEqual({ text: v });
    for (const v of ['tjugotre', 'ID-7f3a', 'NaN', 'ett och ett halvt']) expect(showNumberLike(v)).toEqual({ length: v.length });
  });
});

describe('through the CLI', () => {
  const dir = tempDir('lagesbild-near-miss-');
  const config = writeFile(dir, 'lagesbild.yaml', MINI_CONFIG);
  const rows = Array.from({ length: 12 }, (_, i) => ['Åby', 2023, i % 2 ? 'F' : 'P', '9', '1', i % 3 ? 'Nej' : 'Ja', i % 4 ? 'Nej' : 'Ja']);
  const withCell = (column: number, value: string) => {
    const r = rows.map((x) => [...x]);
    r[2]![column] = value;
    return writeFile(dir, `case-${column}-${value.length}.csv`, csv([MINI_HEADER, ...r]));
  };

  it('a near-miss answer is quoted, with the answer it nearly is', async () => {
    const file = withCell(5, 'nej ');
    const run = await runCli(['figures', file, '-c', config, '--json']);
    expect(run.code).toBe(EXIT.data);
    expect(run.stderr).toBe(
      `error: ${file}:4:6: F1: "nej " is not an answer of slagen. It differs from "Nej" only by spaces at the start or end: clean the file, or add "nej " to the answers in lagesbild.yaml\n`,
    );
  });

  it("names the config's own file in the fix: a JSON config called kommun.json", async () => {
    const json = writeFile(dir, 'kommun.json', JSON.stringify(parse(MINI_CONFIG), null, 2));
    const file = withCell(5, 'nej ');
    const run = await runCli(['figures', file, '-c', json, '--json']);
    expect(run.code).toBe(EXIT.data);
    expect(run.stderr).toBe(
      `error: ${file}:4:6: F1: "nej " is not an answer of slagen. It differs from "Nej" only by spaces at the start or end: clean the file, or add "nej " to the answers in kommun.json\n`,
    );
  });

  it('a respondent id in an answer column (a shifted row) is described, in figures and in validate', async () => {
    const file = withCell(5, 'ID-7f3a9c2e');
    const figures = await runCli(['figures', file, '-c', config, '--json']);
    expect(figures.stderr).toBe(
      `error: ${file}:4:6: F1: an unknown value of 11 characters is not an answer of slagen. Expected one of: 2, Nej, 1, Ja, (empty), 9, Vill inte svara; add it to answer_scales.jn in lagesbild.yaml (yes, no or missing)\n`,
    );
    for (const [args, described] of [
      [['--json'], 'an unknown value of 11 characters'],
      [['--lang', 'en'], 'an unknown value of 11 characters'],
      [['--lang', 'sv'], 'ett okänt värde med 11 tecken'],
    ] as const) {
      const validate = await runCli(['validate', file, '-c', config, ...args]);
      expect(validate.code).toBe(EXIT.notReportable);
      expect(validate.stdout + validate.stderr).not.toContain('7f3a');
      expect(validate.stdout).toContain(described);
    }
  });

  it('a gender code that is free text is described; one a letter off is quoted', async () => {
    const text = withCell(2, 'jag vill inte säga');
    expect((await runCli(['figures', text, '-c', config, '--json'])).stderr).toMatch(/: kon: an unknown value of 18 characters is not a value of gender\. /);
    const typo = withCell(2, 'f ');
    expect((await runCli(['figures', typo, '-c', config, '--json'])).stderr).toMatch(/: kon: "f " is not a value of gender\. It differs from "F" only by spaces/);
  });
});
