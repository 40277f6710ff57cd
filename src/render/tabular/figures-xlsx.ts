// The figures table as an Excel workbook for Swedish analysts:
//   "Alla uppgifter"  the tidy table (one row per figure, as the CSV) with Swedish headers and
//                     real number formats: shares as %, p with three decimals, Ja/Nej, `..`;
//   one sheet per indicator, readable: areas and groups down, waves across (share, interval,
//                     respondents), the latest change and whether it is significant;
//   "Svarsfrekvens"   (config `population`) respondents, pupils and the rate per area, group and wave;
//   "Om tabellerna"   what the signs and columns mean.
// Numbers are stored as numbers (Excel shows them with the reader's decimal comma); every
// sheet has a frozen, filterable header row. Renderers compute nothing: every value is a
// field of the figures table.
import type { Workbook, Worksheet } from 'exceljs';
import type { ChangeRecord, EstimateRecord, FiguresTable, ResponseRecord } from '../../analysis/types.js';
import { corePropertiesXml, reproducibleZip } from '../office-package.js';
import { type Cell, EXCEL_FORMATS, MISSING, NO, SECONDARY_SUPPRESSED, SUPPRESSED, suppressedSign, svColumns, type ValueKind, YES } from './figures-sv.js';

export interface IndicatorInfo {
  id: string;
  /** Swedish label, and the short one for sheet names where the config has it. */
  label: string;
  short?: string;
  question?: string;
}

export interface WorkbookOptions {
  /** The config's indicators, in its order (their sheets follow it). */
  indicators: IndicatorInfo[];
  /** Document properties: title and author; the date of the figures (SOURCE_DATE_EPOCH). */
  title: string;
  creator: string;
  dateIso: string;
  /** The config's "tolka med försiktighet" base, for the legend. */
  cautionBase: number;
}

const TIDY_SHEET = 'Alla uppgifter';
const ABOUT_SHEET = 'Om tabellerna';
const RESPONSE_SHEET = 'Svarsfrekvens';
/** Rows above a readable sheet's header: title, question, legend, blank. */
const HEADER_ROW = 5;
/** Excel's default face, named: a font without a name is drawn in another face by some readers. */
const FONT = { name: 'Calibri', size: 11 };
const HEADER_FONT = { ...FONT, bold: true };

export async function figuresWorkbook(table: Pick<FiguresTable, 'meta' | 'records'>, opts: WorkbookOptions): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const labels = Object.fromEntries(opts.indicators.map((i) => [i.id, i.label]));

  tidySheet(wb, table, labels);
  const responses = table.records.filter((r): r is ResponseRecord => r.kind === 'response');
  const names = new Set([TIDY_SHEET, ABOUT_SHEET, ...(responses.length > 0 ? [RESPONSE_SHEET] : [])].map((n) => n.toLowerCase()));
  const withFigures = new Set(table.records.flatMap((r) => ('indicator' in r ? [r.indicator] : [])));
  for (const indicator of opts.indicators.filter((i) => withFigures.has(i.id))) {
    indicatorSheet(wb, table, indicator, uniqueSheetName(indicator.short ?? indicator.label, names), opts.cautionBase);
  }
  if (responses.length > 0) responseSheet(wb, table, responses);
  aboutSheet(wb, table, opts, responses.length > 0);

  // Stored, not compressed: the archive is compressed once, when it is rewritten below.
  const packed = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof wb.xlsx.writeBuffer>[0]);
  const core = corePropertiesXml({ title: opts.title, creator: opts.creator, language: 'sv-SE', dateIso: opts.dateIso });
  return reproducibleZip(new Uint8Array(packed as ArrayBuffer), opts.dateIso, { 'docProps/core.xml': core });
}

function tidySheet(wb: Workbook, table: Pick<FiguresTable, 'meta' | 'records'>, labels: Record<string, string>): void {
  const columns = svColumns({ table, indicatorLabels: labels });
  const ws = wb.addWorksheet(TIDY_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const rows = table.records.map((record) => columns.map((c) => c.value(record)));
  // Column styles before the rows: each new cell takes its column's format (cheaper than
  // formatting 300 000 cells one by one). A text such as `..` shows as itself in any format.
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    width: columnWidth(c.header, c.kind, rows.map((r) => r[i] ?? null)),
    style: c.kind === 'text' ? {} : { numFmt: EXCEL_FORMATS[c.kind], alignment: { horizontal: 'right' } },
  }));
  for (const row of rows) ws.addRow(row);
  headerRow(ws, 1, columns.length);
}

