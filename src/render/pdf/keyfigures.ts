// Key figures: a row of up to three cards (value, label, detail) on a tinted background,
// tagged as a list so each figure is read as one item.

import type { KeyFigure } from '../../report/model.js';
import type { DrawContext, Flowable } from './flow.js';
import { artifact, Slot } from './struct.js';
import { CONTENT, type Theme } from './theme.js';
import { type Doc, drawLine, wrap } from './text.js';

const PER_ROW = 3;
const GAP = 10;
const PAD = 10;
const BAR = 3;

interface Card {
  value: string;
  label: string[];
  detail: string[];
  slot: Slot;
}

export class KeyFiguresRow implements Flowable {
  readonly keepWithNext = false;
  private readonly cards: Card[];
  private readonly cardWidth: number;

  constructor(
    doc: Doc,
    private readonly theme: Theme,
    items: KeyFigure[],
    list: Slot,
    readonly spaceBefore: number,
  ) {
    this.cardWidth = (CONTENT.width - (PER_ROW - 1) * GAP) / PER_ROW;
    const inner = this.cardWidth - 2 * PAD - BAR;
    this.cards = items.map((item) => {
      const li = new Slot('LI', (d) => list.get(d));
      return {
        value: item.value,
        label: wrap(doc, item.label, theme.keyLabel, inner),
        detail: wrap(doc, item.detail, theme.small, inner),
        slot: new Slot('LBody', (d) => li.get(d)),
      };
    });
  }

  /** One flowable per row of cards, so rows can go on different pages. */
  static rows(doc: Doc, theme: Theme, items: KeyFigure[], list: Slot, spaceBefore: number): KeyFiguresRow[] {
    const rows: KeyFiguresRow[] = [];
    for (let i = 0; i < items.length; i += PER_ROW) {
      rows.push(new KeyFiguresRow(doc, theme, items.slice(i, i + PER_ROW), list, i === 0 ? spaceBefore : GAP));
    }
    return rows;
  }

  private cardHeight(card: Card): number {
    const t = this.theme;
    return 2 * PAD + t.keyValue.leading + card.label.length * t.keyLabel.leading + 3 + card.detail.length * t.small.leading;
  }

  height(): number {
    return Math.max(...this.cards.map((c) => this.cardHeight(c)));
  }

  minHeight(): number {
    return this.height();
  }

  split(): null {
    return null;
  }

  draw(ctx: DrawContext, top: number): void {
    const { doc, theme } = ctx;
    const h = this.height();
    this.cards.forEach((card, i) => {
      const left = CONTENT.left + i * (this.cardWidth + GAP);
      artifact(doc, 'Layout', () => {
        doc.rect(left, top, this.cardWidth, h).fill(theme.accentTint);
        doc.rect(left, top, BAR, h).fill(theme.accent);
      });
      const x = left + BAR + PAD;
      card.slot.mark(doc, () => {
        let y = top + PAD;
        // Trailing spaces separate value, label and detail in the tagged text.
        drawLine(doc, `${card.value} `, theme.keyValue, x, y);
        y += theme.keyValue.leading;
        card.label.forEach((line, i) => {
          drawLine(doc, i === card.label.length - 1 ? `${line} ` : line, theme.keyLabel, x, y);
          y += theme.keyLabel.leading;
        });
        y += 3;
        for (const line of card.detail) {
          drawLine(doc, line, theme.small, x, y);
          y += theme.small.leading;
        }
      });
    });
  }
}
