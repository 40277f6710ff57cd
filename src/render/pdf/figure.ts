// A chart: "Figur N. …" caption and the chart image at the text width, tagged as a Figure
// with alt text. Its numbers table, notes and source follow as a TableFlowable. A chart taller
// than a page leaves under its caption is scaled down to fit, so that no chart is ever drawn
// past the bottom margin (the report splits long bar charts into parts, so this is the
// exception: a chart of many long, wrapped labels).

import type { DrawContext, Flowable } from './flow.js';
import { pdfImage } from './image.js';
import { Slot } from './struct.js';
import { CONTENT, type Theme } from './theme.js';
import { type Doc, drawLine, wrap } from './text.js';

export interface ChartImage {
  /** Aspect ratio source: the chart's CSS pixel size. */
  width: number;
  height: number;
  /** The PNG; layout needs only the size, drawing the image (which is ready by then). */
  png: () => Buffer;
}

const CAPTION_GAP = 4;
const IMAGE_GAP = 4;

/** The image's size in points: the text width, or less when that would be taller than `room`. */
export function fitImage(image: Pick<ChartImage, 'width' | 'height'>, room: number): { width: number; height: number } {
  const height = (CONTENT.width * image.height) / image.width;
  return height <= room ? { width: CONTENT.width, height } : { width: (room * image.width) / image.height, height: room };
}

export class FigureFlowable implements Flowable {
  readonly keepWithNext = true;
  private readonly captionLines: string[];
  private readonly imageWidth: number;
  private readonly imageHeight: number;
  private readonly captionSlot: Slot;

  constructor(
    doc: Doc,
    private readonly theme: Theme,
    caption: string,
    private readonly alt: string,
    private readonly image: ChartImage,
    private readonly group: Slot,
    readonly spaceBefore: number,
  ) {
    this.captionLines = wrap(doc, caption, theme.caption, CONTENT.width);
    const room = CONTENT.bottom - CONTENT.top - this.captionLines.length * theme.caption.leading - CAPTION_GAP - IMAGE_GAP;
    ({ width: this.imageWidth, height: this.imageHeight } = fitImage(image, room));
    this.captionSlot = new Slot('Caption', (d) => group.get(d));
  }

  height(): number {
    return this.captionLines.length * this.theme.caption.leading + CAPTION_GAP + this.imageHeight + IMAGE_GAP;
  }

  minHeight(): number {
    return this.height();
  }

  split(): null {
    return null;
  }

  draw(ctx: DrawContext, top: number): void {
    const { doc, theme } = ctx;
    this.captionSlot.mark(doc, () =>
      this.captionLines.forEach((line, i) => drawLine(doc, line, theme.caption, CONTENT.left, top + i * theme.caption.leading)),
    );
    const imageTop = top + this.captionLines.length * theme.caption.leading + CAPTION_GAP;
    // Created here, not in the constructor: the bounding box depends on the placement.
    const figure = new Slot('Figure', (d) => this.group.get(d), {
      alt: this.alt,
      bbox: [CONTENT.left, imageTop, CONTENT.left + this.imageWidth, imageTop + this.imageHeight],
    });
    figure.mark(doc, () => {
      doc.image(pdfImage(doc, this.image.png()), CONTENT.left, imageTop, { width: this.imageWidth, height: this.imageHeight });
    });
  }
}
