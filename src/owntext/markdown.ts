// Markdown → the document model's own-text blocks. Parsed by micromark (mdast-util-from-markdown
// with the GFM table extension: CommonMark-exact, and every node has its line and column, so a
// message can point at the image or link it is about). Nothing is passed through as markup:
// raw HTML stays visible text, links must be http(s) or mailto, and images are read through
// the caller's `image` function, which decides what may be read.
import type {
  Blockquote,
  Definition,
  Heading,
  Image,
  ImageReference,
  List,
  ListItem,
  Node,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { ConfigError, located, msg, type Location, type Message } from '../errors.js';
import type { HeadingBlock, OwnBlock, OwnImage, OwnList, OwnListItem, TableColumn, TextRun } from '../report/model.js';

export interface ImageData {
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

export interface ParseOptions {
  /** The file as messages name it. */
  file: string;
  /** Reads a local image named in the text; throws a LagesbildError when it may not be used. */
  image: (src: string, at: Location) => ImageData;
  /** The text is a chapter of its own: a leading level-1 heading is its title. */
  chapter?: boolean;
}

export interface ParsedOwnText {
  /** A chapter's title (its leading `# heading`), else null. */
  title: string | null;
  blocks: OwnBlock[];
  /** One line each, "file:line:column: what was done and why". */
  warnings: Message[];
}

/** Links the report may hold: the web and e-mail. Everything else (javascript:, file:, data:, relative) is shown as text. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** An HTML comment is the usual way to leave a note in Markdown: dropped, not shown. */
const COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;

interface Marks {
  strong?: boolean;
  emphasis?: boolean;
  href?: string;
}

export function parseOwnText(markdown: string, opts: ParseOptions): ParsedOwnText {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return new Converter(opts, definitions(tree.children)).document(tree.children);
}

/** Link reference definitions (`[name]: https://…`) by their normalised label. */
function definitions(nodes: RootContent[]): Map<string, Definition> {
  const out = new Map<string, Definition>();
  for (const node of nodes) {
    if (node.type === 'definition' && !out.has(node.identifier)) out.set(node.identifier, node);
    if ('children' in node) for (const [k, v] of definitions(node.children as RootContent[])) if (!out.has(k)) out.set(k, v);
  }
  return out;
}

class Converter {
  readonly warnings: Message[] = [];

  constructor(
    private readonly opts: ParseOptions,
    private readonly defs: Map<string, Definition>,
  ) {}

  private at(node: Node): Location {
    return { file: this.opts.file, line: node.position?.start.line, column: node.position?.start.column };
  }

  private warn(node: Node, message: Message): void {
    this.warnings.push(located(this.at(node), message));
  }

  document(nodes: RootContent[]): ParsedOwnText {
    let title: string | null = null;
    let rest = nodes.filter((n) => n.type !== 'definition' && !(n.type === 'html' && COMMENT.test(n.value)));
    const first = rest[0];
    if (this.opts.chapter && first?.type === 'heading' && first.depth === 1) {
      title = plainText(this.runs(first.children)).trim() || null;
      rest = rest.slice(1);
    }
    return { title, blocks: rest.flatMap((n) => this.block(n)), warnings: this.warnings };
  }

  private block(node: RootContent): OwnBlock[] {
    switch (node.type) {
      case 'heading':
        return [this.heading(node)];
      case 'paragraph':
        return this.paragraph(node);
      case 'list':
        return [this.list(node)];
      case 'table':
        return [this.table(node)];
      case 'blockquote':
        return [{ type: 'ownQuote', paragraphs: this.paragraphsOf(node) }];
      case 'code':
        // No monospace face in the report: the lines as they are, in the body text.
        return [{ type: 'ownParagraph', runs: lines(node.value) }];
      case 'html':
        if (COMMENT.test(node.value)) return [];
        this.warn(node, msg('owntext.html.block'));
        return [{ type: 'ownParagraph', runs: lines(node.value) }];
      case 'thematicBreak':
      case 'definition':
        return [];
      default:
        // Other nodes (none with the parser's settings) as their text.
        return [{ type: 'ownParagraph', runs: [{ text: textOf(node) }] }];
    }
  }

  /**
   * `###` is a section of the chapter the text stands in (the report's level 2), `####` a
   * subsection, `#####` and `######` a level below. `#` and `##` belong to the report's title
   * and chapters: they become sections, with a warning.
   */
  private heading(node: Heading): HeadingBlock {
    if (node.depth <= 2) this.warn(node, msg('owntext.headingLevel', { depth: node.depth }));
    const level = node.depth <= 3 ? 2 : node.depth === 4 ? 3 : 4;
    return { type: 'heading', level, id: '', text: plainText(this.runs(node.children)).trim() };
  }

  /** A paragraph, split where it holds images: each image is a block of its own. */
  private paragraph(node: Paragraph): OwnBlock[] {
    const out: OwnBlock[] = [];
    let pending: PhrasingContent[] = [];
    const flush = () => {
      const runs = trimRuns(this.runs(pending));
      if (runs.length > 0) out.push({ type: 'ownParagraph', runs });
      pending = [];
    };
    for (const child of node.children) {
      if (child.type === 'image' || child.type === 'imageReference') {
        flush();
        out.push(this.image(child));
      } else {
        pending.push(child);
      }
    }
    flush();
    return out;
  }

  private image(node: Image | ImageReference): OwnImage {
    const def = node.type === 'imageReference' ? this.defs.get(node.identifier) : undefined;
    const src = node.type === 'image' ? node.url : (def?.url ?? '');
    const title = node.type === 'image' ? node.title : (def?.title ?? null);
    const alt = (node.alt ?? '').trim();
    if (alt === '') {
      throw new ConfigError(msg('owntext.image.noAlt', { src }), this.at(node), msg('owntext.image.noAlt.hint'));
    }
    return { type: 'ownImage', ...this.opts.image(src, this.at(node)), alt, caption: title?.trim() || null };
  }

  private list(node: List): OwnList {
    return {
      type: 'ownList',
      ordered: node.ordered === true,
      start: node.start ?? 1,
      items: node.children.map((item) => this.listItem(item)),
    };
  }

  private listItem(item: ListItem): OwnListItem {
    const paragraphs: TextRun[][] = [];
    let sublist: OwnList | null = null;
    for (const child of item.children) {
      if (child.type === 'list' && sublist === null) sublist = this.list(child);
      else if (child.type === 'paragraph') paragraphs.push(...this.paragraphsOf(child));
      else paragraphs.push([{ text: textOf(child) }]);
    }
    return { paragraphs: paragraphs.filter((p) => p.length > 0), sublist };
  }

  /** The text paragraphs in a node; images in them stand in for themselves by their alt text. */
  private paragraphsOf(node: Blockquote | Paragraph): TextRun[][] {
    if (node.type === 'paragraph') {
      return [trimRuns(this.runs(node.children.map((c) => (c.type === 'image' || c.type === 'imageReference' ? this.imageAsText(c) : c))))];
    }
    return node.children.flatMap((child) =>
      child.type === 'paragraph' || child.type === 'blockquote' ? this.paragraphsOf(child) : [[{ text: textOf(child) }]],
    );
  }

  private imageAsText(node: Image | ImageReference): PhrasingContent {
    this.warn(node, msg('owntext.image.inBlock'));
    return { type: 'text', value: node.alt ?? '' };
  }

  /** A simple table: the first row is the header, right-aligned columns (`--:`) stay right-aligned. */
  private table(node: Table): OwnBlock {
    const [head, ...body] = node.children;
    const cell = (c: Table['children'][number]['children'][number]) => plainText(this.runs(c.children.map((p) => (p.type === 'image' || p.type === 'imageReference' ? this.imageAsText(p) : p)))).trim();
    const headers = head ? head.children.map(cell) : [];
    const columns: TableColumn[] = headers.map((header, i) => ({ header, align: node.align?.[i] === 'right' ? 'right' : 'left' }));
    const rows = body.map((row) => {
      const cells = columns.map((_, i) => (row.children[i] ? cell(row.children[i]!) : ''));
      return { header: cells[0] ?? '', cells: cells.slice(1) };
    });
    return { type: 'ownTable', table: { columns, rows, notes: [] } };
  }

  /** Inline content as runs of text with their marks; adjacent runs with the same marks are merged. */
  private runs(nodes: PhrasingContent[], marks: Marks = {}): TextRun[] {
    const out: TextRun[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push({ ...marks, text: node.value.replace(/\s*\n\s*/g, ' ') });
          break;
        case 'inlineCode':
          out.push({ ...marks, text: node.value });
          break;
        case 'emphasis':
          out.push(...this.runs(node.children, { ...marks, emphasis: true }));
          break;
        case 'strong':
          out.push(...this.runs(node.children, { ...marks, strong: true }));
          break;
        case 'break': {
          const last = out[out.length - 1];
          if (last) last.breakAfter = true;
          break;
        }
        case 'link':
          out.push(...this.runs(node.children, this.linkMarks(node, node.url, marks)));
          break;
        case 'linkReference': {
          const def = this.defs.get(node.identifier);
          out.push(...this.runs(node.children, def ? this.linkMarks(node, def.url, marks) : marks));
          break;
        }
        case 'html':
          if (COMMENT.test(node.value)) break;
          this.warn(node, msg('owntext.html.inline'));
          out.push({ ...marks, text: node.value });
          break;
        case 'image':
        case 'imageReference':
          // Images are blocks (see paragraph); here only inside links and headings.
          out.push(...this.runs([this.imageAsText(node)], marks));
          break;
        default:
          out.push({ ...marks, text: textOf(node) });
      }
    }
    return merge(out);
  }

  /** The link's URL when the report may hold it; otherwise its text stays, without the link. */
  private linkMarks(node: Node, url: string, marks: Marks): Marks {
    const href = safeHref(url);
    if (href !== null) return { ...marks, href };
    this.warn(node, msg('owntext.link', { url: url.slice(0, 80) }));
    const { href: _, ...rest } = marks;
    return rest;
  }
}

/** The URL, normalised, when it is an absolute http(s) or mailto URL; else null. */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null;
  return parsed.href;
}

