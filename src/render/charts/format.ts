// Number formatting for axis ticks and reference labels: the only numbers the chart
// renderer formats itself (bar and point labels come finished from the document model).

import type { Lang } from '../../report/model.js';

const NBSP = '\u00a0';

export function formatNumber(value: number, lang: Lang): string {
  // At most one decimal; ticks are round numbers, reference values may not be.
  const [whole, fraction] = String(Math.round(value * 10) / 10).split('.');
  // Thousands apart: "12 000" (sv, no-break space), "12,000" (en).
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? NBSP : ',');
  const text = fraction === undefined ? grouped : `${grouped}${lang === 'sv' ? ',' : '.'}${fraction}`;
  return lang === 'sv' ? text.replace('-', '\u2212') : text;
}

/** An axis tick in the chart's unit. */
export function formatTick(value: number, unit: 'percent' | 'number' | undefined, lang: Lang): string {
  return unit === 'number' ? formatNumber(value, lang) : formatPercent(value, lang);
}

export function formatPercent(value: number, lang: Lang): string {
  return lang === 'sv' ? `${formatNumber(value, lang)}${NBSP}%` : `${formatNumber(value, lang)}%`;
}
