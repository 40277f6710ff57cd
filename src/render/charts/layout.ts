// Chart dimensions in CSS pixels, shared by the PNG renderer and the PDF/HTML layouts so
// the image is placed at its own aspect ratio.

import { chartTop, type ChartSpec } from '../../report/model.js';

export const DEFAULT_CHART_WIDTH = 640;
/** Base font size in CSS pixels; at the PDF's text width this prints at about 9 pt. */
export const CHART_FONT_SIZE = 13;

const CATEGORY_LABEL_CHARS = 24;
const LINE_HEIGHT = 16;

/**
 * Bar geometry. A series' slot within a category is BAR_SLOT pixels (the bar fills
 * BAR_PERCENTAGE of it); the categories' bar groups fill CATEGORY_PERCENTAGE of their pitch,
 * the rest separates them. 12 px slots keep 12.5 px value labels apart without crowding:
 * "18 %*" is 8 px of ink, and its white halo (1.75 px) stays off the next label and bar. A
 * parenthesis is 12 px of ink: where a label has one ("(..)", hidden so that another hidden
 * value cannot be worked out), 12 px slots let it touch its neighbours' labels and bars, so
 * such a chart has 15 (test/render/charts/charts.test.ts measures both).
 */
export const BAR_SLOT = { multi: 12, multiTall: 15, single: 20 } as const;
export const CATEGORY_PERCENTAGE = 0.82;
export const BAR_PERCENTAGE = 0.9;

/** Legend rows (see draw.ts layoutLegend) and the value axis with its title. */
export const LEGEND_ROW = 20;
export const LEGEND_PAD = 6;
const VALUE_AXIS = 40;
/** Average advance of the legend font per character (Source Sans 3 at 13 px), for planning rows. */
const LEGEND_CHAR = 6.6;
const LEGEND_KEY_AND_GAPS = 22 + 6 + 18;

/** Line charts: height as a share of the width, but never so flat that the lines merge. */
const LINE_ASPECT = 0.5;
const LINE_MIN_HEIGHT = 250;
/** Narrower line charts name their series in a legend above, not beside the line ends. */
const NARROW_LINE_CHART = 480;

export function lineLegendOnTop(width: number): boolean {
  return width < NARROW_LINE_CHART;
}

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

/** Legend rows a bar chart needs at this width (estimated; the legend itself measures). */
export function legendRows(labels: string[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const label of labels) {
    const w = LEGEND_KEY_AND_GAPS + label.length * LEGEND_CHAR;
    if (x > 0 && x + w > width - 8) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** The legend entries of a bar chart: the series, the reference line if any, and the reference markers. */
export function legendLabels(spec: ChartSpec, referenceText: string): string[] {
  return [...spec.series.map((s) => s.label), ...(spec.reference ? [referenceText] : []), ...(spec.markers ?? []).map((m) => m.label)];
}

/**
 * Bar charts grow with categories × series so bars keep their thickness; line charts
 * keep an aspect ratio, with a floor for narrow widths.
 */
export function chartSize(spec: ChartSpec, width = DEFAULT_CHART_WIDTH): ChartSize {
  if (spec.type === 'line') {
    const plot = Math.max(LINE_MIN_HEIGHT, Math.round(width * LINE_ASPECT));
    // The legend's row estimate uses the longest name form, "Label (..)".
    const legend = lineLegendOnTop(width) ? legendRows(spec.series.map((s) => `${s.label} (..)`), width) * LEGEND_ROW + LEGEND_PAD : 0;
    return { width, height: plot + legend };
  }
  // The category axis spaces categories evenly, so the tallest label sets the pitch.
  const tall = spec.series.some((s) => s.valueLabels.some((l) => l.includes('(')));
  const slot = spec.series.length > 1 ? (tall ? BAR_SLOT.multiTall : BAR_SLOT.multi) : BAR_SLOT.single;
  const lines = Math.max(1, ...spec.categories.map((c) => wrapLabel(c).length));
  const perCategory = Math.max((spec.series.length * slot) / CATEGORY_PERCENTAGE, lines * LINE_HEIGHT + 8);
  // The reference label's value is not known here; "(00 %)" stands in for it.
  const rows = legendRows(legendLabels(spec, `${spec.reference?.label ?? ''} (00 %)`), width);
  const legend = rows * LEGEND_ROW + LEGEND_PAD;
  return { width, height: Math.round(legend + VALUE_AXIS + spec.categories.length * perCategory) };
}

export interface ValueAxis {
  max: number;
  step: number;
}

/**
 * The value axis: spec.max, or the data (CIs, reference line and markers included; a part of a
 * split figure: the whole figure's) rounded up to a tick.
 */
export function valueAxis(spec: ChartSpec): ValueAxis {
  const top = Math.max(1, chartTop(spec));
  const span = spec.max ?? top;
  if (spec.unit === 'number') {
    // About five round steps (1, 2 or 5 times a power of ten) up to the data.
    const raw = span / 5;
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
    return { max: spec.max ?? Math.ceil(top / step) * step, step };
  }
  const step = span <= 10 ? 2 : span <= 30 ? 5 : span <= 60 ? 10 : 20;
  return { max: spec.max ?? Math.min(100, Math.ceil(top / step) * step), step };
}