/** Areas × groups down, waves across: share, interval and respondents per wave. */
function indicatorSheet(wb: Workbook, table: Pick<FiguresTable, 'meta' | 'records'>, indicator: IndicatorInfo, name: string, cautionBase: number): void {
  const { meta } = table;
  const estimates = table.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === indicator.id);
  const changes = table.records.filter((r): r is ChangeRecord => r.kind === 'change' && r.comparison === 'previous' && r.indicator === indicator.id);
  const waves = [...new Set(estimates.map((r) => r.year))].sort((a, b) => a - b);
  const waveName = (year: number) => {
    const pooled = estimates.find((r) => r.year === year)?.pooled_years;
    return pooled && pooled.length > 1 ? `${pooled[0]}–${pooled[pooled.length - 1]}` : String(year);
  };
  const byKey = new Map(estimates.map((r) => [`${r.area}\u0000${r.group}\u0000${r.year}`, r]));
  const change = new Map(changes.map((r) => [`${r.area}\u0000${r.group}`, r]));
  const level = `${Math.round(meta.level * 100)}\u00a0%`;

  const header: { text: string; kind: ValueKind }[] = [
    { text: 'Område', kind: 'text' },
    { text: 'Grupp', kind: 'text' },
    ...waves.flatMap((y) => [
      { text: `Andel ${waveName(y)}`, kind: 'percent' as const },
      { text: `KI nedre ${waveName(y)}`, kind: 'percent' as const },
      { text: `KI övre ${waveName(y)}`, kind: 'percent' as const },
      { text: `n ${waveName(y)}`, kind: 'integer' as const },
    ]),
  ];
  const last = changes[0];
  if (last) {
    header.push(
      { text: `Förändring ${last.year_from}–${last.year_to} (procentenheter)`, kind: 'percent' },
      { text: 'Statistiskt säkerställd', kind: 'text' },
    );
  }

  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }] });
  ws.getCell(1, 1).value = indicator.label;
  ws.getCell(1, 1).font = { ...FONT, bold: true, size: 13 };
  if (indicator.question) ws.getCell(2, 1).value = `Fråga: ${indicator.question}`;
  ws.getCell(3, 1).value =
    `Andel som svarat ja, med ${level} konfidensintervall (KI); n = antal svarande. ` +
    `${SUPPRESSED} = för få svarande för att redovisas; ${SECONDARY_SUPPRESSED} = döljs för att ett annat dolt värde inte ska kunna räknas fram. ${MISSING} = ingen uppgift. ` +
    `Tolka med försiktighet när n är under ${cautionBase}.`;
  areaGroupRows(ws, table, header, (area, group) => {
    if (!waves.some((y) => byKey.has(`${area}\u0000${group}\u0000${y}`))) return null;
    const cells: Cell[] = [];
    for (const y of waves) {
      const r = byKey.get(`${area}\u0000${group}\u0000${y}`);
      const shown = (v: number | null): Cell => (r === undefined ? MISSING : r.suppressed || v === null ? suppressedSign(r) : v);
      cells.push(shown(r?.estimate ?? null), shown(r?.ci_lower ?? null), shown(r?.ci_upper ?? null), r === undefined ? MISSING : r.n);
    }
    if (last) {
      const c = change.get(`${area}\u0000${group}`);
      cells.push(
        c === undefined ? MISSING : c.suppressed || c.diff === null ? SUPPRESSED : c.diff,
        c === undefined ? MISSING : c.suppressed || c.significant === null ? SUPPRESSED : c.significant ? YES : NO,
      );
    }
    return cells;
  });
}

/**
 * A readable sheet's body under its header (HEADER_ROW): a row per area × group that has
 * figures (`cellsOf` gives the cells after area and group, or null), then each column's
 * number format and width, and the header row.
 */
