import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  decimalsForBases,
  formatAlpha,
  formatCi,
  formatDate,
  formatDiff,
  formatInteger,
  formatLevel,
  formatList,
  formatNumber,
  formatP,
  formatPercent,
  formatPValue,
  formatYearRange,
  MISSING,
  NOT_APPLICABLE,
  percentValue,
  SUPPRESSED,
  comparisonDecimals,
  shownDifference,
} from '../../src/report/format.js';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('special values', () => {
  it('uses the Swedish official-statistics symbols', () => {
    expect(SUPPRESSED).toBe('..');
    expect(NOT_APPLICABLE).toBe('.');
    expect(MISSING).toBe('–');
  });
});

describe('formatPercent', () => {
  it('sv: whole percent with a non-breaking space before %', () => {
    expect(formatPercent(0.18, 'sv')).toBe(`18${NBSP}%`);
    expect(formatPercent(0.1796, 'sv')).toBe(`18${NBSP}%`);
    expect(formatPercent(0, 'sv')).toBe(`0${NBSP}%`);
    expect(formatPercent(1, 'sv')).toBe(`100${NBSP}%`);
  });
  it('sv: decimal comma when a decimal is shown', () => {
    expect(formatPercent(0.184, 'sv', 1)).toBe(`18,4${NBSP}%`);
    expect(formatPercent(0.18, 'sv', 1)).toBe(`18,0${NBSP}%`);
  });
  it('en: no space, decimal point', () => {
    expect(formatPercent(0.18, 'en')).toBe('18%');
    expect(formatPercent(0.184, 'en', 1)).toBe('18.4%');
  });
  it('rounds halves up despite binary noise (0.185 × 100 = 18.4999…)', () => {
    expect(formatPercent(0.185, 'sv')).toBe(`19${NBSP}%`);
    expect(formatPercent(0.1845, 'en', 1)).toBe('18.5%');
    expect(formatPercent(0.125, 'en')).toBe('13%');
  });
  it('without unit, and `–` for a missing value', () => {
    expect(formatPercent(0.18, 'sv', 0, false)).toBe('18');
    expect(formatPercent(null, 'sv')).toBe('–');
  });
});

describe('decimalsForBases', () => {
  it('shows a decimal only when every base is at least 1 000', () => {
    expect(decimalsForBases([1000, 25000])).toBe(1);
    expect(decimalsForBases([999, 25000])).toBe(0);
    expect(decimalsForBases([])).toBe(0);
  });
});

describe('formatCi', () => {
  it('sv: en dash range with the unit once', () => {
    expect(formatCi(0.11, 0.28, 'sv')).toBe(`11–28${NBSP}%`);
    expect(formatCi(0.114, 0.283, 'sv', 1)).toBe(`11,4–28,3${NBSP}%`);
    expect(formatCi(0.11, 0.28, 'sv', 0, false)).toBe('11–28');
  });
  it('en', () => {
    expect(formatCi(0.11, 0.28, 'en')).toBe('11–28%');
  });
  it('missing bounds give `–`', () => {
    expect(formatCi(null, 0.3, 'sv')).toBe('–');
  });
});

describe('formatDiff', () => {
  it('sv: procentenheter with sign, U+2212 for negatives', () => {
    expect(formatDiff(0.05, 'sv')).toBe('+5 procentenheter');
    expect(formatDiff(-0.05, 'sv')).toBe(`${MINUS}5 procentenheter`);
    expect(formatDiff(-0.123, 'sv', 1)).toBe(`${MINUS}12,3 procentenheter`);
  });
  it('singular for exactly one', () => {
    expect(formatDiff(0.01, 'sv')).toBe('+1 procentenhet');
    expect(formatDiff(-0.01, 'en')).toBe('-1 percentage point');
  });
  it('en: percentage points', () => {
    expect(formatDiff(0.05, 'en')).toBe('+5 percentage points');
    expect(formatDiff(-0.05, 'en')).toBe('-5 percentage points');
  });
  it('zero has no sign, also when a small negative rounds to zero', () => {
    expect(formatDiff(0, 'sv')).toBe('0 procentenheter');
    expect(formatDiff(-0.002, 'sv')).toBe('0 procentenheter');
  });
  it('unsigned (for sentences) and without unit (for tables)', () => {
    expect(formatDiff(-0.08, 'sv', 0, { signed: false, unit: true })).toBe('8 procentenheter');
    expect(formatDiff(-0.08, 'sv', 0, { signed: true, unit: false })).toBe(`${MINUS}8`);
    expect(formatDiff(null, 'sv')).toBe('–');
  });
});

