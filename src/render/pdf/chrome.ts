// Running header (document title, synthetic-data notice) and footer (page number), all
// marked as pagination artifacts so assistive technology skips them.

import type { ReportDocument } from '../../report/model.js';
import { artifact } from './struct.js';
import { CONTENT, PAGE, type Theme } from './theme.js';
import { type Doc, drawLine, textWidth, wrap } from './text.js';

const HEADER_TOP = 34;
const MAX_NOTICE_LINES = 2;

/** Shortens text with an ellipsis to fit `width`. */
function fit(doc: Doc, text: string, style: Theme['header'], width: number): string {
  if (textWidth(doc, text, style) <= width) return text;
  let s = text;
  while (s.length > 1 && textWidth(doc, `${s}…`, style) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

export function drawPageChrome(doc: Doc, theme: Theme, report: ReportDocument, pageNumber: number): void {
  artifact(doc, 'Pagination', () => {
    let y = HEADER_TOP;
    drawLine(doc, fit(doc, report.title, theme.header, CONTENT.width), theme.header, CONTENT.left, y);
    y += theme.header.leading;
    if (report.syntheticNotice) {
      const lines = wrap(doc, report.syntheticNotice, theme.headerNotice, CONTENT.width);
      const shown = lines.slice(0, MAX_NOTICE_LINES);
      if (lines.length > MAX_NOTICE_LINES) {
        shown[MAX_NOTICE_LINES - 1] = fit(doc, `${shown[MAX_NOTICE_LINES - 1] ?? ''} ${lines[MAX_NOTICE_LINES] ?? ''}`, theme.headerNotice, CONTENT.width);
      }
      for (const line of shown) {
        drawLine(doc, line, theme.headerNotice, CONTENT.left, y);
        y += theme.headerNotice.leading;
      }
    }
    const ruleY = CONTENT.top - 18;
    doc.save().lineWidth(0.5).strokeColor(theme.rule).moveTo(CONTENT.left, ruleY).lineTo(CONTENT.right, ruleY).stroke().restore();

    const footerTop = PAGE.height - 48;
    drawLine(doc, report.area, theme.header, CONTENT.left, footerTop);
    drawLine(doc, `${report.labels.page} ${pageNumber}`, theme.header, CONTENT.left, footerTop, 'right', CONTENT.width);
  });
}
