// The title page and the table of contents.

import type { ReportDocument } from '../../report/model.js';
import { type Anchor, type DrawContext, type Flowable, paginate } from './flow.js';
import { pdfImage } from './image.js';
import { LinesFlowable } from './lines.js';
import { artifact, Slot, type StructElement } from './struct.js';
import { CONTENT, PAGE, type TextStyle, type Theme } from './theme.js';
import { type Doc, drawLine, textWidth, wrap } from './text.js';

/** Draws the title page on the current (first) page. */
export function drawTitlePage(doc: Doc, theme: Theme, report: ReportDocument, root: StructElement): void {
  const sect = new Slot('Sect', () => root);
  const para = (text: string, style: TextStyle, top: number, type = 'P', width = CONTENT.width): number => {
    const lines = wrap(doc, text, style, width);
    new Slot(type, (d) => sect.get(d)).mark(doc, () =>
      lines.forEach((line, i) => drawLine(doc, line, style, CONTENT.left, top + i * style.leading)),
    );
    return top + lines.length * style.leading;
  };

  if (report.logo) {
    const logo = report.logo;
    const alt = report.publisher ?? report.area;
    new Slot('Figure', (d) => sect.get(d), { alt, bbox: [CONTENT.left, 64, CONTENT.left + 170, 120] }).mark(doc, () => {
      doc.image(pdfImage(doc, logo.data), CONTENT.left, 64, { fit: [170, 56] });
    });
  }

  artifact(doc, 'Layout', () => doc.rect(CONTENT.left, 232, 56, 4).fill(theme.accent));
  let y = para(report.area, { ...theme.h2, size: 14, leading: 20 }, 250);
  y = para(report.title, { face: 'SemiBold', size: 30, leading: 36, color: theme.ink }, y + 6, 'H1');
  y = para(report.subtitle, { face: 'Regular', size: 14, leading: 19.5, color: theme.muted }, y + 12);

  if (report.syntheticNotice) {
    const notice = report.syntheticNotice;
    const style: TextStyle = { ...theme.noticeTitle, size: 11.5, leading: 16, color: theme.caution };
    const lines = wrap(doc, notice, style, CONTENT.width - 36);
    const top = y + 34;
    const height = lines.length * style.leading + 24;
    artifact(doc, 'Layout', () => {
      doc.rect(CONTENT.left, top, CONTENT.width, height).fill(theme.cautionTint);
      doc.rect(CONTENT.left, top, 4, height).fill(theme.caution);
    });
    new Slot('P', (d) => sect.get(d)).mark(doc, () =>
      lines.forEach((line, i) => drawLine(doc, line, style, CONTENT.left + 18, top + 12 + i * style.leading)),
    );
  }

  const meta = { ...theme.body, size: 11, leading: 16 };
  const bottom = [report.dateText, ...(report.publisher ? [report.publisher] : [])];
  let metaTop = PAGE.height - 96 - bottom.length * meta.leading;
  artifact(doc, 'Layout', () => {
    doc.save().lineWidth(0.6).strokeColor(theme.rule).moveTo(CONTENT.left, metaTop - 12).lineTo(CONTENT.right, metaTop - 12).stroke().restore();
  });
  for (const text of bottom) metaTop = para(text, meta, metaTop);
}

const TOC_NUMBER_WIDTH = 36;

/** Type and spacing of the contents, per heading level. */
interface TocStyle {
  chapter: { style: TextStyle; spaceBefore: number };
  section: { style: TextStyle; spaceBefore: number };
}

function tocStyle(theme: Theme, compact: boolean): TocStyle {
  const text = (face: TextStyle['face'], size: number, leading: number): TextStyle => ({ ...theme.body, face, size, leading });
  return compact
    ? { chapter: { style: text('SemiBold', 10.5, 14.5), spaceBefore: 6 }, section: { style: text('Regular', 9.5, 13), spaceBefore: 1.5 } }
    : { chapter: { style: text('SemiBold', 11, 16), spaceBefore: 9 }, section: { style: text('Regular', 10, 14.5), spaceBefore: 2.5 } };
}

/** One table-of-contents line: the title (a link to the heading), leader dots and the page number. */
class TocEntry implements Flowable {
  readonly keepWithNext = false;
  private readonly lines: string[];
  private readonly indent: number;

