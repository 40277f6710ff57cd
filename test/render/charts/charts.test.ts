import { existsSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it, vi } from 'vitest';
import { chartSize, contrastRatio, fontPath, renderChartPng, SERIES_STYLES } from '../../../src/render/charts/index.js';
import { type Ctx, font, inkOffset, spreadLabels } from '../../../src/render/charts/draw.js';
import { formatPercent } from '../../../src/render/charts/format.js';
import { BAR_PERCENTAGE, BAR_SLOT, CATEGORY_PERCENTAGE, legendLabels, legendRows, valueAxis, wrapLabel } from '../../../src/render/charts/layout.js';
import { loadChartRuntime } from '../../../src/render/charts/runtime.js';
import { chartCanvas, paintChartPng } from '../../../src/render/charts/paint.js';
import type { ChartSpec, FigureBlock } from '../../../src/report/model.js';
import { sampleDocument } from '../../fixtures/sample-document.js';

function figures(lang: 'sv' | 'en'): FigureBlock[] {
  return sampleDocument(lang)
    .chapters.flatMap((c) => c.blocks)
    .filter((b): b is FigureBlock => b.type === 'figure');
}

function spec(type: 'bar' | 'line'): ChartSpec {
  const f = figures('sv').find((x) => x.chart.type === type);
  if (!f) throw new Error(`fixture has no ${type} chart`);
  return f.chart;
}

/** Decoded RGBA pixels of a PNG. */
async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

function countColour(data: Uint8ClampedArray, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
  return n;
}

function ihdr(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), depth: png[24], colourType: png[25] };
}

