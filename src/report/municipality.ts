// The municipality report (lägesbild), following the handbook-based outline in DESIGN.md.
import type { FiguresTable } from '../analysis/types.js';
import { forArea, localize, type OtherSource, type ProjectConfig, type ReportProfile } from '../config/schema.js';
import { UsageError, msg } from '../errors.js';
import { appendixChapter } from './chapters/appendix.js';
import { countyComparisonChapter } from './chapters/county-comparison.js';
import { developmentChapter } from './chapters/development.js';
import { factorsChapter } from './chapters/factors.js';
import { followUpChapter } from './chapters/follow-up.js';
import { groupsChapter } from './chapters/groups.js';
import { introChapter } from './chapters/intro.js';
import { referencesChapter } from './chapters/references.js';
import { otrygghetChapter, utovandeChapter, utsatthetChapter } from './chapters/results.js';
import { summaryChapter } from './chapters/summary.js';
import { surveyChapter } from './chapters/survey.js';
import { areaName, createContext, surveyYears } from './context.js';
import { assembleDocument, type Logo } from './document.js';
import { formatYearRange } from './format.js';
import type { Lang, ReportChapter, ReportDocument } from './model.js';
import { chapterKey, rank } from './chapter-order.js';
import { sourcesChapter, sourcesIn } from './sources.js';
import type { SourceTable } from '../sources/load.js';
import { forReport, type OwnTextInput, placeOwnTexts } from './owntexts.js';
import { hasGoals } from './goals.js';

type SourceChapter = OtherSource['chapter'];

export interface MunicipalityReportInput {
  figures: FiguresTable;
  config: ProjectConfig;
  /** The municipality (or pooled area) as named in the figures table. */
  area: string;
  lang: Lang;
  /** Publication date, YYYY-MM-DD. */
  dateIso: string;
  logo?: Logo | null;
  /** The municipality's own texts (src/owntext), placed as the config says. */
  ownTexts?: readonly OwnTextInput[];
  /** Overrides `project.profile` (report --profile). */
  profile?: ReportProfile;
  /** Figures from other sources (src/sources), placed as the config says. */
  sources?: readonly SourceTable[];
}

export function buildMunicipalityReport(input: MunicipalityReportInput): ReportDocument {
  const { figures, config, area, lang } = input;
  if (!figures.meta.areas.includes(area)) {
    throw new UsageError(msg('report.noFigures', { area }), msg('cli.chooseArea', { areas: figures.meta.areas }));
  }
  const profile = input.profile ?? config.project.profile;
  const ctx = createContext(figures, config, lang, profile);
  // Texts and sources limited to some municipalities (`areas`) appear in their reports only.
  const sources = (input.sources ?? []).filter((s) => forArea(s.spec.areas, area));
  const ownTexts = forReport(area, input.ownTexts ?? []);
  const generated = [
    summaryChapter(ctx, area),
    // The introduction is written last (below): it names exactly the chapters the report has.
    { id: 'inledning', title: ctx.t.chapters.inledning, blocks: [] },
    surveyChapter(ctx, area),
    utsatthetChapter(ctx, area),
    utovandeChapter(ctx, area),
    otrygghetChapter(ctx, area),
    groupsChapter(ctx, area),
    sourcesChapter(ctx, sources),
    developmentChapter(ctx, area),
    countyComparisonChapter(ctx, area),
    referencesChapter(ctx, area),
    factorsChapter(ctx, area),
    followUpChapter(ctx, area),
    appendixChapter(ctx, area),
  ]
    .filter((c): c is ReportChapter => c !== null)
    .sort((a, b) => rank(profile, a.id) - rank(profile, b.id))
    // Other sources the config places in a result chapter stand at its end.
    .map((c) => ({ ...c, blocks: [...c.blocks, ...sourcesIn(ctx, chapterKey(c.id) as SourceChapter, sources.filter((s) => s.spec.chapter !== 'andra-kallor'))] }));
  const chapters = placeOwnTexts(lang, profile, generated, ownTexts);
  const at = chapters.findIndex((c) => c.id === 'inledning');
  const intro = introChapter(ctx, area, chapters.filter((_, i) => i !== at));
  // Own text placed in the introduction follows what the report says there.
  chapters[at] = { ...intro, blocks: [...intro.blocks, ...chapters[at]!.blocks] };
  return assembleDocument(ctx, {
    title: config.project.title !== undefined ? localize(config.project.title, lang) : (profile === 'uppfoljning' ? ctx.t.followUpProfile.title : ctx.t.title)(areaName(ctx, area)),
    subtitle:
      profile === 'uppfoljning'
        ? ctx.t.followUpProfile.subtitle(formatYearRange(surveyYears(ctx, area)), hasGoals(chapters.find((c) => c.id === 'uppfoljning')))
        : ctx.t.subtitle(formatYearRange(surveyYears(ctx, area))),
    area,
    dateIso: input.dateIso,
    logo: input.logo,
    chapters,
  });
}
