// The document model's blocks as Word paragraphs and tables: one case per block type, so a
// new block type is one more case (the switch is exhaustive: TypeScript fails the build
// until it is handled).

import {
  BookmarkEnd,
  BookmarkStart,
  type FileChild,
  HeadingLevel,
  ImageRun,
  Paragraph,
  type ParagraphChild,
  SimpleField,
  TextRun,
} from 'docx';
import type { Block, FigureBlock, Lang, RenderLabels, ReportChapter, TableBlock, TableSpec } from '../../report/model.js';
import type { ImageSize } from '../image-size.js';
import { ChapterOutline } from '../outline.js';
import { ownTextChildren } from './owntext.js';
import { CHART_MAX_HEIGHT_PX, type DocxTheme, LIST, lines, STYLE, TEXT_WIDTH_PX } from './styles.js';
import { wordTable } from './table.js';

const LANG_TAGS: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

export interface ChartImage extends ImageSize {
  png: Buffer;
}

/** A heading the table of contents lists, with the bookmark it links to. */
export interface TocEntry {
  title: string;
  level: 1 | 2;
  bookmark: string;
}

/**
 * What the block renderers share while one document is built. Ids that Word needs unique
 * (bookmarks, drawings, list instances) are counted here, per document, so a document
 * built twice is written the same.
 */
export class BuildContext {
  readonly toc: TocEntry[] = [];
  private bookmarks = 0;
  private drawings = 0;
  private lists = 0;

  constructor(
    readonly lang: Lang,
    readonly labels: RenderLabels,
    readonly theme: DocxTheme,
    private readonly charts: ReadonlyMap<string, ChartImage>,
  ) {}

  chart(figure: FigureBlock): ChartImage {
    const image = this.charts.get(figure.id);
    if (!image) throw new Error(`chart for figure ${figure.id} was not rendered`);
    return image;
  }

  nextDrawingId(): string {
    return String(++this.drawings);
  }

  nextListInstance(): number {
    return ++this.lists;
  }

