// Number formatting for axis ticks and reference labels: the only numbers the chart
// renderer formats itself (bar and point labels come finished from the document model).

import type { Lang } from '../../report/model.js';

const NBSP = '\u00a0';

export function formatNumber(value: number, lang: Lang): string {
  // At most one decimal; ticks are round numbers, reference values may not be.
  const text = String(Math.round(value * 10) / 10);
  return lang === 'sv' ? text.replace('.', ',').replace('-', '\u2212') : text;
}

export function formatPercent(value: number, lang: Lang): string {
  return lang === 'sv' ? `${formatNumber(value, lang)}${NBSP}%` : `${formatNumber(value, lang)}%`;
}
