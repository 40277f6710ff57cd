// The goals section of the follow-up chapter: a table of every goal and, per goal, what it
// is, where the share stands, the change so far and the status the figures table gives it,
// with the reason in words and what the next wave can detect. The report only words the goal
// records; status, required change, distance left and detectability come from src/analysis.
import type { EstimateRecord, GoalRecord } from '../analysis/types.js';
import { forArea, targetGroupKey, type Indicator } from '../config/schema.js';
import { heading, paragraph, tableBlock } from './blocks.js';
import { decimalsFor } from './cells.js';
import { areaName, label, waveName, withheldReason, type ReportContext } from './context.js';
import { formatCi, formatDiff, formatLevelNumber, formatP, formatPercent, MISSING, type Decimals } from './format.js';
import { TOTAL } from './groups.js';
import type { Block, ReportChapter, TableBlock, TableRow } from './model.js';
import { cautionSentence } from './chapters/common.js';
import { isAdjusted, verdictP } from './narrative.js';

interface Goal {
  ind: Indicator;
  rec: GoalRecord;
  from: EstimateRecord | undefined;
  to: EstimateRecord | undefined;
  d: Decimals;
}

/** The area's goal records in config order (one per indicator with a target). */
export function goalsOf(ctx: ReportContext, area: string, year: number): Goal[] {
  return ctx.config.indicators.flatMap((ind) => {
    const rec = ctx.fig.goal(ind.id, area, year);
    if (rec === undefined) return [];
    const from = ctx.fig.estimate(ind.id, area, rec.year_from, rec.group);
    const to = ctx.fig.estimate(ind.id, area, rec.year_to, rec.group);
    return [{ ind, rec, from, to, d: decimalsFor([from, to]) }];
  });
}

/** "Sexuellt våld, flickor, åk 9". */
export function goalTitle(ctx: ReportContext, g: Pick<Goal, 'ind' | 'rec'>): string {
  return ctx.t.goals.title(label(ctx, g.ind, true), g.rec.group === TOTAL ? null : ctx.groups.label(g.rec.group));
}

/** "högst 12 % (2027)" */
/** The target as the config gives it: "12", or "12,5" (not rounded to the estimates' decimals). */
function targetPercent(ctx: ReportContext, rec: GoalRecord, unit: boolean): string {
  const whole = Math.abs(rec.target * 100 - Math.round(rec.target * 100)) < 1e-9;
  return formatPercent(rec.target, ctx.lang, whole ? 0 : 1, unit);
}

function targetText(ctx: ReportContext, g: Goal, unit: boolean): string {
  return ctx.t.goals.targetCell(g.ind.good, targetPercent(ctx, g.rec, unit), String(g.rec.target_year));
}

function diffCi(ctx: ReportContext, rec: GoalRecord, d: Decimals): string {
  const to = ctx.lang === 'sv' ? ' till ' : ' to ';
  return `${formatDiff(rec.diff_ci_lower, ctx.lang, d, { signed: true, unit: false })}${to}${formatDiff(rec.diff_ci_upper, ctx.lang, d, { signed: true, unit: false })}`;
}

const GOALS_SECTION = 'uppfoljning-mal';

/** Whether a (follow-up) chapter follows up goals: the report then speaks of them. */
export function hasGoals(chapter: ReportChapter | undefined): boolean {
  return chapter?.blocks.some((b) => b.type === 'heading' && b.id === GOALS_SECTION) ?? false;
}

/** The section: heading, how the status is decided, the table, then each goal. */
export function goalBlocks(ctx: ReportContext, area: string, year: number): Block[] {
  const goals = goalsOf(ctx, area, year);
  // Goals of the config for a group the area has no one in (no upper-secondary school): said, not dropped silently.
  const absent = ctx.config.indicators.filter((ind) => ind.target !== undefined && forArea(ind.target.areas, area) && !goals.some((g) => g.ind === ind) && !ctx.fig.meta.pooled.grades);
  if (goals.length === 0 && absent.length === 0) return [];
  const shown = goals.filter((g) => !g.rec.suppressed);
  const blocks: Block[] = [heading(2, GOALS_SECTION, ctx.t.goals.section), paragraph(ctx.t.goals.intro(formatLevelNumber(ctx.fig.meta.level, ctx.lang)))];
  if (shown.length > 0) blocks.push(goalTable(ctx, area, year, shown));
  for (const g of goals) blocks.push(heading(3, `uppfoljning-mal-${g.ind.id}`, goalTitle(ctx, g)), ...goalText(ctx, area, g));
  if (absent.length > 0) {
    const titles = absent.map((ind) => {
      const group = targetGroupKey(ctx.config, ind.target!);
      return `”${goalTitle(ctx, { ind, rec: { group } as GoalRecord })}”`;
    });
    blocks.push(paragraph(ctx.t.goals.noGroup(titles, areaName(ctx, area), waveName(ctx, area, year))));
  }
  return blocks;
}

function goalTable(ctx: ReportContext, area: string, year: number, goals: Goal[]): TableBlock {
  const t = ctx.t.goals;
  const rows: TableRow[] = goals.map((g) => ({
    header: goalTitle(ctx, g),
    cells: [
      g.rec.estimate_from === null ? MISSING : `${formatPercent(g.rec.estimate_from, ctx.lang, g.d, false)} (${g.rec.year_from})`,
      `${formatPercent(g.rec.estimate_to, ctx.lang, g.d, false)} (${formatCi(g.rec.ci_lower, g.rec.ci_upper, ctx.lang, g.d, false)})`,
      g.rec.diff === null ? MISSING : `${formatDiff(g.rec.diff, ctx.lang, g.d, { signed: true, unit: false })} (${diffCi(ctx, g.rec, g.d)})`,
      targetText(ctx, g, false),
      g.rec.status === null ? MISSING : t.status[g.rec.status],
    ],
  }));
  return tableBlock(ctx, t.caption(areaName(ctx, area), waveName(ctx, area, year)), {
    columns: [
      { header: t.columns.goal, align: 'left' },
      { header: t.columns.baseline, align: 'right' },
      { header: t.columns.latest(ctx.level), align: 'right' },
      { header: t.columns.change(ctx.level), align: 'right' },
      { header: t.columns.target, align: 'right' },
      { header: t.columns.status, align: 'left' },
    ],
    rows,
    notes: rows.some((r) => r.cells.includes(MISSING)) ? [ctx.t.notes.missing] : [],
  });
}

