// Block-level HTML for the report body: one function per block type, all text escaped.
import type {
  Block,
  FigureBlock,
  KeyFiguresBlock,
  NoticeBlock,
  RenderLabels,
  TableBlock,
  TableSpec,
} from '../../report/model.js';
import { esc } from './escape.js';

/** What a block renderer needs besides the block: chrome labels and the chart images. */
export interface BlockContext {
  labels: RenderLabels;
  /** Markup for a figure's chart: an <img>, or a <picture> with a narrow variant (alt set). */
  chartImage: (block: FigureBlock) => string;
}

/**
 * Chapters are h2, so HeadingBlock level 2 → h3 and level 3 → h4; a level 3 with no level 2
 * before it in the chapter becomes h3, since h2 → h4 would leave a gap in the outline.
 */
export function renderBlocks(blocks: readonly Block[], ctx: BlockContext): string {
  let inSection = false;
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') {
      inSection ||= block.level === 2;
      const tag = block.level === 3 && inSection ? 4 : 3;
      out.push(`<h${tag} id="${esc(block.id)}">${esc(block.text)}</h${tag}>`);
    } else {
      out.push(renderBlock(block, ctx));
    }
  }
  return out.join('\n');
}

function renderBlock(block: Exclude<Block, { type: 'heading' }>, ctx: BlockContext): string {
  switch (block.type) {
    case 'paragraph':
      return block.lang ? `<p lang="${esc(block.lang)}">${esc(block.text)}</p>` : `<p>${esc(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`;
    }
    case 'notice':
      return renderNotice(block);
    case 'quote':
      return (
        `<blockquote class="quote"${block.lang ? ` lang="${esc(block.lang)}"` : ''}><p>${esc(block.text)}</p>` +
        (block.attribution ? `<p class="attribution">${esc(block.attribution)}</p>` : '') +
        `</blockquote>`
      );
    case 'keyFigures':
      return renderKeyFigures(block);
    case 'figure':
      return renderFigure(block, ctx);
    case 'table':
      return renderTableBlock(block, ctx);
  }
}

function renderNotice(block: NoticeBlock): string {
  return (
    `<div class="notice notice-${block.tone}" role="note">` +
    `<p class="notice-title">${esc(block.title)}</p><p>${esc(block.text)}</p></div>`
  );
}

/** A description list: screen readers hear "label: value", the card shows the value first. */
function renderKeyFigures(block: KeyFiguresBlock): string {
  const items = block.items.map(
    (k) =>
      `<div class="key-figure"><dt>${esc(k.label)}</dt>` +
      `<dd class="key-value">${esc(k.value)}</dd><dd class="key-detail">${esc(k.detail)}</dd></div>`,
  );
  return `<dl class="key-figures">${items.join('')}</dl>`;
}

function renderFigure(block: FigureBlock, ctx: BlockContext): string {
  const { labels } = ctx;
  const id = esc(block.id);
  const captionText = `${labels.figure} ${block.number}.`;
  return (
    `<figure class="figure" id="${id}">` +
    `<figcaption><span class="caption-label">${esc(captionText)}</span> ${esc(block.caption)}</figcaption>` +
    ctx.chartImage(block) +
    `<details class="numbers"><summary>${esc(labels.showNumbers)}</summary>` +
    renderTable(block.table, `${block.id}-numbers`, `${esc(captionText)} ${esc(block.caption)}`) +
    `</details>` +
    renderNotes(block.table.notes) +
    renderSource(block.source, labels) +
    `</figure>`
  );
}

function renderTableBlock(block: TableBlock, ctx: BlockContext): string {
  const label = `${ctx.labels.table} ${block.number}.`;
  return (
    `<div class="table-block" id="${esc(block.id)}">` +
    renderTable(block.table, `${block.id}-table`, `<span class="caption-label">${esc(label)}</span> ${esc(block.caption)}`) +
    renderNotes(block.table.notes) +
    renderSource(block.source, ctx.labels) +
    `</div>`
  );
}

/**
 * A data table inside its own scroll container, so a wide table scrolls sideways on a
 * phone while the page does not. The container is focusable (keyboard users can scroll it)
 * and named by the table caption.
 */
function renderTable(table: TableSpec, idBase: string, captionHtml: string): string {
  const captionId = esc(`${idBase}-caption`);
  const align = table.columns.map((c) => (c.align === 'right' ? ' class="num"' : ''));
  const head = table.columns
    .map((c, i) => `<th scope="col"${align[i] ?? ''}>${esc(c.header)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells.map((cell, i) => `<td${align[i + 1] ?? ''}>${esc(cell)}</td>`).join('');
      const cls = row.emphasis ? ' class="emphasis"' : '';
      return `<tr${cls}><th scope="row">${esc(row.header)}</th>${cells}</tr>`;
    })
    .join('\n');
  return (
    `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${captionId}">` +
    `<table><caption id="${captionId}">${captionHtml}</caption>` +
    `<thead><tr>${head}</tr></thead>\n<tbody>${body}</tbody></table></div>`
  );
}

function renderNotes(notes: readonly string[]): string {
  if (notes.length === 0) return '';
  return `<ul class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
}

function renderSource(source: string, labels: RenderLabels): string {
  return `<p class="source">${esc(labels.source)}: ${esc(source)}</p>`;
}
