// `lagesbild figures` on the bundled example: CSV, JSON, stdout JSON and the Swedish-Excel
// variant are the same records, parsed back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS } from '../../src/render/tabular/figures-export.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV, runCli } from './cli.js';

const out = mkdtempSync(join(tmpdir(), 'lagesbild-figures-'));
let csvRows: Record<string, string>[];
let json: { meta: { areas: string[]; years: number[] }; records: Record<string, unknown>[] };

beforeAll(async () => {
  for (const args of [[], ['--format', 'json'], ['--excel-sv', '-o', join(out, 'excel')]]) {
    const r = await runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '-o', out, ...args]);
    expect(r.code, r.stderr).toBe(0);
  }
  csvRows = parse(readFileSync(join(out, 'figures.csv')), { columns: true });
  json = JSON.parse(readFileSync(join(out, 'figures.json'), 'utf8'));
}, 120_000);

describe('figures export of the example', () => {
  it('CSV has the documented columns and one row per record of the JSON', () => {
    expect(Object.keys(csvRows[0]!)).toEqual([...FIGURE_COLUMNS]);
    expect(csvRows).toHaveLength(json.records.length);
    expect(json.meta.years).toEqual([2019, 2021, 2023]);
    expect(json.meta.areas).toEqual(['Björkträsk', 'Lövåsen', 'Myrheden', 'Tjärnvik', 'Ängsby', 'Norrbacka län']);
    const kinds = new Set(csvRows.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['change', 'estimate', 'follow_up', 'trend']);
  });

  it('suppressed estimates carry no count, estimate or interval; shown ones carry all', () => {
    const estimates = csvRows.filter((r) => r.kind === 'estimate');
    const hidden = estimates.filter((r) => r.suppressed === 'true');
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) {
      expect([r.x, r.estimate, r.se, r.ci_lower, r.ci_upper]).toEqual(['', '', '', '', '']);
      expect(['base', 'count', 'complement', 'secondary']).toContain(r.suppression);
    }
    for (const r of estimates.filter((e) => e.suppressed === 'false')) {
      const [p, lo, hi] = [Number(r.estimate), Number(r.ci_lower), Number(r.ci_upper)];
      expect(lo).toBeLessThanOrEqual(p);
      expect(hi).toBeGreaterThanOrEqual(p);
      expect(Number(r.n)).toBeGreaterThanOrEqual(10);
    }
  });

  it('the planted rise in online abuse among girls in Ängsby is a significant trend', () => {
    const trend = json.records.find(
      (r) => r.kind === 'trend' && r.indicator === 'krankt_pa_natet' && r.area === 'Ängsby' && r.group === 'gender=Flicka',
    )!;
    expect(trend.years).toEqual([2019, 2021, 2023]);
    expect(trend.significant).toBe(true);
    expect(trend.odds_ratio_per_year as number).toBeGreaterThan(1);
  });

  it('--excel-sv opens as columns in Swedish Excel: BOM, semicolons, Swedish headers, rounded decimal commas, Ja/Nej, ..', () => {
    const raw = readFileSync(join(out, 'excel', 'figures.csv'), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const header = raw.slice(1).split('\r\n')[0]!.split(';');
    expect(header.slice(0, 12)).toEqual(['Typ', 'Jämförelse', 'Indikator', 'Indikator-id', 'Område', 'År', 'Sammanslagna år', 'Grupp', 'Svarande (n)', 'Ja-svar (x)', 'Andel', 'Standardfel']);
    expect(header).toContain('Statistiskt säkerställd');
    expect(header).toContain('p-värde');
    const rows: Record<string, string>[] = parse(raw, { columns: true, delimiter: ';', bom: true });
    expect(rows).toHaveLength(json.records.length);
    const four = (x: unknown) => (x as number).toFixed(4).replace('.', ',').replace(/^-(0,0000)$/, '$1');
    json.records.forEach((r, i) => {
      const row = rows[i]!;
      expect(row['Indikator-id']).toBe(r.indicator);
      expect(row['Undertryckt']).toBe(r.suppressed ? 'Ja' : 'Nej');
      if (r.kind === 'estimate') {
        expect(row['Typ']).toBe('andel');
        expect(row['Svarande (n)']).toBe(String(r.n));
        const sign = r.suppression === 'secondary' ? '(..)' : '..';
        expect(row['Andel']).toBe(r.suppressed ? sign : four(r.estimate));
        expect(row['KI övre']).toBe(r.suppressed ? sign : four(r.ci_upper));
        expect(row['Tolka med försiktighet']).toBe(r.flag === 'caution' ? 'Ja' : 'Nej');
        if (r.group === 'gender=Flicka') expect(row['Grupp']).toBe('Flickor');
      }
      if (r.kind === 'change' && !r.suppressed && r.p !== null) {
        expect(row['p-värde']).toBe(four(r.p));
        expect(row['Skillnad (procentenheter)']).toBe(four(r.diff));
        expect(row['Statistiskt säkerställd']).toBe(r.significant ? 'Ja' : 'Nej');
      }
    });
    // No more than 4 decimals anywhere, and no decimal point.
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^-?\d+[.,]\d{5,}$|^-?\d+\.\d+$/);
  });

  it('--json prints the same records on stdout', async () => {
    const r = await runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).records).toEqual(json.records);
  });
});