describe('renderChartPng', () => {
  it('renders a bar chart as an opaque indexed-colour PNG at 2× the layout size', async () => {
    const s = spec('bar');
    const png = await renderChartPng(s);
    const size = chartSize(s);
    expect(ihdr(png)).toEqual({ width: size.width * 2, height: size.height * 2, depth: 8, colourType: 3 });
    const { data } = await pixels(png);
    expect([data[0], data[1], data[2], data[3]]).toEqual([255, 255, 255, 255]);
    // The first two series' colours are drawn as bars, not only as legend keys (2 × 22 × 12 px).
    expect(countColour(data, SERIES_STYLES[0]!.color)).toBeGreaterThan(20_000);
    expect(countColour(data, SERIES_STYLES[1]!.color)).toBeGreaterThan(8_000);
  });

  it('draws no bar for a suppressed value (only the legend key keeps the colour)', async () => {
    const s = spec('bar');
    const hidden: ChartSpec = {
      ...s,
      series: s.series.map((x, i) =>
        i === 1
          ? { ...x, values: x.values.map(() => null), lower: x.lower.map(() => null), upper: x.upper.map(() => null), valueLabels: x.values.map(() => '..') }
          : x,
      ),
    };
    const { data } = await pixels(await renderChartPng(hidden, { scale: 1 }));
    const legendKey = 22 * 12;
    expect(countColour(data, SERIES_STYLES[1]!.color)).toBeLessThanOrEqual(legendKey);
    expect(countColour(data, SERIES_STYLES[1]!.color)).toBeGreaterThan(legendKey / 4);
  });

  it('draws byte-identical images every time, for bar and line charts', async () => {
    for (const type of ['bar', 'line'] as const) {
      const size = { ...chartSize(spec(type)), scale: 2 };
      const a = await paintChartPng(spec(type), size);
      const b = await paintChartPng(spec(type), size);
      expect(a.equals(b)).toBe(true);
      expect(a.equals(await renderChartPng(spec(type)))).toBe(true);
    }
  });

  it('draws the same image on the kept canvas, larger and drawn on before, as on a new canvas of its size', async () => {
    // A fresh copy of the module has no canvas kept: its first chart gets a new canvas of
    // exactly its size. Then a wider and taller chart makes the kept canvas grow, and the
    // first is drawn again in its corner. (State planted on the kept canvas — a transform,
    // alpha, blur, pixels — was reset before the next chart in every try: this guards
    // against what a later version might not reset.)
    for (const [first, other] of [['bar', 'line'], ['line', 'bar']] as const) {
      vi.resetModules();
      const { paintChartPng: paintFresh } = await import('../../../src/render/charts/paint.js');
      const size = { ...chartSize(spec(first), 517), width: 517, scale: 2 };
      const fresh = await paintFresh(spec(first), size);
      const bigger = { ...chartSize(spec(other), 700), width: 700, scale: 2 };
      bigger.height = Math.max(bigger.height, size.height + 40);
      const between = await paintFresh(spec(other), bigger);
      expect(ihdr(between)).toMatchObject({ width: 1400, height: 2 * bigger.height });
      expect((await paintFresh(spec(first), size)).equals(fresh)).toBe(true);
    }
  });

  it("gives Chart.js a canvas whose size, set as Chart.js does at every chart, clears the chart's corner and resets the context", () => {
    const backing = createCanvas(300, 200);
    const ctx = backing.getContext('2d') as Ctx;
    const canvas = chartCanvas(backing, ctx, { width: 120, height: 80 });
    ctx.fillStyle = '#1f5f8b';
    ctx.fillRect(0, 0, 300, 200);
    ctx.globalAlpha = 0.25;
    ctx.setTransform(2, 0, 0, 2, 5, 5);
    ctx.save();
    canvas.height = 80;
    canvas.width = 120;
    expect([canvas.width, canvas.height, backing.width, backing.height]).toEqual([120, 80, 300, 200]);
    expect(ctx.getImageData(10, 10, 1, 1).data[3]).toBe(0); // cleared
    expect(ctx.globalAlpha).toBe(1);
    expect(ctx.getTransform().isIdentity).toBe(true);
    expect(ctx.canvas).toBe(backing);
    // A size larger than the backing canvas makes it grow (a new surface, cleared).
    canvas.height = 260;
    expect([canvas.width, canvas.height, backing.width, backing.height]).toEqual([120, 260, 300, 260]);
  });

  it('draws a chart once per spec and size, and again for another size or spec', async () => {
    const s = spec('line');
    const first = renderChartPng(s, { width: 420 });
    expect(renderChartPng({ ...s }, { width: 420 })).toBe(first); // an equal spec is the same chart
    expect(renderChartPng(s, { width: 421 })).not.toBe(first);
    const other = { ...s, series: s.series.slice(0, 2) };
    expect((await renderChartPng(other, { width: 420 })).equals(await first)).toBe(false);
  });

  it('honours width, height and scale', async () => {
    const png = await renderChartPng(spec('line'), { width: 400, height: 250, scale: 2 });
    expect(ihdr(png)).toMatchObject({ width: 800, height: 500, colourType: 3 });
  });

  it('renders the English variant too (different bytes from Swedish ticks and labels)', async () => {
    const en = figures('en').find((f) => f.chart.type === 'line');
    const sv = figures('sv').find((f) => f.chart.type === 'line');
    const [a, b] = [await renderChartPng(en!.chart, { scale: 1 }), await renderChartPng(sv!.chart, { scale: 1 })];
    expect(a.equals(b)).toBe(false);
  });
});