describe('formatP', () => {
  it('sv: "p < 0,001" or two significant digits', () => {
    expect(formatP(0.048, 'sv')).toBe('p = 0,048');
    expect(formatP(0.23, 'sv')).toBe('p = 0,23');
    expect(formatP(0.412, 'sv')).toBe('p = 0,41');
    expect(formatP(0.0042, 'sv')).toBe('p = 0,0042');
    expect(formatP(0.03, 'sv')).toBe('p = 0,030');
    expect(formatP(0.0996, 'sv')).toBe('p = 0,10');
  });
  it('very small and very large p', () => {
    expect(formatP(0.0004, 'sv')).toBe('p < 0,001');
    expect(formatP(0.001, 'sv')).toBe('p = 0,0010');
    expect(formatP(0.999, 'en')).toBe('p = 1.0');
    expect(formatP(1, 'sv')).toBe('p = 1,0');
  });
  it('never a rounded value that contradicts the verdict: p = 0.047 is not "0,05"', () => {
    expect(formatP(0.047, 'sv')).toBe('p = 0,047');
    expect(formatP(0.0496, 'sv')).toBe('p = 0,0496');
    expect(formatP(0.04996, 'sv')).toBe('p = 0,04996');
    expect(formatP(0.0504, 'sv')).toBe('p = 0,050');
    expect(formatP(0.05, 'sv')).toBe('p = 0,050');
    expect(formatP(0.0096, 'en', 0.01)).toBe('p = 0.0096');
    expect(formatP(0.00996, 'en', 0.01)).toBe('p = 0.00996');
  });
  it('en, a name for adjusted p-values, and the bare column value', () => {
    expect(formatP(0.03, 'en')).toBe('p = 0.030');
    expect(formatP(0.012, 'sv', 0.05, 'justerat p')).toBe('justerat p = 0,012');
    expect(formatP(0.0001, 'sv', 0.05, 'justerat p')).toBe('justerat p < 0,001');
    expect(formatPValue(0.03, 'sv')).toBe('0,030');
    expect(formatPValue(0.0001, 'sv')).toBe('< 0,001');
  });
});

describe('differences from the shown parts', () => {
  it('10 % and 17 % give 7 percentage points, whatever the unrounded difference (6.4)', () => {
    expect(formatDiff(shownDifference(0.1044, 0.1684, 0), 'sv', 0, { signed: false, unit: true })).toBe('7 procentenheter');
    expect(formatDiff(shownDifference(0.1044, 0.1684, 1), 'sv', 1, { signed: false, unit: true })).toBe('6,4 procentenheter');
    expect(formatDiff(shownDifference(0.1684, 0.1044, 0), 'sv')).toBe(`${MINUS}7 procentenheter`);
  });
  it('a significant difference whose parts round alike gets a decimal', () => {
    expect(comparisonDecimals(0.005, 0.014, true, 0)).toBe(1);
    expect(comparisonDecimals(0.005, 0.014, false, 0)).toBe(0);
    expect(comparisonDecimals(0.05, 0.14, true, 0)).toBe(0);
    expect(comparisonDecimals(0.005, 0.014, true, 1)).toBe(1);
  });
});

describe('integers and other numbers', () => {
  it('sv: non-breaking space as thousands separator', () => {
    expect(formatInteger(1234, 'sv')).toBe(`1${NBSP}234`);
    expect(formatInteger(1234567, 'sv')).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatInteger(999, 'sv')).toBe('999');
  });
  it('en: comma as thousands separator', () => {
    expect(formatInteger(1234, 'en')).toBe('1,234');
  });
  it('no "−0"', () => {
    expect(formatNumber(-0.0001, 'sv', 1)).toBe('0,0');
    expect(formatNumber(-2.5, 'sv', 1)).toBe(`${MINUS}2,5`);
  });
  it('level, alpha, chart values', () => {
    expect(formatLevel(0.95, 'sv')).toBe(`95${NBSP}%`);
    expect(formatLevel(0.9, 'en')).toBe('90%');
    expect(formatAlpha(1 - 0.95, 'sv')).toBe('0,05');
    expect(formatAlpha(0.005, 'en')).toBe('0.005');
    expect(percentValue(0.17647058823)).toBe(17.65);
  });
});

describe('years, lists, dates', () => {
  it('year ranges with an en dash', () => {
    expect(formatYearRange([2023, 2019, 2021])).toBe('2019–2023');
    expect(formatYearRange([2023])).toBe('2023');
  });
  it('lists', () => {
    expect(formatList(['2019', '2021', '2023'], 'sv')).toBe('2019, 2021 och 2023');
    expect(formatList(['A', 'B'], 'en')).toBe('A and B');
    expect(formatList(['A'], 'en')).toBe('A');
  });
  it('dates without time-zone effects', () => {
    expect(formatDate('2024-03-05', 'sv')).toBe('5 mars 2024');
    expect(formatDate('2024-12-31', 'en')).toBe('31 December 2024');
    expect(() => formatDate('2024-13-01', 'sv')).toThrow(UsageError);
    expect(() => formatDate('5/3/2024', 'en')).toThrow(UsageError);
  });
});
