// The Word document's page, colours and named styles. Everything is a style, not direct
// formatting, so a coordinator who edits the document (or pastes it into the municipality's
// template) changes one style and every heading, caption or table follows.
//
// Headings, Title, Subtitle, Caption, Quote and the TOC styles are Word's built-in styles
// (Word shows them by their local names, e.g. "Rubrik 1"); headings carry outline levels so
// Word's navigation pane and a table of contents find them.

import { AlignmentType, BorderStyle, type INumberingOptions, type IParagraphStyleOptions, type IStylesOptions, LevelFormat, LineRuleType } from 'docx';
import type { Lang } from '../../report/model.js';
import { makeTheme, type Theme } from '../pdf/theme.js';

/** Sizes in twips (1/20 pt): A4 with 2.5 cm margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1418,
  headerFooter: 709,
} as const;

/** The text width in twips, and in pixels at 96 dpi (images are sized in pixels). */
export const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
export const TEXT_WIDTH_PX = Math.round((TEXT_WIDTH_TWIPS / 1440) * 96);
/**
 * The tallest chart picture, in pixels at 96 dpi: the text height less room for its caption
 * (two lines). Word does not shrink an inline picture to the page: a taller one is cut off.
 */
export const CHART_MAX_HEIGHT_PX = Math.round(((PAGE.height - 2 * PAGE.margin) / 1440) * 96) - 60;

/** Fonts every Word installation has (Liberation Sans stands in on Linux). */
const FONT = 'Arial';

/**
 * The PDF's colours (the accent darkened to 4.5:1 against white and its tint), as Word
 * writes them: hex without '#'.
 */
export type DocxTheme = Pick<Theme, 'accent' | 'accentTint' | 'ink' | 'muted' | 'rule' | 'caution' | 'cautionTint'>;

export function docxTheme(accentHex: string): DocxTheme {
  const t = makeTheme(accentHex);
  const hex = (c: string) => c.replace('#', '').toUpperCase();
  return {
    accent: hex(t.accent),
    accentTint: hex(t.accentTint),
    ink: hex(t.ink),
    muted: hex(t.muted),
    rule: hex(t.rule),
    caution: hex(t.caution),
    cautionTint: hex(t.cautionTint),
  };
}

/** Style ids used by the block renderers (built-in ids where Word has the style). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  caption: 'Caption',
  quote: 'Quote',
  tocHeading: 'TOCHeading',
  toc1: 'TOC1',
  toc2: 'TOC2',
  header: 'Header',
  footer: 'Footer',
  listParagraph: 'ListParagraph',
  area: 'LbArea',
  dateline: 'LbDateline',
  synthetic: 'LbSynthetic',
  notice: 'LbNotice',
  noticeCaution: 'LbNoticeCaution',
  attribution: 'LbAttribution',
  keyValue: 'LbKeyValue',
  keyLabel: 'LbKeyLabel',
  keyDetail: 'LbKeyDetail',
  figure: 'LbFigure',
  tableHead: 'LbTableHead',
  tableText: 'LbTableText',
  tableNote: 'LbTableNote',
  source: 'LbSource',
  ownStart: 'LbOwnStart',
  ownEnd: 'LbOwnEnd',
  ownCaption: 'LbOwnCaption',
} as const;

/** Names of our own styles as Word lists them, in the document's language. */
const OWN_STYLE_NAMES: Record<Lang, Record<string, string>> = {
  sv: {
    [STYLE.area]: 'Rapport – område',
    [STYLE.dateline]: 'Rapport – datum',
    [STYLE.synthetic]: 'Rapport – syntetiska data',
    [STYLE.notice]: 'Ruta',
    [STYLE.noticeCaution]: 'Ruta – försiktighet',
    [STYLE.attribution]: 'Citat – källa',
    [STYLE.keyValue]: 'Nyckeltal – värde',
    [STYLE.keyLabel]: 'Nyckeltal – text',
    [STYLE.keyDetail]: 'Nyckeltal – detalj',
    [STYLE.figure]: 'Diagram',
    [STYLE.tableHead]: 'Tabell – rubrik',
    [STYLE.tableText]: 'Tabell – text',
    [STYLE.tableNote]: 'Tabell – not',
    [STYLE.source]: 'Källa',
    [STYLE.ownStart]: 'Egen text – början',
    [STYLE.ownEnd]: 'Egen text – slut',
    [STYLE.ownCaption]: 'Egen text – bildtext',
  },
  en: {
    [STYLE.area]: 'Report area',
    [STYLE.dateline]: 'Report date',
    [STYLE.synthetic]: 'Synthetic data notice',
    [STYLE.notice]: 'Notice',
    [STYLE.noticeCaution]: 'Notice caution',
    [STYLE.attribution]: 'Quote attribution',
    [STYLE.keyValue]: 'Key figure value',
    [STYLE.keyLabel]: 'Key figure label',
    [STYLE.keyDetail]: 'Key figure detail',
    [STYLE.figure]: 'Chart',
    [STYLE.tableHead]: 'Table heading',
    [STYLE.tableText]: 'Table text',
    [STYLE.tableNote]: 'Table note',
    [STYLE.source]: 'Source',
    [STYLE.ownStart]: 'Own text start',
    [STYLE.ownEnd]: 'Own text end',
    [STYLE.ownCaption]: 'Own text caption',
  },
};