describe('renderChartPng edge cases', () => {
  const flat = (breaksBefore: number[]): ChartSpec => ({
    type: 'line',
    categories: ['2019', '2021', '2023'],
    series: [{ label: 'Totalt', values: [20, 20, 20], lower: [null, null, null], upper: [null, null, null], valueLabels: ['20 %', '20 %', '20 %'] }],
    axisLabel: 'Andel (%)',
    breaksBefore,
    lang: 'sv',
  });

  it('draws no line into a wave after a series break', async () => {
    const colour = SERIES_STYLES[0]!.color;
    const whole = countColour((await pixels(await renderChartPng(flat([]), { scale: 1 }))).data, colour);
    const broken = countColour((await pixels(await renderChartPng(flat([2]), { scale: 1 }))).data, colour);
    // One of the two segments (about 180 px long) is missing: at least one full pixel row.
    expect(whole - broken).toBeGreaterThan(100);
  });

  it('draws a reference marker at each bar that has a reference value, names it in the legend and fits it on the axis', async () => {
    const s: ChartSpec = { ...spec('bar'), reference: null };
    const at = (v: number): ChartSpec => ({ ...s, markers: [{ label: 'Riket', symbol: '◆', values: s.series.map((x, i) => x.values.map((_, j) => (i === 0 && j === 0 ? v : null))) }] });
    const ink = async (c: ChartSpec) => countColour((await pixels(await renderChartPng(c, { scale: 1 }))).data, '#1a1a1a');
    // A diamond and its legend key (solid ink inside their anti-aliased edges), beyond the plain
    // chart's ink: about 58 pixels in the legend and 24 at the bar, less what the legend's new
    // row moves (38–48 net, by the patterns beneath edge pixels). Without the bar's diamond: about 14.
    expect((await ink(at(2))) - (await ink(s))).toBeGreaterThan(30);
    expect(legendLabels(at(2), '')).toEqual([...s.series.map((x) => x.label), 'Riket']);
    expect(valueAxis(s).max).toBe(50);
    expect(valueAxis(at(70)).max).toBe(80);
  });

  it('renders a single-series bar chart and a line chart with gaps and an all-suppressed series', async () => {
    const s = spec('bar');
    const single: ChartSpec = { ...s, series: s.series.slice(0, 1), reference: null };
    expect(ihdr(await renderChartPng(single, { scale: 1 }))).toMatchObject({ width: 640, height: chartSize(single).height });
    const l = spec('line');
    const gaps: ChartSpec = {
      ...l,
      series: l.series.map((x, i) => (i === 0 ? { ...x, values: [x.values[0] ?? null, null, x.values[2] ?? null] } : i === 1 ? { ...x, values: x.values.map(() => null) } : x)),
    };
    expect(ihdr(await renderChartPng(gaps, { scale: 1 })).colourType).toBe(3);
  });
});

