// Canvas drawing primitives shared by the bar and line charts: fill patterns, CI whiskers,
// haloed labels, label spreading and the legend.

import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { Plugin } from 'chart.js';
import { FONT_FAMILY } from './assets.js';
import { LEGEND_PAD, LEGEND_ROW } from './layout.js';
import type { MarkerSymbol } from '../../report/model.js';
import type { FillPattern } from './palette.js';
import { INK } from './palette.js';
import { loadedChartRuntime } from './runtime.js';

export type Ctx = SKRSContext2D;

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function font(size: number, weight: 400 | 600 = 400): string {
  return `${weight} ${size}px "${FONT_FAMILY}"`;
}

/** Width of the widest of these texts in the given font (0 for none): room to reserve for labels. */
export function widestText(ctx: Ctx, fontSpec: string, texts: readonly string[]): number {
  ctx.save();
  ctx.font = fontSpec;
  const width = Math.max(0, ...texts.map((t) => ctx.measureText(t).width));
  ctx.restore();
  return width;
}

/**
 * How far below `y` the ink of a text drawn at `y` with textBaseline "middle" is centred:
 * the em box's middle is not the ink's, so ".." sits 3 px low (towards the next bar) and
 * "(..)" 1 px low. A bar's label drawn that much higher is centred on its bar.
 */
export function inkOffset(ctx: Ctx, fontSpec: string, text: string): number {
  ctx.save();
  ctx.font = fontSpec;
  ctx.textBaseline = 'middle';
  const m = ctx.measureText(text);
  ctx.restore();
  return (m.actualBoundingBoxDescent - m.actualBoundingBoxAscent) / 2;
}

/**
 * Overlays a white pattern on an already filled rectangle, leaving a solid rim so the
 * mark's edge keeps the series colour's contrast. The pattern is drawn once per pattern and
 * scale on a sheet of its own and copied pixel for pixel into each rectangle. Stroking every
 * line and dot of every bar took 10–100 ms a chart (the dots most): 7 s of the 42 s CPU time
 * the 50-municipality county's batch spent drawing and encoding charts. (A canvas pattern
 * would be simpler, but the canvas resamples it: blurred.)
 */
export function paintPattern(ctx: Ctx, pattern: FillPattern, rect: Rect): void {
  if (pattern === 'solid') return;
  const rim = 1.5;
  const r = { left: rect.left + rim, top: rect.top + rim, width: rect.width - 2 * rim, height: rect.height - 2 * rim };
  if (r.width <= 0 || r.height <= 0) return;
  const m = ctx.getTransform();
  // The device pixels the rectangle touches; the pattern starts at their corner.
  const x0 = Math.floor(m.a * r.left + m.e);
  const y0 = Math.floor(m.d * r.top + m.f);
  const width = Math.ceil(m.a * (r.left + r.width) + m.e) - x0;
  const height = Math.ceil(m.d * (r.top + r.height) + m.f) - y0;
  const sheet = patternSheet(pattern, m.a, m.d, width, height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(r.left, r.top, r.width, r.height);
  ctx.clip();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(sheet, 0, 0, width, height, x0, y0, width, height);
  ctx.restore();
}

/** The spacing of each pattern's marks in CSS pixels (its repeating unit). */
const PERIOD: Record<Exclude<FillPattern, 'solid'>, { x: number; y: number }> = {
  diagonal: { x: 5, y: 5 },
  cross: { x: 5, y: 5 },
  horizontal: { x: 5, y: 4 },
  dots: { x: 5, y: 8 },
};

/** In CSS pixels; at scale 2, 40 of a diagonal unit's 100 pixels are the series colour against 31 at 0. */
const HATCH_PHASE = 0.375;

/** Per pattern and scale: its repeating unit, and the largest sheet made of it so far. */
const drawn = new Map<string, { tile: Canvas; sheet: Canvas | null }>();

/**
 * A pattern (white marks on a transparent ground) on a sheet of at least width × height
 * device pixels: its repeating unit copied side by side, so that every sheet of a pattern
 * holds the same pixels wherever it has them (a report's bytes must not depend on which
 * charts its thread drew before). A larger sheet replaces a smaller one.
 */
function patternSheet(pattern: Exclude<FillPattern, 'solid'>, scaleX: number, scaleY: number, width: number, height: number): Canvas {
  const key = `${pattern} ${scaleX} ${scaleY}`;
  let entry = drawn.get(key);
  if (!entry) {
    entry = { tile: patternTile(pattern, scaleX, scaleY), sheet: null };
    drawn.set(key, entry);
  }
  const { tile, sheet: known } = entry;
  if (known && known.width >= width && known.height >= height) return known;
  const columns = Math.ceil(Math.max(width, known?.width ?? 0, 256) / tile.width);
  const rows = Math.ceil(Math.max(height, known?.height ?? 0, 64) / tile.height);
  const canvas = loadedChartRuntime().createCanvas(columns * tile.width, rows * tile.height);
  const ctx = canvas.getContext('2d');
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) ctx.drawImage(tile, column * tile.width, row * tile.height);
  entry.sheet = canvas;
  return canvas;
}

