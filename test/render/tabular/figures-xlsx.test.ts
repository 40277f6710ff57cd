// The figures workbook on the example county: the tidy sheet holds every record with numbers
// stored as numbers in real formats; each indicator's readable sheet holds the figures table's
// values; Excel's rules for sheet names hold; the bytes are reproducible.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { ingestFiles } from '../../../src/analysis/pipeline.js';
import { computeFigures } from '../../../src/analysis/figures.js';
import type { ChangeRecord, EstimateRecord, GoalRecord, FiguresTable } from '../../../src/analysis/types.js';
import type { ProjectConfig } from '../../../src/config/schema.js';
import { renderFiguresFile } from '../../../src/cli/figures-files.js';
import { csvNumber, EXCEL_FORMATS, svColumns } from '../../../src/render/tabular/figures-sv.js';
import { uniqueSheetName } from '../../../src/render/tabular/figures-xlsx.js';
import { type Sheet, unzipParts, workbookSheets, zipEntries } from '../../fixtures/ooxml.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV } from '../../e2e/cli.js';

const DATE = '2024-05-31';
let config: ProjectConfig;
let table: FiguresTable;
let xlsx: Buffer;
let sheets: Sheet[];

beforeAll(async () => {
  ({ config } = await loadConfig(EXAMPLE_CONFIG));
  const { sums } = await ingestFiles(EXAMPLE_CSV, config, { configPath: EXAMPLE_CONFIG });
  table = computeFigures(sums, config);
  xlsx = await renderFiguresFile(table, config, 'xlsx', DATE);
  sheets = workbookSheets(xlsx);
}, 120_000);

const label = (id: string) => {
  const l = config.indicators.find((i) => i.id === id)!.label;
  return typeof l === 'string' ? l : l.sv;
};

describe('figures workbook: the tidy sheet', () => {
  it('comes first, with one row per record under a frozen, filtered header row of Swedish headers', () => {
    const tidy = sheets[0]!;
    expect(tidy.name).toBe('Alla uppgifter');
    const columns = svColumns({ table, indicatorLabels: {} });
    expect(tidy.rows[0]!.map((c) => c?.value)).toEqual(columns.map((c) => c.header));
    expect(tidy.rows).toHaveLength(table.records.length + 1);
    expect(tidy.xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    // 45 columns, the response rows' three (the example's population file) and the associations' seven.
    expect(tidy.xml).toContain('<autoFilter ref="A1:BC1"/>');
    expect(columns).toHaveLength(55);
  });

  it('stores every number as a number in its format, and texts (.., Ja, Nej, labels) as texts', () => {
    const tidy = sheets[0]!;
    const labels = Object.fromEntries(config.indicators.map((i) => [i.id, label(i.id)]));
    const columns = svColumns({ table, indicatorLabels: labels });
    // Differences are collected, not asserted cell by cell: 300 000 expect() calls would hold
    // the test worker for a minute on a busy machine.
    const differences: string[] = [];
    table.records.forEach((record, r) => {
      const row = tidy.rows[r + 1]!;
      columns.forEach((col, c) => {
        const want = col.value(record);
        const cell = row[c] ?? null;
        const format = typeof want === 'number' && col.kind !== 'text' ? EXCEL_FORMATS[col.kind] : cell?.format;
        if (want === null ? cell !== null : cell?.value !== want || cell.format !== format) {
          differences.push(`row ${r + 2} ${col.header}: ${JSON.stringify(cell)} instead of ${JSON.stringify(want)} (${format})`);
        }
      });
    });
    expect(differences.slice(0, 5)).toEqual([]);
  });

  it('shows a known estimate, a suppressed one and a change as the figures table has them', () => {
    const tidy = sheets[0]!;
    const header = tidy.rows[0]!.map((c) => c?.value);
    const at = (record: object, name: string) => tidy.rows[table.records.indexOf(record as never) + 1]![header.indexOf(name)] ?? null;
    const shown = table.records.find((r): r is EstimateRecord => r.kind === 'estimate' && !r.suppressed && r.group === 'gender=Flicka')!;
    expect(at(shown, 'Typ')).toEqual({ value: 'andel', format: 'General' });
    expect(at(shown, 'Grupp')!.value).toBe('Flickor');
    expect(at(shown, 'Indikator')!.value).toBe(label(shown.indicator));
    expect(at(shown, 'Andel')).toEqual({ value: shown.estimate, format: '0.0%' });
    expect(at(shown, 'KI nedre')).toEqual({ value: shown.ci_lower, format: '0.0%' });
    expect(at(shown, 'Svarande (n)')).toEqual({ value: shown.n, format: '0' });
    expect(at(shown, 'Undertryckt')!.value).toBe('Nej');
    const hidden = table.records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.suppressed && r.suppression === 'base')!;
    for (const name of ['Ja-svar (x)', 'Andel', 'KI nedre', 'KI övre']) expect(at(hidden, name)!.value).toBe('..');
    expect(at(hidden, 'Undertryckt')!.value).toBe('Ja');
    expect(at(hidden, 'Skäl till undertryckning')!.value).toBe('för få svarande');
    // As in the reports: (..) for a value hidden only to protect another.
    const secondary = table.records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.suppression === 'secondary')!;
    expect(at(secondary, 'Andel')!.value).toBe('(..)');
    expect(at(secondary, 'Skäl till undertryckning')!.value).toBe('sekundär (skyddar en annan cell)');
    const change = table.records.find((r): r is ChangeRecord => r.kind === 'change' && !r.suppressed && r.significant === true)!;
    expect(at(change, 'p-värde')).toEqual({ value: change.p, format: '0.000' });
    expect(at(change, 'Justerat p-värde (q)')).toEqual({ value: change.q, format: '0.000' });
    expect(at(change, 'Skillnad (procentenheter)')).toEqual({ value: change.diff, format: '0.0%' });
    expect(at(change, 'Statistiskt säkerställd')!.value).toBe('Ja');
    expect(at(change, 'Andel')).toBeNull(); // not a field of a change
    // The example's goals (Ängsby's): target, target year and status in the reports' words.
    const goal = table.records.find((r): r is GoalRecord => r.kind === 'goal' && r.indicator === 'krankt_pa_natet')!;
    expect(at(goal, 'Typ')!.value).toBe('mål');
    expect(at(goal, 'Målvärde')).toEqual({ value: 0.2, format: '0.0%' });
    expect(at(goal, 'Målår')).toEqual({ value: 2025, format: '0' });
    expect(at(goal, 'Kvar till målet (procentenheter)')).toEqual({ value: goal.remaining, format: '0.0%' });
    expect(at(goal, 'Målets status')!.value).toBe('inte i takt med målet');
  });
});

