// Block-level HTML for the report body: one function per block type, all text escaped.
import type {
  Block,
  CellTone,
  FigureBlock,
  HeadingBlock,
  KeyFiguresBlock,
  NoticeBlock,
  OwnBlock,
  OwnList,
  OwnTextBlock,
  RenderLabels,
  TableBlock,
  TableSpec,
  TextRun,
} from '../../report/model.js';
import { ChapterOutline } from '../outline.js';
import { esc } from './escape.js';

/** What a block renderer needs besides the block: chrome labels and the chart images. */
export interface BlockContext {
  labels: RenderLabels;
  /** Markup for a figure's chart: an <img>, or a <picture> with a narrow variant (alt set). */
  chartImage: (block: FigureBlock) => string;
}

/** Chapters are h2, so a section is h3, a subsection h4 and below that h5 (see ChapterOutline). */
class Outline {
  private readonly outline = new ChapterOutline();

  heading(block: HeadingBlock): string {
    const tag = Math.min(6, 2 + this.outline.depth(block.level));
    return `<h${tag} id="${esc(block.id)}">${esc(block.text)}</h${tag}>`;
  }
}

export function renderBlocks(blocks: readonly Block[], ctx: BlockContext): string {
  const outline = new Outline();
  return blocks.map((block) => (block.type === 'heading' ? outline.heading(block) : block.type === 'ownText' ? renderOwnText(block, outline, ctx) : renderBlock(block, ctx))).join('\n');
}

function renderBlock(block: Exclude<Block, { type: 'heading' | 'ownText' }>, ctx: BlockContext): string {
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

/**
 * The municipality's own text: a section named by its visible label ("Kommunens egen text"),
 * framed so that written and generated text can be told apart.
 */
function renderOwnText(block: OwnTextBlock, outline: Outline, ctx: BlockContext): string {
  const labelId = `${block.id}-etikett`;
  const body = block.blocks.map((b) => (b.type === 'heading' ? outline.heading(b) : renderOwnBlock(b, ctx))).join('\n');
  return (
    `<section class="own-text" id="${esc(block.id)}" aria-labelledby="${esc(labelId)}"${block.lang ? ` lang="${esc(block.lang)}"` : ''}>\n` +
    `<p class="own-text-label" id="${esc(labelId)}">${esc(block.label)}</p>\n${body}\n</section>`
  );
}

function renderOwnBlock(block: Exclude<OwnBlock, HeadingBlock>, ctx: BlockContext): string {
  switch (block.type) {
    case 'ownParagraph':
      return `<p>${renderRuns(block.runs)}</p>`;
    case 'ownList':
      return renderOwnList(block);
    case 'ownQuote':
      return `<blockquote class="own-quote">${block.paragraphs.map((p) => `<p>${renderRuns(p)}</p>`).join('')}</blockquote>`;
    case 'ownTable':
      return `<div class="table-block own-table">${renderTable(block.table, null, ctx.labels.table)}</div>`;
    case 'ownImage':
      return (
        `<figure class="own-image"><img src="data:${block.mime};base64,${block.data.toString('base64')}" width="${block.width}" height="${block.height}" alt="${esc(block.alt)}">` +
        (block.caption ? `<figcaption>${esc(block.caption)}</figcaption>` : '') +
        `</figure>`
      );
  }
}

function renderOwnList(list: OwnList): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items.map((item) => {
    const text = item.paragraphs.length === 1 ? renderRuns(item.paragraphs[0]!) : item.paragraphs.map((p) => `<p>${renderRuns(p)}</p>`).join('');
    return `<li>${text}${item.sublist ? renderOwnList(item.sublist) : ''}</li>`;
  });
  return `<${tag}${start}>${items.join('')}</${tag}>`;
}

/** Runs as inline markup: <strong>, <em>, and one <a> around consecutive runs with the same link. */
export function renderRuns(runs: readonly TextRun[]): string {
  let out = '';
  let open: string | undefined;
  for (const run of runs) {
    if (run.href !== open) {
      if (open !== undefined) out += '</a>';
      if (run.href !== undefined) out += `<a href="${esc(run.href)}">`;
      open = run.href;
    }
    let text = esc(run.text);
    if (run.emphasis) text = `<em>${text}</em>`;
    if (run.strong) text = `<strong>${text}</strong>`;
    out += text + (run.breakAfter ? '<br>' : '');
  }
  return open !== undefined ? `${out}</a>` : out;
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
    renderTable(block.table, { idBase: `${block.id}-numbers`, html: `${esc(captionText)} ${esc(block.caption)}` }) +
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
    renderTable(block.table, { idBase: `${block.id}-table`, html: `<span class="caption-label">${esc(label)}</span> ${esc(block.caption)}` }) +
    renderNotes(block.table.notes) +
    renderSource(block.source, ctx.labels) +
    `</div>`
  );
}

/**
 * A data table inside its own scroll container, so a wide table scrolls sideways on a
 * phone while the page does not. The container is focusable (keyboard users can scroll it)
 * and named by the table caption, or by `name` for a table without one (an own text's).
 */
function renderTable(table: TableSpec, caption: { idBase: string; html: string } | null, name = ''): string {
  const align = table.columns.map((c) => (c.align === 'right' ? 'num' : undefined));
  const head = table.columns
    .map((c, i) => `<th scope="col"${cellClass(align[i] ?? null, null)}>${esc(c.header)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells.map((cell, i) => `<td${cellClass(align[i + 1] ?? null, row.tones?.[i] ?? null)}>${esc(cell)}</td>`).join('');
      const cls = row.emphasis ? ' class="emphasis"' : '';
      return `<tr${cls}><th scope="row">${esc(row.header)}</th>${cells}</tr>`;
    })
    .join('\n');
  const captionId = caption ? esc(`${caption.idBase}-caption`) : '';
  return (
    `<div class="table-scroll" role="region" tabindex="0" ${caption ? `aria-labelledby="${captionId}"` : `aria-label="${esc(name)}"`}>` +
    `<table>${caption ? `<caption id="${captionId}">${caption.html}</caption>` : ''}` +
    `<thead><tr>${head}</tr></thead>\n<tbody>${body}</tbody></table></div>`
  );
}

/** ` class="num tone-high"` from the column's alignment and the cell's tint (TableRow.tones). */
function cellClass(align: string | null, tone: CellTone | null): string {
  const classes = [...(align ? [align] : []), ...(tone ? [`tone-${tone}`] : [])];
  return classes.length === 0 ? '' : ` class="${classes.join(' ')}"`;
}

function renderNotes(notes: readonly string[]): string {
  if (notes.length === 0) return '';
  return `<ul class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
}

function renderSource(source: string, labels: RenderLabels): string {
  return `<p class="source">${esc(labels.source)}: ${esc(source)}</p>`;
}
