// Structure-tree helpers over pdfkit's tagging API: elements created on first use (so a
// block split across pages shares one element), content marked into them, and artifacts.

import type { Doc } from './text.js';

export type StructElement = PDFKit.PDFStructureElement;

export interface StructOptions {
  alt?: string;
  lang?: string;
  title?: string;
  /** Table header scope (pdfkit writes it as a Table attribute). */
  scope?: 'Row' | 'Column';
  /** Layout bounding box [x1, y1, x2, y2] in top-down page coordinates. */
  bbox?: [number, number, number, number];
}

/** pdfkit supports `scope` and `bbox`, which its type definitions omit. */
type StructFn = (type: string, options?: StructOptions) => StructElement;

export function createElement(doc: Doc, type: string, options: StructOptions = {}): StructElement {
  return (doc.struct as unknown as StructFn).call(doc, type, options);
}

/** A structure element that is created and attached to its parent when first used. */
export class Slot {
  private element: StructElement | null = null;

  constructor(
    private readonly type: string,
    private readonly parent: (doc: Doc) => StructElement,
    private readonly options: StructOptions = {},
  ) {}

  get(doc: Doc): StructElement {
    if (!this.element) {
      this.element = createElement(doc, this.type, this.options);
      // The parent is attached, so the child is too and content closures run at once.
      this.parent(doc).add(this.element);
    }
    return this.element;
  }

  /** Draws content marked as belonging to this element. */
  mark(doc: Doc, draw: () => void): void {
    this.get(doc).add(draw);
  }
}

export function artifact(doc: Doc, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}