function areaGroupRows(ws: Worksheet, table: Pick<FiguresTable, 'meta' | 'records'>, header: { text: string; kind: ValueKind }[], cellsOf: (area: string, group: string) => Cell[] | null): void {
  const { meta } = table;
  header.forEach((h, i) => (ws.getCell(HEADER_ROW, i + 1).value = h.text));
  let row = HEADER_ROW + 1;
  for (const area of meta.areas) {
    for (const group of meta.groups) {
      const cells = cellsOf(area, group);
      if (cells === null) continue;
      ws.getRow(row).values = [area, meta.group_labels[group]?.sv ?? group, ...cells] as ExcelValue[];
      row++;
    }
  }
  header.forEach((h, i) => {
    formatColumn(ws, i + 1, h.kind, HEADER_ROW + 1, i >= 2);
    ws.getColumn(i + 1).width = columnWidth(h.text, h.kind, i < 2 ? cellsIn(ws, i + 1, HEADER_ROW + 1) : []);
  });
  headerRow(ws, HEADER_ROW, header.length);
}

/** Areas × groups down, waves across: respondents, pupils and the response rate. */
function responseSheet(wb: Workbook, table: Pick<FiguresTable, 'meta' | 'records'>, responses: ResponseRecord[]): void {
  const waves = [...new Set(responses.map((r) => r.year))].sort((a, b) => a - b);
  const byKey = new Map(responses.map((r) => [`${r.area}\u0000${r.group}\u0000${r.year}`, r]));
  const header: { text: string; kind: ValueKind }[] = [
    { text: 'Område', kind: 'text' },
    { text: 'Grupp', kind: 'text' },
    ...waves.flatMap((y) => [
      { text: `Svarande ${y}`, kind: 'integer' as const },
      { text: `Elever ${y}`, kind: 'integer' as const },
      { text: `Svarsfrekvens ${y}`, kind: 'percent' as const },
    ]),
  ];
  const ws = wb.addWorksheet(RESPONSE_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }] });
  ws.getCell(1, 1).value = 'Svarsfrekvens';
  ws.getCell(1, 1).font = { ...FONT, bold: true, size: 13 };
  ws.getCell(2, 1).value = 'Svarande av eleverna i gruppen enligt filen med elevantal. Under hälften kan resultaten för gruppen vara missvisande.';
  ws.getCell(3, 1).value =
    `${SUPPRESSED} = redovisas inte: för få elever, eller för få som svarade eller inte svarade; ${SECONDARY_SUPPRESSED} = döljs för att ett annat dolt värde inte ska kunna räknas fram. ${MISSING} = ingen uppgift.`;
  areaGroupRows(ws, table, header, (area, group) => {
    if (!waves.some((y) => byKey.has(`${area}\u0000${group}\u0000${y}`))) return null;
    return waves.flatMap((y) => {
      const r = byKey.get(`${area}\u0000${group}\u0000${y}`);
      const shown = (v: number | null): Cell => (r === undefined ? MISSING : v === null ? suppressedSign(r) : v);
      return [shown(r?.n ?? null), r === undefined ? MISSING : r.population, shown(r?.rate ?? null)];
    });
  });
}

