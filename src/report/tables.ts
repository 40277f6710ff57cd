// Numbered tables: respondents, comparisons with the rest of the county, the follow-up
// basis and the full appendix tables.
import type { ChangeRecord, EstimateRecord, ResponseRecord } from '../analysis/types.js';
import type { Indicator } from '../config/schema.js';
import { tableBlock } from './blocks.js';
import { baseText, cellNotes, cellText, ciText, decimalsFor, rateText, SECONDARY_SUPPRESSED, shareText } from './cells.js';
import { areaName, label, presentGenders, presentGrades, waveName, type ReportContext } from './context.js';
import {
  formatCi,
  formatDiff,
  formatInteger,
  formatList,
  formatPercent,
  formatPValue,
  shownDifference,
  comparisonDecimals,
  MISSING,
  NOT_APPLICABLE,
  SUPPRESSED,
  type Decimals,
} from './format.js';
import { ALL, groupKey, parseGroup, TOTAL } from './groups.js';
import type { TableBlock, TableColumn, TableRow } from './model.js';
import { countySides, isAdjusted, verdictP } from './narrative.js';

const left = (header: string): TableColumn => ({ header, align: 'left' });
const right = (header: string): TableColumn => ({ header, align: 'right' });

/**
 * Respondents per group (rows) and wave (columns) in one area; with config `population` out of
 * the group's pupils, with the response rate: "358 av 412 (87 %)". Groups configured with
 * `report: false` get no row (a count of one "vill ej ange" pupil in a school year is itself
 * sensitive); "Alla svarande" counts them with everyone else, and a note explains why
 * "Totalt" is smaller (and why they have no response rate).
 */
export function respondentsTable(ctx: ReportContext, area: string): TableBlock {
  const years = ctx.fig.years(area);
  const single = singleGrade(ctx, area, years);
  const withPopulation = Boolean(ctx.fig.meta.population);
  // A group of pupils nobody answered in has a response record (0 of 42) and no respondents.
  const present = shownGroups(ctx, area, years).filter((g) => years.some((y) => ctx.fig.respondents(area, y, g) !== undefined || ctx.fig.response(area, y, g) !== undefined));
  const hidden = present.filter((g) => !ctx.groups.reported(g) && !g.includes(';'));
  const shown = present.filter((g) => ctx.groups.reported(g));
  const all = years.map((y) => ctx.fig.respondents(area, y, ALL));
  const allRow: TableRow[] = all.some((n, i) => n !== undefined && n !== ctx.fig.respondents(area, years[i]!, TOTAL))
    ? [{ header: ctx.t.words.allRespondents, cells: all.map((n) => (n === undefined ? MISSING : formatInteger(n, ctx.lang))) }]
    : [];
  const count = (g: string, y: number) => {
    const n = ctx.fig.respondents(area, y, g);
    return n === undefined ? MISSING : formatInteger(n, ctx.lang);
  };
  const rows: TableRow[] = [
    ...allRow,
    ...shown.map((g) => ({
      header: ctx.groups.label(g),
      cells: years.map((y) => (withPopulation ? responseCell(ctx, ctx.fig.response(area, y, g)) : count(g, y))),
      ...(g === TOTAL ? { emphasis: true } : {}),
    })),
  ];
  const notReported = ctx.t.notes.notReported(formatList(hidden.map((g) => ctx.groups.label(g)), ctx.lang), present.some((g) => g.includes('grade=')), ctx.config.groups.grade !== undefined);
  return tableBlock(ctx, withPopulation ? ctx.t.population.caption(areaName(ctx, area)) : ctx.t.captions.respondents(areaName(ctx, area)), {
    columns: [left(ctx.t.words.group), ...years.map((y) => right(waveName(ctx, area, y)))],
    rows,
    notes: [
      ...(withPopulation ? responseNotes(ctx, shown.flatMap((g) => years.map((y) => ctx.fig.response(area, y, g)))) : []),
      ...(allRow.length === 0 ? [] : [withPopulation ? `${notReported} ${ctx.t.population.notRated}` : notReported]),
      ...(single === null ? [] : [ctx.t.notes.oneGrade(single)]),
    ],
  });
}