  /** A heading's runs inside a hidden bookmark (Word's "_Toc…" names) the contents link to. */
  bookmarked(text: string, level: 1 | 2 | 3 | 4): ParagraphChild[] {
    if (level >= 3) return [new TextRun(text)];
    const id = ++this.bookmarks;
    const name = `_Toc${String(id).padStart(8, '0')}`;
    this.toc.push({ title: text, level: level as 1 | 2, bookmark: name });
    // BookmarkStart/End are paragraph content in Word; docx's types list only its Bookmark
    // wrapper, whose ids come from a process-wide counter.
    return [new BookmarkStart(name, id) as unknown as ParagraphChild, new TextRun(text), new BookmarkEnd(id) as unknown as ParagraphChild];
  }
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

/**
 * A chapter: its title as Heading 1 (on a new page), then its blocks: sections as Heading 2,
 * subsections Heading 3, below that Heading 4 (see ChapterOutline: as in the HTML and PDF).
 */
export function chapterChildren(ctx: BuildContext, chapter: ReportChapter): FileChild[] {
  // Chapters start on a new page, as in the PDF (set on the paragraph: Word's styles cannot).
  const out: FileChild[] = [new Paragraph({ heading: HEADINGS[1], pageBreakBefore: true, children: ctx.bookmarked(chapter.title, 1) })];
  const outline = new ChapterOutline();
  const heading = (level: 2 | 3 | 4, text: string) => {
    const tag = Math.min(4, 1 + outline.depth(level)) as 2 | 3 | 4;
    return new Paragraph({ heading: HEADINGS[tag], children: ctx.bookmarked(text, tag) });
  };
  for (const block of chapter.blocks) {
    if (block.type === 'heading') out.push(heading(block.level, block.text));
    else if (block.type === 'ownText') out.push(...ownTextChildren(ctx, block, heading));
    else out.push(...blockChildren(ctx, block));
  }
  return out;
}

function blockChildren(ctx: BuildContext, block: Exclude<Block, { type: 'heading' | 'ownText' }>): FileChild[] {
  const { labels } = ctx;
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ children: [run(ctx, block.text, block.lang)] })];

    case 'list': {
      const instance = ctx.nextListInstance();
      const reference = block.ordered ? LIST.ordered : LIST.bullet;
      return block.items.map(
        (item) => new Paragraph({ style: STYLE.listParagraph, numbering: { reference, level: 0, instance }, children: [new TextRun(item)] }),
      );
    }

    case 'notice': {
      const style = block.tone === 'caution' ? STYLE.noticeCaution : STYLE.notice;
      return [
        new Paragraph({ style, spacing: { before: 160 }, keepNext: true, children: [new TextRun({ text: block.title, bold: true })] }),
        new Paragraph({ style, spacing: { after: 160 }, children: [new TextRun(block.text)] }),
        // Word joins paragraphs with the same border into one box: an empty paragraph ends it.
        spacer(),
      ];
    }

    case 'quote': {
      const quoted = ctx.lang === 'sv' ? `”${block.text}”` : `“${block.text}”`;
      return [
        new Paragraph({ style: STYLE.quote, keepNext: block.attribution !== null, children: [run(ctx, quoted, block.lang)] }),
        ...(block.attribution ? [new Paragraph({ style: STYLE.attribution, children: [run(ctx, `– ${block.attribution}`, block.lang)] })] : []),
      ];
    }

    case 'keyFigures':
      // One tinted panel: value, label and detail of each key figure, read in that order.
      return [
        ...block.items.flatMap((k, i) => [
          new Paragraph({ style: STYLE.keyValue, spacing: i === 0 ? { before: 160 } : undefined, children: [new TextRun(k.value)] }),
          new Paragraph({ style: STYLE.keyLabel, children: [new TextRun(k.label)] }),
          new Paragraph({ style: STYLE.keyDetail, spacing: i === block.items.length - 1 ? { after: 160 } : undefined, keepNext: i < block.items.length - 1, children: [new TextRun(k.detail)] }),
        ]),
        spacer(),
      ];

    case 'figure': {
      const image = ctx.chart(block);
      // At the text width; a chart taller than a page leaves under its caption is scaled down to fit.
      const full = Math.round((TEXT_WIDTH_PX * image.height) / image.width);
      const height = Math.min(CHART_MAX_HEIGHT_PX, full);
      const width = height < full ? Math.round((height * image.width) / image.height) : TEXT_WIDTH_PX;
      const name = `${labels.figure} ${block.number}`;
      return [
        caption(labels.figure, block.number, block.caption),
        new Paragraph({
          style: STYLE.figure,
          children: [
            new ImageRun({
              type: 'png',
              data: image.png,
              transformation: { width, height },
              altText: { id: ctx.nextDrawingId(), name, description: block.alt },
            }),
          ],
        }),
        ...tableWithNotes(ctx, block.table, block.source),
      ];
    }

    case 'table':
      return [caption(labels.table, block.number, block.caption), ...tableWithNotes(ctx, block.table, block.source)];
  }
}

/** Text in the document's language, or marked with its own (an English question in a Swedish report). */
function run(ctx: BuildContext, text: string, lang: Lang | undefined): TextRun {
  return lang && lang !== ctx.lang ? new TextRun({ text, language: { value: LANG_TAGS[lang] } }) : new TextRun(text);
}

/**
 * "Figur 3. …" in Word's Caption style, the number as a SEQ field (with its value written),
 * so Word's list of figures and cross-references work and renumber when the text is edited.
 */
function caption(label: string, number: number, text: string): Paragraph {
  return new Paragraph({
    style: STYLE.caption,
    children: [new TextRun(`${label} `), new SimpleField(`SEQ ${label} \\* ARABIC`, String(number)) as unknown as ParagraphChild, new TextRun(`. ${text}`)],
  });
}

/** The table, its notes (the `..` legend, caution marks) and its source line. */
function tableWithNotes(ctx: BuildContext, table: TableSpec, source: TableBlock['source']): FileChild[] {
  return [
    wordTable(table, ctx.theme),
    ...table.notes.map((note) => new Paragraph({ style: STYLE.tableNote, keepNext: true, children: [new TextRun(note)] })),
    new Paragraph({ style: STYLE.source, children: [new TextRun(`${ctx.labels.source}: ${source}`)] }),
  ];
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 0, ...lines(0.5) }, children: [] });
}
