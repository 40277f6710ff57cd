// Line chart over survey waves: one line per series with its own dash and marker, 95 % CI
// whiskers, the printed value at each point, no line across a series break, and direct
// labels at the line ends instead of a legend (on narrow charts, where the labels would
// take half the width, a legend above the chart).

import type { ChartConfiguration, Plugin, PointStyle, ScriptableLineSegmentContext } from 'chart.js';
import type { ChartSpec } from '../../report/model.js';
import {
  type Ctx,
  drawLegend,
  drawWhisker,
  font,
  haloText,
  layoutLegend,
  type LegendLayout,
  spreadLabels,
  verticalRule,
  whiteBackground,
  widestText,
} from './draw.js';
import { formatTick } from './format.js';
import { lineLegendOnTop, valueAxis } from './layout.js';
import type { SeriesStyle } from './palette.js';
import { GRID, INK, MUTED_INK, seriesStyle } from './palette.js';
import type { ChartRuntime } from './runtime.js';

type Point = { x: number; y: number | null };
type LineConfig = ChartConfiguration<'line', Point[]>;

/** Series are dodged sideways (in category units) so their whiskers do not overlap. */
const DODGE = 0.07;
const LABEL_GAP = 15;
const KEY_WIDTH = 26;

/** A series' key: a stretch of its dashed line with its marker in the middle. */
function drawKey(c: Ctx, style: SeriesStyle, left: number, y: number, width: number, drawPoint: ChartRuntime['drawPoint']): void {
  c.save();
  c.strokeStyle = style.color;
  c.lineWidth = 2.5;
  c.setLineDash(style.dash);
  c.beginPath();
  c.moveTo(left, y);
  c.lineTo(left + width, y);
  c.stroke();
  c.setLineDash([]);
  c.fillStyle = style.color;
  c.strokeStyle = '#ffffff';
  drawPoint(
    c as unknown as Parameters<ChartRuntime['drawPoint']>[0],
    { pointStyle: style.marker, radius: 4.5, rotation: 0, borderWidth: 1 },
    left + width / 2,
    y,
  );
  c.restore();
}

/** A series with no value at all is still named, marked as not shown. */
function seriesName(s: ChartSpec['series'][number]): string {
  return s.values.every((v) => v === null) ? `${s.label} (..)` : s.label;
}

