// `figures --xlsx` read back by LibreOffice Calc, as an analyst's spreadsheet program reads
// it: every sheet converted to CSV with texts quoted, so a number cell shows as a bare number
// (LibreOffice writes the stored value, with "%" where the cell has a percent format) and
// `..`, Ja and Nej as quoted texts. The values must be the figures table's.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EstimateRecord, FigureRecord } from '../../src/analysis/types.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV, runCli } from './cli.js';
import { libreOfficeConvert } from './office.js';

const out = mkdtempSync(join(tmpdir(), 'lagesbild-xlsx-'));
let records: FigureRecord[];
/** Each sheet as LibreOffice wrote it: rows of [raw field, was it quoted]. */
const sheets = new Map<string, [string, boolean][][]>();

/** Comma-separated fields with whether each was quoted (a CSV parser would forget that). */
function readCsv(text: string): [string, boolean][][] {
  const rows: [string, boolean][][] = [];
  let row: [string, boolean][] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    const quoted = text[i] === '"';
    if (quoted) {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') field += text[i++];
    }
    row.push([field, quoted]);
    if (text[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}

beforeAll(async () => {
  const env = { SOURCE_DATE_EPOCH: '1717113600' };
  const r = await runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', out, '--xlsx'], env);
  expect(r.code, r.stderr).toBe(0);
  const json = await runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--json'], env);
  records = JSON.parse(json.stdout).records;
  // Token 7 "true": quote every text cell; 9 "false": stored values, not as shown; 12 "-1": every sheet.
  libreOfficeConvert(join(out, 'figures.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1', out);
  for (const name of ['Alla uppgifter', 'Fysiskt våld', 'Svarsfrekvens', 'Om tabellerna']) {
    const file = join(out, `figures-${name}.csv`);
    if (existsSync(file)) sheets.set(name, readCsv(readFileSync(file, 'utf8')));
  }
}, 300_000);

/** A LibreOffice number field as the stored value ("13.09%" → 0.1309); NaN for a text (quoted) field. */
function number(field: [string, boolean] | undefined): number {
  if (!field || field[1]) return NaN;
  const text = field[0];
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

/** Equal to 12 decimals (LibreOffice writes 15 significant digits). */
const close = (a: number, b: number | null) => b !== null && Math.abs(a - b) < 5e-13;

describe('figures --xlsx in LibreOffice Calc', () => {
  it('has the tidy sheet, the indicator sheets and the explanations', () => {
    expect([...sheets.keys()]).toEqual(['Alla uppgifter', 'Fysiskt våld', 'Svarsfrekvens', 'Om tabellerna']);
    expect(sheets.get('Alla uppgifter')!.length).toBe(records.length + 1);
  });

  it('reads every share, interval, count and p-value of the tidy sheet as a number equal to the figures table', () => {
    const rows = sheets.get('Alla uppgifter')!;
    const header = rows[0]!.map(([h]) => h);
    const col = (name: string) => header.indexOf(name);
    let numbers = 0;
    const differences: string[] = [];
    const check = (ok: boolean, what: string, i: number) => ok || differences.push(`row ${i + 2} ${what}: ${JSON.stringify(rows[i + 1]![col(what)])}`);
    const text = (field: [string, boolean] | undefined, want: string) => field?.[0] === want && field[1];
    records.forEach((r, i) => {
      const row = rows[i + 1]!;
      if (r.kind !== 'response') check(text(row[col('Indikator-id')], r.indicator), 'Indikator-id', i);
      if (r.kind === 'response' && !r.suppressed) {
        check(close(number(row[col('Svarsfrekvens')]), r.rate), 'Svarsfrekvens', i);
        check(number(row[col('Svarande (n)')]) === r.n, 'Svarande (n)', i);
        check(number(row[col('Elever i populationen')]) === r.population, 'Elever i populationen', i);
        numbers++;
      }
      if (r.kind === 'estimate' && !r.suppressed) {
        for (const [name, v] of [['Andel', r.estimate], ['KI nedre', r.ci_lower], ['KI övre', r.ci_upper], ['Standardfel', r.se]] as const) {
          check(close(number(row[col(name)]), v), name, i);
          numbers++;
        }
        check(number(row[col('Svarande (n)')]) === r.n, 'Svarande (n)', i);
        check(number(row[col('Ja-svar (x)')]) === r.x, 'Ja-svar (x)', i);
      }
      if (r.kind === 'estimate' && r.suppressed) {
        check(text(row[col('Andel')], r.suppression === 'secondary' ? '(..)' : '..'), 'Andel', i);
        check(text(row[col('Undertryckt')], 'Ja'), 'Undertryckt', i);
      }
      if (r.kind === 'change' && !r.suppressed && r.p !== null) {
        check(close(number(row[col('p-värde')]), r.p), 'p-värde', i);
        check(close(number(row[col('Skillnad (procentenheter)')]), r.diff), 'Skillnad (procentenheter)', i);
        check(text(row[col('Statistiskt säkerställd')], r.significant ? 'Ja' : 'Nej'), 'Statistiskt säkerställd', i);
      }
    });
    expect(differences.slice(0, 5)).toEqual([]);
    expect(numbers).toBeGreaterThan(1000);
  });

  it('reads the indicator sheet as numbers: share and interval per area, group and wave', () => {
    const rows = sheets.get('Fysiskt våld')!;
    const header = rows[4]!.map(([h]) => h);
    expect(header.slice(0, 3)).toEqual(['Område', 'Grupp', 'Andel 2019']);
    const ängsby = rows.find((row) => row[0]![0] === 'Ängsby' && row[1]![0] === 'Totalt')!;
    const est = (year: number) =>
      records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === 'fysiskt_vald' && r.area === 'Ängsby' && r.group === 'total' && r.year === year)!;
    [2019, 2021, 2023].forEach((year, w) => {
      expect(close(number(ängsby[2 + 4 * w]), est(year).estimate), `Andel ${year}: ${ängsby[2 + 4 * w]}`).toBe(true);
      expect(number(ängsby[5 + 4 * w])).toBe(est(year).n);
    });
    expect(rows.some((row) => row.some(([v, quoted]) => v === '..' && quoted))).toBe(true);
  });
});

describe('the response sheet (config population)', () => {
  it('reads respondents, pupils and the rate per area, group and wave as numbers; hidden ones as ..', () => {
    const rows = sheets.get('Svarsfrekvens')!;
    expect(rows[4]!.map(([h]) => h).slice(0, 5)).toEqual(['Område', 'Grupp', 'Svarande 2019', 'Elever 2019', 'Svarsfrekvens 2019']);
    const row = (area: string, group: string) => rows.find((r) => r[0]![0] === area && r[1]![0] === group)!;
    const ängsby = row('Ängsby', 'Totalt');
    expect([number(ängsby[8]), number(ängsby[9])]).toEqual([742, 1109]);
    expect(close(number(ängsby[10]), 742 / 1109)).toBe(true);
    // Lövåsen's girls in 2023: 1–2 of 14 did not answer.
    const girls = row('Lövåsen', 'Flickor');
    expect([girls[8], girls[9]![0], girls[10]]).toEqual([['..', true], '14', ['..', true]]);
  });
});

describe('--xlsx and --excel-sv', () => {
  it('exclude each other (one figures file per run), in figures and in batch', async () => {
    for (const command of ['figures', 'batch']) {
      const r = await runCli([command, ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', join(out, 'conflict'), '--xlsx', '--excel-sv']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: option '--xlsx' cannot be used with option '--excel-sv'$/m);
      expect(existsSync(join(out, 'conflict'))).toBe(false);
    }
  });
});
