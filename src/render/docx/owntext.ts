// The municipality's own texts in Word: between a labelled opening rule ("KOMMUNENS EGEN
// TEXT", style "Egen text – början") and a closing rule ("Egen text – slut"), in the report's
// styles: Normal paragraphs with bold and italic runs, links as real hyperlinks (style
// Hyperlink), Word lists (nested), the report's table style, quotes, and pictures with their
// alt text. Headings are Word heading styles, so the navigation pane lists them.

import { ExternalHyperlink, type FileChild, ImageRun, Paragraph, type ParagraphChild, TextRun } from 'docx';
import type { Lang, OwnBlock, OwnList, OwnTextBlock, TextRun as ModelRun } from '../../report/model.js';
import type { BuildContext } from './blocks.js';
import { LIST, STYLE, TEXT_WIDTH_PX } from './styles.js';
import { wordTable } from './table.js';

const LANG_TAGS: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/** `heading` writes a heading of the chapter's outline (levels clamped as the report's own). */
export function ownTextChildren(ctx: BuildContext, block: OwnTextBlock, heading: (level: 2 | 3 | 4, text: string) => Paragraph): FileChild[] {
  const lang = block.lang && block.lang !== ctx.lang ? LANG_TAGS[block.lang] : undefined;
  return [
    new Paragraph({ style: STYLE.ownStart, keepNext: true, children: [new TextRun(block.label)] }),
    ...block.blocks.flatMap((b): FileChild[] => (b.type === 'heading' ? [heading(b.level, b.text)] : ownBlockChildren(ctx, b, lang))),
    // An empty paragraph that draws the closing rule.
    new Paragraph({ style: STYLE.ownEnd, children: [] }),
  ];
}

function ownBlockChildren(ctx: BuildContext, block: Exclude<OwnBlock, { type: 'heading' }>, lang: string | undefined): FileChild[] {
  switch (block.type) {
    case 'ownParagraph':
      return [new Paragraph({ children: runs(block.runs, lang) })];
    case 'ownList':
      return listParagraphs(ctx, block, 0, ctx.nextListInstance(), lang);
    case 'ownQuote':
      return block.paragraphs.map((p) => new Paragraph({ style: STYLE.quote, children: runs(p, lang) }));
    case 'ownTable':
      return [wordTable(block.table, ctx.theme), new Paragraph({ style: STYLE.tableNote, children: [] })];
    case 'ownImage': {
      const scale = Math.min(1, TEXT_WIDTH_PX / block.width);
      return [
        new Paragraph({
          style: STYLE.figure,
          keepNext: block.caption !== null,
          children: [
            new ImageRun({
              type: block.mime === 'image/png' ? 'png' : 'jpg',
              data: block.data,
              transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
              altText: { id: ctx.nextDrawingId(), name: block.caption ?? block.alt, description: block.alt },
            }),
          ],
        }),
        ...(block.caption ? [new Paragraph({ style: STYLE.ownCaption, children: [textRun({ text: block.caption }, lang)] })] : []),
      ];
    }
  }
}

/**
 * Word lists: the bullet or number list at the item's depth, one numbering instance per list
 * (so each numbers from its own start). A list starting at another number than 1 gets its own
 * definition.
 */
function listParagraphs(ctx: BuildContext, list: OwnList, level: number, instance: number, lang: string | undefined): Paragraph[] {
  const reference = !list.ordered ? LIST.bullet : list.start === 1 ? LIST.ordered : orderedFrom(list.start);
  return list.items.flatMap((item) => {
    const [first, ...more] = item.paragraphs;
    const out = [new Paragraph({ style: STYLE.listParagraph, numbering: { reference, level, instance }, children: runs(first ?? [], lang) })];
    // Further paragraphs of an item are indented with it, without a number of their own.
    for (const p of more) out.push(new Paragraph({ style: STYLE.listParagraph, indent: { left: 360 * (level + 1) }, children: runs(p, lang) }));
    if (item.sublist) out.push(...listParagraphs(ctx, item.sublist, Math.min(level + 1, LIST.levels - 1), instance, lang));
    return out;
  });
}

function orderedFrom(start: number) {
  return { reference: `${LIST.ordered}-${start}`, levels: LIST.definition('ordered').map((l) => (l.level === 0 ? { ...l, start } : l)) };
}

/** Runs with bold and italic; consecutive runs with the same link in one hyperlink. */
function runs(model: readonly ModelRun[], lang: string | undefined): ParagraphChild[] {
  const groups: { href: string | undefined; runs: TextRun[] }[] = [];
  let breaks = 0;
  for (const run of model) {
    const text = textRun(run, lang, breaks, run.href !== undefined);
    breaks = run.breakAfter ? 1 : 0;
    const last = groups[groups.length - 1];
    if (last && last.href !== undefined && last.href === run.href) last.runs.push(text);
    else groups.push({ href: run.href, runs: [text] });
  }
  return groups.flatMap((g): ParagraphChild[] => (g.href === undefined ? g.runs : [new ExternalHyperlink({ link: g.href, children: g.runs })]));
}

/** `breaksBefore`: line breaks before the text (a hard break at the end of the run before). */
function textRun(run: Pick<ModelRun, 'text' | 'strong' | 'emphasis'>, lang: string | undefined, breaksBefore = 0, hyperlink = false): TextRun {
  return new TextRun({
    text: run.text,
    ...(breaksBefore > 0 ? { break: breaksBefore } : {}),
    ...(run.strong ? { bold: true } : {}),
    ...(run.emphasis ? { italics: true } : {}),
    ...(hyperlink ? { style: 'Hyperlink' } : {}),
    ...(lang ? { language: { value: lang } } : {}),
  });
}