export function lineChartConfig(
  spec: ChartSpec,
  ctx: Ctx,
  width: number,
  scale: number,
  drawPoint: ChartRuntime['drawPoint'],
): LineConfig {
  const axis = valueAxis(spec);
  const n = spec.series.length;
  const dodge = (i: number) => (i - (n - 1) / 2) * DODGE;
  const breaks = new Set(spec.breaksBefore ?? []);

  const legend: LegendLayout | null = lineLegendOnTop(width)
    ? layoutLegend(
        ctx,
        spec.series.map((s, i) => ({
          label: seriesName(s),
          drawKey: (c, x, y) => drawKey(c, seriesStyle(i), x, y + 6, 22, drawPoint),
        })),
        4,
        width - 8,
      )
    : null;
  const nameWidth = legend ? 0 : widestText(ctx, font(13, 600), spec.series.map(seriesName));

  const overlay: Plugin<'line'> = {
    id: 'lagesbildLineOverlay',
    beforeDatasetsDraw(chart) {
      const c = chart.ctx as Ctx;
      const x = chart.scales['x'];
      if (!x) return;
      // A thin dashed rule marks each series break.
      for (const b of breaks) {
        const rule = { color: MUTED_INK, width: 1, dash: [3, 3] };
        verticalRule(c, x.getPixelForValue(b - 0.5), chart.chartArea.top, chart.chartArea.bottom, rule);
      }
      // Whiskers under the lines and markers.
      const y = chart.scales['y'];
      if (!y) return;
      spec.series.forEach((s, i) => {
        const color = seriesStyle(i).color;
        s.values.forEach((v, j) => {
          const lower = s.lower[j] ?? null;
          const upper = s.upper[j] ?? null;
          if (v === null || lower === null || upper === null) return;
          const px = x.getPixelForValue(j + dodge(i));
          drawWhisker(c, 'vertical', y.getPixelForValue(lower), y.getPixelForValue(upper), px, 4, color, false);
        });
      });
    },
    afterDatasetsDraw(chart) {
      const c = chart.ctx as Ctx;
      const x = chart.scales['x'];
      const y = chart.scales['y'];
      if (!x || !y) return;
      const area = chart.chartArea;

      // Value labels: one column beside each wave's points, spread so they never overlap;
      // left of the first wave (no line there), right of the others.
      const labelAt = (j: number) =>
        j === 0
          ? { x: x.getPixelForValue(dodge(0)) - 9, align: 'right' as const }
          : { x: x.getPixelForValue(j + dodge(n - 1)) + 9, align: 'left' as const };
      spec.categories.forEach((_, j) => {
        // A missing value has no point and no label: the gap in the line and the numbers
        // table show it.
        const entries = spec.series.flatMap((s, i) => {
          const v = s.values[j] ?? null;
          return v === null ? [] : [{ text: s.valueLabels[j] ?? '', y: y.getPixelForValue(v), color: seriesStyle(i).color }];
        });
        const ys = spreadLabels(
          entries.map((e) => e.y),
          LABEL_GAP,
          area.top + 6,
          area.bottom - 6,
        );
        const at = labelAt(j);
        entries.forEach((e, k) => haloText(c, e.text, at.x, ys[k] ?? e.y, { color: e.color, weight: 600, align: at.align }));
      });

      if (legend) return;
      // Direct labels: key (dash and marker) and series name at each line's last value.
      const last = spec.series.map((s) => {
        let j = s.values.length - 1;
        while (j > 0 && s.values[j] === null) j--;
        return y.getPixelForValue(s.values[j] ?? 0);
      });
      const ys = spreadLabels(last, LABEL_GAP + 2, area.top + 6, area.bottom - 6);
      spec.series.forEach((s, i) => {
        const style = seriesStyle(i);
        const left = area.right + 10;
        const at = ys[i] ?? 0;
        drawKey(c, style, left, at, KEY_WIDTH, drawPoint);
        haloText(c, seriesName(s), left + KEY_WIDTH + 6, at, { color: style.color, weight: 600, size: 13 });
      });
    },
    afterDraw(chart) {
      if (legend) drawLegend(chart.ctx as Ctx, legend);
    },
  };

  return {
    type: 'line',
    data: {
      datasets: spec.series.map((s, i) => {
        const style = seriesStyle(i);
        return {
          label: s.label,
          data: s.values.map((v, j) => ({ x: j + dodge(i), y: v })),
          borderColor: style.color,
          backgroundColor: style.color,
          borderDash: style.dash,
          borderWidth: 2.5,
          pointStyle: style.marker as PointStyle,
          pointRadius: 5,
          pointBorderWidth: 1,
          pointBorderColor: '#ffffff',
          pointBackgroundColor: style.color,
          spanGaps: false,
          // No line into a wave that starts a new series (changed question or method).
          segment: { borderColor: (seg: ScriptableLineSegmentContext) => (breaks.has(seg.p1DataIndex) ? 'rgba(0,0,0,0)' : undefined) },
        };
      }),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: scale,
      layout: {
        padding: legend
          ? { top: legend.height + 4, right: 12, left: 4, bottom: 2 }
          : { top: 12, right: 10 + KEY_WIDTH + 6 + nameWidth + 6, left: 4, bottom: 2 },
      },
      scales: {
        x: {
          type: 'linear',
          min: -0.5,
          max: spec.categories.length - 0.5,
          afterBuildTicks: (scaleX) => {
            scaleX.ticks = spec.categories.map((_, j) => ({ value: j }));
          },
          ticks: { callback: (v) => spec.categories[Number(v)] ?? '', color: INK, font: { size: 13.5 } },
          grid: { display: false },
          border: { color: MUTED_INK },
        },
        y: {
          min: 0,
          max: axis.max,
          ticks: { stepSize: axis.step, callback: (v) => formatTick(Number(v), spec.unit, spec.lang), color: MUTED_INK },
          title: { display: true, text: spec.axisLabel, color: INK },
          grid: { color: GRID },
          border: { display: false },
        },
      },
    },
    plugins: [whiteBackground(), overlay],
  };
}
