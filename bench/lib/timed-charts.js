// The chart renderer's public API, with renderChartPng timed (see chart-hook.js).
import { renderChartPng as render } from '../../dist/render/charts/index.js';

export * from '../../dist/render/charts/index.js';

/** Time spent in renderChartPng (ms) and number of calls, since the process started. */
export const chartTime = { ms: 0, calls: 0 };

export async function renderChartPng(spec, opts) {
  const started = performance.now();
  try {
    return await render(spec, opts);
  } finally {
    chartTime.ms += performance.now() - started;
    chartTime.calls++;
  }
}
