// The chart thread: draws the charts it is sent (see offthread.ts) and answers with PNGs.

import { parentPort } from 'node:worker_threads';
import type { ChartRequest, ChartResponse } from './offthread.js';
import { paintChartPng } from './paint.js';

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: ChartRequest) => {
    paintChartPng(request.spec, request.size).then(
      (png) => port.postMessage({ id: request.id, png } satisfies ChartResponse),
      (err: unknown) => port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) } satisfies ChartResponse),
    );
  });
}