/** Lines of preformatted text as runs with hard breaks between them. */
function lines(text: string): TextRun[] {
  const parts = text.replace(/\n+$/, '').split('\n');
  return parts.map((line, i) => ({ text: line, ...(i < parts.length - 1 ? { breakAfter: true } : {}) }));
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return a.strong === b.strong && a.emphasis === b.emphasis && a.href === b.href && !a.breakAfter;
}

function merge(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && sameMarks(last, run)) {
      last.text += run.text;
      if (run.breakAfter) last.breakAfter = true;
    } else if (run.text !== '' || run.breakAfter) {
      out.push({ ...run });
    }
  }
  return out;
}

/** Runs without leading and trailing white space (around an image that was split off). */
function trimRuns(runs: TextRun[]): TextRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length > 0 && out[0]!.text.trim() === '' && !out[0]!.breakAfter) out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trim() === '') out.pop();
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) {
    last.text = last.text.trimEnd();
    delete last.breakAfter;
  }
  return out;
}

/** Runs as plain text: a link whose text is not its address keeps the address in brackets. */
function plainText(runs: TextRun[]): string {
  let out = '';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    out += run.text + (run.breakAfter ? ' ' : '');
    const next = runs[i + 1];
    if (run.href && next?.href !== run.href) {
      const address = run.href.replace(/^mailto:/, '');
      if (!out.includes(address) && !out.endsWith(run.href)) out += ` (${address})`;
    }
  }
  return out;
}

/** All text under a node, for content the report shows as plain text. */
function textOf(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node && Array.isArray(node.children)) return (node.children as Node[]).map(textOf).join('');
  return '';
}
