// Horizontal bar chart: one bar per series and category, patterned fills, 95 % CI
// whiskers, the printed value at each bar ("18 %", ".."), a legend and an optional
// reference line.

import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChartSpec } from '../../report/model.js';
import {
  type Ctx,
  drawLegend,
  drawMarker,
  drawWhisker,
  font,
  haloText,
  inkOffset,
  layoutLegend,
  type LegendItem,
  paintPattern,
  verticalRule,
  whiteBackground,
  widestText,
} from './draw.js';
import { formatTick } from './format.js';
import { BAR_PERCENTAGE, CATEGORY_PERCENTAGE, valueAxis, wrapLabel } from './layout.js';
import { GRID, INK, MUTED_INK, seriesStyle } from './palette.js';

type BarConfig = ChartConfiguration<'bar', (number | null)[], string[]>;

const LABEL_GAP = 6;
const REFERENCE_RULE = { color: INK, width: 1.5, dash: [5, 3] };
/** Half the width of a reference marker at its largest. */
const MARKER_RADIUS = 6;

export function barChartConfig(spec: ChartSpec, ctx: Ctx, width: number, scale: number): BarConfig {
  const axis = valueAxis(spec);
  const reference = spec.reference ?? null;
  const referenceText = reference ? `${reference.label} (${formatTick(reference.value, spec.unit, spec.lang)})` : '';

  const items: LegendItem[] = spec.series.map((s, i) => {
    const style = seriesStyle(i);
    return {
      label: s.label,
      drawKey: (c, x, y) => {
        c.save();
        c.fillStyle = style.color;
        c.fillRect(x, y, 22, 12);
        c.restore();
        paintPattern(c, style.pattern, { left: x, top: y, width: 22, height: 12 });
      },
    };
  });
  if (reference) {
    items.push({
      label: referenceText,
      drawKey: (c, x, y) => verticalRule(c, x + 11, y - 1, y + 13, REFERENCE_RULE),
    });
  }
  const markers = spec.markers ?? [];
  for (const m of markers) items.push({ label: m.label, drawKey: (c, x, y) => drawMarker(c, m.symbol, x + 11, y + 6, MARKER_RADIUS) });
  const legend = layoutLegend(ctx, items, 4, width - 8);

  // Room right of the axis for the longest value label beyond the largest whisker (or marker).
  const labelWidth = widestText(ctx, font(12.5), spec.series.flatMap((s) => s.valueLabels)) + (markers.length > 0 ? MARKER_RADIUS : 0);

  const overlay: Plugin<'bar'> = {
    id: 'lagesbildBarOverlay',
    afterDatasetsDraw(chart) {
      const c = chart.ctx as Ctx;
      const x = chart.scales['x'];
      if (!x) return;
      const bars = spec.series.map((_, i) =>
        chart.getDatasetMeta(i).data.map(
          (element) =>
            element.getProps(['x', 'y', 'base', 'height'], true) as { x: number; y: number; base: number; height: number },
        ),
      );
      // Layers: patterns, then the reference line, then whiskers and labels on top.
      spec.series.forEach((s, i) => {
        bars[i]?.forEach((bar, j) => {
          if (s.values[j] === null || s.values[j] === undefined) return;
          const rect = { left: Math.min(bar.base, bar.x), top: bar.y - bar.height / 2, width: Math.abs(bar.x - bar.base), height: bar.height };
          paintPattern(c, seriesStyle(i).pattern, rect);
        });
      });
      if (reference) {
        verticalRule(c, x.getPixelForValue(reference.value), chart.chartArea.top, chart.chartArea.bottom, REFERENCE_RULE);
      }
      spec.series.forEach((s, i) => {
        bars[i]?.forEach((bar, j) => {
          const value = s.values[j] ?? null;
          const lower = s.lower[j] ?? null;
          const upper = s.upper[j] ?? null;
          if (value !== null && lower !== null && upper !== null) {
            const cap = Math.min(bar.height * 0.3, 5);
            drawWhisker(c, 'horizontal', x.getPixelForValue(lower), x.getPixelForValue(upper), bar.y, cap, INK, true);
          }
          const marked: number[] = [];
          for (const m of markers) {
            const v = m.values[i]?.[j] ?? null;
            if (v === null) continue;
            drawMarker(c, m.symbol, x.getPixelForValue(v), bar.y, Math.min(bar.height * 0.45, MARKER_RADIUS));
            marked.push(v);
          }
          // The label follows the bar and its whisker; a marker in its way moves it past the marker.
          const text = s.valueLabels[j] ?? '..';
          let at = x.getPixelForValue(Math.max(value ?? 0, upper ?? 0)) + LABEL_GAP;
          const width = widestText(c, font(12.5), [text]);
          for (const px of marked.map((v) => x.getPixelForValue(v)).sort((a, b) => a - b)) {
            if (px + MARKER_RADIUS >= at - LABEL_GAP / 2 && px - MARKER_RADIUS <= at + width) at = px + MARKER_RADIUS + LABEL_GAP;
          }
          haloText(c, text, at, bar.y - inkOffset(c, font(12.5), text), { color: INK });
        });
      });
    },
    afterDraw(chart) {
      drawLegend(chart.ctx as Ctx, legend);
    },
  };

  return {
    type: 'bar',
    data: {
      labels: spec.categories.map((c) => wrapLabel(c)),
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: seriesStyle(i).color,
        borderWidth: 0,
        categoryPercentage: CATEGORY_PERCENTAGE,
        barPercentage: BAR_PERCENTAGE,
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: scale,
      layout: { padding: { top: legend.height, right: labelWidth + LABEL_GAP + 4, left: 4, bottom: 2 } },
      scales: {
        x: {
          min: 0,
          max: axis.max,
          ticks: { stepSize: axis.step, callback: (v) => formatTick(Number(v), spec.unit, spec.lang), color: MUTED_INK, padding: 5 },
          title: { display: true, text: spec.axisLabel, color: INK, padding: { top: 2, bottom: 0 } },
          // No tick marks below the axis: the grid lines and labels say where the ticks are.
          grid: { color: GRID, drawTicks: false },
          border: { display: false },
        },
        y: {
          ticks: { color: INK, autoSkip: false },
          grid: { display: false },
          border: { color: MUTED_INK },
        },
      },
    },
    plugins: [whiteBackground(), overlay],
  };
}
