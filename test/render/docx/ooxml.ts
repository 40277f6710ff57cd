// Reading Office packages in tests: the zip's entries (with the dates stored in the archive)
// and the parts of WordprocessingML and SpreadsheetML the tests check. The XML is the
// renderers' own, flat and regular, so a few patterns read it; no XML library is needed.
import { unzipSync } from 'fflate';
import type { ReportDocument } from '../../../src/report/model.js';

export interface ZipEntry {
  name: string;
  /** The entry's stored DOS date and time, as written: "YYYY-MM-DD HH:MM:SS". */
  stamp: string;
}

/** The entries of a zip in central-directory order, with their stored date and time. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const pad = (n: number) => String(n).padStart(2, '0');
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      stamp: `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`,
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Every entry's content (text parts as UTF-8 strings, binary parts as buffers). */
export function unzipParts(zip: Buffer): { text: Record<string, string>; binary: Record<string, Buffer> } {
  const text: Record<string, string> = {};
  const binary: Record<string, Buffer> = {};
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (/\.(xml|rels)$/.test(name)) text[name] = new TextDecoder().decode(data);
    else binary[name] = Buffer.from(data);
  }
  return { text, binary };
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

export function attr(xml: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** The text of a run container: its w:t texts, tabs as \t. */
export function wordText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) out += m[1] === undefined ? '\t' : unescapeXml(m[1]);
  return out;
}

export interface WordParagraph {
  kind: 'p';
  style: string | undefined;
  text: string;
  xml: string;
}

export interface WordTable {
  kind: 'tbl';
  /** Cell texts per row. */
  rows: string[][];
  /** Whether each row is marked as a header row (repeated on every page). */
  headerRows: boolean[];
  /** Paragraph alignment per cell of the first body row. */
  xml: string;
}

/**
 * The body of document.xml as a flat sequence of paragraphs and tables in reading order;
 * paragraphs inside the contents (a w:sdt) are included, tables are not descended into.
 */
export function wordBody(documentXml: string): (WordParagraph | WordTable)[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.lastIndexOf('</w:body>'));
  const out: (WordParagraph | WordTable)[] = [];
  const re = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const m of body.matchAll(re)) {
    const xml = m[0];
    if (xml.startsWith('<w:tbl>')) {
      const rows = [...xml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) => r[0]);
      out.push({
        kind: 'tbl',
        rows: rows.map((r) => [...r.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => wordText(c[0]))),
        headerRows: rows.map((r) => /<w:tblHeader\/>/.test(r)),
        xml,
      });
    } else {
      out.push({ kind: 'p', style: /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1], text: wordText(xml), xml });
    }
  }
  return out;
}

/**
 * The outline a reader of the Word file should see: chapters at level 1, heading blocks at 2
 * and 3, a level 3 with no level 2 before it in its chapter raised to 2 (no gap), as in the HTML.
 */
export function headingOutline(doc: ReportDocument): [1 | 2 | 3, string][] {
  const out: [1 | 2 | 3, string][] = [];
  for (const ch of doc.chapters) {
    out.push([1, ch.title]);
    let inSection = false;
    for (const b of ch.blocks) {
      if (b.type !== 'heading') continue;
      inSection ||= b.level === 2;
      out.push([b.level === 3 && inSection ? 3 : 2, b.text]);
    }
  }
  return out;
}
