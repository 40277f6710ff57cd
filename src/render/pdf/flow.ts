// Pagination: places flowables top to bottom on pages, splitting those that allow it,
// keeping headings and captions with what follows, and starting each section on a new
// page. Layout is computed before anything is drawn, so the table of contents knows the
// page of every heading.

import type { Doc } from './text.js';
import type { Theme } from './theme.js';
import { CONTENT } from './theme.js';

export interface DrawContext {
  doc: Doc;
  theme: Theme;
}

/** A heading's place in the table of contents and outline. */
export interface Anchor {
  id: string;
  level: 1 | 2;
  title: string;
}

export interface Flowable {
  /** Space above; dropped at the top of a page. */
  readonly spaceBefore: number;
  /** Must share a page with the start of the next flowable. */
  readonly keepWithNext: boolean;
  readonly anchor?: Anchor;
  height(): number;
  /** Height of the smallest first part a split may leave on a page (the whole if unsplittable). */
  minHeight(): number;
  /** A first part no taller than `avail` and the rest, or null. */
  split(avail: number): [Flowable, Flowable] | null;
  draw(ctx: DrawContext, top: number): void;
}

export interface Placement {
  flowable: Flowable;
  top: number;
}

export type PageLayout = Placement[];

/** Height needed at the current position: the flowable, plus whatever it keeps with. */
function requirement(queue: Flowable[], i: number): number {
  const f = queue[i];
  if (!f) return 0;
  const next = queue[i + 1];
  if (!f.keepWithNext || !next) return f.minHeight();
  return f.height() + next.spaceBefore + requirement(queue, i + 1);
}

export function paginate(sections: Flowable[][], top: number = CONTENT.top, bottom: number = CONTENT.bottom): PageLayout[] {
  const pages: PageLayout[] = [];
  let page: PageLayout = [];
  let y = top;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = top;
  };

  for (const section of sections) {
    newPage();
    const queue = [...section];
    while (queue.length > 0) {
      const f = queue[0] as Flowable;
      const atTop = page.length === 0;
      const space = atTop ? 0 : f.spaceBefore;
      const avail = bottom - y - space;
      if (!atTop && requirement(queue, 0) > avail) {
        newPage();
        continue;
      }
      if (f.height() <= avail) {
        page.push({ flowable: f, top: y + space });
        y += space + f.height();
        queue.shift();
        continue;
      }
      const parts = f.split(avail);
      if (parts) {
        page.push({ flowable: parts[0], top: y + space });
        queue[0] = parts[1];
        newPage();
        continue;
      }
      if (!atTop) {
        newPage();
        continue;
      }
      // Taller than a whole page and unsplittable: place it rather than loop forever.
      page.push({ flowable: f, top: y });
      y += f.height();
      queue.shift();
    }
  }
  return pages;
}

/** Page index (0-based, within `pages`) of every anchored flowable. */
export function anchorPages(pages: PageLayout[]): Map<string, number> {
  const found = new Map<string, number>();
  pages.forEach((p, i) => {
    for (const { flowable } of p) if (flowable.anchor && !found.has(flowable.anchor.id)) found.set(flowable.anchor.id, i);
  });
  return found;
}
