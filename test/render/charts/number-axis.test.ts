// Charts of other sources' numbers (ChartSpec unit: number): the value axis goes past 100 in
// round steps, and ticks are numbers with Swedish thousands, not percentages.
import { describe, expect, it } from 'vitest';
import { formatTick } from '../../../src/render/charts/format.js';
import { valueAxis } from '../../../src/render/charts/layout.js';
import type { ChartSpec } from '../../../src/report/model.js';

const spec = (values: number[], unit?: 'number'): ChartSpec => ({
  type: 'line',
  categories: values.map((_, i) => String(2019 + i)),
  series: [{ label: 'Ängsby', values, lower: values.map(() => null), upper: values.map(() => null), valueLabels: values.map(String) }],
  axisLabel: 'per 100 000 invånare',
  lang: 'sv',
  ...(unit ? { unit } : {}),
});

describe('number axes', () => {
  it('round steps up to the data, not capped at 100', () => {
    expect(valueAxis(spec([412.5, 488.9], 'number'))).toEqual({ max: 500, step: 100 });
    expect(valueAxis(spec([41, 37, 12], 'number'))).toEqual({ max: 50, step: 10 });
    expect(valueAxis(spec([12_500, 13_100], 'number'))).toEqual({ max: 15_000, step: 5000 });
    // Percent charts keep their axis.
    expect(valueAxis(spec([41, 37]))).toEqual({ max: 50, step: 10 });
  });

  it('ticks are numbers in the report language', () => {
    expect(formatTick(12000, 'number', 'sv')).toBe('12\u00a0000');
    expect(formatTick(12000, 'number', 'en')).toBe('12,000');
    expect(formatTick(2.5, 'number', 'sv')).toBe('2,5');
    expect(formatTick(20, undefined, 'sv')).toBe('20\u00a0%');
  });
});
