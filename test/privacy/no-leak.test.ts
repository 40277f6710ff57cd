// No output carries a respondent: figures (CSV, Excel CSV, Excel workbook, JSON, stdout),
// batch HTML reports and their summary, a PDF report (as pdftotext reads it) and its Word
// version (every part of the package), and validate's summary (text and JSON) are searched for every id, every free-text answer and every row's run of answers. The same data has hostile municipality
// names: HTML must escape them, the CSV must neutralise formulas, and files must stay inside
// the output folder. Error messages name a line and a column, and only the one bad cell.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../fixtures/mini-project.js';
import { EXAMPLE_CONFIG, poppler, runCli as runBuilt } from '../e2e/cli.js';
import { runCli, STACK_LINE } from '../bad-input/run-cli.js';
import { unzipParts, workbookSheets } from '../fixtures/ooxml.js';
import { FROM_ANGSBY, HOSTILE_AREAS, ID_PREFIX, RENAMED, TEXT_MARKER, writeSensitiveData, type SensitiveData } from './dataset.js';

const DATE = ['--date', '2024-05-31'];
const SCRIPT_AREA = RENAMED.Björkträsk!;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** What a reader of the file sees: the text of a PDF, every XML part of a .docx or .xlsx, the characters of anything else. */
function readable(path: string): string {
  if (path.endsWith('.pdf')) return poppler('pdftotext', [path, '-']);
  if (/\.(docx|xlsx)$/.test(path)) return Object.values(unzipParts(readFileSync(path)).text).join('\n');
  return readFileSync(path, 'utf8');
}