describe('figures workbook: one readable sheet per indicator', () => {
  it('names the sheets after the indicators, in the config order, as Excel allows', () => {
    const names = sheets.map((s) => s.name);
    expect(names[0]).toBe('Alla uppgifter');
    expect(names.slice(-2)).toEqual(['Svarsfrekvens', 'Om tabellerna']);
    const shortOrLabel = config.indicators.map((i) => {
      const l = i.short ?? i.label;
      return typeof l === 'string' ? l : l.sv;
    });
    expect(names.slice(1, -2)).toEqual(shortOrLabel.map((n) => (n.length > 31 ? expect.any(String) : n)));
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('holds share, interval and respondents per area, group and wave, `..` where suppressed, and the latest change', () => {
    const id = config.indicators[0]!.id;
    const sheet = sheets[1]!;
    expect(sheet.rows[0]![0]!.value).toBe(label(id));
    const header = sheet.rows[4]!.map((c) => c?.value);
    expect(header.slice(0, 6)).toEqual(['Område', 'Grupp', 'Andel 2019', 'KI nedre 2019', 'KI övre 2019', 'n 2019']);
    expect(header.slice(-2)).toEqual(['Förändring 2021–2023 (procentenheter)', 'Statistiskt säkerställd']);
    expect(sheet.xml).toMatch(/<pane xSplit="2" ySplit="5" topLeftCell="C6" activePane="bottomRight" state="frozen"\/>/);
    expect(sheet.xml).toContain(`<autoFilter ref="A5:${String.fromCharCode(64 + header.length)}5"/>`);

    const groupOf = new Map(Object.entries(table.meta.group_labels).map(([k, v]) => [v.sv, k]));
    const estimates = table.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === id);
    let suppressed = 0;
    const body = sheet.rows.slice(5);
    expect(body.length).toBeGreaterThan(20);
    for (const row of body) {
      const area = row[0]!.value as string;
      const group = groupOf.get(row[1]!.value as string)!;
      table.meta.years.forEach((year, w) => {
        const r = estimates.find((e) => e.area === area && e.group === group && e.year === year);
        const [share, lower, upper, n] = row.slice(2 + 4 * w, 6 + 4 * w);
        if (!r) return expect([share, lower, upper, n].map((c) => c!.value)).toEqual(['–', '–', '–', '–']);
        expect(n).toEqual({ value: r.n, format: '0' });
        if (r.suppressed) {
          suppressed++;
          const sign = r.suppression === 'secondary' ? '(..)' : '..';
          return expect([share, lower, upper].map((c) => c!.value)).toEqual([sign, sign, sign]);
        }
        expect(share).toEqual({ value: r.estimate, format: '0.0%' });
        expect(lower).toEqual({ value: r.ci_lower, format: '0.0%' });
        expect(upper).toEqual({ value: r.ci_upper, format: '0.0%' });
      });
      const change = table.records.find(
        (c): c is ChangeRecord => c.kind === 'change' && c.comparison === 'previous' && c.indicator === id && c.area === area && c.group === group,
      );
      const [diff, significant] = row.slice(-2);
      if (!change) expect([diff!.value, significant!.value]).toEqual(['–', '–']);
      else if (change.suppressed) expect([diff!.value, significant!.value]).toEqual(['..', '..']);
      else expect([diff, significant!.value]).toEqual([{ value: change.diff, format: '0.0%' }, change.significant ? 'Ja' : 'Nej']);
    }
    expect(suppressed).toBeGreaterThan(0);
  });
});

describe('figures workbook: properties and bytes', () => {
  it('has the title, author, language and date in its properties', () => {
    const core = unzipParts(xlsx).text['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Uppgifter: Norrbacka län 2019–2023</dc:title>');
    expect(core).toContain('<dc:language>sv-SE</dc:language>');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${DATE}T00:00:00Z</dcterms:created>`);
  });

  // Identical bytes from another process (batch) are checked in test/e2e/word-report.test.ts.
  it('dates every entry of the package at the date, not at the time it was written', () => {
    for (const e of zipEntries(xlsx)) expect(e.stamp).toBe(`${DATE} 12:00:00`);
  });
});

describe('uniqueSheetName', () => {
  it('keeps short names, cuts long ones at a word with …, replaces forbidden characters, keeps names unique', () => {
    const taken = new Set(['alla uppgifter']);
    expect(uniqueSheetName('Fysiskt våld', taken)).toBe('Fysiskt våld');
    expect(uniqueSheetName('fysiskt VÅLD', taken)).toBe('fysiskt VÅLD (2)');
    expect(uniqueSheetName('Alla uppgifter', taken)).toBe('Alla uppgifter (2)');
    const long = uniqueSheetName('Andel som känner sig otrygga i skolan eller på väg till skolan', taken);
    expect(long).toBe('Andel som känner sig otrygga i…');
    expect(long.length).toBeLessThanOrEqual(31);
    const again = uniqueSheetName('Andel som känner sig otrygga i skolan eller på väg dit', taken);
    expect(again).toBe('Andel som känner sig… (2)');
    expect(uniqueSheetName('Hot/våld [12 mån]: ja?', taken)).toBe('Hot våld 12 mån ja');
    expect(uniqueSheetName("'citerad'", taken)).toBe('citerad');
    expect(uniqueSheetName('History', taken)).toBe('History 1');
    expect(uniqueSheetName(':/?', taken)).toBe('Indikator 1');
  });
});

describe('csvNumber', () => {
  it('rounds by kind, writes a decimal comma and never "-0"', () => {
    expect(csvNumber(0.1309910465217357, 'percent')).toBe('0,1310');
    expect(csvNumber(-0.00001, 'percent')).toBe('0,0000');
    expect(csvNumber(0.00049, 'pValue')).toBe('0,0005');
    expect(csvNumber(1.0097857715317036, 'decimal2')).toBe('1,01');
    expect(csvNumber(114.22961803912395, 'decimal1')).toBe('114,2');
    expect(csvNumber(0.96785842950201, 'ratio')).toBe('0,968');
    expect(csvNumber(117, 'integer')).toBe('117');
  });
});
