// columns.renamed: a question reworded between waves (and a gender column named otherwise one
// year) read as the config's column, with figures identical to renaming the header by hand;
// the missing-column error points at the reworded question and says what to add.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { computeFigures } from '../../src/analysis/figures.js';
import { exportFigures } from '../../src/render/tabular/figures-export.js';
import { LagesbildError } from '../../src/errors.js';
import { csv, MINI_CONFIG, tempDir, writeFile } from '../fixtures/mini-project.js';

const NOW = 'Har någon slagit dig under det senaste året?';
const BEFORE = 'Har någon slagit dig under de senaste 12 månaderna?';
const CONFIG = MINI_CONFIG.replace('column: F1', `column: "${NOW}"`);
const RENAMED = CONFIG.replace('columns:\n', `columns:\n  renamed:\n    "${BEFORE}": "${NOW}"\n    "Jag är": kon\n`);

function rows(year: number, n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => ['Åby', year, i % 2 ? 'F' : 'P', i % 3 ? '9' : 'gy2', 1 + (i % 4) / 4, i % 5 === 0 ? 'Ja' : 'Nej', i % 7 === 0 ? 'Ja' : 'Nej']);
}

async function figuresOf(files: string[], config: string): Promise<string> {
  const parsed = parseConfig(config, 'lagesbild.yaml');
  const { sums } = await ingestFiles(files, parsed);
  return exportFigures(computeFigures(sums, parsed), 'csv');
}

async function errorLine(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LagesbildError) return err.toLine('en');
    throw err;
  }
  throw new Error('expected an error');
}

describe('columns.renamed', () => {
  const dir = tempDir('lagesbild-renamed-');
  const latest = writeFile(dir, 'enkat-2024.csv', csv([['kommun', 'ar', 'kon', 'ak', 'vikt', NOW, 'F2'], ...rows(2024, 60)]));
  // The earlier wave: the question worded otherwise, the gender column named "Jag är".
  const earlier = writeFile(dir, 'enkat-2022.csv', csv([['kommun', 'ar', 'Jag är', 'ak', 'vikt', BEFORE, 'F2'], ...rows(2022, 70)]));
  const byHand = writeFile(dir, 'enkat-2022-omdopt.csv', csv([['kommun', 'ar', 'kon', 'ak', 'vikt', NOW, 'F2'], ...rows(2022, 70)]));

  it('without it: the error names the reworded question as the likely same one, and what to add', async () => {
    // The renamed gender column is found first; with it renamed, the question is the one missing.
    const genderRenamed = CONFIG.replace('columns:\n', 'columns:\n  renamed:\n    "Jag är": kon\n');
    expect(await errorLine(figuresOf([latest, earlier], genderRenamed))).toBe(
      `${earlier}:1: column "${NOW}" (indicators[0].column in the config) is not in the header. The file has "${BEFORE}" (column 6): if it is the same question under another name, add it to columns.renamed in the config ("${BEFORE}": "${NOW}"), and to the indicator's series_breaks if the change makes the years incomparable`,
    );
  });

  it('with it: the same figures as renaming the columns in the file by hand', async () => {
    const renamed = await figuresOf([latest, earlier], RENAMED);
    expect(renamed).toBe(await figuresOf([latest, byHand], CONFIG));
    // Both waves were read: the 2022 estimates are there.
    expect(renamed).toMatch(/\nestimate,,slagen,,Åby,2022,,total,/);
    // A file that has the config's own name reads that column, whatever renamed says.
    expect(await figuresOf([latest, byHand], RENAMED)).toBe(renamed);
  });

  it('two other names of one column in one file: an error naming both', async () => {
    const both = writeFile(dir, 'enkat-2023.csv', csv([['kommun', 'ar', 'kon', 'ak', 'vikt', BEFORE, 'F2', 'Slagen'], ...rows(2023, 3).map((r) => [...r, 'Nej'])]));
    const twice = RENAMED.replace('    "Jag är": kon\n', '    "Jag är": kon\n    Slagen: "' + NOW + '"\n');
    expect(await errorLine(figuresOf([both], twice))).toBe(
      `${both}:1:8: the file has two columns that columns.renamed in the config names "${NOW}": "${BEFORE}" and "Slagen". Keep the one that is the question of this wave in columns.renamed`,
    );
  });
});