  constructor(
    doc: Doc,
    private readonly target: Anchor,
    private readonly style: TextStyle,
    private readonly toc: Slot,
    private readonly pageOf: (id: string) => number,
    readonly spaceBefore: number,
  ) {
    this.indent = target.level === 1 ? 0 : 16;
    this.lines = wrap(doc, target.title, this.style, CONTENT.width - this.indent - TOC_NUMBER_WIDTH - 12);
  }

  height(): number {
    return this.lines.length * this.style.leading;
  }

  minHeight(): number {
    return this.height();
  }

  split(): null {
    return null;
  }

  draw(ctx: DrawContext, top: number): void {
    const { doc, theme } = ctx;
    const item = new Slot('TOCI', (d) => this.toc.get(d));
    const link = item.get(doc);
    const linkEl = new Slot('Link', () => link);
    const x = CONTENT.left + this.indent;
    const page = String(this.pageOf(this.target.id));
    const lastTop = top + (this.lines.length - 1) * this.style.leading;
    linkEl.mark(doc, () => {
      this.lines.forEach((line, i) =>
        drawLine(doc, i === this.lines.length - 1 ? `${line} ` : line, this.style, x, top + i * this.style.leading),
      );
      drawLine(doc, page, this.style, CONTENT.right - TOC_NUMBER_WIDTH, lastTop, 'right', TOC_NUMBER_WIDTH);
    });
    // Leader dots between the title's last line and the page number.
    const lastWidth = textWidth(doc, this.lines[this.lines.length - 1] ?? '', this.style);
    const from = x + lastWidth + 6;
    const to = CONTENT.right - textWidth(doc, page, this.style) - 6;
    artifact(doc, 'Layout', () => {
      const y = lastTop + this.style.leading * 0.68;
      doc.save().lineWidth(0.8).strokeColor(theme.rule).dash(0.8, { space: 3 }).moveTo(from, y).lineTo(to, y).stroke().undash().restore();
    });
    // The whole entry is a link to the heading's named destination, tagged under Link.
    const annotation = { structParent: linkEl.get(doc), Contents: new String(this.target.title) };
    doc.goTo(x, top, CONTENT.right - x, this.height(), this.target.id, annotation as unknown as PDFKit.Mixins.AnnotationOption);
  }
}

/** How the contents are set: which headings they list, and how densely. */
export interface TocPlan {
  anchors: Anchor[];
  compact: boolean;
}

/** "Innehåll" and one entry per listed heading. `pageOf` gives printed page numbers. */
export function tocFlowables(
  doc: Doc,
  theme: Theme,
  report: ReportDocument,
  root: StructElement,
  plan: TocPlan,
  pageOf: (id: string) => number,
): Flowable[] {
  const sect = new Slot('Sect', () => root);
  const heading = new Slot('H1', (d) => sect.get(d));
  const toc = new Slot('TOC', (d) => sect.get(d));
  const title = new LinesFlowable(
    wrap(doc, report.labels.contents, theme.h1, CONTENT.width).map((text) => ({ text, style: theme.h1, slot: heading, indent: 0 })),
    { spaceBefore: 0, keepWithNext: true, splittable: false, padBottom: plan.compact ? 10 : 16 },
  );
  const styles = tocStyle(theme, plan.compact);
  return [
    title,
    ...plan.anchors.map((a) => {
      const { style, spaceBefore } = a.level === 1 ? styles.chapter : styles.section;
      return new TocEntry(doc, a, style, toc, pageOf, spaceBefore);
    }),
  ];
}

/**
 * The contents should fit on one page: every chapter and section at normal spacing, else
 * set more compactly, else chapters only. A document with more chapters than one page
 * holds gets the compact contents over several pages.
 */
export function planToc(doc: Doc, theme: Theme, report: ReportDocument, root: StructElement, anchors: Anchor[]): TocPlan {
  const plans: TocPlan[] = [
    { anchors, compact: false },
    { anchors, compact: true },
    { anchors: anchors.filter((a) => a.level === 1), compact: false },
    { anchors: anchors.filter((a) => a.level === 1), compact: true },
  ];
  const onePage = plans.find((plan) => paginate([tocFlowables(doc, theme, report, root, plan, () => 0)]).length === 1);
  return onePage ?? { anchors, compact: true };
}