function aboutSheet(wb: Workbook, table: Pick<FiguresTable, 'meta' | 'records'>, opts: WorkbookOptions, withResponse: boolean): void {
  const level = `${Math.round(table.meta.level * 100)}\u00a0%`;
  const alpha = (1 - table.meta.level).toFixed(2).replace('.', ',');
  const ws = wb.addWorksheet(ABOUT_SHEET);
  const lines: [string, string][] = [
    [opts.title, ''],
    ['Datum', opts.dateIso],
    ['Mätningar', table.meta.years.join(', ')],
    ['', ''],
    ['Tecken', 'Betydelse'],
    [SUPPRESSED, 'Uppgiften redovisas inte: för få svarande, eller för få ja- eller nej-svar.'],
    [SECONDARY_SUPPRESSED, 'Uppgiften döljs för att ett annat dolt värde annars skulle kunna räknas fram ur summorna.'],
    [MISSING, 'Ingen uppgift (gruppen finns inte i mätningen).'],
    ['Andel', 'Viktad andel som svarat ja. Lagras som tal (0,143) och visas som procent (14,3 %).'],
    ['KI', `${level} konfidensintervall (${table.meta.ci_method}).`],
    ['Skillnad, förändring', 'Skillnad mellan två andelar, i procentenheter (visas med %-tecken).'],
    ['p-värde', 'Sannolikheten att få minst så stor skillnad om det inte fanns någon verklig skillnad; visas med tre decimaler.'],
    ['Justerat p-värde (q)', 'p-värdet justerat för antalet jämförelser i området (Benjamini–Hochbergs metod).'],
    [
      'Statistiskt säkerställd',
      table.meta.multiple_comparisons === 'fdr'
        ? `Ja när det justerade p-värdet (q) är under ${alpha}.`
        : `Ja när p-värdet är under ${alpha} (utan justering för antalet jämförelser).`,
    ],
    ['Tolka med försiktighet', `Ja när färre än ${opts.cautionBase} har svarat.`],
    ...(table.records.some((r) => r.kind === 'goal')
      ? [['Mål', 'Rader av typen "mål": indikatorns mål (målvärde, målår), andelen vid utgångsläget och senaste mätningen, förändringen med test, den förändring som en jämn takt mot målet kräver, vad som är kvar och målets status.'] as [string, string]]
      : []),
    ...(withResponse
      ? ([
          ['Svarsfrekvens', 'Andelen av gruppens elever (enligt filen med elevantal) som besvarade enkäten.'],
          ['Låg svarsfrekvens', 'Ja när färre än hälften av eleverna svarade: resultaten för gruppen kan då vara missvisande.'],
        ] as [string, string][])
      : []),
    ['', ''],
    ['Blad', 'Innehåll'],
    [TIDY_SHEET, 'Alla uppgifter, en rad per uppgift (samma som figures.csv), för filtrering och pivottabeller.'],
    ['Ett blad per indikator', 'Andel, konfidensintervall och antal svarande per område, grupp och mätning.'],
    ...(withResponse ? ([[RESPONSE_SHEET, 'Svarande, elever och svarsfrekvens per område, grupp och mätning.']] as [string, string][]) : []),
  ];
  lines.forEach(([a, b], i) => {
    ws.getCell(i + 1, 1).value = a;
    ws.getCell(i + 1, 2).value = b;
  });
  ws.getCell(1, 1).font = { ...FONT, bold: true, size: 13 };
  for (const first of ['Tecken', 'Blad']) ws.getRow(lines.findIndex(([a]) => a === first) + 1).font = HEADER_FONT;
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 100;
}

type ExcelValue = string | number | null;

/**
 * Number format of a column's number cells from `firstRow` down; numbers and the `..`, `–`,
 * Ja and Nej beside them are right-aligned. Text columns keep Excel's defaults.
 */
function formatColumn(ws: Worksheet, col: number, kind: ValueKind, firstRow: number, alignRight = kind !== 'text'): void {
  const format = kind === 'text' ? null : EXCEL_FORMATS[kind];
  ws.getColumn(col).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
    if (rowNumber < firstRow) return;
    if (format && typeof cell.value === 'number') cell.numFmt = format;
    if (alignRight) cell.alignment = { horizontal: 'right' };
  });
}

/** Bold, wrapped, with a rule under it and a filter on every column. */
function headerRow(ws: Worksheet, row: number, columns: number): void {
  const r = ws.getRow(row);
  for (let c = 1; c <= columns; c++) {
    const cell = r.getCell(c);
    cell.font = HEADER_FONT;
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: c > 2 && ws.name !== TIDY_SHEET ? 'right' : undefined };
    cell.border = { bottom: { style: 'thin' } };
  }
  ws.autoFilter = { from: { row, column: 1 }, to: { row, column: columns } };
}

/**
 * Width in characters: the header wraps at spaces, so its longest word must fit; a text
 * column also fits its longest text (up to 40), a number column its widest format ("100,0 %").
 */
function columnWidth(header: string, kind: ValueKind, cells: Cell[]): number {
  const word = Math.max(...header.split(/\s+/).map((w) => w.length));
  const text = kind === 'text' ? Math.max(0, ...cells.map((c) => (c === null ? 0 : String(c).length))) : 7;
  return Math.min(40, Math.max(8, word, text) + 2);
}

function cellsIn(ws: Worksheet, col: number, fromRow: number): Cell[] {
  const cells: Cell[] = [];
  ws.getColumn(col).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
    if (rowNumber >= fromRow) cells.push(cell.value as Cell);
  });
  return cells;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe, not "History", and unique (Excel compares names case-insensitively).
 * A long label is cut at a word boundary and marked with "…"; a repeated one gets " (2)".
 */
export function uniqueSheetName(label: string, taken: Set<string>): string {
  const MAX = 31;
  let base = label.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  if (base === '' || base.toLowerCase() === 'history') base = `${base || 'Indikator'} 1`;
  const fit = (s: string, room: number) => {
    if (s.length <= room) return s;
    const cut = s.slice(0, room - 1);
    const space = s[room - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
    return `${(space > room / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  };
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = fit(base, MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}
