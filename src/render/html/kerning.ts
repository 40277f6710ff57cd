// Kerning for a subset font. The full font kerns through GPOS pair adjustments, a table a
// subset cannot simply keep (it refers to the original glyph ids); the pairs among the kept
// glyphs are written instead as a legacy 'kern' table, which browsers apply when a font
// has no GPOS.

/**
 * The parts of fontkit's parsed GPOS table that pair kerning uses. fontkit names each
 * format "version" and decodes some arrays lazily (LazyArray: get(), toArray()).
 */
type List<T> = T[] | { get(i: number): T; toArray(): T[]; length: number };
type Coverage = { version: 1; glyphs: List<number> } | { version: 2; rangeRecords: List<{ start: number; end: number; startCoverageIndex: number }> };
type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: List<number> }
  | { version: 2; classRangeRecord: List<{ start: number; end: number; class: number }> };
interface ValueRecord {
  xAdvance?: number;
}
type PairPos =
  | { version: 1; coverage: Coverage; pairSets: List<List<{ secondGlyph: number; value1: ValueRecord }>> }
  | { version: 2; coverage: Coverage; classDef1: ClassDef; classDef2: ClassDef; classRecords: List<List<{ value1: ValueRecord }>> };
interface Lookup {
  lookupType: number;
  subTables: List<PairPos | { lookupType: number; extension: PairPos }>;
}
export interface Gpos {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: List<Lookup>;
}

function at<T>(list: List<T>, i: number): T | undefined {
  return Array.isArray(list) ? list[i] : list.get(i);
}

function all<T>(list: List<T>): T[] {
  return Array.isArray(list) ? list : list.toArray();
}

const PAIR_ADJUSTMENT = 2;
const EXTENSION = 9;
/** A kern subtable's length is a 16-bit number: 14 bytes of header, 6 per pair. */
const MAX_PAIRS = Math.floor((0xffff - 14) / 6);

/** Coverage index of each of `glyphs` in the table (-1: not covered). */
function coverageIndices(coverage: Coverage, glyphs: readonly number[]): number[] {
  if (coverage.version === 1) {
    const covered = all(coverage.glyphs);
    return glyphs.map((g) => covered.indexOf(g));
  }
  const ranges = all(coverage.rangeRecords);
  return glyphs.map((g) => {
    const r = ranges.find((x) => g >= x.start && g <= x.end);
    return r ? r.startCoverageIndex + g - r.start : -1;
  });
}

/** Class of each of `glyphs` (0 where the definition does not list it). */
function classesOf(def: ClassDef, glyphs: readonly number[]): number[] {
  if (def.version === 1) {
    const values = all(def.classValueArray);
    return glyphs.map((g) => values[g - def.startGlyph] ?? 0);
  }
  const ranges = all(def.classRangeRecord);
  return glyphs.map((g) => ranges.find((r) => g >= r.start && g <= r.end)?.class ?? 0);
}

function pairSubtables(gpos: Gpos): PairPos[] {
  const lookups = new Set(gpos.featureList.filter((f) => f.tag === 'kern').flatMap((f) => f.feature.lookupListIndexes));
  const tables: PairPos[] = [];
  for (const index of [...lookups].sort((a, b) => a - b)) {
    const lookup = at(gpos.lookupList, index);
    for (const sub of lookup ? all(lookup.subTables) : []) {
      if (lookup?.lookupType === PAIR_ADJUSTMENT) tables.push(sub as PairPos);
      else if (lookup?.lookupType === EXTENSION && 'extension' in sub && sub.lookupType === PAIR_ADJUSTMENT) tables.push(sub.extension);
    }
  }
  return tables;
}

/**
 * The horizontal kerning of each ordered pair of `glyphs` (original ids) that GPOS kerns,
 * as [first, second, value]. The first subtable that covers a pair decides it, as in
 * OpenType layout.
 */
export function kerningPairs(gpos: Gpos, glyphs: readonly number[]): [number, number, number][] {
  const kept = new Set(glyphs);
  const tables = pairSubtables(gpos).map((table) => ({
    table,
    coverage: coverageIndices(table.coverage, glyphs),
    classes1: table.version === 2 ? classesOf(table.classDef1, glyphs) : [],
    classes2: table.version === 2 ? classesOf(table.classDef2, glyphs) : [],
  }));
  const pairs: [number, number, number][] = [];
  glyphs.forEach((first, f) => {
    const decided = new Set<number>();
    for (const { table, coverage, classes1, classes2 } of tables) {
      const c = coverage[f] ?? -1;
      if (c < 0) continue;
      if (table.version === 1) {
        for (const { secondGlyph, value1 } of all(at(table.pairSets, c) ?? [])) {
          if (decided.has(secondGlyph) || !kept.has(secondGlyph)) continue;
          decided.add(secondGlyph);
          if (value1.xAdvance) pairs.push([first, secondGlyph, value1.xAdvance]);
        }
      } else {
        // Only the records of the kept glyphs' classes are decoded (the matrix is large).
        const row = at(table.classRecords, classes1[f] ?? 0);
        glyphs.forEach((second, j) => {
          if (decided.has(second)) return;
          decided.add(second); // a class subtable covering `first` decides every second glyph
          const value = row && at(row, classes2[j] ?? 0)?.value1.xAdvance;
          if (value) pairs.push([first, second, value]);
        });
      }
    }
  });
  return pairs;
}

/** A 'kern' table (version 0, one format 0 subtable) for pairs given in the font's glyph ids. */
export function kernTable(pairs: readonly [number, number, number][]): Buffer | null {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, MAX_PAIRS);
  if (sorted.length === 0) return null;
  const n = sorted.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 6 * 2 ** entrySelector;
  const table = Buffer.alloc(4 + 14 + 6 * n);
  table.writeUInt16BE(0, 0); // version
  table.writeUInt16BE(1, 2); // one subtable
  table.writeUInt16BE(0, 4); // subtable version
  table.writeUInt16BE(14 + 6 * n, 6);
  table.writeUInt16BE(0x0001, 8); // horizontal kerning values, format 0
  table.writeUInt16BE(n, 10);
  table.writeUInt16BE(searchRange, 12);
  table.writeUInt16BE(entrySelector, 14);
  table.writeUInt16BE(6 * n - searchRange, 16);
  sorted.forEach(([left, right, value], i) => {
    table.writeUInt16BE(left, 18 + 6 * i);
    table.writeUInt16BE(right, 20 + 6 * i);
    table.writeInt16BE(value, 22 + 6 * i);
  });
  return table;
}
