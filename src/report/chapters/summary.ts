// Sammanfattning: key figures (latest wave, total, with the genders) and the report's main
// findings: its largest statistically significant differences, whatever the indicator.
import type { ChangeRecord } from '../../analysis/types.js';
import type { Indicator } from '../../config/schema.js';
import { heading } from '../blocks.js';
import { goalFindings } from '../goals.js';
import { decimalsFor } from '../cells.js';
import { hasCountyComparison, keyIndicators, type ReportContext } from '../context.js';
import { formatInteger, formatYearRange } from '../format.js';
import { TOTAL } from '../groups.js';
import type { Block, ReportChapter } from '../model.js';
import { changeSentence, countySentence, genderSentence, isShown, needsRiseCaveat, singleWaveSentence } from '../narrative.js';
import { bothWavesMeasured, cautionSentence, changeDecimals, keyFigureBlocks, latestYear, withData, withheldNotice } from './common.js';
import { lowTotalResponseNotice } from './survey.js';

/** About eight bullets: more would not be a summary. */
const MAX_FINDINGS = 8;

interface Finding {
  /** |difference| in proportion: findings are ranked by it. */
  size: number;
  text: string;
  riseCaveat: boolean;
}

/**
 * "Viktiga resultat" from the whole report, for all respondents (total): the statistically
 * significant changes since the previous and since the first wave (one per indicator, the
 * larger), differences between the genders, and differences from the rest of the county,
 * across all indicators. Each kind is ranked by size and the kinds take turns, so that large
 * gender gaps cannot crowd out a change over time; they are told in that order (changes,
 * genders, county), each largest first. Comparisons on small bases say "tolka med
 * försiktighet"; the rise caveat is said once. When nothing is significant the summary says
 * so plainly. A single or pooled wave is said last, as the context of what was compared.
 */
function findings(ctx: ReportContext, area: string, year: number): string[] {
  const n = ctx.narrative;
  const years = ctx.fig.years(area);
  const waves = !ctx.fig.meta.pooled.waves && years.length >= 2;
  const county = hasCountyComparison(ctx, area);
  const found: Record<'waves' | 'genders' | 'county', Finding[]> = { waves: [], genders: [], county: [] };
  const tested = { waves: false, genders: false, county: false };
  for (const ind of withData(ctx, ctx.config.indicators, area, year)) {
    const change = waves ? largestChange(ctx, ind, area, year) : null;
    tested.waves ||= waves && ctx.fig.change('previous', ind.id, area, TOTAL, year) !== undefined;
    if (change) {
      const cells = [change.year_from, change.year_to].map((y) => ctx.fig.estimate(ind.id, area, y, TOTAL));
      const text = changeSentence(ind, change, n, { decimals: changeDecimals(ctx, change), caveat: false });
      found.waves.push({ size: Math.abs(change.diff!), text: withCaution(text, cautionSentence(ctx, cells, 'waves')), riseCaveat: needsRiseCaveat(ind, change) });
    }
    const gender = ctx.fig.change('gender', ind.id, area, TOTAL, year);
    tested.genders ||= gender !== undefined && !gender.suppressed;
    if (gender?.significant) {
      const cells = [ctx.fig.estimate(ind.id, area, year, gender.from), ctx.fig.estimate(ind.id, area, year, gender.to)];
      const text = genderSentence(ind, gender, n, { decimals: decimalsFor(cells) });
      found.genders.push({ size: Math.abs(gender.diff!), text: withCaution(text, cautionSentence(ctx, cells, 'groups')), riseCaveat: false });
    }
    const rest = county ? ctx.fig.change('rest_of_county', ind.id, area, TOTAL, year) : undefined;
    tested.county ||= rest !== undefined && !rest.suppressed;
    if (rest?.significant) {
      const own = ctx.fig.estimate(ind.id, area, year, TOTAL);
      const caution = isShown(own) && own.flag === 'caution' ? ctx.t.narrative.caution(formatInteger(own.n, ctx.lang)) : null;
      const text = countySentence(ind, rest, area, n, { decimals: decimalsFor([own]) });
      found.county.push({ size: Math.abs(rest.diff!), text: withCaution(text, caution), riseCaveat: false });
    }
  }
  const top = takeTurns([found.waves, found.genders, found.county], MAX_FINDINGS);
  const caveat = top.findIndex((f) => f.riseCaveat);
  const out = top.map((f, i) => (i === caveat ? `${f.text} ${ctx.t.narrative.riseCaveat}` : f.text));
  if (out.length === 0) {
    const kinds = (['waves', 'genders', 'county'] as const).filter((k) => tested[k]);
    if (kinds.length > 0) out.push(ctx.t.narrative.noSignificantFindings(kinds));
  }
  if (ctx.fig.meta.pooled.waves) out.push(ctx.t.text.pooledNoChange(formatYearRange(ctx.fig.pooledYears(area, year) ?? years)));
  else if (years.length < 2) out.push(singleWaveSentence(area, year, ctx.lang));
  return out;
}