/** What the cells of response rates hold, and the symbols they use. */
function responseNotes(ctx: ReportContext, records: readonly (ResponseRecord | undefined)[]): string[] {
  const d = ctx.config.disclosure;
  return [
    ctx.t.population.cellFormat,
    ...(records.some((r) => r?.suppressed && r.suppression !== 'secondary') ? [ctx.t.population.withheld(formatInteger(d.min_base, ctx.lang), formatInteger(d.max_small_count, ctx.lang))] : []),
    ...(records.some((r) => r?.suppression === 'secondary') ? [ctx.t.notes.secondary] : []),
    ...(records.some((r) => r === undefined) ? [ctx.t.notes.missing] : []),
  ];
}

/** "358 av 412 (87 %)", `..` / `(..)` when suppressed, `–` when the group has no count of pupils. */
export function responseCell(ctx: ReportContext, r: ResponseRecord | undefined): string {
  if (r === undefined) return MISSING;
  if (r.suppressed) return r.suppression === 'secondary' ? SECONDARY_SUPPRESSED : SUPPRESSED;
  return ctx.t.population.cell(formatInteger(r.n!, ctx.lang), formatInteger(r.population, ctx.lang), rateText(r as ResponseRecord & { rate: number }, ctx));
}

/** The one school year all of the area's respondents are in (then no row or column repeats the total); else null. */
export function singleGrade(ctx: ReportContext, area: string, years: readonly number[]): string | null {
  const grades = presentGrades(ctx, area, years);
  return ctx.groups.grades.length > 0 && grades.length === 1 ? ctx.groups.label(groupKey({ gender: null, grade: grades[0]! })) : null;
}

/**
 * The figures table's groups by gender and school year, without those that only repeat the
 * total or genders (a single school year). The extra breakdowns have a chapter of their own.
 */
function shownGroups(ctx: ReportContext, area: string, years: readonly number[]): string[] {
  const main = ctx.fig.meta.groups.filter((g) => !parseGroup(g).extra);
  if (singleGrade(ctx, area, years) === null) return main;
  return main.filter((g) => !g.includes('grade='));
}

/** Respondents per municipality (rows) and wave (columns), the county last. */
export function respondentsByAreaTable(ctx: ReportContext, areas: string[]): TableBlock {
  const county = ctx.fig.meta.county;
  const years = ctx.fig.years(county);
  // With config `population`: "358 av 412 (87 %)" per area, as in each municipality's response table.
  const withPopulation = Boolean(ctx.fig.meta.population);
  const responses = [...areas, county].flatMap((a) => years.map((y) => ctx.fig.response(a, y, TOTAL)));
  const rows: TableRow[] = [...areas, county].map((a) => ({
    header: areaName(ctx, a),
    cells: years.map((y) => {
      if (withPopulation) return responseCell(ctx, ctx.fig.response(a, y, TOTAL));
      // Every respondent, as each municipality's report counts them ("svarade 53 personer"), not only Totalt's.
      const n = ctx.fig.respondents(a, y, ALL);
      return n === undefined ? MISSING : formatInteger(n, ctx.lang);
    }),
    ...(a === county ? { emphasis: true } : {}),
  }));
  // Response rates are Totalt's (the population file counts pupils by gender and school year).
  const outsideTotal = [...areas, county].some((a) => years.some((y) => ctx.fig.respondents(a, y, ALL) !== ctx.fig.respondents(a, y, TOTAL)));
  return tableBlock(ctx, ctx.t.captions.respondentsByArea(county), {
    columns: [left(ctx.t.words.area), ...years.map((y) => right(waveName(ctx, county, y)))],
    rows,
    notes: [
      ...(withPopulation ? responseNotes(ctx, responses) : []),
      ...(withPopulation && outsideTotal ? [ctx.t.notes.areasTotalOnly(ctx.config.groups.grade !== undefined)] : []),
      ...pooledAreaNotes(ctx, areas),
    ],
  });
}

function pooledAreaNotes(ctx: ReportContext, areas: string[]): string[] {
  return areas.flatMap((a) => {
    const members = ctx.fig.pooledArea(a);
    return members ? [ctx.t.notes.pooledArea(a, formatList(members, ctx.lang))] : [];
  });
}