/** The frame of the municipality's own texts (the PDF's and HTML's colour). */
const OWN_RULE = '6F4E7C';

/** Numbering definitions for the report's lists: three levels (own texts nest lists). */
export const LIST = {
  bullet: 'lb-bullet',
  ordered: 'lb-ordered',
  levels: 3,
  definition: (kind: 'bullet' | 'ordered') =>
    [0, 1, 2].map((level) => ({
      level,
      format: kind === 'bullet' ? LevelFormat.BULLET : level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
      text: kind === 'bullet' ? ['•', '–', '▪'][level]! : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
    })),
} as const;

/** Sizes in half-points (Word's unit for font sizes). */
const pt = (size: number) => Math.round(size * 2);
/** Spacing in twips. */
const sp = (points: number) => Math.round(points * 20);
/** Line spacing as a multiple of single ("auto": pictures in the line make it taller). */
export const lines = (multiple: number) => ({ line: Math.round(multiple * 240), lineRule: LineRuleType.AUTO });

export function documentStyles(theme: DocxTheme, lang: Lang, langTag: string): IStylesOptions {
  const names = OWN_STYLE_NAMES[lang];
  const own = (id: string, def: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions => ({
    id,
    name: names[id] ?? id,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    ...def,
  });
  const box = (bar: string, fill: string) => ({
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: bar, space: 8 } },
    shading: { type: 'clear' as const, color: 'auto', fill },
    indent: { left: 227, right: 113 },
  });
  const heading = (size: number, color: string, before: number, after: number, outlineLevel: number) => ({
    run: { font: FONT, size: pt(size), bold: true, color, italics: false },
    paragraph: { spacing: { before: sp(before), after: sp(after), ...lines(1.1) }, keepNext: true, keepLines: true, outlineLevel },
  });

  return {
    default: {
      document: {
        run: { font: FONT, size: pt(11), color: theme.ink, language: { value: langTag } },
        paragraph: { spacing: { after: sp(6), ...lines(1.15) } },
      },
      title: {
        run: { font: FONT, size: pt(28), bold: true, color: theme.ink },
        paragraph: { spacing: { before: sp(6), after: sp(12), ...lines(1) }, keepNext: true },
      },
      heading1: heading(20, theme.accent, 0, 14, 0),
      heading2: heading(14, theme.accent, 18, 6, 1),
      heading3: heading(12, theme.ink, 12, 4, 2),
      listParagraph: { paragraph: { spacing: { after: sp(8) }, contextualSpacing: true } },
      hyperlink: { run: { color: theme.accent, underline: {} } },
      caption: {
        run: { font: FONT, size: pt(10.5), bold: true, italics: false, color: theme.ink },
        paragraph: { spacing: { before: sp(12), after: sp(4) }, keepNext: true, keepLines: true },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: pt(14), color: theme.muted },
        paragraph: { spacing: { after: sp(18) } },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true },
        paragraph: {
          spacing: { before: sp(10), after: sp(2) },
          indent: { left: 454, right: 454 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: theme.accent, space: 8 } },
        },
      },
      {
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Heading1',
        next: 'Normal',
        // Not a heading for the navigation pane: the contents do not list themselves.
        paragraph: { outlineLevel: 9 },
      },
      { id: STYLE.toc1, name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: sp(6), after: sp(2) } } },
      { id: STYLE.toc2, name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: sp(1) }, indent: { left: 284 } } },
      { id: STYLE.header, name: 'header', basedOn: 'Normal', run: { size: pt(8.5), color: theme.muted }, paragraph: { spacing: { after: 0 } } },
      { id: STYLE.footer, name: 'footer', basedOn: 'Normal', run: { size: pt(8.5), color: theme.muted }, paragraph: { spacing: { after: 0 } } },
      own(STYLE.area, { run: { size: pt(14), bold: true, color: theme.accent }, paragraph: { spacing: { before: sp(180), after: sp(6) }, keepNext: true } }),
      own(STYLE.dateline, { run: { size: pt(11), color: theme.muted }, paragraph: { spacing: { before: sp(24), after: 0 } } }),
      own(STYLE.synthetic, {
        run: { size: pt(11.5), bold: true, color: theme.caution },
        paragraph: { ...box(theme.caution, theme.cautionTint), spacing: { before: sp(24), after: sp(24) } },
      }),
      own(STYLE.notice, { paragraph: { ...box(theme.accent, theme.accentTint), spacing: { before: 0, after: 0 }, keepLines: true } }),
      own(STYLE.noticeCaution, { paragraph: { ...box(theme.caution, theme.cautionTint), spacing: { before: 0, after: 0 }, keepLines: true } }),
      own(STYLE.attribution, { basedOn: STYLE.quote, run: { italics: false, size: pt(9.5), color: theme.muted }, paragraph: { spacing: { before: 0, after: sp(10) } } }),
      own(STYLE.keyValue, {
        run: { size: pt(22), bold: true, color: theme.accent },
        paragraph: { ...box(theme.accent, theme.accentTint), spacing: { before: sp(8), after: 0, ...lines(1) }, keepNext: true, keepLines: true },
      }),
      own(STYLE.keyLabel, {
        run: { bold: true },
        paragraph: { ...box(theme.accent, theme.accentTint), spacing: { before: 0, after: 0 }, keepNext: true, keepLines: true },
      }),
      own(STYLE.keyDetail, {
        run: { size: pt(9), color: theme.muted },
        paragraph: { ...box(theme.accent, theme.accentTint), spacing: { before: 0, after: 0 }, keepLines: true },
      }),
      own(STYLE.figure, { paragraph: { spacing: { before: 0, after: sp(4) }, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT } }),
      own(STYLE.tableHead, { run: { size: pt(9), bold: true }, paragraph: { spacing: { before: sp(2), after: sp(2), ...lines(1) } } }),
      own(STYLE.tableText, { run: { size: pt(9) }, paragraph: { spacing: { before: sp(2), after: sp(2), ...lines(1) } } }),
      own(STYLE.tableNote, { run: { size: pt(8.5), color: theme.muted }, paragraph: { spacing: { before: sp(3), after: 0, ...lines(1) } } }),
      own(STYLE.source, { run: { size: pt(8.5), color: theme.muted }, paragraph: { spacing: { before: sp(3), after: sp(14), ...lines(1) } } }),
      own(STYLE.ownStart, {
        run: { size: pt(8.5), bold: true, allCaps: true, color: OWN_RULE },
        paragraph: { border: { top: { style: BorderStyle.SINGLE, size: 18, color: OWN_RULE, space: 6 } }, spacing: { before: sp(14), after: sp(6) }, keepNext: true },
      }),
      own(STYLE.ownEnd, {
        paragraph: { border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: OWN_RULE, space: 1 } }, spacing: { before: 0, after: sp(14), ...lines(0.5) } },
      }),
      own(STYLE.ownCaption, { run: { size: pt(9.5), color: theme.muted }, paragraph: { spacing: { before: sp(2), after: sp(10) } } }),
    ],
  };
}

/** A bullet list and a numbered list; every list block gets its own instance (numbered from 1). */
export function documentNumbering(): INumberingOptions {
  return {
    config: [
      { reference: LIST.bullet, levels: LIST.definition('bullet') },
      { reference: LIST.ordered, levels: LIST.definition('ordered') },
    ],
  };
}