describe('chart layout and style', () => {
  it('bar charts grow with the number of categories, line charts keep their aspect', () => {
    const s = spec('bar');
    const fewer = { ...s, categories: s.categories.slice(0, 2), series: s.series.map((x) => ({ ...x, values: x.values.slice(0, 2) })) };
    // Each category adds its series' bar slots and the gap between groups.
    const perCategory = (chartSize(s).height - chartSize(fewer).height) / (s.categories.length - 2);
    expect(perCategory).toBeGreaterThanOrEqual(s.series.length * BAR_SLOT.multi);
    expect(perCategory).toBeLessThan(s.series.length * BAR_SLOT.multi * 1.3);
    expect(chartSize(spec('line'), 640)).toEqual({ width: 640, height: 320 });
    // Narrow line charts keep enough height for their lines, plus their legend's rows.
    const rows = legendRows(spec('line').series.map((x) => `${x.label} (..)`), 360);
    expect(chartSize(spec('line'), 360)).toEqual({ width: 360, height: 250 + 20 * rows + 6 });
  });

  it('gives bar labels room: "(..)" is taller than a percentage, and its chart has taller slots; labels are centred on their bars by their ink', async () => {
    const { createCanvas: canvasOf } = await loadChartRuntime(); // registers the chart font
    const c = canvasOf(10, 10).getContext('2d') as unknown as Ctx;
    const ink = (text: string) => {
      c.font = font(12.5);
      c.textBaseline = 'middle';
      const m = c.measureText(text);
      return { height: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent, middle: (m.actualBoundingBoxDescent - m.actualBoundingBoxAscent) / 2 };
    };
    // haloText's white outline reaches this far beyond the ink: a label must keep its neighbour's
    // ink (one slot away) and the next bar's edge (half a bar away) out of it.
    const HALO = 3.5 / 2;
    const fits = (text: string, slot: number) => {
      const h = ink(text).height;
      return h + HALO <= slot && h / 2 + HALO <= slot - (slot * BAR_PERCENTAGE) / 2;
    };
    expect(fits('18 %*', BAR_SLOT.multi)).toBe(true);
    expect(fits('(..)', BAR_SLOT.multi)).toBe(false); // why the taller slots
    expect(fits('(..)', BAR_SLOT.multiTall)).toBe(true);
    for (const text of ['..', '(..)', '18 %*']) expect(inkOffset(c, font(12.5), text)).toBeCloseTo(ink(text).middle, 9);
    expect(inkOffset(c, font(12.5), '..')).toBeGreaterThan(2); // the dots sit low in the em box

    const s = spec('bar');
    const marked: ChartSpec = { ...s, series: s.series.map((x, i) => (i === 0 ? { ...x, valueLabels: x.valueLabels.map((l, j) => (j === 0 ? '(..)' : l)) } : x)) };
    const extra = chartSize(marked).height - chartSize(s).height;
    expect(extra).toBe(Math.round(chartSize(s).height + s.categories.length * s.series.length * ((BAR_SLOT.multiTall - BAR_SLOT.multi) / CATEGORY_PERCENTAGE)) - chartSize(s).height);
  });

  it('names a narrow line chart’s series in a legend above it, a wide one’s at the line ends', async () => {
    const colour = SERIES_STYLES[0]!.color;
    const topRows = async (width: number) => {
      const png = await renderChartPng(spec('line'), { width, scale: 1 });
      const { data } = await pixels(png);
      return countColour(data.subarray(0, width * 4 * 20), colour);
    };
    expect(await topRows(360)).toBeGreaterThan(20); // the first legend key
    expect(await topRows(640)).toBe(0);
  });

  it('reserves a legend row for every row the legend wraps to', () => {
    expect(legendRows(['Flickor', 'Pojkar', 'Totalt'], 640)).toBe(1);
    expect(legendRows(['Flickor', 'Pojkar', 'Totalt', 'Norrbacka län (13,7 %)'], 360)).toBe(2);
    const s = spec('bar');
    const labels = legendLabels(s, `${s.reference?.label ?? ''} (00 %)`);
    expect(legendRows(labels, 300)).toBeGreaterThan(legendRows(labels, 640));
    expect(chartSize(s, 300).height - chartSize(s, 640).height).toBe(20 * (legendRows(labels, 300) - legendRows(labels, 640)));
  });

  it('wraps long category labels at word boundaries', () => {
    expect(wrapLabel('Hedersrelaterade begränsningar')).toEqual(['Hedersrelaterade', 'begränsningar']);
    expect(wrapLabel('Fysiskt våld')).toEqual(['Fysiskt våld']);
  });

  it('fits the value axis to the CI upper limits and reference value', () => {
    expect(valueAxis(spec('bar'))).toEqual({ max: 50, step: 10 });
    expect(valueAxis({ ...spec('line'), max: 40 })).toEqual({ max: 40, step: 10 });
  });

  it('formats axis ticks per language', () => {
    expect(formatPercent(20, 'sv')).toBe('20\u00a0%');
    expect(formatPercent(12.5, 'sv')).toBe('12,5\u00a0%');
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
  });

  it('uses colours with ≥ 4.5:1 contrast on white, and distinct patterns, dashes and markers', () => {
    for (const s of SERIES_STYLES) expect(contrastRatio(s.color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    const distinct = (xs: string[]) => new Set(xs).size === xs.length;
    expect(distinct(SERIES_STYLES.map((s) => s.color))).toBe(true);
    expect(distinct(SERIES_STYLES.map((s) => s.pattern))).toBe(true);
    expect(distinct(SERIES_STYLES.map((s) => s.dash.join(',')))).toBe(true);
    expect(distinct(SERIES_STYLES.map((s) => s.marker))).toBe(true);
  });

  it('spreads overlapping labels apart, in order and within bounds', () => {
    const ys = spreadLabels([100, 102, 101, 300], 15, 0, 400);
    expect(ys).toEqual([100, 130, 115, 300]);
    const bottom = spreadLabels([395, 398], 15, 0, 400);
    expect(bottom).toEqual([385, 400]);
  });

  it('finds the bundled fonts', () => {
    for (const face of ['Regular', 'Italic', 'SemiBold', 'Bold'] as const) expect(existsSync(fontPath(face))).toBe(true);
  });
});
