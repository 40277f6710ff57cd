// Office packages (docx, xlsx) made reproducible. They are zip archives whose entries carry
// the time they were written, and their core properties carry creation dates; libraries
// stamp both with "now". The archive is rewritten with every entry dated at the report date,
// in the same order, and the core properties are written here, so identical input gives
// identical bytes (SOURCE_DATE_EPOCH / --date).
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** DOS time in a zip starts in 1980; earlier dates (SOURCE_DATE_EPOCH=0) are clamped to it. */
const FIRST_ZIP_DAY = '1980-01-01';

/**
 * The archive's entries, in order, dated `dateIso` (YYYY-MM-DD) and compressed at one fixed
 * level. `replace` swaps the content of named entries (e.g. docProps/core.xml with fixed
 * dates), or rewrites it when given a function of the old text, without changing their place
 * in the archive.
 */
export function reproducibleZip(archive: Uint8Array, dateIso: string, replace: Record<string, string | ((text: string) => string)> = {}): Buffer {
  const entries = unzipSync(archive);
  const mtime = zipTime(dateIso);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const replacement = replace[name];
    const text = typeof replacement === 'function' ? replacement(new TextDecoder().decode(data)) : replacement;
    files[name] = [text === undefined ? data : new TextEncoder().encode(text), { mtime, level: 6 }];
  }
  for (const name of Object.keys(replace)) if (!(name in entries)) throw new Error(`zip entry ${name} to replace is missing`);
  return Buffer.from(zipSync(files));
}

/**
 * Zip entries store local wall-clock time: a Date built from local components writes exactly
 * those components whatever the machine's time zone. Noon keeps clear of daylight-saving jumps.
 */
function zipTime(dateIso: string): Date {
  const day = dateIso < FIRST_ZIP_DAY ? FIRST_ZIP_DAY : dateIso;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

export interface CoreProperties {
  title: string;
  subject?: string;
  creator: string;
  /** BCP 47, e.g. sv-SE. */
  language: string;
  /** YYYY-MM-DD: created and modified. */
  dateIso: string;
}

/** docProps/core.xml: title, subject, author and language as Office shows them (File > Info). */
export function corePropertiesXml(p: CoreProperties): string {
  const date = `${p.dateIso}T00:00:00Z`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlText(p.title)}</dc:title>`,
    ...(p.subject ? [`<dc:subject>${xmlText(p.subject)}</dc:subject>`] : []),
    `<dc:creator>${xmlText(p.creator)}</dc:creator>`,
    '<cp:lastModifiedBy>lagesbild</cp:lastModifiedBy>',
    `<dc:language>${xmlText(p.language)}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/** Text content for XML: markup characters escaped, characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
