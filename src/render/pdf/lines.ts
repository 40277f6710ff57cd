// A block of pre-broken text lines (paragraphs, headings, list items, notices, quotes):
// splittable between lines with at least two lines on each side, optionally decorated
// (box, rule) and with its lines tagged into one or more structure elements.

import type { Anchor, DrawContext, Flowable } from './flow.js';
import { artifact, type Slot } from './struct.js';
import { CONTENT, type TextStyle } from './theme.js';
import { type Doc, drawLine, type Segment, textWidth } from './text.js';

/** A link in rich text: its structure element (Link, under the paragraph) and address. */
export interface LinkTag {
  slot: Slot;
  href: string;
}

export interface BoxLine {
  text: string;
  /** Text in several styles and links (own texts); `text` and `style` are then unused. */
  segments?: Segment<LinkTag>[];
  style: TextStyle;
  /** The structure element the line belongs to. */
  slot: Slot;
  /** Offset from the text block's left edge. */
  indent: number;
  /** Extra space above the line (dropped at the top of a part). */
  gapBefore?: number;
  /** A list label drawn left of the line, in its own element (Lbl). */
  label?: { text: string; slot: Slot; width: number };
}

export interface LinesOptions {
  spaceBefore: number;
  keepWithNext?: boolean;
  splittable?: boolean;
  padTop?: number;
  padBottom?: number;
  anchor?: Anchor;
  /** Background or rule behind each part, drawn as a layout artifact. */
  decorate?: (ctx: DrawContext, top: number, height: number) => void;
  /** Runs when the first part is drawn (destinations, outline entries). */
  onFirstDraw?: (ctx: DrawContext, top: number) => void;
}

const MIN_LINES = 2;

export class LinesFlowable implements Flowable {
  readonly spaceBefore: number;
  readonly keepWithNext: boolean;
  readonly anchor?: Anchor;

  constructor(
    private readonly lines: BoxLine[],
    private readonly opts: LinesOptions,
    private readonly first = true,
  ) {
    this.spaceBefore = opts.spaceBefore;
    this.keepWithNext = opts.keepWithNext ?? false;
    if (first && opts.anchor) this.anchor = opts.anchor;
  }

  private linesHeight(from: number, to: number): number {
    let h = 0;
    for (let i = from; i < to; i++) {
      const line = this.lines[i];
      if (!line) continue;
      h += (i > from ? (line.gapBefore ?? 0) : 0) + line.style.leading;
    }
    return h;
  }

  private frame(): number {
    return (this.opts.padTop ?? 0) + (this.opts.padBottom ?? 0);
  }

  height(): number {
    return this.frame() + this.linesHeight(0, this.lines.length);
  }

  private canSplit(): boolean {
    return (this.opts.splittable ?? true) && this.lines.length >= 2 * MIN_LINES;
  }

  minHeight(): number {
    return this.canSplit() ? this.frame() + this.linesHeight(0, MIN_LINES) : this.height();
  }

  split(avail: number): [Flowable, Flowable] | null {
    if (!this.canSplit()) return null;
    let k = 0;
    while (k < this.lines.length && this.frame() + this.linesHeight(0, k + 1) <= avail) k++;
    k = Math.min(k, this.lines.length - MIN_LINES);
    if (k < MIN_LINES) return null;
    const rest = { ...this.opts, spaceBefore: 0 };
    return [
      new LinesFlowable(this.lines.slice(0, k), { ...this.opts, keepWithNext: false }, this.first),
      new LinesFlowable(this.lines.slice(k), rest, false),
    ];
  }

  draw(ctx: DrawContext, top: number): void {
    const { doc } = ctx;
    if (this.opts.decorate) {
      const decorate = this.opts.decorate;
      artifact(doc, 'Layout', () => decorate(ctx, top, this.height()));
    }
    if (this.first) this.opts.onFirstDraw?.(ctx, top);

    // Consecutive lines of one element are marked as one content sequence.
    let y = top + (this.opts.padTop ?? 0);
    let i = 0;
    while (i < this.lines.length) {
      const start = this.lines[i] as BoxLine;
      if (start.label) {
        const { label } = start;
        const labelTop = y + (i > 0 ? (start.gapBefore ?? 0) : 0);
        label.slot.mark(doc, () =>
          drawLine(doc, label.text, start.style, CONTENT.left + start.indent - label.width, labelTop, 'left'),
        );
      }
      if (start.segments) {
        y += i > 0 ? (start.gapBefore ?? 0) : 0;
        drawSegments(doc, start, y);
        y += start.style.leading;
        i++;
        continue;
      }
      let j = i;
      const run: { line: BoxLine; top: number }[] = [];
      while (j < this.lines.length) {
        const line = this.lines[j] as BoxLine;
        if (line.slot !== start.slot || line.segments || (j > i && line.label)) break;
        y += j > 0 ? (line.gapBefore ?? 0) : 0;
        run.push({ line, top: y });
        y += line.style.leading;
        j++;
      }
      start.slot.mark(doc, () => {
        for (const { line, top: lineTop } of run) drawLine(doc, line.text, line.style, CONTENT.left + line.indent, lineTop);
      });
      i = j;
    }
  }
}

/**
 * A line of rich text: each piece marked into its element (the paragraph, or a Link inside
 * it), a link also as a link annotation tagged under the same Link, and underlined.
 */
function drawSegments(doc: Doc, line: BoxLine, top: number): void {
  let x = CONTENT.left + line.indent;
  for (const seg of line.segments ?? []) {
    const width = textWidth(doc, seg.text, seg.style);
    const left = x;
    const slot = seg.link?.slot ?? line.slot;
    slot.mark(doc, () => drawLine(doc, seg.text, seg.style, left, top));
    const link = seg.link;
    const visible = textWidth(doc, seg.text.trimEnd(), seg.style);
    if (link && visible > 0) {
      artifact(doc, 'Layout', () => {
        const y = top + seg.style.leading * 0.8;
        doc.save().lineWidth(0.6).strokeColor(seg.style.color).moveTo(left, y).lineTo(left + visible, y).stroke().restore();
      });
      const annotation = { structParent: link.slot.get(doc), Contents: new String(seg.text.trim()) };
      doc.link(left, top, visible, seg.style.leading, link.href, annotation as unknown as PDFKit.Mixins.AnnotationOption);
    }
    x += width;
  }
}
