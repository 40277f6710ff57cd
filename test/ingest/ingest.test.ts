import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import type { StratumSums } from '../../src/stats/types.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../e2e/cli.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import { ConfigError, DataError, LagesbildError } from '../../src/errors.js';
import { MINI_CONFIG, MINI_HEADER, csv, tempDir, writeFile } from '../fixtures/mini-project.js';
import { parseSurveyYear } from '../../src/years.js';

const config = parseConfig(MINI_CONFIG, 'lagesbild.yaml');
const rows: (string | number)[][] = [
  ['Åby', 2023, 'F', '9', '1.2', '1', '2'],
  ['Åby', 2023, 'Pojke', 'gy2', '0.8', 'Nej', 'Ja'],
  ['Åby', 2023, 'F', 'gy2', '1', '', '9'],
  ['Öby', 2023, 'P', '9', '1', '2', '2'],
];

async function errorOf(files: string[], given = config): Promise<LagesbildError> {
  try {
    await ingestFiles(files, given);
  } catch (err) {
    expect(err).toBeInstanceOf(LagesbildError);
    return err as LagesbildError;
  }
  throw new Error('expected an error');
}

describe('ingest: encodings, delimiters, line endings', () => {
  const dir = tempDir();
  const variants: [string, string | Buffer][] = [
    ['utf8.csv', csv([MINI_HEADER, ...rows])],
    ['bom-semicolon-crlf.csv', '\uFEFF' + csv([MINI_HEADER, ...rows], ';', '\r\n')],
    ['tab.csv', csv([MINI_HEADER, ...rows], '\t')],
    ['win1252.csv', Buffer.from(csv([MINI_HEADER, ...rows], ';'), 'latin1')],
  ];
  for (const [name, content] of variants) {
    it(`reads ${name} to the same sums`, async () => {
      const { sums, files } = await ingestFiles([writeFile(dir, name, content)], config);
      expect(sums.areas).toEqual(['Åby', 'Öby']);
      expect(sums.years).toEqual([2023]);
      expect(files[0]!.rows).toBe(4);
      expect(files[0]!.encoding).toBe(name.startsWith('win') ? 'windows-1252' : 'utf-8');
      // slagen in Åby: answers yes (w 1.2), no (w 0.8), missing → n 2, Σw 2, Σwy 1.2
      const d = sums.domain(['Åby'], [2023], 0, 0);
      expect(d).toHaveLength(1);
      expect(d[0]!.n).toBe(2);
      expect(d[0]!.x).toBe(1);
      expect(d[0]!.nAll).toBe(3);
      expect(d[0]!.sumB).toBeCloseTo(2, 12);
      expect(d[0]!.sumA).toBeCloseTo(1.2, 12);
      expect(d[0]!.psuTotal).toBe(4); // no strata: every respondent of the wave (both areas) is a PSU
      // derived any_of: row 1 yes, row 2 yes (hotad), row 3 missing
      const any = sums.domain(['Åby'], [2023], 0, 2);
      expect([any[0]!.n, any[0]!.x]).toEqual([2, 2]);
    });
  }
});

