// A worker thread of segments.ts: sums the segments it is sent and sends the sums back (their
// arrays moved, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { partsBuffers } from './accumulate.js';
import { sumSegment, type SegmentJob, type SegmentSetup } from './segments.js';

if (parentPort) {
  const port = parentPort;
  const setup = workerData as SegmentSetup;
  port.on('message', (job: SegmentJob) => {
    void sumSegment(setup, job).then((result) => port.postMessage(result, result.ok ? partsBuffers(result.parts) : []));
  });
}
