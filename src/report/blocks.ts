// Block constructors and the final numbering pass. Figures and tables are numbered after
// the whole document is assembled, so the numbers follow document order whatever order the
// chapters were built in.
import type { ReportContext } from './context.js';
import type { Block, ChartSpec, FigureBlock, HeadingBlock, ParagraphBlock, ReportChapter, TableBlock, TableSpec } from './model.js';

export function paragraph(text: string): ParagraphBlock {
  return { type: 'paragraph', text };
}

export function heading(level: 2 | 3, id: string, text: string): HeadingBlock {
  return { type: 'heading', level, id, text };
}

export function figureBlock(ctx: ReportContext, caption: string, alt: string, chart: ChartSpec, table: TableSpec): FigureBlock {
  return { type: 'figure', id: '', number: 0, caption, alt, chart, table, source: ctx.source };
}

export function tableBlock(ctx: ReportContext, caption: string, table: TableSpec): TableBlock {
  return { type: 'table', id: '', number: 0, caption, table, source: ctx.source };
}

/** Number figures and tables (separately) in document order; ids "figur-1", "tabell-1" stay the same in every language. */
export function numberBlocks(chapters: ReportChapter[]): ReportChapter[] {
  let figures = 0;
  let tables = 0;
  const numbered = (b: Block): Block => {
    if (b.type === 'figure') {
      figures++;
      return { ...b, number: figures, id: `figur-${figures}` };
    }
    if (b.type === 'table') {
      tables++;
      return { ...b, number: tables, id: `tabell-${tables}` };
    }
    return b;
  };
  return chapters.map((c) => ({ ...c, blocks: c.blocks.map(numbered) }));
}

