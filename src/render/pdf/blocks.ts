// Turns the document model's chapters and blocks into flowables with their structure
// elements: Sect per chapter; H1–H3, P, L/LI/Lbl/LBody, BlockQuote, Div for notices,
// figures and tables.

import type { Block, Lang, ReportChapter, ReportDocument } from '../../report/model.js';
import { type ChartImage, FigureFlowable } from './figure.js';
import type { Anchor, DrawContext, Flowable } from './flow.js';
import { ChapterOutline } from '../outline.js';
import { KeyFiguresRow } from './keyfigures.js';
import { type BoxLine, LinesFlowable } from './lines.js';
import { ownTextFlowables } from './owntext.js';
import { Slot, type StructElement } from './struct.js';
import { layoutTable, TableFlowable } from './table.js';
import { CONTENT, type TextStyle, type Theme } from './theme.js';
import { type Doc, wrap } from './text.js';

export interface BuildContext {
  doc: Doc;
  theme: Theme;
  report: ReportDocument;
  root: StructElement;
  charts: Map<string, ChartImage>;
  /** Called when a heading is drawn: destination and outline entry. */
  onAnchor: (ctx: DrawContext, anchor: Anchor, top: number) => void;
}

const SPACE = { paragraph: 7, list: 6, listItem: 3, h2: 20, h3: 13, block: 14 } as const;

const LANG_TAGS: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

function textLines(doc: Doc, text: string, style: TextStyle, slot: Slot, indent = 0, width = CONTENT.width - indent): BoxLine[] {
  return wrap(doc, text, style, width).map((line) => ({ text: line, style, slot, indent }));
}

export function headingFlowable(
  b: BuildContext,
  parent: Slot,
  level: 1 | 2 | 3 | 4,
  text: string,
  id: string,
  spaceBefore: number,
): Flowable {
  const { doc, theme } = b;
  const style = level === 1 ? theme.h1 : level === 2 ? theme.h2 : theme.h3;
  const slot = new Slot(`H${level}`, (d) => parent.get(d));
  const anchor: Anchor | undefined = level === 1 || level === 2 ? { id, level, title: text } : undefined;
  return new LinesFlowable(textLines(doc, text, style, slot), {
    spaceBefore,
    keepWithNext: true,
    splittable: false,
    padBottom: level === 1 ? 18 : level === 2 ? 4 : 1,
    ...(anchor ? { anchor, onFirstDraw: (ctx: DrawContext, top: number) => b.onAnchor(ctx, anchor, top) } : {}),
    // A short accent rule under chapter titles.
    ...(level === 1
      ? {
          decorate: (ctx: DrawContext, top: number, height: number) =>
            ctx.doc.rect(CONTENT.left, top + height - 10, 42, 2.5).fill(ctx.theme.accent),
        }
      : {}),
  });
}

/** A paragraph this short between a heading and a figure or table stays with the figure. */
const LEAD_IN_LINES = 2;

/** Headings of a chapter (H1): sections H2, subsections H3, below that H4 (see ChapterOutline). */
class Outline {
  private readonly outline = new ChapterOutline();

  constructor(private readonly b: BuildContext) {}

  heading(parent: Slot, level: 2 | 3 | 4, text: string, id: string): Flowable {
    const tag = Math.min(4, 1 + this.outline.depth(level)) as 2 | 3 | 4;
    return headingFlowable(this.b, parent, tag, text, id, tag === 2 ? SPACE.h2 : SPACE.h3);
  }
}

