// Sammanfattning: key figures (latest wave, total, with the genders) and 3–6 findings.
import { heading } from '../blocks.js';
import { decimalsFor } from '../cells.js';
import { keyIndicators, type ReportContext } from '../context.js';
import { formatYearRange } from '../format.js';
import { TOTAL } from '../groups.js';
import type { Block, ReportChapter } from '../model.js';
import { changeSentence, countySentence, estimateSentence, genderSentence, singleWaveSentence } from '../narrative.js';
import { bothWavesMeasured, changeDecimals, keyFigure, latestYear, withData } from './common.js';

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
  const keys = withData(ctx, keyIndicators(ctx.config), area, year);
  const total = (id: string) => ctx.fig.estimate(id, area, year, TOTAL)!;
  const out = keys.slice(0, 3).map((i) => estimateSentence(i, total(i.id), n));

  for (const ind of keys) {
    const g = ctx.fig.change('gender', ind.id, area, TOTAL, year);
    if (g?.significant) {
      out.push(genderSentence(ind, g, n, { decimals: decimalsFor([ctx.fig.estimate(ind.id, area, year, g.from), ctx.fig.estimate(ind.id, area, year, g.to)]) }));
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
    for (const { ind, rec } of changes.slice(0, 2)) out.push(changeSentence(ind, rec!, n, { decimals: changeDecimals(ctx, rec!) }));
  }

  if (ctx.config.project.compare_with_county) {
    for (const ind of keys) {
      const c = ctx.fig.change('rest_of_county', ind.id, area, TOTAL, year);
      if (c?.significant) {
        out.push(countySentence(ind, c, area, n, { decimals: decimalsFor([total(ind.id)]) }));
        break;
      }
    }
  }

  const more = [...keys.slice(3), ...withData(ctx, ctx.config.indicators, area, year).filter((i) => !keys.includes(i) && i.chapter === 'utsatthet')];
  for (const ind of more) {
    if (out.length >= MIN_FINDINGS) break;
    out.push(estimateSentence(ind, total(ind.id), n));
  }
  return out.slice(0, MAX_FINDINGS);
}

export function summaryChapter(ctx: ReportContext, area: string): ReportChapter {
  const year = latestYear(ctx, area);
  const keys = year === null ? [] : withData(ctx, keyIndicators(ctx.config), area, year);
  const blocks: Block[] = [];
  if (year !== null && keys.length > 0) {
    blocks.push(heading(2, 'sammanfattning-nyckeltal', ctx.t.sections.keyFigures), { type: 'keyFigures', items: keys.map((i) => keyFigure(ctx, i, area, year)) });
  }
  const items = year === null ? [] : findings(ctx, area, year);
  if (items.length > 0) blocks.push(heading(2, 'sammanfattning-resultat', ctx.t.sections.findings), { type: 'list', ordered: false, items });
  return { id: 'sammanfattning', title: ctx.t.chapters.sammanfattning, blocks };
}