/** One goal in words: the goal, the values, the change, then the status in a box with its reason. */
function goalText(ctx: ReportContext, area: string, g: Goal): Block[] {
  const t = ctx.t.goals;
  const { rec, d } = g;
  const good = g.ind.good;
  const pct = (p: number | null) => ctx.t.narrative.percent(formatPercent(p, ctx.lang, d, false));
  const target = ctx.t.narrative.percent(targetPercent(ctx, rec, false));
  if (rec.suppressed || rec.estimate_to === null || rec.status === null) {
    const reason = g.to ? withheldReason(ctx, g.to) : '';
    return [paragraph(`${t.statement(good, target, String(rec.target_year))} ${t.hidden(goalTitle(ctx, g), waveName(ctx, area, rec.year_to), reason)}`)];
  }
  const ci = `${ctx.t.words.ci(ctx.level)} ${formatCi(rec.ci_lower, rec.ci_upper, ctx.lang, d, false)}`;
  const sentences = [t.statement(good, target, String(rec.target_year))];
  sentences.push(
    rec.estimate_from === null || rec.year_from === rec.year_to
      ? t.latestOnly(waveName(ctx, area, rec.year_to), pct(rec.estimate_to), ci)
      : t.values(String(rec.year_from), pct(rec.estimate_from), String(rec.year_to), pct(rec.estimate_to), ci),
  );
  if (rec.diff !== null) {
    const dir = rec.significant && rec.diff !== 0 ? (rec.diff < 0 ? 'fall' : 'rise') : 'none';
    const size = formatDiff(rec.diff, ctx.lang, d, dir === 'none' ? { signed: true, unit: true } : { signed: false, unit: true });
    // The p the verdict rests on: adjusted (q) under multiple_comparisons: fdr, as every change sentence.
    const shownP = verdictP(rec, ctx.fig.meta);
    const p = shownP === null ? null : formatP(shownP, ctx.lang, 1 - ctx.fig.meta.level, ctx.t.words.pName(isAdjusted(ctx.fig.meta)));
    sentences.push(t.change(dir, String(rec.year_from), size, `${ctx.t.words.ci(ctx.level)} ${diffCi(ctx, rec, d)}`, p));
    const caution = cautionSentence(ctx, [g.from, g.to], 'waves');
    if (caution) sentences.push(caution);
  }
  return [paragraph(sentences.join(' ')), { type: 'notice', tone: 'info', title: t.status[rec.status], text: statusText(ctx, g, target) }];
}

/** Why the status is what it is, and what is left and detectable. */
function statusText(ctx: ReportContext, g: Goal, target: string): string {
  const t = ctx.t.goals;
  const { rec, d } = g;
  const good = g.ind.good;
  const size = (x: number | null) => formatDiff(x, ctx.lang, d, { signed: false, unit: true });
  const at = String(rec.year_to);
  // A significant change the wrong way is said as such, with the handbook's caveat for disclosed violence.
  const wrongWay = rec.significant === true && rec.diff !== null && (good === 'lower' ? rec.diff > 0 : rec.diff < 0);
  const caveat = wrongWay && g.ind.chapter === 'utsatthet' && good === 'lower' ? ` ${ctx.t.narrative.riseCaveat}` : '';
  const why = (() => {
    switch (rec.status) {
      case 'reached':
        return t.explain.reached(good, target);
      case 'not_reached':
        return t.explain.notReached(good, target, String(rec.target_year));
      case 'on_track':
        return t.explain.onTrack(good, size(rec.required_change), at);
      case 'not_on_track':
        return wrongWay ? t.explain.wrongWay(good, size(rec.required_change), at) : t.explain.notOnTrack(good, size(rec.required_change), at);
      default:
        if (rec.year_to >= rec.target_year) return t.explain.uncertainTarget(formatCi(rec.ci_lower, rec.ci_upper, ctx.lang, d), target);
        if (ctx.fig.meta.pooled.waves) return t.explain.pooled;
        return rec.diff === null || rec.required_change === null ? t.explain.noChange : t.explain.uncertainChange(good, size(rec.required_change), at);
    }
  })();
  if (rec.status === 'reached' || rec.mdc === null || rec.remaining === null) return `${why}${caveat}`;
  // Still short of the target (by the estimate), or already past it by the estimate alone.
  const short = good === 'lower' ? rec.remaining < 0 : rec.remaining > 0;
  const next = short ? t.remaining(good, size(rec.remaining), size(rec.mdc), rec.detectable === true) : t.pastTarget(size(rec.mdc));
  return `${why}${caveat} ${next}`;
}

/** The summary's findings of a follow-up: one per goal that can be shown. */
export function goalFindings(ctx: ReportContext, area: string, year: number): string[] {
  return goalsOf(ctx, area, year)
    .filter((g) => g.rec.status !== null)
    .map((g) => ctx.t.goals.finding(goalTitle(ctx, g), ctx.t.goals.status[g.rec.status!], g.ind.good, targetPercent(ctx, g.rec, true), String(g.rec.target_year)));
}