/** `leadIn`: the block sits between a heading and a figure or table. */
function blockFlowables(b: BuildContext, sect: Slot, block: Block, leadIn: boolean, outline: Outline): Flowable[] {
  const { doc, theme, report } = b;
  const labels = report.labels;
  switch (block.type) {
    case 'heading':
      return [outline.heading(sect, block.level, block.text, block.id)];

    case 'ownText':
      return ownTextFlowables(
        { doc, theme, heading: (parent, level, text, id) => outline.heading(parent, level, text, id), lang: block.lang && block.lang !== report.lang ? LANG_TAGS[block.lang] : undefined },
        sect,
        block,
        SPACE.block + 6,
      );

    case 'paragraph': {
      const options = block.lang && block.lang !== report.lang ? { lang: LANG_TAGS[block.lang] } : {};
      const slot = new Slot('P', (d) => sect.get(d), options);
      const lines = textLines(doc, block.text, theme.body, slot);
      return [new LinesFlowable(lines, { spaceBefore: SPACE.paragraph, keepWithNext: leadIn && lines.length <= LEAD_IN_LINES })];
    }

    case 'list': {
      const list = new Slot('L', (d) => sect.get(d));
      const labelWidth = 16;
      return block.items.map((item, i) => {
        const li = new Slot('LI', (d) => list.get(d));
        const lbl = new Slot('Lbl', (d) => li.get(d));
        const body = new Slot('LBody', (d) => li.get(d));
        const lines = textLines(doc, item, theme.body, body, labelWidth);
        const label = block.ordered ? `${i + 1}.` : '•';
        const first = lines[0];
        if (first) first.label = { text: label, slot: lbl, width: labelWidth };
        return new LinesFlowable(lines, { spaceBefore: i === 0 ? SPACE.list : SPACE.listItem });
      });
    }

    case 'notice': {
      const div = new Slot('Div', (d) => sect.get(d));
      const title = new Slot('P', (d) => div.get(d));
      const text = new Slot('P', (d) => div.get(d));
      const indent = 16;
      const width = CONTENT.width - 2 * indent;
      const lines = [
        ...textLines(doc, block.title, theme.noticeTitle, title, indent, width),
        ...textLines(doc, block.text, theme.body, text, indent, width),
      ];
      const bar = block.tone === 'caution' ? theme.caution : theme.accent;
      const fill = block.tone === 'caution' ? theme.cautionTint : theme.accentTint;
      return [
        new LinesFlowable(lines, {
          spaceBefore: SPACE.block,
          padTop: 10,
          padBottom: 11,
          decorate: (ctx, top, height) => {
            ctx.doc.rect(CONTENT.left, top, CONTENT.width, height).fill(fill);
            ctx.doc.rect(CONTENT.left, top, 3.5, height).fill(bar);
          },
        }),
      ];
    }

    case 'quote': {
      const quote = new Slot('BlockQuote', (d) => sect.get(d), block.lang && block.lang !== report.lang ? { lang: LANG_TAGS[block.lang] } : {});
      const text = new Slot('P', (d) => quote.get(d));
      const indent = 20;
      const quoted = report.lang === 'sv' ? `”${block.text}”` : `“${block.text}”`;
      const lines = textLines(doc, quoted, theme.quote, text, indent, CONTENT.width - indent - 24);
      if (block.attribution) {
        const by = new Slot('P', (d) => quote.get(d));
        const attribution = textLines(doc, `– ${block.attribution}`, theme.small, by, indent, CONTENT.width - indent - 24);
        const firstBy = attribution[0];
        if (firstBy) firstBy.gapBefore = 4;
        lines.push(...attribution);
      }
      return [
        new LinesFlowable(lines, {
          spaceBefore: SPACE.block,
          padTop: 2,
          padBottom: 2,
          decorate: (ctx, top, height) => ctx.doc.rect(CONTENT.left + 4, top, 2.5, height).fill(ctx.theme.accent),
        }),
      ];
    }

    case 'keyFigures': {
      const list = new Slot('L', (d) => sect.get(d));
      return KeyFiguresRow.rows(doc, theme, block.items, list, SPACE.block);
    }

    case 'figure': {
      const image = b.charts.get(block.id);
      if (!image) throw new Error(`chart for figure ${block.id} was not rendered`);
      const group = new Slot('Div', (d) => sect.get(d));
      const caption = `${labels.figure} ${block.number}. ${block.caption}`;
      const table = layoutTable(doc, theme, {
        spec: block.table,
        caption: null,
        source: `${labels.source}: ${block.source}`,
        group,
      });
      return [
        new FigureFlowable(doc, theme, caption, block.alt, image, group, SPACE.block + 4),
        new TableFlowable(table, 0),
      ];
    }

    case 'table': {
      const group = new Slot('Div', (d) => sect.get(d));
      const table = layoutTable(doc, theme, {
        spec: block.table,
        caption: `${labels.table} ${block.number}. ${block.caption}`,
        source: `${labels.source}: ${block.source}`,
        group,
      });
      return [new TableFlowable(table, SPACE.block + 4)];
    }
  }
}

/** A chapter's flowables; the chapter starts on a new page (see paginate). */
export function chapterFlowables(b: BuildContext, chapter: ReportChapter): Flowable[] {
  const sect = new Slot('Sect', () => b.root);
  const { blocks } = chapter;
  const isGraphic = (block: Block | undefined) => block?.type === 'figure' || block?.type === 'table';
  const outline = new Outline(b);
  return [
    headingFlowable(b, sect, 1, chapter.title, chapter.id, 0),
    ...blocks.flatMap((block, i) => blockFlowables(b, sect, block, blocks[i - 1]?.type === 'heading' && isGraphic(blocks[i + 1]), outline)),
  ];
}
