import { afterEach, describe, expect, it } from 'vitest';
import { ChartThread } from '../../../src/render/charts/offthread.js';
import type { ChartSpec } from '../../../src/report/model.js';

const FAKE = new URL('./fixtures/fake-chart-worker.mjs', import.meta.url);
const spec = (type: string) => ({ type }) as unknown as ChartSpec;
let thread: ChartThread | undefined;

afterEach(async () => {
  await thread?.terminate();
  thread = undefined;
});

describe('ChartThread', () => {
  it('sends each chart to the thread and answers every request with its own image', async () => {
    thread = new ChartThread(FAKE);
    const sizes = [1, 2, 3].map((i) => ({ width: 100 * i, height: 50 * i, scale: 2 }));
    const pngs = await Promise.all(sizes.map((size) => thread!.draw(spec('bar'), size)));
    expect(pngs.every((p) => Buffer.isBuffer(p))).toBe(true);
    expect(pngs.map((p) => p.toString())).toEqual(['100x50@2', '200x100@2', '300x150@2']);
  });

  it('rejects a chart the thread could not draw, and stays usable', async () => {
    thread = new ChartThread(FAKE);
    await expect(thread.draw(spec('fail'), { width: 1, height: 1, scale: 1 })).rejects.toThrow('cannot draw this');
    expect(thread.usable).toBe(true);
    expect((await thread.draw(spec('bar'), { width: 2, height: 1, scale: 1 })).toString()).toBe('2x1@1');
  });

  it('rejects what it owes when the thread stops, and is no longer used', async () => {
    thread = new ChartThread(FAKE);
    const owed = thread.draw(spec('bar'), { width: 5, height: 5, scale: 1 });
    await expect(thread.draw(spec('crash'), { width: 1, height: 1, scale: 1 })).rejects.toThrow(/exit code 3/);
    await expect(owed).resolves.toBeDefined(); // answered before the crash
    expect(thread.usable).toBe(false);
    await expect(thread.draw(spec('bar'), { width: 1, height: 1, scale: 1 })).rejects.toThrow(/exit code 3/);
  });
});
