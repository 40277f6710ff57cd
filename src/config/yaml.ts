// The yaml package, in one module: the build bundles this file with it into dist/config/yaml.js
// (scripts/bundle-vendor.mjs). Its 72 files, imported alone, took ~40 ms; the bundle ~15 ms.
// Import yaml's values from here.
export { Document, LineCounter, isMap, isNode, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';
export type { Node, Pair } from 'yaml';
