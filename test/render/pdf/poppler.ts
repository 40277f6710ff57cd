// Runs poppler-utils on a PDF buffer (install: apt-get install -y poppler-utils).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'lagesbild-pdf-'));
let count = 0;

export function savePdf(pdf: Buffer): string {
  const file = join(dir, `doc-${++count}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

export function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} not found: install poppler-utils (apt-get install -y poppler-utils)`);
    }
    throw err;
  }
}

/** pdftotext -layout, one string per page. */
export function pageTexts(file: string): string[] {
  return poppler('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
}

/** Decodes the PDF literal strings that follow `key` in uncompressed objects (UTF-16BE with BOM or PDFDocEncoding). */
export function literalStrings(pdf: Buffer, key: string): string[] {
  const bin = pdf.toString('latin1');
  const out: string[] = [];
  let at = bin.indexOf(`${key} (`);
  while (at >= 0) {
    let i = at + key.length + 2;
    const bytes: number[] = [];
    let depth = 0;
    for (; i < bin.length; i++) {
      const ch = bin.charCodeAt(i);
      if (ch === 0x5c) {
        const next = bin[++i] ?? '';
        const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        bytes.push(escapes[next] ?? next.charCodeAt(0));
        continue;
      }
      if (ch === 0x28) depth++;
      if (ch === 0x29 && depth-- === 0) break;
      bytes.push(ch);
    }
    const buf = Buffer.from(bytes);
    out.push(
      buf[0] === 0xfe && buf[1] === 0xff ? Buffer.from(buf.subarray(2)).swap16().toString('utf16le') : buf.toString('latin1'),
    );
    at = bin.indexOf(`${key} (`, i);
  }
  return out;
}
