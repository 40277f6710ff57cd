// Places the municipality's own texts in the report: `<chapter>` at the end of that chapter,
// `before:<chapter>` / `after:<chapter>` as chapters of their own. An own chapter beside a
// chapter this report does not have (no county comparison for a single municipality) stands
// where that chapter would have stood, so no text the coordinator wrote is lost.
import { forArea, type ReportChapterId, type ReportProfile, type TextPlace } from '../config/schema.js';
import { chapterKey, rank } from './chapter-order.js';
import { strings } from './i18n/index.js';
import type { Lang, OwnTextBlock, ReportChapter, ReportDocument } from './model.js';

/** A text as src/owntext reads it (the report needs no more than this). */
export interface OwnTextInput {
  place: TextPlace;
  lang: 'sv' | 'en';
  title: string | null;
  blocks: OwnTextBlock['blocks'];
  /** The municipalities whose reports it is for; undefined: every report. */
  areas?: readonly string[];
}

/** The texts (or other sources) for one municipality's report: those for every report and those naming it. */
export function forReport<T extends { areas?: readonly string[] }>(area: string, items: readonly T[]): T[] {
  return items.filter((x) => forArea(x.areas, area));
}

/** The chapter a place refers to. */
export function placeChapter(place: TextPlace): ReportChapterId {
  return place.replace(/^(before|after):/, '') as ReportChapterId;
}

/** The place's chapter id as built: "Våldsutövande och attityder" is `utovande` or `attityder` when it holds only one of them. */
function matches(chapter: ReportChapter, id: ReportChapterId): boolean {
  return chapterKey(chapter.id) === id;
}

/** The report's in-chapter texts whose chapter the built report does not have (the CLI warns about them). */
export function unplacedTexts<T extends Pick<OwnTextInput, 'place' | 'blocks' | 'areas'>>(doc: Pick<ReportDocument, 'area' | 'chapters'>, texts: readonly T[]): T[] {
  return forReport(doc.area, texts).filter((t) => t.blocks.length > 0 && !t.place.includes(':') && !doc.chapters.some((c) => matches(c, placeChapter(t.place))));
}

/**
 * Own chapters first, in place (`chapters` in report order); then each text at the end of its
 * chapter. A text with nothing to show (only comments, as `lagesbild init` writes them) is left out.
 */
export function placeOwnTexts(lang: Lang, profile: ReportProfile, chapters: readonly ReportChapter[], all: readonly OwnTextInput[]): ReportChapter[] {
  const t = strings(lang);
  const texts = all.filter((text) => text.blocks.length > 0);
  const out = [...chapters];
  const block = (text: OwnTextInput): OwnTextBlock => ({
    type: 'ownText',
    id: '',
    label: t.own.label,
    ...(text.lang !== lang ? { lang: text.lang } : {}),
    blocks: text.blocks,
  });
  // Own chapters: "after" texts in config order go right after their chapter, "before" texts right before it.
  for (const text of texts) {
    const side = text.place.startsWith('before:') ? 'before' : text.place.startsWith('after:') ? 'after' : null;
    if (side === null) continue;
    const target = placeChapter(text.place);
    const own: ReportChapter = { id: `egen-text-${side === 'before' ? 'fore' : 'efter'}-${target}`, title: text.title ?? t.own.chapterTitle, blocks: [block(text)] };
    out.splice(insertionIndex(out, profile, target, side), 0, own);
  }
  for (const text of texts) {
    if (text.place.includes(':')) continue;
    const chapter = out.find((c) => matches(c, placeChapter(text.place)));
    if (chapter) chapter.blocks = [...chapter.blocks, block(text)];
  }
  return numberOwnTexts(out);
}

/**
 * Where an own chapter goes: beside its chapter, after other own chapters already on that
 * side; beside the nearest chapter of the report's outline when the chapter is absent.
 */
function insertionIndex(chapters: readonly ReportChapter[], profile: ReportProfile, target: ReportChapterId, side: 'before' | 'after'): number {
  const at = chapters.findIndex((c) => matches(c, target));
  if (at >= 0) {
    if (side === 'before') return at;
    let i = at + 1;
    while (i < chapters.length && chapters[i]!.id.startsWith('egen-text-fore-') === false && chapters[i]!.id.startsWith('egen-text-')) i++;
    return i;
  }
  const wanted = rank(profile, target);
  const later = chapters.findIndex((c) => rank(profile, c.id) > wanted);
  return later < 0 ? chapters.length : later;
}

/** Ids in document order: "egen-text-1", its headings "egen-text-1-1", … (the same in every language). */
function numberOwnTexts(chapters: ReportChapter[]): ReportChapter[] {
  let n = 0;
  return chapters.map((chapter) => ({
    ...chapter,
    blocks: chapter.blocks.map((b) => {
      if (b.type !== 'ownText') return b;
      const id = `egen-text-${++n}`;
      let k = 0;
      return { ...b, id, blocks: b.blocks.map((inner) => (inner.type === 'heading' ? { ...inner, id: `${id}-${++k}` } : inner)) };
    }),
  }));
}
