// LibreOffice as an independent reader of our Office files: it converts a .docx to a tagged
// PDF (so its structure shows what Word's navigation pane, tables and alt texts amount to)
// and an .xlsx to CSV (so it shows which cells are numbers). Debian: libreoffice-writer-nogui,
// libreoffice-calc-nogui (installed by .ci/run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Converts `file` with soffice --convert-to `filter` into `outDir`; returns the output path.
 * Each call has its own user profile, so conversions in parallel test files do not collide.
 */
export function libreOfficeConvert(file: string, filter: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lagesbild-lo-profile-'));
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.error) throw new Error(`soffice could not run (${r.error.message}): apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui`);
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
    const ext = filter.split(':')[0]!;
    return join(outDir, `${basename(file, extname(file))}.${ext}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** LibreOffice's PDF export with a structure tree (headings, tables, figures with /Alt). */
export const TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}';

export interface StructElement {
  type: string;
  /** The element's lines below its own (attributes and children), as `pdfinfo -struct` prints them. */
  lines: string[];
}

/** Top-level structure elements (under Document) from `pdfinfo -struct` output. */
export function structElements(struct: string): StructElement[] {
  const out: StructElement[] = [];
  for (const line of struct.split('\n')) {
    const top = /^ {2}([A-Za-z0-9]+)\b/.exec(line);
    if (top) out.push({ type: top[1]!, lines: [] });
    else out[out.length - 1]?.lines.push(line);
  }
  return out;
}

/** A table element's rows as the cell types in each (TH or TD, with /Scope where given). */
export function tableRows(table: StructElement): string[][] {
  const rows: string[][] = [];
  let cell: string | null = null;
  for (const line of table.lines) {
    if (/^ {4}TR\b/.test(line)) rows.push([]);
    const c = /^ {6}(TH|TD)\b/.exec(line);
    if (c) {
      cell = c[1]!;
      rows[rows.length - 1]?.push(cell);
    }
    const scope = /^ {9}\/Scope \/(\w+)/.exec(line);
    const row = rows[rows.length - 1];
    if (scope && row && cell) row[row.length - 1] = `${cell} ${scope[1]}`;
  }
  return rows;
}

/** The /Alt texts of the PDF's Figure structure elements, in file order (UTF-16BE hex strings). */
export function figureAltTexts(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const alts: string[] = [];
  for (const m of text.matchAll(/\/S\/Figure(?:(?!endobj)[^])*?\/Alt<FEFF([0-9A-F]*)>/g)) {
    const bytes = Buffer.from(m[1]!, 'hex');
    alts.push(bytes.swap16().toString('utf16le'));
  }
  return alts;
}