describe('ingest: bad input gives one precise error', () => {
  const dir = tempDir();
  it('an unknown answer names file, line, column and the fix', async () => {
    const f = writeFile(dir, 'unknown.csv', csv([MINI_HEADER, rows[0]!, ['Åby', 2023, 'F', '9', '1', 'Kanske', '2']]));
    const e = await errorOf([f]);
    expect(e).toBeInstanceOf(DataError);
    // "Kanske" is no near-miss of an answer: it is described, not quoted (it could be anything a respondent wrote).
    expect(e.toLine()).toBe(`${f}:3:6: F1: an unknown value of 6 characters is not an answer of slagen. Expected one of: 2, Nej, 1, Ja, (empty), 9, Vill inte svara; add it to answer_scales.jn in lagesbild.yaml (yes, no or missing)`);
    expect(e.exitCode).toBe(4);
  });
  it("the fix names the config's own file, in either language, and the config when its file is not known", async () => {
    const f = writeFile(dir, 'unknown-group.csv', csv([MINI_HEADER, rows[0]!, ['Åby', 2023, 'X', '9', '1', '1', '2']]));
    const hint = (e: LagesbildError, lang: 'en' | 'sv') => e.toLine(lang).split('. ').slice(1).join('. ');
    const named = await errorOf([f], parseConfig(MINI_CONFIG, join('konfig', 'kommun.json')));
    expect(hint(named, 'en')).toBe('Expected one of: F, P, A; add it as a value or alias under groups in kommun.json');
    expect(hint(named, 'sv')).toBe('Väntade ett av: F, P, A; lägg till det som värde eller alias under groups i kommun.json');
    // A copy (as a worker thread gets it) is not the config parseConfig read.
    const copied = await errorOf([f], structuredClone(parseConfig(MINI_CONFIG, 'kommun.json')));
    expect(hint(copied, 'en')).toBe('Expected one of: F, P, A; add it as a value or alias under groups in the config');
    expect(hint(copied, 'sv')).toBe('Väntade ett av: F, P, A; lägg till det som värde eller alias under groups i konfigurationen');
  });
  it('an answer with a trailing space is explained', async () => {
    const f = writeFile(dir, 'space.csv', csv([MINI_HEADER, ['Åby', 2023, 'F', '9', '1', 'Ja ', '2']]));
    expect((await errorOf([f])).toLine()).toMatch(/:2:6: F1: "Ja " is not an answer of slagen\. It differs from "Ja" only by spaces at the start or end/);
  });
  it('a missing column is a config error naming the key', async () => {
    const f = writeFile(dir, 'nocol.csv', csv([MINI_HEADER.slice(0, 6), rows[0]!.slice(0, 6)]));
    const e = await errorOf([f]);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.toLine()).toMatch(new RegExp(`^${f}:1: column "F2" \\(indicators\\[1\\]\\.column in the config\\) is not in the header`));
  });
  it('a row with the wrong number of fields suggests mixed delimiters', async () => {
    const f = writeFile(dir, 'mixed.csv', csv([MINI_HEADER], ';') + csv([rows[0]!]).replace(/,/g, '|'));
    expect((await errorOf([f])).toLine()).toBe(`${f}:2: row has 1 field, the header has 7. The header is separated by semicolons but this row is not: are delimiters mixed in the file?`);
  });
  it('a year like 2023/24 gets a hint', async () => {
    const f = writeFile(dir, 'year.csv', csv([MINI_HEADER, ['Åby', '2023/24', 'F', '9', '1', '1', '2']]));
    expect((await errorOf([f])).toLine()).toBe(`${f}:2:2: ar: "2023/24" is not a survey year. "2023/24" is a school year: say when the survey was answered, with \`answered_in: spring\` (read as 2024) or \`answered_in: autumn\` (read as 2023) under \`columns\` in lagesbild.yaml`);
  });
  it('terms are read as their year; school years as the config says they were answered', async () => {
    expect(['2023', 'VT23', 'ht 2022', 'Vt-2024', 'HT.22'].map((v) => parseSurveyYear(v, undefined))).toEqual([2023, 2023, 2022, 2024, 2022]);
    expect(['2022/23', '2022-2023', '2022–23', '1999/00'].map((v) => parseSurveyYear(v, 'spring'))).toEqual([2023, 2023, 2023, 2000]);
    expect(['2022/23', '2022-2023'].map((v) => parseSurveyYear(v, 'autumn'))).toEqual([2022, 2022]);
    // Without the setting a school year is no year; a span that is not one school year never is.
    expect(['2022/23', '2022/25', '2022/2024', 'VT', '23', 'omgång 1'].map((v) => parseSurveyYear(v, 'spring') ?? parseSurveyYear(v, undefined))).toEqual([2023, null, null, null, null, null]);
    expect(parseSurveyYear('2022/23', undefined)).toBeNull();
    const f = writeFile(dir, 'lasar.csv', csv([MINI_HEADER, ['Åby', '2022/23', 'F', '9', '1', '1', '2'], ['Åby', '2023/24', 'P', '9', '1', '2', '1'], ['Åby', 'VT24', 'P', '9', '1', '1', '1']]));
    const spring = parseConfig(MINI_CONFIG.replace('  year: ar\n', '  year: ar\n  answered_in: spring\n'));
    expect((await ingestFiles([f], spring)).sums.years).toEqual([2023, 2024]);
    const autumn = parseConfig(MINI_CONFIG.replace('  year: ar\n', '  year: ar\n  answered_in: autumn\n'));
    expect((await ingestFiles([f], autumn)).sums.years).toEqual([2022, 2023, 2024]);
  });
  it('weights: negative, zero, empty, decimal comma', async () => {
    const w = (v: string, name: string, delim = ',') => writeFile(dir, name, csv([MINI_HEADER, ['Åby', 2023, 'F', '9', v, '1', '2']], delim));
    expect((await errorOf([w('-1', 'neg.csv')])).message).toBe('negative weight "-1"');
    expect((await errorOf([w('0', 'zero.csv')])).message).toBe('weight is 0');
    expect((await errorOf([w('', 'empty.csv')])).message).toBe('empty weight');
    expect((await errorOf([w('"1,5"', 'comma.csv')])).hint).toMatch(/decimal comma in a comma-separated file/);
    // In a semicolon file (Swedish Excel) a decimal comma is read as such.
    const { sums } = await ingestFiles([w('1,5', 'semi.csv', ';')], config);
    expect(sums.domain(['Åby'], [2023], 0, 0)[0]!.sumB).toBe(1.5);
  });
  it('empty file, header only, NUL bytes, unterminated quote', async () => {
    expect((await errorOf([writeFile(dir, 'empty.csv', '')])).message).toBe('the file is empty');
    expect((await errorOf([writeFile(dir, 'header.csv', csv([MINI_HEADER]))])).message).toBe('the file has a header but no respondent rows');
    expect((await errorOf([writeFile(dir, 'nul.csv', Buffer.from([0x6b, 0x6f, 0x6d, 0x00, 0x00, 0x2c]))])).message).toMatch(/NUL bytes/);
    // Zip bytes are an Excel workbook whatever the name: a cut-off one cannot be read.
    expect((await errorOf([writeFile(dir, 'zip.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))])).message).toMatch(/^the Excel workbook cannot be read/);
    const q = writeFile(dir, 'quote.csv', csv([MINI_HEADER, ['Åby', 2023, 'F', '9', '1', '"1', '2'], rows[1]!]));
    expect((await errorOf([q])).message).toMatch(/never closed/);
  });
  it('a file that does not exist', async () => {
    expect((await errorOf([`${dir}/nope.csv`])).toLine()).toBe(`${dir}/nope.csv: file not found. Check the path and spelling`);
  });
});

describe('domain sums reused from cell to cell', () => {
  it('are the sums of a new domain, whatever the domain asked for before (a county of many strata, then one municipality)', async () => {
    const { config } = await loadConfig(EXAMPLE_CONFIG);
    const { sums } = await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG });
    const county = sums.areas;
    const asks: [readonly string[], number, number][] = [
      [county, 0, 0],
      [['Ängsby'], 1, 3],
      [county, 2, 1],
      [county, 0, 5],
      [['Lövåsen'], 0, 0],
      [county, 4, 2],
    ];
    const years = [sums.years[sums.years.length - 1]!];
    let previous: StratumSums[] | null = null;
    for (const [areas, group, indicator] of asks) {
      const reused = sums.domain(areas, years, group, indicator, undefined, true);
      expect(reused).toEqual(sums.domain(areas, years, group, indicator));
      expect(reused).toHaveLength(areas.length);
      // The same strata, refilled (the list too): valid until the next call.
      if (previous) expect(reused[0]).toBe(previous[0]);
      previous = reused;
    }
  });
});