/** Rest of county, difference, p and significance: `..` when the comparison is suppressed. */
function comparisonCells(ctx: ReportContext, rec: ChangeRecord | undefined, area: string, d: Decimals): string[] {
  if (rec === undefined) return [MISSING, MISSING, MISSING, MISSING];
  const sides = countySides(rec, area);
  if (rec.suppressed || sides.rest === null || sides.area === null) return [SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED];
  const alpha = 1 - ctx.fig.meta.level;
  const p = verdictP(rec, ctx.fig.meta);
  return [
    formatPercent(sides.rest, ctx.lang, d, false),
    // From the shown values, so the row adds up (see shownDifference).
    formatDiff(shownDifference(sides.rest, sides.area, d), ctx.lang, d, { signed: true, unit: false }),
    p === null ? MISSING : formatPValue(p, ctx.lang, alpha),
    rec.significant === null ? MISSING : rec.significant ? ctx.t.words.yes : ctx.t.words.no,
  ];
}

/** A row's decimals: the estimates', or one more where a significant difference would otherwise show as 0. */
function rowDecimals(rec: ChangeRecord | undefined, area: string, d: Decimals): Decimals {
  if (rec === undefined || rec.suppressed) return d;
  const sides = countySides(rec, area);
  return sides.rest === null || sides.area === null ? d : comparisonDecimals(sides.rest, sides.area, rec.significant === true, d);
}

function comparisonColumns(ctx: ReportContext): TableColumn[] {
  const p = isAdjusted(ctx.fig.meta) ? ctx.t.words.adjustedPValue : ctx.t.words.pValue;
  return [right(ctx.t.words.restOfCounty), right(ctx.t.words.diffPp), right(p), right(ctx.t.words.significant)];
}

/** One area against the rest of the county, one row per indicator (total group). */
export function countyComparisonTable(ctx: ReportContext, area: string, year: number, inds: Indicator[]): TableBlock {
  const own: (EstimateRecord | undefined)[] = [];
  const rows: TableRow[] = inds.map((ind) => {
    const est = ctx.fig.estimate(ind.id, area, year, TOTAL);
    own.push(est);
    const rec = ctx.fig.change('rest_of_county', ind.id, area, TOTAL, year);
    const d = rowDecimals(rec, area, decimalsFor([est]));
    return {
      header: label(ctx, ind, true),
      cells: [cellText(est, ctx, d), ...comparisonCells(ctx, rec, area, d)],
    };
  });
  return tableBlock(ctx, ctx.t.captions.countyComparison(areaName(ctx, area), waveName(ctx, area, year)), {
    columns: [left(ctx.t.words.indicator), right(`${areaName(ctx, area)}, ${ctx.t.words.shareWithCi(ctx.level)}`), ...comparisonColumns(ctx)],
    rows,
    notes: [ctx.t.notes.cellFormat(ctx.level), ctx.t.notes.diff, ...cellNotes(own, ctx)],
  });
}

/** County overview: every municipality against the rest of the county for one indicator, the county last. */
export function areasTable(ctx: ReportContext, ind: Indicator, areas: string[], year: number): TableBlock {
  const county = ctx.fig.meta.county;
  const cells = [...areas, county].map((a) => ctx.fig.estimate(ind.id, a, year, TOTAL));
  const d = decimalsFor(cells);
  const rows: TableRow[] = [...areas, county].map((a, i) => {
    const est = cells[i];
    const rec = a === county ? undefined : ctx.fig.change('rest_of_county', ind.id, a, TOTAL, year);
    const dr = rowDecimals(rec, a, d);
    const comparison = a === county ? [NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE] : comparisonCells(ctx, rec, a, dr);
    return { header: areaName(ctx, a), cells: [cellText(est, ctx, dr), baseText(est, ctx), ...comparison], ...(a === county ? { emphasis: true } : {}) };
  });
  return tableBlock(ctx, ctx.t.captions.areasTable(label(ctx, ind), waveName(ctx, county, year)), {
    columns: [left(ctx.t.words.area), right(ctx.t.words.shareWithCi(ctx.level)), right(ctx.t.words.n), ...comparisonColumns(ctx)],
    rows,
    notes: [ctx.t.notes.cellFormat(ctx.level), ctx.t.notes.diff, ...cellNotes(cells, ctx), ...pooledAreaNotes(ctx, areas)],
  });
}