/**
 * Up to `max` findings: each list ranked largest first (equal sizes keep config order), then
 * the lists give one each in turn; returned list by list.
 */
function takeTurns(lists: Finding[][], max: number): Finding[] {
  const ranked = lists.map((l) => [...l].sort((a, b) => b.size - a.size));
  const taken = ranked.map(() => 0);
  for (let total = 0, round = 0; total < max && ranked.some((l) => l.length > round); round++) {
    ranked.forEach((l, k) => {
      if (total < max && l.length > round) {
        taken[k]!++;
        total++;
      }
    });
  }
  return ranked.flatMap((l, k) => l.slice(0, taken[k]));
}

/** The significant change (since the previous or the first wave) with the larger difference, if any. */
function largestChange(ctx: ReportContext, ind: Indicator, area: string, year: number): ChangeRecord | null {
  const previous = ctx.fig.change('previous', ind.id, area, TOTAL, year);
  const baseline = ctx.fig.change('baseline', ind.id, area, TOTAL, year);
  const candidates = [previous, baseline].filter(
    (r): r is ChangeRecord => r !== undefined && r.significant === true && !r.suppressed && r.diff !== null && bothWavesMeasured(ctx, r),
  );
  return candidates.reduce<ChangeRecord | null>((best, r) => (best === null || Math.abs(r.diff!) > Math.abs(best.diff!) ? r : best), null);
}

/** A sentence and the caution that belongs to it, as one finding. */
function withCaution(sentence: string, caution: string | null): string {
  return caution === null ? sentence : `${sentence} ${caution}`;
}

export function summaryChapter(ctx: ReportContext, area: string): ReportChapter {
  const year = latestYear(ctx, area);
  const keys = year === null ? [] : withData(ctx, keyIndicators(ctx.config), area, year);
  const blocks: Block[] = [];
  const notice = year === null ? null : withheldNotice(ctx, area, year);
  if (notice) blocks.push(notice);
  const response = year === null ? null : lowTotalResponseNotice(ctx, area, year);
  if (response) blocks.push(response);
  if (year !== null && keys.length > 0) {
    blocks.push(heading(2, 'sammanfattning-nyckeltal', ctx.t.sections.keyFigures), ...keyFigureBlocks(ctx, keys, area, year));
  }
  // A follow-up leads with where its goals stand.
  const goals = year !== null && ctx.profile === 'uppfoljning' ? goalFindings(ctx, area, year) : [];
  const items = year === null ? [] : [...goals, ...findings(ctx, area, year)];
  if (items.length > 0) blocks.push(heading(2, 'sammanfattning-resultat', ctx.t.sections.findings), { type: 'list', ordered: false, items });
  return { id: 'sammanfattning', title: ctx.t.chapters.sammanfattning, blocks };
}
