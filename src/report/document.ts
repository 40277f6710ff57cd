// The document around the chapters: title page texts, labels, synthetic notice, numbering.
import { numberBlocks } from './blocks.js';
import type { ReportContext } from './context.js';
import { formatDate } from './format.js';
import type { ReportChapter, ReportDocument } from './model.js';

export interface Logo {
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
}

export function assembleDocument(
  ctx: ReportContext,
  parts: { title: string; subtitle: string; area: string; dateIso: string; logo: Logo | null | undefined; chapters: (ReportChapter | null)[] },
): ReportDocument {
  const project = ctx.config.project;
  return {
    lang: ctx.lang,
    langTag: ctx.t.langTag,
    title: parts.title,
    subtitle: parts.subtitle,
    area: parts.area,
    dateText: formatDate(parts.dateIso, ctx.lang),
    dateIso: parts.dateIso,
    publisher: project.publisher ?? null,
    logo: parts.logo ?? null,
    accent: project.accent,
    syntheticNotice: project.synthetic ? ctx.t.syntheticNotice : null,
    labels: ctx.t.labels,
    chapters: numberBlocks(parts.chapters.filter((c): c is ReportChapter => c !== null)),
  };
}
