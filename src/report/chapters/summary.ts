// Sammanfattning: key figures (latest wave, total, with the genders) and 3–6 findings.
import { heading } from '../blocks.js';
import { decimalsFor } from '../cells.js';
import { hasCountyComparison, keyIndicators, type ReportContext } from '../context.js';
import { formatYearRange } from '../format.js';
import { TOTAL } from '../groups.js';
import type { Block, ReportChapter } from '../model.js';
import { changeSentence, countySentence, estimateSentence, genderSentence, singleWaveSentence } from '../narrative.js';
import { bothWavesMeasured, cautionSentence, changeDecimals, keyFigureBlocks, latestYear, withData, withheldNotice, withShown } from './common.js';

const MAX_FINDINGS = 6;
const MIN_FINDINGS = 3;

/**
 * Findings, in this order: the total for up to three key indicators; the first significant
 * gender difference; significant changes since the previous wave (or that there are none, or
 * that there is only one wave); the first significant difference from the rest of the county;
 * then more totals until there are at least three.
 */
function findings(ctx: ReportContext, area: string, year: number): string[] {
  const n = ctx.narrative;
  // Only figures that may be shown make findings (the key figures say which are hidden, once).
  const keys = withShown(ctx, keyIndicators(ctx.config), area, year);
  const total = (id: string) => ctx.fig.estimate(id, area, year, TOTAL)!;
  // Pooled waves are said once, in the finding below, not after every sentence.
  const out = keys.slice(0, 3).map((i) => estimateSentence(i, total(i.id), n, { pooledNote: false }));

  for (const ind of keys) {
    const g = ctx.fig.change('gender', ind.id, area, TOTAL, year);
    if (g?.significant) {
      const cells = [ctx.fig.estimate(ind.id, area, year, g.from), ctx.fig.estimate(ind.id, area, year, g.to)];
      out.push(withCaution(genderSentence(ind, g, n, { decimals: decimalsFor(cells) }), cautionSentence(ctx, cells, 'groups')));
      break;
    }
  }

  const years = ctx.fig.years(area);
  if (ctx.fig.meta.pooled.waves) {
    out.push(ctx.t.text.pooledNoChange(formatYearRange(ctx.fig.pooledYears(area, year) ?? years)));
  } else if (years.length < 2) {
    out.push(singleWaveSentence(area, year, ctx.lang));
  } else {
    const changes = keys
      .map((ind) => ({ ind, rec: ctx.fig.change('previous', ind.id, area, TOTAL, year) }))
      .filter((c) => c.rec !== undefined && c.rec.significant === true && bothWavesMeasured(ctx, c.rec));
    if (changes.length === 0) out.push(ctx.t.narrative.noSignificantChange(String(years[years.length - 2])));
    for (const { ind, rec } of changes.slice(0, 2)) {
      const cells = [rec!.year_from, rec!.year_to].map((y) => ctx.fig.estimate(ind.id, area, y, rec!.group));
      out.push(withCaution(changeSentence(ind, rec!, n, { decimals: changeDecimals(ctx, rec!) }), cautionSentence(ctx, cells, 'waves')));
    }
  }

  if (hasCountyComparison(ctx, area)) {
    for (const ind of keys) {
      const c = ctx.fig.change('rest_of_county', ind.id, area, TOTAL, year);
      if (c?.significant) {
        out.push(countySentence(ind, c, area, n, { decimals: decimalsFor([total(ind.id)]) }));
        break;
      }
    }
  }

  const more = [...keys.slice(3), ...withShown(ctx, ctx.config.indicators, area, year).filter((i) => !keys.includes(i) && i.chapter === 'utsatthet')];
  for (const ind of more) {
    if (out.length >= MIN_FINDINGS) break;
    out.push(estimateSentence(ind, total(ind.id), n, { pooledNote: false }));
  }
  return out.slice(0, MAX_FINDINGS);
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
  if (year !== null && keys.length > 0) {
    blocks.push(heading(2, 'sammanfattning-nyckeltal', ctx.t.sections.keyFigures), ...keyFigureBlocks(ctx, keys, area, year));
  }
  const items = year === null ? [] : findings(ctx, area, year);
  if (items.length > 0) blocks.push(heading(2, 'sammanfattning-resultat', ctx.t.sections.findings), { type: 'list', ordered: false, items });
  return { id: 'sammanfattning', title: ctx.t.chapters.sammanfattning, blocks };
}
