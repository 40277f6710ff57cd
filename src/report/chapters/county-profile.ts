// The county profile (county overview): every municipality × every indicator of the latest
// wave in one table-chart, like Öppna jämförelser's profiles. A cell holds the estimate, and
// ▲ / ▼ with a tint when the municipality differs from the rest of the county by the report's
// rule (the rest_of_county record's verdict), so neither colour nor symbol carries it alone.
// One table per chapter, and at most PROFILE_AREAS municipalities per table, so each fits a
// page; the county (and any reference value) closes every table.
import { CHAPTERS, type Indicator } from '../../config/schema.js';
import { paragraph, tableBlock } from '../blocks.js';
import { cellNotes, decimalsFor, shareText } from '../cells.js';
import { referenceNotes, referenceText, sourceWithReferences } from '../charts.js';
import { areaName, label, waveName, type ReportContext } from '../context.js';
import { formatAlpha, formatInteger } from '../format.js';
import { TOTAL } from '../groups.js';
import type { Block, CellTone, TableBlock, TableRow } from '../model.js';
import { countySides, isAdjusted, isShown } from '../narrative.js';
import { populationNotes } from './appendix.js';
import { withData } from './common.js';

/** Municipality columns per table: with the county's column they fit a portrait A4 page. */
export const PROFILE_AREAS = 6;

const HIGH = '▲';
const LOW = '▼';

/** The profile's tables by subject: the chapters, with the follow-up questions (`aspect`) after utsatthet. */
function profileSections(ctx: ReportContext, county: string, year: number): { title: string; inds: Indicator[] }[] {
  const of = (keep: (i: Indicator) => boolean) => withData(ctx, ctx.config.indicators.filter(keep), county, year);
  return CHAPTERS.flatMap((chapter) => [
    { title: ctx.t.chapters[chapter], inds: of((i) => i.chapter === chapter && i.aspect === undefined) },
    ...(chapter === 'utsatthet' ? [{ title: ctx.t.sections.aspects, inds: of((i) => i.aspect !== undefined) }] : []),
  ]).filter((s) => s.inds.length > 0);
}

export function countyProfileBlocks(ctx: ReportContext, areas: string[], year: number): Block[] {
  const county = ctx.fig.meta.county;
  const sections = profileSections(ctx, county, year);
  if (sections.length === 0) return [];
  const chunks: string[][] = [];
  for (let i = 0; i < areas.length; i += PROFILE_AREAS) chunks.push(areas.slice(i, i + PROFILE_AREAS));
  const intro = paragraph(
    ctx.t.text.profileIntro(county, waveName(ctx, county, year), HIGH, LOW, isAdjusted(ctx.fig.meta), formatAlpha(1 - ctx.fig.meta.level, ctx.lang)),
  );
  return [
    intro,
    ...sections.flatMap(({ title, inds }) =>
      chunks.map((chunk, c) => profileTable(ctx, title, inds, chunk, year, chunks.length === 1 ? null : { from: c * PROFILE_AREAS + 1, to: c * PROFILE_AREAS + chunk.length, of: areas.length })),
    ),
  ];
}

function profileTable(ctx: ReportContext, title: string, inds: Indicator[], areas: string[], year: number, part: { from: number; to: number; of: number } | null): TableBlock {
  const county = ctx.fig.meta.county;
  const refs = ctx.fig.meta.references
    .map((ref, set) => ({ label: ref.label[ctx.lang], source: ref.source[ctx.lang], recs: inds.map((i) => ctx.fig.reference(set, i.id, county, TOTAL, year)) }))
    .filter((r) => r.recs.some((rec) => rec !== undefined));
  const cells = inds.map((ind) => [...areas, county].map((a) => ctx.fig.estimate(ind.id, a, year, TOTAL)));
  const rows: TableRow[] = inds.map((ind, r) => {
    const d = decimalsFor(cells[r]!);
    const tones: (CellTone | null)[] = [];
    const texts = cells[r]!.map((est, c) => {
      const tone = c < areas.length && isShown(est) ? toneOf(ctx, ind, areas[c]!, year) : null;
      tones.push(tone);
      const text = shareText(est, ctx, d);
      return tone === null ? text : `${text} ${tone === 'high' ? HIGH : LOW}`;
    });
    return {
      header: label(ctx, ind, true),
      cells: [...texts, ...refs.map((ref) => referenceText(ctx, ref.recs[r], d))],
      ...(tones.some((t) => t !== null) ? { tones: [...tones, ...refs.map(() => null)] } : {}),
    };
  });
  const all = cells.flat();
  const range = part === null ? null : ctx.t.words.areaRange(formatInteger(part.from, ctx.lang), formatInteger(part.to, ctx.lang), formatInteger(part.of, ctx.lang));
  const table = tableBlock(ctx, ctx.t.captions.profile(title, waveName(ctx, county, year), range), {
    columns: [
      { header: ctx.t.words.indicator, align: 'left' },
      ...[...areas, county].map((a) => ({ header: areaName(ctx, a), align: 'right' as const })),
      ...refs.map((ref) => ({ header: ref.label, align: 'right' as const })),
    ],
    rows,
    notes: [ctx.t.notes.profile(HIGH, LOW, county), ...populationNotes(ctx, inds), ...cellNotes(all, ctx), ...referenceNotes(ctx, refs)],
  });
  return refs.length === 0 ? table : { ...table, source: sourceWithReferences(ctx, refs) };
}

/** high / low when the area differs from the rest of the county by the report's rule, else null. */
function toneOf(ctx: ReportContext, ind: Indicator, area: string, year: number): CellTone | null {
  const rec = ctx.fig.change('rest_of_county', ind.id, area, TOTAL, year);
  if (!rec || rec.suppressed || rec.significant !== true) return null;
  const diff = countySides(rec, area).diff;
  return diff === null || diff === 0 ? null : diff > 0 ? 'high' : 'low';
}
