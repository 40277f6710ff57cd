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
    expect([...kinds].sort()).toEqual(['association', 'change', 'estimate', 'follow_up', 'goal', 'response', 'trend']);
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

  it('response rows: respondents, pupils of befolkning.csv and the rate; the low one flagged; hidden ones carry the pupils only', () => {
    const row = (area: string, group: string) => {
      const r = csvRows.find((x) => x.kind === 'response' && x.area === area && x.year === '2023' && x.group === group)!;
      return [r.n, r.population, r.rate, r.suppressed, r.suppression, r.flag].join(' ');
    };
    expect(row('Ängsby', 'total')).toBe(`742 1109 ${742 / 1109} false  `);
    expect(row('Ängsby', 'gender=Pojke;grade=Gy 2')).toBe(`190 427 ${190 / 427} false  low_response`);
    // Lövåsen (no Gy 2): 25 of its 29 pupils answered, 14 girls and 15 boys in the population.
    expect(row('Lövåsen', 'total')).toBe(`25 29 ${25 / 29} false  `);
    expect(row('Lövåsen', 'gender=Flicka')).toBe(' 14  true complement ');
    expect(csvRows.some((x) => x.kind === 'response' && x.area === 'Lövåsen' && x.group.includes('Gy 2'))).toBe(false);
    // The county: every municipality's pupils and respondents.
    expect(row('Norrbacka län', 'total')).toBe(`1027 1502 ${1027 / 1502} false  `);
  });

  it('--excel-sv opens as columns in Swedish Excel: BOM, semicolons, Swedish headers, rounded decimal commas, Ja/Nej, ..', () => {
    const raw = readFileSync(join(out, 'excel', 'figures.csv'), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const header = raw.slice(1).split('\r\n')[0]!.split(';');
    expect(header.slice(0, 14)).toEqual(['Typ', 'Jämförelse', 'Indikator', 'Indikator-id', 'Förändringsfaktor', 'Förändringsfaktor-id', 'Område', 'År', 'Sammanslagna år', 'Grupp', 'Svarande (n)', 'Ja-svar (x)', 'Andel', 'Standardfel']);
    expect(header).toContain('Statistiskt säkerställd');
    expect(header).toContain('p-värde');
    const rows: Record<string, string>[] = parse(raw, { columns: true, delimiter: ';', bom: true });
    expect(rows).toHaveLength(json.records.length);
    const four = (x: unknown) => (x as number).toFixed(4).replace('.', ',').replace(/^-(0,0000)$/, '$1');
    // Differences are collected, not asserted one by one (thousands of expect() calls hold the
    // test worker too long on a busy machine).
    const differences: string[] = [];
    const want = (i: number, column: string, value: string) => rows[i]![column] === value || differences.push(`row ${i + 2} ${column}: "${rows[i]![column]}" instead of "${value}"`);
    json.records.forEach((r, i) => {
      want(i, 'Indikator-id', (r.indicator as string | undefined) ?? '');
      want(i, 'Undertryckt', r.suppressed ? 'Ja' : 'Nej');
      if (r.kind === 'estimate') {
        const sign = r.suppression === 'secondary' ? '(..)' : '..';
        want(i, 'Typ', 'andel');
        want(i, 'Svarande (n)', String(r.n));
        want(i, 'Andel', r.suppressed ? sign : four(r.estimate));
        want(i, 'KI övre', r.suppressed ? sign : four(r.ci_upper));
        want(i, 'Tolka med försiktighet', r.flag === 'caution' ? 'Ja' : 'Nej');
        if (r.group === 'gender=Flicka') want(i, 'Grupp', 'Flickor');
      }
      if (r.kind === 'response') {
        const sign = r.suppression === 'secondary' ? '(..)' : '..';
        want(i, 'Typ', 'svarsfrekvens');
        want(i, 'Svarande (n)', r.suppressed ? sign : String(r.n));
        want(i, 'Elever i populationen', String(r.population));
        want(i, 'Svarsfrekvens', r.suppressed ? sign : four(r.rate));
        want(i, 'Låg svarsfrekvens (under hälften)', r.suppressed ? '' : r.flag === 'low_response' ? 'Ja' : 'Nej');
      }
      if (r.kind === 'change' && !r.suppressed && r.p !== null) {
        want(i, 'p-värde', four(r.p));
        want(i, 'Skillnad (procentenheter)', four(r.diff));
        want(i, 'Statistiskt säkerställd', r.significant ? 'Ja' : 'Nej');
      }
    });
    expect(differences.slice(0, 5)).toEqual([]);
    // No more than 4 decimals anywhere, and no decimal point.
    const unrounded = rows.flatMap((row) => Object.values(row).filter((v) => /^-?\d+[.,]\d{5,}$|^-?\d+\.\d+$/.test(v)));
    expect(unrounded.slice(0, 5)).toEqual([]);
  });

  it('--json prints the same records on stdout', async () => {
    const r = await runCli(['figures', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).records).toEqual(json.records);
  });
});
