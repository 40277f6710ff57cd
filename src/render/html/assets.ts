// Files the HTML report inlines: the stylesheet(s) in templates/html and the bundled
// Source Sans 3 faces. Read once per process; batch runs render many reports.
import { readdir, readFile } from 'node:fs/promises';

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

export interface HtmlAssets {
  /** @font-face rules with the fonts as base64 data URIs. */
  fontCss: string;
  /** templates/html/*.css, concatenated in file-name order. */
  css: string;
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
  const faces = await Promise.all(
    FONT_FACES.map(async ({ file, weight, style }) => {
      const data = (await readFile(new URL(file, FONT_DIR))).toString('base64');
      return (
        `@font-face{font-family:"Source Sans 3";font-style:${style};font-weight:${weight};` +
        `font-display:block;src:url(data:font/ttf;base64,${data}) format("truetype")}`
      );
    }),
  );
  return { fontCss: faces.join('\n'), css: cssParts.join('\n') };
}
