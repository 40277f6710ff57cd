// Canvas drawing primitives shared by the bar and line charts: fill patterns, CI whiskers,
// haloed labels, label spreading and the legend.

import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Plugin } from 'chart.js';
import { FONT_FAMILY } from './assets.js';
import { LEGEND_PAD, LEGEND_ROW } from './layout.js';
import type { MarkerSymbol } from '../../report/model.js';
import type { FillPattern } from './palette.js';
import { INK } from './palette.js';

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
 * Overlays a white pattern on an already filled rectangle, leaving a solid rim so the
 * mark's edge keeps the series colour's contrast.
 */
export function paintPattern(ctx: Ctx, pattern: FillPattern, rect: Rect): void {
  if (pattern === 'solid') return;
  const rim = 1.5;
  const r = { left: rect.left + rim, top: rect.top + rim, width: rect.width - 2 * rim, height: rect.height - 2 * rim };
  if (r.width <= 0 || r.height <= 0) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(r.left, r.top, r.width, r.height);
  ctx.clip();
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.6;
  const right = r.left + r.width;
  const bottom = r.top + r.height;
  const step = 5;
  ctx.beginPath();
  if (pattern === 'diagonal' || pattern === 'cross') {
    for (let x = r.left - r.height; x < right; x += step) {
      ctx.moveTo(x, bottom);
      ctx.lineTo(x + r.height, r.top);
    }
  }
  if (pattern === 'cross') {
    for (let x = r.left; x < right + r.height; x += step) {
      ctx.moveTo(x, bottom);
      ctx.lineTo(x - r.height, r.top);
    }
  }
  if (pattern === 'horizontal') {
    for (let y = r.top + 2; y < bottom; y += 4) {
      ctx.moveTo(r.left, y);
      ctx.lineTo(right, y);
    }
  }
  ctx.stroke();
  if (pattern === 'dots') {
    ctx.beginPath();
    for (let y = r.top + 2.5, row = 0; y < bottom; y += 4, row++) {
      for (let x = r.left + 2 + (row % 2) * 2.5; x < right; x += 5) {
        ctx.moveTo(x + 1.1, y);
        ctx.arc(x, y, 1.1, 0, 2 * Math.PI);
      }
    }
    ctx.fill();
  }
  ctx.restore();
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