describe('privacy: nothing about a respondent in any output', () => {
  let root: string;
  let data: SensitiveData;
  /** Every output: name → what it shows. */
  const outputs = new Map<string, string>();
  const out = { figures: '', excel: '', xlsx: '', json: '', batch: '', pdf: '' };
  const runs: { code: number | null; stdout: string; stderr: string }[] = [];

  beforeAll(async () => {
    root = tempDir('lagesbild-privacy-');
    mkdirSync(join(root, 'data'));
    data = writeSensitiveData(join(root, 'data'));
    for (const k of Object.keys(out) as (keyof typeof out)[]) out[k] = join(root, k);
    const common = [...data.files, '-c', data.config];

    runs.push(await runCli(['figures', ...common, '-o', out.figures]));
    runs.push(await runCli(['figures', ...common, '-o', out.excel, '--excel-sv']));
    runs.push(await runCli(['figures', ...common, '-o', out.xlsx, '--xlsx']));
    runs.push(await runCli(['figures', ...common, '-o', out.json, '--format', 'json']));
    runs.push(await runCli(['figures', ...common, '--json']));
    // Batch and PDF through the built CLI (workers, fonts and canvas as a user gets them).
    runs.push(await runBuilt(['batch', ...common, '-o', out.batch, '--format', 'html', '--jobs', '2', '--json', ...DATE]));
    runs.push(await runBuilt(['report', ...common, '--area', SCRIPT_AREA, '-o', out.pdf, '--format', 'pdf,docx', ...DATE]));
    // validate reads every row and reports the one repeated id (by line numbers).
    runs.push(await runCli(['validate', ...common, '--lang', 'en']));
    runs.push(await runCli(['validate', ...common, '--json']));

    runs.forEach((r, i) => {
      outputs.set(`run ${i} stdout`, r.stdout);
      outputs.set(`run ${i} stderr`, r.stderr);
    });
    for (const dir of Object.values(out)) if (existsSync(dir)) for (const f of walk(dir)) outputs.set(relative(root, f), readable(f));
  }, 600_000);

  it('every command succeeded, and the outputs expected are there', () => {
    expect(runs.map((r) => r.code)).toEqual([EXIT.ok, EXIT.ok, EXIT.ok, EXIT.ok, EXIT.ok, EXIT.ok, EXIT.ok, EXIT.notReportable, EXIT.notReportable]);
    expect(outputs.get('run 7 stdout')).toMatch(/same respondent id \(lopnr\).*— 3 rows/);
    const names = [...outputs.keys()];
    expect(names).toContain('figures/figures.csv');
    expect(names).toContain('excel/figures.csv');
    expect(names).toContain('xlsx/figures.xlsx');
    expect(names).toContain('json/figures.json');
    expect(names.filter((n) => n.startsWith('batch/') && n.endsWith('.html'))).toHaveLength(HOSTILE_AREAS.length + 2); // + Ängsby + county
    expect(names.filter((n) => n.startsWith('pdf/') && n.endsWith('.pdf'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('pdf/') && n.endsWith('.docx'))).toHaveLength(1);
    expect(outputs.get('run 4 stdout')).toMatch(/^\{/); // --json
  });

  it('no id, no free-text answer, no row of answers in any output', () => {
    expect(data.ids.length).toBeGreaterThan(3000);
    const sample = data.answerRuns.filter((_, i) => i % 10 === 0);
    for (const [name, text] of outputs) {
      expect(text.includes(ID_PREFIX), `${name} holds a respondent id`).toBe(false);
      expect(text.includes(TEXT_MARKER), `${name} holds a free-text answer`).toBe(false);
      for (const run of sample) expect(text.includes(run), `${name} holds a row of answers`).toBe(false);
    }
  });

  it('HTML escapes a municipality named <script>alert(1)</script>', () => {
    const html = [...outputs].filter(([n]) => n.endsWith('.html'));
    const own = html.find(([n]) => n.includes('script-alert(1)'));
    expect(own, 'the report of <script>alert(1)</script>').toBeDefined();
    for (const [name, text] of html) {
      expect(text.includes('<script>alert(1)'), name).toBe(false);
      expect(text.split('alert(1)').length, `${name}: every alert(1) is inside the escaped name`).toBe(text.split('&lt;script&gt;alert(1)&lt;/script&gt;').length);
    }
    expect(own![1]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The PDF prints the name as text.
    expect([...outputs].find(([n]) => n.endsWith('.pdf'))![1]).toContain(SCRIPT_AREA);
  });

  it('names starting with = + - @ become text in every figures CSV', () => {
    const formulas = HOSTILE_AREAS.filter((a) => /^[=+\-@]/.test(a));
    expect(formulas).toHaveLength(4);
    // The Swedish-Excel CSV has Swedish headers.
    const sv = { area: 'Område', from: 'Från', to: 'Till', group: 'Grupp', indicator: 'Indikator-id' };
    const en = { area: 'area', from: 'from', to: 'to', group: 'group', indicator: 'indicator' };
    for (const [name, delimiter, h] of [['figures/figures.csv', ',', en], ['excel/figures.csv', ';', sv], ['batch/figures.csv', ',', en]] as const) {
      const rows = parse(outputs.get(name)!, { columns: true, delimiter, bom: true }) as Record<string, string>[];
      const textCells = rows.flatMap((r) => [r[h.area]!, r[h.from]!, r[h.to]!, r[h.group]!, r[h.indicator]!]);
      expect(textCells.filter((c) => /^[=+\-@\t\r]/.test(c)), name).toEqual([]);
      const areas = new Set(rows.map((r) => r[h.area]));
      for (const a of formulas) expect(areas.has(`'${a}`), `${name}: ${a}`).toBe(true);
    }
    // The workbook stores the names as text cells (never formulas) and unchanged.
    expect(/<f[ >]/.test(outputs.get('xlsx/figures.xlsx')!), 'a formula in the workbook').toBe(false);
    const tidy = workbookSheets(readFileSync(join(out.xlsx, 'figures.xlsx')))[0]!;
    const areaColumn = tidy.rows[0]!.findIndex((c) => c?.value === 'Område');
    const areas = new Set(tidy.rows.slice(1).map((r) => r[areaColumn]?.value));
    for (const a of formulas) expect(areas.has(a), a).toBe(true);
  });

  it('the Word report holds a municipality named <script>alert(1)</script> as escaped text', () => {
    const docx = [...outputs].find(([n]) => n.endsWith('.docx'))![1];
    expect(docx).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(docx).not.toContain('<script>');
  });

  it('report files stay inside the output folder, whatever the municipality is called', () => {
    const files = walk(out.batch);
    for (const f of files) expect(resolve(f).startsWith(resolve(out.batch) + sep), f).toBe(true);
    // One folder per municipality and the county, no name that is a path or a device.
    const folders = readdirSync(out.batch, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders).toHaveLength(HOSTILE_AREAS.length + 2);
    for (const f of folders) {
      expect(f).not.toMatch(/^\.|[/\\]|^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
    }
    // Nothing outside: the root holds only what the test made, and the absolute name made nothing.
    expect(readdirSync(root).sort()).toEqual(['batch', 'data', 'excel', 'figures', 'json', 'pdf', 'xlsx']);
    expect(existsSync(FROM_ANGSBY[0]!)).toBe(false);
    expect(existsSync(resolve(out.batch, '../../etc'))).toBe(false);
    expect(readdirSync(dirname(resolve(out.pdf, 'x'))).every((f) => /\.(pdf|docx)$/.test(f))).toBe(true);
  });
});

describe('privacy: error messages name a line and a column, never other cells', () => {
  let root: string;
  let data: SensitiveData;
  beforeAll(() => {
    root = tempDir('lagesbild-privacy-errors-');
    data = writeSensitiveData(root);
  });

  it('a bad weight: the line, the column and that one value', async () => {
    const lines = readFileSync(data.files[1]!, 'utf8').split('\n');
    const weight = lines[0]!.split(',').indexOf('vikt');
    const cells = lines[56]!.split(',');
    cells[weight] = '-1';
    lines[56] = cells.join(',');
    const file = join(root, 'bad-weight.csv');
    writeFileSync(file, lines.join('\n'));
    const run = await runCli(['figures', file, '-c', EXAMPLE_CONFIG, '-o', join(root, 'out')]);
    expect(run.code).toBe(EXIT.data);
    expect(run.stderr).toBe(
      `error: ${file}:57:${weight + 1}: vikt: negative weight "-1". Weights must be positive numbers (respondents with no weight should be removed or given one by whoever made the weights)\n`,
    );
  });

  it('an indicator mapped to the free-text column by mistake: the text is described, not shown', async () => {
    const config = join(root, 'lagesbild.yaml');
    writeFileSync(config, readFileSync(EXAMPLE_CONFIG, 'utf8').replace('column: F10_slagen', 'column: F99_fritext'));
    const run = await runCli(['figures', data.files[0]!, '-c', config, '-o', join(root, 'out')]);
    expect(run.code).toBe(EXIT.data);
    // The free text is the last column.
    const column = readFileSync(data.files[0]!, 'utf8').split('\n')[0]!.split(',').length;
    expect(run.stderr).toMatch(new RegExp(`^error: ${data.files[0]}:2:${column}: F99_fritext: an unknown value of \\d+ characters is not an answer of fysiskt_vald\\. Expected one of: `));
    expect(run.stderr).not.toContain(TEXT_MARKER);
    expect(run.stderr).not.toContain(ID_PREFIX);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