/** One repeating unit of a pattern, in whole device pixels so that the units meet without a seam. */
function patternTile(pattern: Exclude<FillPattern, 'solid'>, scaleX: number, scaleY: number): Canvas {
  const period = PERIOD[pattern];
  const width = Math.max(1, Math.round(period.x * scaleX));
  const height = Math.max(1, Math.round(period.y * scaleY));
  const canvas = loadedChartRuntime().createCanvas(width, height);
  const t = canvas.getContext('2d');
  t.scale(width / period.x, height / period.y);
  t.fillStyle = '#ffffff';
  t.strokeStyle = '#ffffff';
  t.lineWidth = 1.6;
  t.beginPath();
  // Each mark is drawn with its neighbours' copies that reach into the unit. The lines are
  // moved off the pixel corners by HATCH_PHASE: more of their pixels are wholly white or
  // wholly the series colour, fewer half-tones.
  const { x: px, y: py } = period;
  if (pattern === 'diagonal' || pattern === 'cross') {
    for (const c of [0, px, 2 * px]) {
      t.moveTo(c + HATCH_PHASE + 1, -1);
      t.lineTo(c + HATCH_PHASE - py - 1, py + 1);
    }
  }
  if (pattern === 'cross') {
    for (const c of [-px, 0, px]) {
      t.moveTo(c - HATCH_PHASE - 1, -1);
      t.lineTo(c - HATCH_PHASE + py + 1, py + 1);
    }
  }
  if (pattern === 'horizontal') {
    // At 2.25 a line of 1.6 spans device rows 3–5 whole at scale 2 (crisp, not grey).
    t.moveTo(-1, 2.25);
    t.lineTo(px + 1, 2.25);
  }
  t.stroke();
  if (pattern === 'dots') {
    // Rows 4 apart, every other row shifted by half the spacing; no row starts with a dot cut
    // by the rectangle's left edge.
    t.beginPath();
    for (const [x, y] of [
      [3.75, 2.5],
      [1.25, 6.5],
    ] as const) {
      for (const dx of [-px, 0, px]) {
        for (const dy of [-py, 0, py]) {
          t.moveTo(x + dx + 1.1, y + dy);
          t.arc(x + dx, y + dy, 1.1, 0, 2 * Math.PI);
        }
      }
    }
    t.fill();
  }
  return canvas;
}

/** A CI whisker from `from` to `to` along one axis at position `at` on the other, with caps. */
export function drawWhisker(
  ctx: Ctx,
  orientation: 'horizontal' | 'vertical',
  from: number,
  to: number,
  at: number,
  cap: number,
  color: string,
  halo: boolean,
): void {
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineCap = 'butt';
  ctx.beginPath();
  if (orientation === 'horizontal') {
    ctx.moveTo(from, at);
    ctx.lineTo(to, at);
    for (const end of [from, to]) {
      ctx.moveTo(end, at - cap);
      ctx.lineTo(end, at + cap);
    }
  } else {
    ctx.moveTo(at, from);
    ctx.lineTo(at, to);
    for (const end of [from, to]) {
      ctx.moveTo(at - cap, end);
      ctx.lineTo(at + cap, end);
    }
  }
  if (halo) {
    // A thin white halo keeps the whisker visible over dark or patterned bars.
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.4;
    ctx.stroke();
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.restore();
}

/**
 * A reference marker centred on (x, y): ◆ diamond, ■ square or ● circle, filled in ink with a
 * white rim so it stands out on bars of any colour and pattern.
 */
export function drawMarker(ctx: Ctx, symbol: MarkerSymbol, x: number, y: number, radius: number): void {
  ctx.save();
  ctx.beginPath();
  if (symbol === '◆') {
    ctx.moveTo(x, y - radius);
    ctx.lineTo(x + radius, y);
    ctx.lineTo(x, y + radius);
    ctx.lineTo(x - radius, y);
    ctx.closePath();
  } else if (symbol === '■') {
    const r = radius * 0.8;
    ctx.rect(x - r, y - r, 2 * r, 2 * r);
  } else {
    ctx.arc(x, y, radius * 0.85, 0, 2 * Math.PI);
  }
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.fill();
  ctx.restore();
}

/** A dashed vertical rule (reference lines, series breaks). */
export function verticalRule(
  ctx: Ctx,
  x: number,
  top: number,
  bottom: number,
  style: { color: string; width: number; dash: number[] },
): void {
  ctx.save();
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.setLineDash(style.dash);
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, bottom);
  ctx.stroke();
  ctx.restore();
}

