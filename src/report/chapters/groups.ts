// Grupper: the key indicators of the latest wave for each further breakdown (groups.extra,
// e.g. country of birth or family economy), for everyone with a value and by gender. The
// figures table holds no test between these groups, so the text says the differences are
// untested and lets the intervals show the uncertainty. A breakdown whose every value is
// hidden in the area gets one sentence saying so, no chart or table.
import type { EstimateRecord } from '../../analysis/types.js';
import { localize, type ExtraGroupVariable, type Indicator } from '../../config/schema.js';
import { heading, paragraph, tableBlock } from '../blocks.js';
import { baseText, cellNotes, cellText, decimalsFor } from '../cells.js';
import { groupValuesFigure } from '../charts.js';
import { areaName, byWithheldReason, keyIndicators, label, presentGenders, waveName, type ReportContext } from '../context.js';
import { formatCi, formatInteger, formatPercent } from '../format.js';
import { groupKey } from '../groups.js';
import type { Block, ReportChapter, TableRow } from '../model.js';
import { isShown } from '../narrative.js';
import { latestYear, withData } from './common.js';

/** A reported value of a breakdown that has respondents in the area and wave. */
export interface BreakdownValue {
  /** The group key `<id>=<code>`. */
  key: string;
  label: string;
  /** The breakdown's id and the value's code. */
  extra: { id: string; code: string };
}

export function breakdownValues(ctx: ReportContext, variable: ExtraGroupVariable, area: string, year: number): BreakdownValue[] {
  return variable.values
    .map((v) => ({ extra: { id: variable.id, code: v.code }, key: groupKey({ gender: null, grade: null, extra: { id: variable.id, code: v.code } }) }))
    .filter((v) => ctx.groups.reported(v.key) && (ctx.fig.respondents(area, year, v.key) ?? 0) > 0)
    .map((v) => ({ ...v, label: ctx.groups.label(v.key) }));
}

export function groupsChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null || ctx.config.groups.extra.length === 0) return null;
  const keys = withData(ctx, keyIndicators(ctx.config), area, year);
  const sections = ctx.config.groups.extra
    .map((variable) => ({ variable, values: breakdownValues(ctx, variable, area, year) }))
    .filter((s) => s.values.length > 0);
  if (keys.length === 0 || sections.length === 0) return null;
  const wave = waveName(ctx, area, year);
  const name = (v: ExtraGroupVariable) => localize(v.label, ctx.lang);
  const blocks: Block[] = [paragraph(ctx.t.text.groupsIntro(wave, sections.map((s) => name(s.variable).toLowerCase())))];
  for (const { variable, values } of sections) {
    blocks.push(heading(2, `grupper-${variable.id}`, name(variable)));
    const cells = keys.flatMap((ind) => values.map((v) => ctx.fig.estimate(ind.id, area, year, v.key)));
    if (!cells.some(isShown)) {
      blocks.push(paragraph(ctx.t.text.groupsHidden(areaName(ctx, area), name(variable).toLowerCase())));
      continue;
    }
    blocks.push(
      { type: 'list', ordered: false, items: keys.map((ind) => valuesSentence(ctx, ind, values, area, year)) },
      ...groupValuesFigure(ctx, keys, values, name(variable), area, year),
      breakdownTable(ctx, keys, values, name(variable), area, year),
    );
  }
  return { id: 'grupper', title: ctx.t.chapters.grupper, blocks };
}

/** "”Fysiskt våld”: 14 procent (95 % KI 11–18) i gruppen ”Födda i Sverige” och …; redovisas inte för …". */
function valuesSentence(ctx: ReportContext, ind: Indicator, values: BreakdownValue[], area: string, year: number): string {
  const recs = values.map((v) => ({ v, rec: ctx.fig.estimate(ind.id, area, year, v.key) }));
  const d = decimalsFor(recs.map((r) => r.rec));
  const ci = ctx.t.words.ci(ctx.level);
  const shown = recs.flatMap(({ v, rec }) =>
    isShown(rec)
      ? [{ group: v.label, value: ctx.t.narrative.percent(formatPercent(rec.estimate, ctx.lang, d, false)), ci: `${ci} ${formatCi(rec.ci_lower, rec.ci_upper, ctx.lang, d, false)}`, caution: rec.flag === 'caution' }]
      : [],
  );
  const hidden = byWithheldReason(
    ctx,
    recs.filter(({ rec }) => rec?.suppressed),
    ({ rec }) => rec!,
  );
  return ctx.t.text.groupsValues(
    label(ctx, ind, true),
    shown,
    hidden.map(({ reason, items }) => ({ groups: items.map(({ v }) => v.label), reason })),
    formatInteger(ctx.config.disclosure.caution_base, ctx.lang),
  );
}

/** Every key indicator × value of the breakdown: everyone with the value (with n), then by gender. */
function breakdownTable(ctx: ReportContext, keys: Indicator[], values: BreakdownValue[], variable: string, area: string, year: number) {
  const genders = presentGenders(ctx, area, [year]).map((g) => ({ code: g, label: ctx.groups.label(groupKey({ gender: g, grade: null })) }));
  const all: (EstimateRecord | undefined)[] = [];
  const rows: TableRow[] = keys.flatMap((ind) =>
    values.map((v) => {
      const total = ctx.fig.estimate(ind.id, area, year, v.key);
      const byGender = genders.map((g) => ctx.fig.estimate(ind.id, area, year, groupKey({ gender: g.code, grade: null, extra: v.extra })));
      const d = decimalsFor([total, ...byGender]);
      all.push(total, ...byGender);
      return { header: label(ctx, ind, true), cells: [v.label, cellText(total, ctx, d), baseText(total, ctx), ...byGender.map((r) => cellText(r, ctx, d))] };
    }),
  );
  return tableBlock(ctx, ctx.t.captions.groupsTable(variable.toLowerCase(), areaName(ctx, area), waveName(ctx, area, year), genders.length > 0), {
    columns: [
      { header: ctx.t.words.indicator, align: 'left' },
      { header: ctx.t.words.group, align: 'left' },
      { header: ctx.t.words.shareWithCi(ctx.level), align: 'right' },
      { header: ctx.t.words.n, align: 'right' },
      ...genders.map((g) => ({ header: ctx.t.words.groupShareWithCi(g.label, ctx.level), align: 'right' as const })),
    ],
    rows,
    notes: [ctx.t.notes.cellFormat(ctx.level), ...cellNotes(all, ctx)],
  });
}
