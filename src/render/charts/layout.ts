// Chart dimensions in CSS pixels, shared by the PNG renderer and the PDF/HTML layouts so
// the image is placed at its own aspect ratio.

import type { ChartSpec } from '../../report/model.js';

export const DEFAULT_CHART_WIDTH = 640;
/** Base font size in CSS pixels; at the PDF's text width this prints at about 9 pt. */
export const CHART_FONT_SIZE = 13;

const CATEGORY_LABEL_CHARS = 24;
const LINE_HEIGHT = 16;

export interface ChartSize {
  width: number;
  height: number;
}

/** Splits a category label into lines of at most ~24 characters (at word boundaries). */
export function wrapLabel(text: string, maxChars = CATEGORY_LABEL_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * Bar charts grow with categories × series so bars keep their thickness; line charts
 * have a fixed aspect ratio.
 */
export function chartSize(spec: ChartSpec, width = DEFAULT_CHART_WIDTH): ChartSize {
  if (spec.type === 'line') return { width, height: Math.round(width * 0.56) };
  // The category axis spaces categories evenly, so the tallest label sets the pitch.
  const bar = spec.series.length > 1 ? 15 : 22;
  const lines = Math.max(1, ...spec.categories.map((c) => wrapLabel(c).length));
  const perCategory = Math.max(spec.series.length * bar + 12, lines * LINE_HEIGHT + 10);
  const legend = 40;
  const axis = 58;
  return { width, height: Math.round(legend + axis + spec.categories.length * perCategory) };
}

export interface ValueAxis {
  max: number;
  step: number;
}

/** The value axis: spec.max, or the data (CIs and reference included) rounded up to a tick. */
export function valueAxis(spec: ChartSpec): ValueAxis {
  const values = spec.series.flatMap((s) => [...s.values, ...s.upper]);
  if (spec.reference) values.push(spec.reference.value);
  const top = Math.max(1, ...values.filter((v): v is number => v !== null));
  const span = spec.max ?? top;
  const step = span <= 10 ? 2 : span <= 30 ? 5 : span <= 60 ? 10 : 20;
  return { max: spec.max ?? Math.min(100, Math.ceil(top / step) * step), step };
}