/** Text with a white halo so it stays legible over grid lines, whiskers and lines. */
export function haloText(
  ctx: Ctx,
  text: string,
  x: number,
  y: number,
  opts: { color?: string; size?: number; weight?: 400 | 600; align?: 'left' | 'right' | 'center' } = {},
): void {
  ctx.save();
  ctx.font = font(opts.size ?? 12.5, opts.weight ?? 400);
  ctx.textAlign = opts.align ?? 'left';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = '#ffffff';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = opts.color ?? INK;
  ctx.fillText(text, x, y);
  ctx.restore();
}

/**
 * Moves label positions apart so neighbours are at least `gap` apart, keeping the order
 * and staying within [min, max] where possible. Returns positions in the input order.
 */
export function spreadLabels(positions: number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const placed = order.map((o) => o.p);
  for (let k = 0; k < placed.length; k++) {
    placed[k] = Math.max(placed[k] ?? 0, k > 0 ? (placed[k - 1] ?? 0) + gap : min);
  }
  const overflow = (placed[placed.length - 1] ?? max) - max;
  if (overflow > 0) {
    for (let k = placed.length - 1; k >= 0; k--) {
      const limit = k < placed.length - 1 ? (placed[k + 1] ?? 0) - gap : max;
      placed[k] = Math.max(min, Math.min(placed[k] ?? 0, limit));
    }
  }
  const result = new Array<number>(positions.length);
  order.forEach((o, k) => {
    result[o.i] = placed[k] ?? o.p;
  });
  return result;
}

export interface LegendItem {
  label: string;
  /** Draws the key into a 22 × 12 box whose top-left corner is (x, y). */
  drawKey: (ctx: Ctx, x: number, y: number) => void;
}

export interface LegendLayout {
  height: number;
  place: { item: LegendItem; x: number; y: number }[];
}

const LEGEND_KEY = 22;
/** Top of the first legend row. */
const LEGEND_TOP = 2;

/** Lays legend items out left to right, wrapping to new rows within `width`. */
export function layoutLegend(ctx: Ctx, items: LegendItem[], left: number, width: number): LegendLayout {
  ctx.save();
  ctx.font = font(13);
  const place: LegendLayout['place'] = [];
  let x = left;
  let y = LEGEND_TOP;
  for (const item of items) {
    const w = LEGEND_KEY + 6 + ctx.measureText(item.label).width;
    if (x > left && x + w > left + width) {
      x = left;
      y += LEGEND_ROW;
    }
    place.push({ item, x, y });
    x += w + 18;
  }
  ctx.restore();
  return { height: items.length > 0 ? y - LEGEND_TOP + LEGEND_ROW + LEGEND_PAD : 0, place };
}

export function drawLegend(ctx: Ctx, legend: LegendLayout): void {
  for (const { item, x, y } of legend.place) {
    item.drawKey(ctx, x, y + 2);
    ctx.save();
    ctx.font = font(13);
    ctx.fillStyle = INK;
    ctx.textBaseline = 'middle';
    ctx.fillText(item.label, x + LEGEND_KEY + 6, y + 8);
    ctx.restore();
  }
}

/** Paints the whole canvas white first, so the PNG is opaque. */
export function whiteBackground<T extends 'bar' | 'line'>(): Plugin<T> {
  return {
    id: 'lagesbildWhiteBackground',
    beforeDraw(chart) {
      const c = chart.ctx as Ctx;
      c.save();
      c.fillStyle = '#ffffff';
      c.fillRect(0, 0, chart.width, chart.height);
      c.restore();
    },
  };
}
