// The county overview for county analysts: the municipalities compared on the key
// indicators (chart with the county as reference line, table against the rest of the
// county), the county profile (every municipality × every indicator), and the county's own
// development over time.
import type { FiguresTable } from '../analysis/types.js';
import type { Indicator, ProjectConfig } from '../config/schema.js';
import { heading, paragraph } from './blocks.js';
import { appendixChapter } from './chapters/appendix.js';
import { countyProfileBlocks } from './chapters/county-profile.js';
import { designParagraphs, keyFigureBlocks, latestYear, readingParagraphs, withData, withShown } from './chapters/common.js';
import { developmentBlocks } from './chapters/development.js';
import { areasFigure } from './charts.js';
import { createContext, keyIndicators, label, surveyYears, waveName, type ReportContext } from './context.js';
import { assembleDocument, type Logo } from './document.js';
import { formatInteger, formatYearRange } from './format.js';
import { TOTAL } from './groups.js';
import type { Block, Lang, ReportChapter, ReportDocument } from './model.js';
import { countySides, estimateSentence } from './narrative.js';
import { areasTable, respondentsByAreaTable } from './tables.js';

export interface CountyReportInput {
  figures: FiguresTable;
  config: ProjectConfig;
  lang: Lang;
  /** Publication date, YYYY-MM-DD. */
  dateIso: string;
  logo?: Logo | null;
}

/** "För ”X” är andelen statistiskt säkerställt högre än i övriga länet i A och lägre i B." */
function overviewSentence(ctx: ReportContext, ind: Indicator, areas: string[], year: number): string {
  const higher: string[] = [];
  const lower: string[] = [];
  // A hidden comparison was not tested: "no municipality differs" would speak for it too.
  const compared = { shown: 0, hidden: 0 };
  for (const a of areas) {
    const rec = ctx.fig.change('rest_of_county', ind.id, a, TOTAL, year);
    if (rec?.suppressed) compared.hidden += 1;
    else if (rec) compared.shown += 1;
    if (!rec || rec.suppressed || rec.significant !== true) continue;
    const diff = countySides(rec, a).diff;
    if (diff !== null && diff > 0) higher.push(a);
    if (diff !== null && diff < 0) lower.push(a);
  }
  return ctx.t.narrative.countyOverview(label(ctx, ind), higher, lower, compared);
}

export function buildCountyReport(input: CountyReportInput): ReportDocument {
  const { figures, config, lang } = input;
  const ctx = createContext(figures, config, lang);
  const county = figures.meta.county;
  const areas = figures.meta.areas.filter((a) => a !== county);
  const year = latestYear(ctx, county);
  const keys = year === null ? [] : withData(ctx, keyIndicators(config), county, year);

  const summary: Block[] = [];
  const comparisons: Block[] = [];
  // Municipalities are compared with each other only when there are at least two.
  const comparable = areas.length >= 2;
  if (year !== null && keys.length > 0) {
    const shown = withShown(ctx, keys, county, year);
    summary.push(heading(2, 'sammanfattning-nyckeltal', ctx.t.sections.keyFigures), ...keyFigureBlocks(ctx, keys, county, year));
    if (shown.length > 0) {
      summary.push(heading(2, 'sammanfattning-resultat', ctx.t.sections.findings), {
        type: 'list',
        ordered: false,
        items: shown.map((i) => [estimateSentence(i, ctx.fig.estimate(i.id, county, year, TOTAL)!, ctx.narrative), ...(comparable ? [overviewSentence(ctx, i, areas, year)] : [])].join(' ')),
      });
    }
    for (const ind of comparable ? keys : []) {
      comparisons.push(
        heading(2, `kommunerna-${ind.id}`, label(ctx, ind)),
        paragraph(overviewSentence(ctx, ind, areas, year)),
        ...areasFigure(ctx, ind, areas, year),
        areasTable(ctx, ind, areas, year),
      );
    }
  }

  const about: Block[] = [];
  if (year !== null) about.push(paragraph(ctx.t.text.countyOverviewIntro(county, formatInteger(areas.length, lang), waveName(ctx, county, year))));
  about.push(
    respondentsByAreaTable(ctx, areas),
    ...designParagraphs(ctx, county),
    heading(2, 'om-oversikten-lasanvisning', ctx.t.sections.lasanvisning),
    ...readingParagraphs(ctx),
  );

  const chapters: ReportChapter[] = [
    { id: 'sammanfattning', title: ctx.t.chapters.sammanfattning, blocks: summary },
    { id: 'om-oversikten', title: ctx.t.chapters.omOversikten, blocks: about },
    { id: 'kommunerna', title: ctx.t.chapters.kommunerna, blocks: comparisons },
    { id: 'lansprofil', title: ctx.t.chapters.lansprofil, blocks: year !== null && comparable ? countyProfileBlocks(ctx, areas, year) : [] },
    { id: 'lanets-utveckling', title: ctx.t.chapters.lanetsUtveckling, blocks: developmentBlocks(ctx, county) },
    appendixChapter(ctx, county),
  ];
  return assembleDocument(ctx, {
    title: ctx.t.countyTitle(county),
    subtitle: ctx.t.countySubtitle(formatYearRange(surveyYears(ctx, county))),
    area: county,
    dateIso: input.dateIso,
    logo: input.logo,
    chapters: chapters.filter((c) => c.blocks.length > 0),
  });
}
