// Files the HTML report inlines: the stylesheet(s) in templates/html and the bundled
// Source Sans 3 faces, each subset to the characters of the report. Read and parsed once
// per process; batch runs render many reports.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openFont, type SourceFont, subsetFont } from './font-subset.js';

// This file sits three levels below the package root both as src/render/html/assets.ts
// (vitest) and as dist/render/html/assets.js (after tsc), so one relative URL serves both.
const PACKAGE_ROOT = new URL('../../../', import.meta.url);
const CSS_DIR = new URL('templates/html/', PACKAGE_ROOT);
const FONT_DIR = new URL('templates/fonts/', PACKAGE_ROOT);

/** The faces the stylesheet uses; others would only add weight to every file. */
const FONT_FACES = [
  { file: 'SourceSans3-Regular.ttf', weight: 400, style: 'normal' },
  { file: 'SourceSans3-Italic.ttf', weight: 400, style: 'italic' },
  { file: 'SourceSans3-Bold.ttf', weight: 700, style: 'normal' },
] as const;

/**
 * Characters every subset keeps besides the report's own: printable ASCII (text reaches the
 * page through entities such as &#39;, and the stylesheet upper-cases some headings) and the
 * bullet of list markers.
 */
const ALWAYS: readonly number[] = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), 0x2022];

export interface HtmlAssets {
  /** templates/html/*.css, concatenated in file-name order. */
  css: string;
  faces: { weight: number; style: string; source: SourceFont }[];
}

let cached: Promise<HtmlAssets> | undefined;

export function loadHtmlAssets(): Promise<HtmlAssets> {
  cached ??= readAssets().catch((err: unknown) => {
    cached = undefined; // let a later call retry rather than keep the failure
    throw err;
  });
  return cached;
}

async function readAssets(): Promise<HtmlAssets> {
  const cssFiles = (await readdir(CSS_DIR)).filter((f) => f.endsWith('.css')).sort();
  const cssParts = await Promise.all(cssFiles.map((f) => readFile(new URL(f, CSS_DIR), 'utf8')));
  const faces = FONT_FACES.map(({ file, weight, style }) => ({
    weight,
    style,
    source: openFont(fileURLToPath(new URL(file, FONT_DIR))),
  }));
  return { css: cssParts.join('\n'), faces };
}

/** Every character of `text`, in upper and lower case too (CSS text-transform). */
export function usedCodePoints(text: string): Set<number> {
  const points = new Set<number>(ALWAYS);
  // The page is a megabyte of mostly the same hundred characters: each UTF-16 unit is looked
  // at once in a table, and only a character not seen before is cased (a Set of one-letter
  // strings over the whole page was a tenth of the HTML's time in a batch).
  const seen = new Uint8Array(0x10000);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    if (!pair && seen[unit]) continue;
    seen[unit] = 1;
    const ch = pair ? String.fromCodePoint(text.codePointAt(i)!) : text[i]!;
    if (ch.length === 2) i++;
    for (const variant of [ch, ch.toUpperCase(), ch.toLowerCase()]) {
      for (const c of variant) points.add(c.codePointAt(0) ?? 0);
    }
  }
  return points;
}

/**
 * The @font-face rules by the characters they hold: the reports of a batch mostly use the
 * same characters, and subsetting the three faces was 30 ms a report.
 */
const faceRules = new WeakMap<HtmlAssets, Map<string, string>>();
const FACE_RULES_KEPT = 16;

/** @font-face rules with each face subset to the characters of `text`, as data URIs. */
export function fontFaceCss(assets: HtmlAssets, text: string): string {
  const points = usedCodePoints(text);
  const key = [...points].sort((a, b) => a - b).join(',');
  let kept = faceRules.get(assets);
  if (!kept) faceRules.set(assets, (kept = new Map()));
  let rules = kept.get(key);
  if (rules === undefined) {
    rules = assets.faces
      .map(({ weight, style, source }) => {
        const data = subsetFont(source, points).toString('base64');
        return (
          `@font-face{font-family:"Source Sans 3";font-style:${style};font-weight:${weight};` +
          `font-display:block;src:url(data:font/ttf;base64,${data}) format("truetype")}`
        );
      })
      .join('\n');
    if (kept.size >= FACE_RULES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, rules);
  }
  return rules;
}
