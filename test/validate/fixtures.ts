// A small config and CSV writer for the validate tests: 2 municipalities' worth of columns,
// an id column, weights, gender × school year, two indicators on a text answer scale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../fixtures/mini-project.js';

export const CONFIG = `
project:
  county: Testlän
  source: Testenkät
columns:
  area: kommun
  year: ar
  id: lopnr
design:
  weight: vikt
groups:
  gender:
    column: kon
    label: { sv: Kön, en: Gender }
    values:
      - { code: Flicka, label: { sv: Flickor, en: Girls } }
      - { code: Pojke, label: { sv: Pojkar, en: Boys } }
  grade:
    column: ak
    label: { sv: Årskurs, en: School year }
    values:
      - { code: Åk 9, label: { sv: Åk 9, en: Year 9 } }
      - { code: Gy 2, label: { sv: Gy 2, en: Year 11 } }
answer_scales:
  frekvens:
    yes: ["Ja, en gång", "Ja, flera gånger"]
    no: [Nej]
    missing: [Vill inte svara, ""]
disclosure:
  min_base: 5
indicators:
  - { id: slagen, label: Slagen, chapter: utsatthet, form: fysiskt, column: F1, answers: frekvens }
  - { id: hotad, label: Hotad, chapter: utsatthet, form: hot, column: F2, answers: frekvens }
`;

export const HEADER = ['lopnr', 'kommun', 'ar', 'kon', 'ak', 'vikt', 'F1', 'F2'];
const F1 = ['Nej', 'Ja, en gång', 'Nej', 'Ja, flera gånger', 'Vill inte svara'];
const F2 = ['Nej', 'Ja, en gång', 'Nej', 'Nej'];

/**
 * Respondent i (1-based) of municipality Åby, 2023: girls on odd i, Åk 9 for i mod 4 in 1..2;
 * F1 cycles through yes, no and missing, F2 through yes and no.
 */
export function respondent(i: number, change: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    lopnr: String(1000 + i),
    kommun: 'Åby',
    ar: '2023',
    kon: i % 2 === 1 ? 'Flicka' : 'Pojke',
    ak: (i - 1) % 4 < 2 ? 'Åk 9' : 'Gy 2',
    vikt: '1.0',
    F1: F1[i % F1.length]!,
    F2: F2[i % F2.length]!,
  };
  return HEADER.map((h) => change[h] ?? base[h]!);
}

export function respondents(n: number, change?: (i: number) => Partial<Record<string, string>>): string[][] {
  return Array.from({ length: n }, (_, k) => respondent(k + 1, change?.(k + 1)));
}

/** CSV text; values with the delimiter or a quote are quoted. */
export function toCsv(rows: string[][], delimiter = ',', eol = '\n'): string {
  const q = (v: string) => (v.includes(delimiter) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(q).join(delimiter)).join(eol) + eol;
}

export interface Project {
  dir: string;
  config: string;
  file(name: string, content: string | Buffer): string;
}

export function project(configText = CONFIG): Project {
  const dir = tempDir('lagesbild-validate-');
  const config = join(dir, 'lagesbild.yaml');
  writeFileSync(config, configText);
  return {
    dir,
    config,
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}
