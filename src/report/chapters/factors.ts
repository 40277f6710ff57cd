// Förändringsfaktorer (handbook step 3): indicators grouped by the socio-ecological level
// (individ, relation, närmiljö, samhälle), risk factors before protective ones.
import { LEVELS } from '../../config/schema.js';
import { heading, paragraph, present } from '../blocks.js';
import { indicatorsFigure } from '../charts.js';
import { areaName, waveName, type ReportContext } from '../context.js';
import type { Block, ReportChapter } from '../model.js';
import { latestYear, totalSentence, withData } from './common.js';

const FACTOR_ORDER = ['risk', 'skydd', 'none'] as const;

export function factorsChapter(ctx: ReportContext, area: string): ReportChapter | null {
  const year = latestYear(ctx, area);
  if (year === null) return null;
  const inds = withData(
    ctx,
    ctx.config.indicators.filter((i) => i.chapter === 'forandringsfaktorer'),
    area,
    year,
  );
  if (inds.length === 0) return null;
  const wave = waveName(ctx, area, year);
  const blocks: Block[] = [paragraph(ctx.t.text.factorsIntro)];
  for (const level of [...LEVELS, 'none'] as const) {
    const ofLevel = inds.filter((i) => (i.level ?? 'none') === level);
    if (ofLevel.length === 0) continue;
    blocks.push(heading(2, `forandringsfaktorer-${level}`, ctx.t.levels[level]));
    for (const factor of FACTOR_ORDER) {
      const group = ofLevel.filter((i) => (i.factor ?? 'none') === factor);
      if (group.length === 0) continue;
      const factorName = ctx.t.factors[factor];
      blocks.push(
        heading(3, `forandringsfaktorer-${level}-${factor}`, factorName),
        paragraph(group.map((i) => totalSentence(ctx, i, area, year)!).join(' ')),
        ...present(indicatorsFigure(ctx, group, area, year, (byGender) => ctx.t.captions.factors(ctx.t.levels[level], factorName, areaName(ctx, area), wave, byGender))),
      );
    }
  }
  return { id: 'forandringsfaktorer', title: ctx.t.chapters.forandringsfaktorer, blocks };
}