/**
 * Step 5 basis: baseline value, interval and minimum detectable change per indicator and
 * group (the total and the area's genders). A group whose baseline is hidden gets no row: a
 * baseline of `..` cannot be followed up. `hidden` are the indicators without any row.
 */
export function followUpTable(ctx: ReportContext, area: string, year: number, inds: Indicator[]): { table: TableBlock | null; hidden: Indicator[] } {
  const rows: TableRow[] = [];
  const hidden: Indicator[] = [];
  const groups = [TOTAL, ...presentGenders(ctx, area, [year]).map((code) => groupKey({ gender: code, grade: null }))];
  let dropped = false;
  for (const ind of inds) {
    const before = rows.length;
    for (const g of groups) {
      const rec = ctx.fig.followUp(ind.id, area, g, year);
      if (rec === undefined) continue;
      if (rec.suppressed || rec.estimate === null) {
        dropped = true;
        continue;
      }
      const d = decimalsFor([ctx.fig.estimate(ind.id, area, year, g)]);
      const mdc = rec.mdc === null ? MISSING : formatDiff(rec.mdc, ctx.lang, d, { signed: false, unit: false });
      rows.push({
        header: label(ctx, ind, true),
        cells: [
          ctx.groups.label(g),
          formatPercent(rec.estimate, ctx.lang, d, false),
          formatCi(rec.ci_lower, rec.ci_upper, ctx.lang, d, false),
          mdc,
          ind.good === 'lower' ? ctx.t.words.lower : ctx.t.words.higher,
        ],
        ...(g === TOTAL ? { emphasis: true } : {}),
      });
    }
    if (rows.length === before && ctx.fig.followUp(ind.id, area, TOTAL, year) !== undefined) hidden.push(ind);
  }
  if (rows.length === 0) return { table: null, hidden };
  const table = tableBlock(ctx, ctx.t.captions.followUp(areaName(ctx, area), waveName(ctx, area, year)), {
    columns: [
      left(ctx.t.words.indicator),
      left(ctx.t.words.group),
      right(ctx.t.words.baseline(waveName(ctx, area, year))),
      right(ctx.t.words.ci(ctx.level)),
      right(ctx.t.words.mdc),
      left(ctx.t.words.goodDirection),
    ],
    rows,
    notes: [...(rows.some((r) => r.cells.includes(MISSING)) ? [ctx.t.notes.missing] : []), ...(dropped ? [ctx.t.notes.followUpDropped] : [])],
  });
  return { table, hidden };
}

/** Appendix: one indicator, every shown group × every wave, with share, interval and base. */
export function appendixTable(ctx: ReportContext, ind: Indicator, area: string): TableBlock {
  const years = ctx.fig.years(area);
  const entries = shownGroups(ctx, area, years)
    .map((g) => ({ g, cells: years.map((y) => ctx.fig.estimate(ind.id, area, y, g)) }))
    .filter(({ g, cells }) => (ctx.groups.reported(g) ? cells.some((c) => c !== undefined) : cells.some((c) => c !== undefined && !c.suppressed)));
  const all = entries.flatMap((e) => e.cells);
  const d = decimalsFor(all);
  const rows: TableRow[] = entries.map(({ g, cells }) => ({
    header: ctx.groups.label(g),
    cells: cells.flatMap((c) => [shareText(c, ctx, d), ciText(c, ctx, d), baseText(c, ctx)]),
    ...(g === TOTAL ? { emphasis: true } : {}),
  }));
  return tableBlock(ctx, ctx.t.captions.appendix(label(ctx, ind), areaName(ctx, area)), {
    columns: [
      left(ctx.t.words.group),
      ...years.flatMap((y) => {
        const w = waveName(ctx, area, y);
        return [right(ctx.t.words.shareIn(w)), right(ctx.t.words.ciIn(ctx.level, w)), right(ctx.t.words.nIn(w))];
      }),
    ],
    rows,
    notes: cellNotes(all, ctx),
  });
}
