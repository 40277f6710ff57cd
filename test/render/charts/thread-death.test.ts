// The chart thread is a worker too: when it dies in the middle of a report, the charts it
// owed are drawn in this thread instead, the same bytes as ever, and the thread is not used
// again. (The batch workers' deaths are tested in test/robustness/worker-death.test.ts.)
import { describe, expect, it, vi } from 'vitest';
import type { ChartSpec, FigureBlock } from '../../../src/report/model.js';
import { sampleDocument } from '../../fixtures/sample-document.js';

const DYING = new URL('./fixtures/dying-chart-worker.mjs', import.meta.url);
let created = 0;

vi.mock('../../../src/render/charts/offthread.js', async (original) => {
  const real = await original<typeof import('../../../src/render/charts/offthread.js')>();
  let thread: InstanceType<typeof real.ChartThread> | undefined;
  return {
    ...real,
    chartThread: () => {
      if (!thread) {
        thread = new real.ChartThread(DYING);
        created++;
      }
      return thread.usable ? thread : null;
    },
  };
});

const { renderChartPng } = await import('../../../src/render/charts/index.js');
const { paintChartPng } = await import('../../../src/render/charts/paint.js');
const { chartSize } = await import('../../../src/render/charts/layout.js');

const charts: ChartSpec[] = sampleDocument('sv')
  .chapters.flatMap((c) => c.blocks)
  .filter((b): b is FigureBlock => b.type === 'figure')
  .map((f) => f.chart);

describe('a chart thread that dies', () => {
  it('every chart it owed is drawn here instead, byte for byte as the thread would have', async () => {
    expect(charts.length).toBeGreaterThanOrEqual(2);
    const pngs = await Promise.all(charts.map((c) => renderChartPng(c)));
    for (const [i, c] of charts.entries()) {
      const size = chartSize(c);
      expect(pngs[i]!.equals(await paintChartPng(c, { width: size.width, height: size.height, scale: 2 })), `chart ${i}`).toBe(true);
    }
    expect(created).toBe(1); // not restarted for every chart
  });
});
