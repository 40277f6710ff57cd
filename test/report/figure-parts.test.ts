// Bar charts longer than a printed page come as consecutive parts (report/charts.ts
// barChartParts): the county overview of 50 and of 290 municipalities, against a small county
// whose figure stays whole. A synthetic figures table: one indicator, one wave, the total only.
import { describe, expect, it } from 'vitest';
import type { EstimateRecord, FiguresTable } from '../../src/analysis/types.js';
import { chartSize, valueAxis } from '../../src/render/charts/layout.js';
import { CONTENT } from '../../src/render/pdf/theme.js';
import { areasFigure, BAR_PART, barChartParts } from '../../src/report/charts.js';
import { createContext } from '../../src/report/context.js';
import type { ChartSpec, Lang } from '../../src/report/model.js';
import { parseConfig } from '../../src/config/load.js';
import { buildCountyReport, buildMunicipalityReport } from '../../src/report/index.js';
import { loadSources } from '../../src/sources/load.js';
import { project } from '../owntext/fixture.js';
import { COUNTY, config, figures as smallCounty } from './fixtures.js';

const YEAR = 2023;
const IND = config.indicators.find((i) => i.id === 'fysiskt_vald')!;
const name = (k: number) => `Kommun ${String(k + 1).padStart(3, '0')}`;
/** Swedish typography: a non-breaking space before %. */
const nb = (text: string) => text.replace(/ %/g, '\u00a0%');

function estimate(area: string, x: number, n: number): EstimateRecord {
  const p = x / n;
  return {
    kind: 'estimate',
    indicator: IND.id,
    area,
    year: YEAR,
    pooled_years: null,
    group: 'total',
    n,
    x,
    estimate: p,
    se: 0.025,
    ci_lower: p - 0.05,
    ci_upper: p + 0.05,
    ci_method: 'wilson',
    df: n - 1,
    deff: 1,
    n_eff: n,
    suppressed: false,
    suppression: null,
    flag: null,
  };
}

/**
 * `count` municipalities: the first has 150 of 200 (75 %), municipality k after it
 * 10 + (7k mod 60) of 200 (5–34,5 %); the county 20 %. Every interval is ±5 percentage points.
 */
function manyAreas(count: number, pooled: Record<string, string[]> = {}): { table: FiguresTable; areas: string[] } {
  const areas = Array.from({ length: count }, (_, k) => name(k));
  const table: FiguresTable = {
    ...smallCounty,
    meta: { ...smallCounty.meta, areas: [...areas, COUNTY], years: [YEAR], pooled: { ...smallCounty.meta.pooled, areas: pooled } },
    records: [...areas.map((a, k) => estimate(a, k === 0 ? 150 : 10 + ((7 * k) % 60), 200)), estimate(COUNTY, 2000, 10000)],
    respondents: [],
    audit: [],
  };
  return { table, areas };
}

function parts(count: number, lang: Lang = 'sv', pooled: Record<string, string[]> = {}) {
  const { table, areas } = manyAreas(count, pooled);
  return areasFigure(createContext(table, config, lang), IND, areas, YEAR);
}

