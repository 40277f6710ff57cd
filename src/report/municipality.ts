// The municipality report (lägesbild), following the handbook-based outline in DESIGN.md.
import type { FiguresTable } from '../analysis/types.js';
import { localize, type ProjectConfig } from '../config/schema.js';
import { UsageError, msg } from '../errors.js';
import { appendixChapter } from './chapters/appendix.js';
import { countyComparisonChapter } from './chapters/county-comparison.js';
import { developmentChapter } from './chapters/development.js';
import { factorsChapter } from './chapters/factors.js';
import { followUpChapter } from './chapters/follow-up.js';
import { introChapter } from './chapters/intro.js';
import { otrygghetChapter, utovandeChapter, utsatthetChapter } from './chapters/results.js';
import { summaryChapter } from './chapters/summary.js';
import { surveyChapter } from './chapters/survey.js';
import { areaName, createContext, surveyYears } from './context.js';
import { assembleDocument, type Logo } from './document.js';
import { formatYearRange } from './format.js';
import type { Lang, ReportChapter, ReportDocument } from './model.js';

export interface MunicipalityReportInput {
  figures: FiguresTable;
  config: ProjectConfig;
  /** The municipality (or pooled area) as named in the figures table. */
  area: string;
  lang: Lang;
  /** Publication date, YYYY-MM-DD. */
  dateIso: string;
  logo?: Logo | null;
}

export function buildMunicipalityReport(input: MunicipalityReportInput): ReportDocument {
  const { figures, config, area, lang } = input;
  if (!figures.meta.areas.includes(area)) {
    throw new UsageError(msg('report.noFigures', { area }), msg('cli.chooseArea', { areas: figures.meta.areas }));
  }
  const ctx = createContext(figures, config, lang);
  const [summary, ...rest] = [
    summaryChapter(ctx, area),
    surveyChapter(ctx, area),
    utsatthetChapter(ctx, area),
    utovandeChapter(ctx, area),
    otrygghetChapter(ctx, area),
    developmentChapter(ctx, area),
    countyComparisonChapter(ctx, area),
    factorsChapter(ctx, area),
    followUpChapter(ctx, area),
    appendixChapter(ctx, area),
  ].filter((c): c is ReportChapter => c !== null);
  // The introduction is written last: it names exactly the chapters the report has.
  const intro = introChapter(ctx, area, [summary!, ...rest]);
  return assembleDocument(ctx, {
    title: config.project.title !== undefined ? localize(config.project.title, lang) : ctx.t.title(areaName(ctx, area)),
    subtitle: ctx.t.subtitle(formatYearRange(surveyYears(ctx, area))),
    area,
    dateIso: input.dateIso,
    logo: input.logo,
    chapters: [summary!, intro, ...rest],
  });
}
