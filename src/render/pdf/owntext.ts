// The municipality's own texts in the PDF: a Div titled by its label ("Kommunens egen text"),
// the label printed at the top and a rule in the left margin beside every part of it, so a
// reader can tell written from generated text; inside, the report's typography with bold,
// italic and links (tagged as Link elements with their annotations), lists (nested), simple
// tables, quotes and images with their alt text.

import type { OwnBlock, OwnImage, OwnList, OwnTextBlock, TextRun } from '../../report/model.js';
import type { DrawContext, Flowable } from './flow.js';
import { pdfImage } from './image.js';
import { type BoxLine, type LinkTag, LinesFlowable } from './lines.js';
import { artifact, Slot } from './struct.js';
import { layoutTable, TableFlowable } from './table.js';
import { CONTENT, type TextStyle, type Theme } from './theme.js';
import { type Doc, drawLine, type StyledRun, wrap, wrapRuns } from './text.js';

const SPACE = { label: 10, paragraph: 7, list: 6, listItem: 3, block: 12 } as const;
/** The rule sits this far left of the text block. */
const RULE = { offset: 14, width: 3 } as const;
const LIST_INDENT = 16;

export interface OwnTextContext {
  doc: Doc;
  theme: Theme;
  /** A heading of the chapter's outline (levels clamped as for the report's own headings). */
  heading: (parent: Slot, level: 2 | 3 | 4, text: string, id: string) => Flowable;
  /** PDF language tag when the text's language is not the document's. */
  lang: string | undefined;
}

export function ownTextFlowables(c: OwnTextContext, parent: Slot, block: OwnTextBlock, spaceBefore: number): Flowable[] {
  const { doc, theme } = c;
  const div = new Slot('Div', (d) => parent.get(d), { title: block.label, ...(c.lang ? { lang: c.lang } : {}) });
  const labelSlot = new Slot('P', (d) => div.get(d));
  const label = new LinesFlowable(
    wrap(doc, block.label.toUpperCase(), theme.ownLabel, CONTENT.width).map((text) => ({ text, style: theme.ownLabel, slot: labelSlot, indent: 0 })),
    { spaceBefore, keepWithNext: true, splittable: false },
  );
  const inner = block.blocks.flatMap((b, i) => blockFlowables(c, div, b, i === 0 ? SPACE.label - SPACE.paragraph : null));
  return [label, ...inner].map((f) => new Framed(f, theme.own));
}

function blockFlowables(c: OwnTextContext, div: Slot, block: OwnBlock, firstGap: number | null): Flowable[] {
  const { doc, theme } = c;
  const gap = (normal: number) => (firstGap === null ? normal : Math.max(0, firstGap + normal - SPACE.paragraph));
  switch (block.type) {
    case 'heading':
      return [c.heading(div, block.level, block.text, block.id)];

    case 'ownParagraph': {
      const p = new Slot('P', (d) => div.get(d));
      return [new LinesFlowable(richLines(doc, theme, block.runs, theme.body, p, 0), { spaceBefore: gap(SPACE.paragraph) })];
    }

    case 'ownList':
      return listFlowables(doc, theme, block, new Slot('L', (d) => div.get(d)), 0, gap(SPACE.list));

    case 'ownQuote': {
      const quote = new Slot('BlockQuote', (d) => div.get(d));
      const indent = 20;
      const lines = block.paragraphs.flatMap((runs, i) => {
        const out = richLines(doc, theme, runs, theme.quote, new Slot('P', (d) => quote.get(d)), indent, CONTENT.width - indent - 24);
        if (i > 0 && out[0]) out[0].gapBefore = 4;
        return out;
      });
      return [
        new LinesFlowable(lines, {
          spaceBefore: gap(SPACE.block),
          padTop: 2,
          padBottom: 2,
          decorate: (ctx, top, height) => ctx.doc.rect(CONTENT.left + 4, top, 2.5, height).fill(ctx.theme.rule),
        }),
      ];
    }

    case 'ownTable': {
      const group = new Slot('Div', (d) => div.get(d));
      return [new TableFlowable(layoutTable(doc, theme, { spec: block.table, caption: null, source: null, group }), gap(SPACE.block))];
    }

    case 'ownImage':
      return [new ImageFlowable(doc, theme, block, new Slot('Div', (d) => div.get(d)), gap(SPACE.block))];
  }
}

