// The chart renderer's public API, with renderChartPng timed (see chart-hook.js).
import { renderChartPng as render } from '../../dist/render/charts/index.js';

export * from '../../dist/render/charts/index.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU time spent in renderChartPng (ms), and the number of calls, so far. */
export const chartTime = { wall: 0, cpu: 0, calls: 0 };

export async function renderChartPng(spec, opts) {
  const wall = performance.now();
  const cpu = cpuMs();
  try {
    return await render(spec, opts);
  } finally {
    chartTime.wall += performance.now() - wall;
    chartTime.cpu += cpuMs() - cpu;
    chartTime.calls++;
  }
}
