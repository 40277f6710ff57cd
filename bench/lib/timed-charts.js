// The chart renderer's public API, with renderChartPng timed (see chart-hook.js). Renders
// may run concurrently (on the renderer's own thread, several in flight), so the time counted
// is while at least one render is in flight: wall time, and the process's CPU time then.
import { renderChartPng as render } from '../../dist/render/charts/index.js';

export * from '../../dist/render/charts/index.js';

const now = () => {
  const u = process.cpuUsage();
  return { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
};

/** Time with a chart render in flight (ms), and the number of calls, so far. */
export const chartTime = { wall: 0, cpu: 0, calls: 0 };
let inFlight = 0;
let since = now();

export function renderChartPng(spec, opts) {
  if (inFlight++ === 0) since = now();
  chartTime.calls++;
  const settle = () => {
    if (--inFlight > 0) return;
    const t = now();
    chartTime.wall += t.wall - since.wall;
    chartTime.cpu += t.cpu - since.cpu;
  };
  const png = render(spec, opts);
  png.then(settle, settle);
  return png;
}