/** A list: items with their number or bullet, each paragraph of an item, nested lists indented further. */
function listFlowables(doc: Doc, theme: Theme, list: OwnList, slot: Slot, depth: number, spaceBefore: number): Flowable[] {
  const indent = (depth + 1) * LIST_INDENT;
  return list.items.flatMap((item, i) => {
    const li = new Slot('LI', (d) => slot.get(d));
    const lbl = new Slot('Lbl', (d) => li.get(d));
    const body = new Slot('LBody', (d) => li.get(d));
    const lines = item.paragraphs.flatMap((runs, k) => {
      const out = richLines(doc, theme, runs, theme.body, new Slot('P', (d) => body.get(d)), indent);
      if (k > 0 && out[0]) out[0].gapBefore = 3;
      return out;
    });
    const label = list.ordered ? `${list.start + i}.` : depth % 2 === 0 ? '•' : '–';
    if (lines[0]) lines[0].label = { text: label, slot: lbl, width: LIST_INDENT };
    const first = i === 0 ? spaceBefore : SPACE.listItem;
    const flowables: Flowable[] = lines.length > 0 ? [new LinesFlowable(lines, { spaceBefore: first })] : [];
    if (item.sublist) flowables.push(...listFlowables(doc, theme, item.sublist, new Slot('L', (d) => body.get(d)), depth + 1, SPACE.listItem));
    return flowables;
  });
}

/** Runs in the base style, bold and italic faces, links in the accent colour under their own Link elements. */
function richLines(doc: Doc, theme: Theme, runs: readonly TextRun[], base: TextStyle, slot: Slot, indent: number, width = CONTENT.width - indent): BoxLine[] {
  // One Link element per link: consecutive runs with the same address.
  let link: LinkTag | undefined;
  const styled: StyledRun<LinkTag>[] = runs.map((run) => {
    if (run.href === undefined) link = undefined;
    else if (link?.href !== run.href) link = { href: run.href, slot: new Slot('Link', (d) => slot.get(d)) };
    return {
      text: run.text,
      style: theme.variant(base, { strong: run.strong ?? false, emphasis: run.emphasis ?? false, link: run.href !== undefined }),
      ...(link ? { link } : {}),
      ...(run.breakAfter ? { breakAfter: true } : {}),
    };
  });
  return wrapRuns(doc, styled, width).map((segments) => ({ text: segments.map((s) => s.text).join(''), style: base, slot, indent, segments }));
}

/** A picture at its natural size (96 dpi), at most the text width and most of a page high; its caption under it. */
class ImageFlowable implements Flowable {
  readonly keepWithNext = false;
  private readonly width: number;
  private readonly height0: number;
  private readonly captionLines: string[];

  constructor(
    doc: Doc,
    private readonly theme: Theme,
    private readonly image: OwnImage,
    private readonly group: Slot,
    readonly spaceBefore: number,
  ) {
    const natural = image.width * 0.75;
    const maxHeight = (CONTENT.bottom - CONTENT.top) * 0.7;
    const scale = Math.min(CONTENT.width / natural, maxHeight / (image.height * 0.75), 1);
    this.width = natural * scale;
    this.height0 = image.height * 0.75 * scale;
    this.captionLines = image.caption ? wrap(doc, image.caption, theme.small, CONTENT.width) : [];
  }

  height(): number {
    return this.height0 + (this.captionLines.length > 0 ? 4 + this.captionLines.length * this.theme.small.leading : 0);
  }

  minHeight(): number {
    return this.height();
  }

  split(): null {
    return null;
  }

  draw(ctx: DrawContext, top: number): void {
    const { doc, theme } = ctx;
    const figure = new Slot('Figure', (d) => this.group.get(d), { alt: this.image.alt, bbox: [CONTENT.left, top, CONTENT.left + this.width, top + this.height0] });
    figure.mark(doc, () => {
      doc.image(pdfImage(doc, this.image.data), CONTENT.left, top, { width: this.width, height: this.height0 });
    });
    if (this.captionLines.length > 0) {
      const caption = new Slot('Caption', (d) => this.group.get(d));
      const captionTop = top + this.height0 + 4;
      caption.mark(doc, () => this.captionLines.forEach((line, i) => drawLine(doc, line, theme.small, CONTENT.left, captionTop + i * theme.small.leading)));
    }
  }
}

/**
 * A flowable with the own-text rule in the left margin beside it (a layout artifact), reaching
 * up over the space above it so consecutive parts make one rule, except at the top of a page.
 */
class Framed implements Flowable {
  readonly spaceBefore: number;
  readonly keepWithNext: boolean;

  constructor(
    private readonly inner: Flowable,
    private readonly colour: string,
  ) {
    this.spaceBefore = inner.spaceBefore;
    this.keepWithNext = inner.keepWithNext;
  }

  get anchor() {
    return this.inner.anchor;
  }

  height(): number {
    return this.inner.height();
  }

  minHeight(): number {
    return this.inner.minHeight();
  }

  split(avail: number): [Flowable, Flowable] | null {
    const parts = this.inner.split(avail);
    return parts ? [new Framed(parts[0], this.colour), new Framed(parts[1], this.colour)] : null;
  }

  draw(ctx: DrawContext, top: number): void {
    const above = top > CONTENT.top + 0.5 ? this.spaceBefore : 0;
    artifact(ctx.doc, 'Layout', () => ctx.doc.rect(CONTENT.left - RULE.offset, top - above, RULE.width, this.height() + above).fill(this.colour));
    this.inner.draw(ctx, top);
  }
}