describe('barChartParts', () => {
  it('keeps a chart that fits a page whole and splits a longer one into parts of nearly equal size', () => {
    const sizes = (n: number, series: number) => barChartParts(n, series).map((p) => p.length);
    expect(sizes(2, 1)).toEqual([2]);
    expect(sizes(21, 1)).toEqual([21]);
    expect(sizes(22, 1)).toEqual([11, 11]);
    expect(sizes(50, 1)).toEqual([17, 17, 16]);
    expect(sizes(290, 1)).toEqual([21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 20, 20, 20, 20]);
    // Several series: thinner bars, counted as bars (35 a part).
    expect(sizes(11, 3)).toEqual([11]);
    expect(sizes(12, 3)).toEqual([6, 6]);
    expect(sizes(3, 30)).toEqual([1, 1, 1]);
    // Consecutive, every category once.
    expect(barChartParts(50, 1).flat()).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('a part at the limit fits a PDF page under its caption, heading, lead-in and first table rows (chart geometry, layout.ts)', () => {
    const spec = (categories: number, series: number): ChartSpec => ({
      type: 'bar',
      categories: Array.from({ length: categories }, (_, i) => name(i)),
      series: Array.from({ length: series }, (_, s) => ({ label: `Serie ${s + 1}`, values: [], lower: [], upper: [], valueLabels: [] })),
      axisLabel: 'Andel (%)',
      reference: { label: 'Norrbacka län', value: 20 },
      lang: 'sv',
    });
    const printed = (s: ChartSpec) => (chartSize(s).height * CONTENT.width) / chartSize(s).width;
    // What the first part shares its page with (see BAR_PART): 218 pt.
    const room = CONTENT.bottom - CONTENT.top - 218;
    for (const series of [1, 2, 3, 5]) {
      const most = series === 1 ? BAR_PART.categories : Math.floor(BAR_PART.bars / series);
      expect(printed(spec(most, series))).toBeLessThanOrEqual(room);
      // Not needlessly small: the part fills most of that room.
      expect(printed(spec(most, series))).toBeGreaterThan(room * 0.8);
    }
  });
});

describe('the county overview of many municipalities', () => {
  it('50 municipalities: three figures of 17, 17 and 16, one scale, the county line in each', () => {
    const f = parts(50);
    expect(f.map((b) => b.chart.categories.length)).toEqual([17, 17, 16]);
    expect(f.map((b) => b.caption)).toEqual([
      'Utsatt för fysiskt våld, per kommun, 2023 (del 1 av 3)',
      'Utsatt för fysiskt våld, per kommun, 2023 (del 2 av 3)',
      'Utsatt för fysiskt våld, per kommun, 2023 (del 3 av 3)',
    ]);
    expect(f[1]!.chart.categories[0]).toBe('Kommun 018');
    expect(f[2]!.chart.categories.at(-1)).toBe('Kommun 050');
    // The highest upper limit anywhere is the first municipality's, 80 %: every part's axis ends there.
    expect(f.map((b) => b.chart.sharedTop)).toEqual([80, 80, 80]);
    expect(f.map((b) => valueAxis(b.chart).max)).toEqual([80, 80, 80]);
    // Alone, the second and third parts would end at 40 % (their highest upper limits 39,5 and 39 %).
    expect(valueAxis({ ...f[1]!.chart, sharedTop: undefined }).max).toBe(40);
    expect(valueAxis({ ...f[2]!.chart, sharedTop: undefined }).max).toBe(40);
    for (const b of f) expect(b.chart.reference).toEqual({ label: COUNTY, value: 20 });
    expect(f.map((b) => b.table.rows.length)).toEqual([17, 17, 16]);
  });

  it('50 municipalities: each alt text names the highest and lowest of its own part', () => {
    // Part 1 (1–17): 150/200 first, then 13/200 lowest (k = 9); part 2 (18–34): 69/200 (k = 17) and
    // 12/200 (k = 26); part 3 (35–50): 68/200 (k = 34) and 11/200 (k = 43).
    expect(parts(50).map((b) => b.alt)).toEqual([
      nb('Stapeldiagram: Utsatt för fysiskt våld, per kommun, 2023 (del 1 av 3). Referenslinje Norrbacka län: 20,0 %. Högst andel i den här delen: Kommun 001 (75 %). Lägst andel i den här delen: Kommun 010 (7 %).'),
      nb('Stapeldiagram: Utsatt för fysiskt våld, per kommun, 2023 (del 2 av 3). Referenslinje Norrbacka län: 20,0 %. Högst andel i den här delen: Kommun 018 (35 %). Lägst andel i den här delen: Kommun 027 (6 %).'),
      nb('Stapeldiagram: Utsatt för fysiskt våld, per kommun, 2023 (del 3 av 3). Referenslinje Norrbacka län: 20,0 %. Högst andel i den här delen: Kommun 035 (34 %). Lägst andel i den här delen: Kommun 044 (6 %).'),
    ]);
  });

  it('the note on the reference line under the first part only; a pooled area\'s note under its own part', () => {
    const f = parts(50, 'sv', { 'Kommun 030': ['Kommun 030', 'Kommun 099'] });
    const note = 'Referenslinjen visar värdet för hela Norrbacka län.';
    const pooled = 'Kommun 030 är en sammanslagning av Kommun 030 och Kommun 099.';
    expect(f.map((b) => b.table.notes.includes(note))).toEqual([true, false, false]);
    expect(f.map((b) => b.table.notes.includes(pooled))).toEqual([false, true, false]);
    expect(f[1]!.chart.categories).toContain('Kommun 030 (sammanslaget område)');
    expect(f[1]!.table.notes).toEqual([nb('Andel i procent med 95 % konfidensintervall inom parentes.'), pooled]);
  });

  it('290 municipalities: 14 parts of 20–21, in English too', () => {
    const f = parts(290, 'en');
    expect(f).toHaveLength(14);
    expect(f.map((b) => b.chart.categories.length)).toEqual([21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 20, 20, 20, 20]);
    expect(f[13]!.caption).toBe('Exposed to physical violence, by municipality, 2023 (part 14 of 14)');
    expect(f[13]!.chart.categories.at(-1)).toBe('Kommun 290');
    expect(new Set(f.map((b) => valueAxis(b.chart).max))).toEqual(new Set([80]));
    // Municipalities 271–290 (k = 270–289): 68/200 at k = 274, 11/200 at k = 283.
    expect(f[13]!.alt).toBe(
      'Bar chart: Exposed to physical violence, by municipality, 2023 (part 14 of 14). Reference line Norrbacka län: 20.0%. Highest share in this part: Kommun 275 (34%). Lowest share in this part: Kommun 284 (6%).',
    );
  });

  it('a small county: one whole figure, as before (no part in caption, alt text or scale)', () => {
    const doc = buildCountyReport({ figures: smallCounty, config, lang: 'sv', dateIso: '2024-03-01' });
    const f = doc.chapters.flatMap((c) => c.blocks).filter((b) => b.type === 'figure' && b.chart.type === 'bar');
    expect(f.map((b) => b.type === 'figure' && b.caption)).toEqual(['Utsatt för fysiskt våld, per kommun, 2023', 'Utsatt för hot, per kommun, 2023']);
    const first = f[0]!;
    if (first.type !== 'figure') throw new Error('not a figure');
    expect(first.chart.sharedTop).toBeUndefined();
    expect(first.alt).toBe(nb('Stapeldiagram: Utsatt för fysiskt våld, per kommun, 2023. Referenslinje Norrbacka län: 18 %. Högst andel: Ängsby (18 %). Lägst andel: Backe (16 %).'));
    expect(first.table.notes).toContain('Referenslinjen visar värdet för hela Norrbacka län.');
  });
});

describe('a bar chart of another source longer than a page', () => {
  it('24 areas × 2 columns (17 categories a part): two figures of 12, one scale, the notes on the whole table under the first', async () => {
    const rows = Array.from({ length: 24 }, (_, k) => `Område ${k + 1};${10 + k};${k === 23 ? 500 : 20 + k}`);
    const p = project({ 'omraden.csv': `Område;Flickor;Pojkar\r\n${rows.join('\r\n')}\r\n` });
    const yaml = `columns: { area: kommun, year: ar }
groups:
  gender: { column: kon, label: Kön, values: [{ code: "1", label: Flickor }] }
indicators:
  - { id: hot, label: Hot, chapter: utsatthet, column: f1, answers: { yes: [Ja] } }
sources:
  - { title: Ärenden per område, source: Socialtjänsten, file: omraden.csv, chart: bar, note: Fiktiva siffror. }
`;
    const sources = await loadSources(parseConfig(yaml, p.config), p.config);
    const doc = buildMunicipalityReport({ figures: smallCounty, config, area: 'Ängsby', lang: 'sv', dateIso: '2024-03-05', sources });
    const f = doc.chapters.flatMap((c) => c.blocks).flatMap((b) => (b.type === 'figure' && b.chart.unit === 'number' ? [b] : []));
    expect(f.map((b) => b.caption)).toEqual(['Ärenden per område (del 1 av 2)', 'Ärenden per område (del 2 av 2)']);
    expect(f.map((b) => b.chart.categories.length)).toEqual([12, 12]);
    expect(f[1]!.chart.categories[0]).toBe('Område 13');
    // The last area's 500 sets the scale of both parts.
    expect(f.map((b) => valueAxis(b.chart).max)).toEqual([500, 500]);
    // Alone, the first part (highest 31) would end at 40.
    expect(valueAxis({ ...f[0]!.chart, sharedTop: undefined }).max).toBe(40);
    expect(f[0]!.table.notes).toEqual(['Fiktiva siffror.', 'Fall som kommit till kännedom, inte hur många som utsatts: fler fall kan betyda att mer våld upptäcks och anmäls.']);
    expect(f[1]!.table.notes).toEqual([]);
    expect(f[1]!.alt).toBe(
      `Stapeldiagram: Ärenden per område (del 2 av 2). ${Array.from({ length: 12 }, (_, i) => `Område ${i + 13}: Flickor ${i + 22}, Pojkar ${i === 11 ? 500 : i + 32}`).join('. ')}.`,
    );
  });
});
