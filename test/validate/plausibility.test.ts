// validate catches what init cannot know: an indicator read from a column whose answers are
// not answers (genders), a population filter that keeps everybody, a share of yes that no
// survey of its kind gives. Warnings, each with the config key to change (file:line:column)
// and, where there is one, a row of the data. On the Lillby export (test/fixtures/lillby).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../src/validate/validate.js';
import { looksLike } from '../../src/validate/plausibility.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';

const DIR = fileURLToPath(new URL('../fixtures/lillby/', import.meta.url));
const FILES = [`${DIR}Lillby skolenkät 2022.csv`, `${DIR}Lillby skolenkät 2024.csv`];
const CONFIG = readFileSync(`${DIR}lagesbild.yaml`, 'utf8');

/** The Lillby config with one change, in a file of its own; the line of a text in it (the first after `after`). */
function changed(from: string, to: string): { path: string; lineOf: (text: string, after?: string) => number } {
  if (!CONFIG.includes(from)) throw new Error(`not in the config: ${from}`);
  const text = CONFIG.replace(from, to);
  const path = writeFile(tempDir('lagesbild-plausible-'), 'lagesbild.yaml', text);
  const lines = text.split('\n');
  return { path, lineOf: (t, after) => lines.findIndex((l, i) => l.includes(t) && (after === undefined || lines.slice(0, i).some((x) => x.includes(after)))) + 1 };
}

describe('validate: plausibility', () => {
  it('tells answers from genders, school years and years', () => {
    expect(looksLike(['Tjej', 'Kille', 'Vill inte svara'])).toBe('gender');
    expect(looksLike(['Åk 9', 'Gy 2'])).toBe('grade');
    expect(looksLike(['2022', '2024'])).toBe('year');
    expect(looksLike(['Ja', 'Nej', 'Tjej'])).toBeNull();
    expect(looksLike(['Ja, en gång', 'Nej', 'Vet inte'])).toBeNull();
  });

  it('an indicator on the gender column: the rows are rejected, and a warning says why and where to look', async () => {
    const gender = 'Är du tjej eller kille?';
    const { path, lineOf } = changed(
      '    column: Har någon under de senaste 12 månaderna hotat dig på ett sätt som gjorde att du blev rädd?\n    answers: ganger',
      `    column: ${gender}\n    answers: ganger`,
    );
    const r = await validateProject(FILES, path);
    const f = r.findings.find((x) => x.code === 'answers-look-like');
    expect(f).toMatchObject({ severity: 'warning', indicator: 'hot', column: gender, kind: 'gender' });
    expect(f && 'values' in f ? [...f.values].sort() : []).toEqual(['Annat/vill inte säga', 'Kille', 'Tjej']);
    expect(f!.locations[0]).toEqual({ file: path, line: lineOf(`    column: ${gender}`, '- id: hot'), column: 13, field: 'indicators[1].column' });
    expect(f!.locations[1]).toMatchObject({ file: FILES[0], column: 4, field: gender });
    expect(r.exitCode).toBe(5);
  });

  it('a population filter that keeps everybody', async () => {
    const { path, lineOf } = changed('values: ["Ja, just nu", "Ja, tidigare"]', 'values: ["Ja, just nu", "Ja, tidigare", Nej, Vill inte svara, ""]');
    const r = await validateProject(FILES, path);
    const f = r.findings.find((x) => x.code === 'population-everyone');
    expect(f).toMatchObject({ severity: 'warning', indicator: 'vald_i_parrelation', column: 'Har du någon gång haft en pojkvän, flickvän eller partner?' });
    expect(f!.locations).toEqual([{ file: path, line: lineOf('values: ["Ja, just nu"'), column: 15, field: 'indicators[4].population.values' }]);
  });

  it('nobody in a population: the warning points at the filter', async () => {
    const { path, lineOf } = changed('values: ["Ja, just nu", "Ja, tidigare"]', 'values: ["Ja, alltid"]');
    const r = await validateProject(FILES, path);
    const f = r.findings.find((x) => x.code === 'no-answers');
    expect(f).toMatchObject({ indicator: 'vald_i_parrelation', inPopulation: 0 });
    // The filter's first key, on the line after "population:".
    expect(f!.locations).toEqual([{ file: path, line: lineOf('    population:') + 1, column: 7, field: 'indicators[4].population' }]);
  });

  it('more than 90 % subjected to threats: yes and no swapped', async () => {
    const { path, lineOf } = changed(
      'answer_scales:\n  ganger:\n    yes: ["Ja, en gång", "Ja, 2–5 gånger", "Ja, fler än 5 gånger", "Ja, flera gånger"]\n    no: [Nej]',
      'answer_scales:\n  ganger:\n    no: ["Ja, en gång", "Ja, 2–5 gånger", "Ja, fler än 5 gånger", "Ja, flera gånger"]\n    yes: [Nej]',
    );
    const r = await validateProject([FILES[0]!], path);
    const hot = r.findings.find((x) => x.code === 'implausible-share' && x.indicator === 'hot');
    expect(hot).toMatchObject({ severity: 'warning', chapter: 'utsatthet', yes: 25, answered: 26 });
    expect(hot!.locations).toEqual([{ file: path, line: lineOf('    yes: [Nej]'), column: 10, field: 'answer_scales.ganger.yes' }]);
    // The unchanged Lillby data: no such warning.
    const plain = await validateProject(FILES, `${DIR}lagesbild.yaml`);
    expect(plain.findings.map((x) => x.code).filter((c) => ['implausible-share', 'answers-look-like', 'population-everyone'].includes(c))).toEqual([]);
  });
});
