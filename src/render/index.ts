// Render a report document to the requested formats. The heavy renderers (pdfkit, docx,
// Chart.js, canvas) are imported here, on demand, so commands that do not draw start fast.
import type { ReportDocument } from '../report/model.js';

export type ReportFormat = 'html' | 'pdf' | 'docx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'html', 'docx'];
/** Without --format: the PDF for the board and the HTML for the web; Word on request. */
export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'html'];

/**
 * All formats at once: charts are drawn on their own thread and cached per spec and size,
 * so the HTML's charts are drawn while the PDF sets its text.
 */
export async function renderDocument(doc: ReportDocument, formats: readonly ReportFormat[]): Promise<{ format: ReportFormat; data: Buffer }[]> {
  return Promise.all(
    formats.map(async (format) => {
      switch (format) {
        case 'html': {
          const { renderHtml } = await import('./html/index.js');
          return { format, data: Buffer.from(await renderHtml(doc), 'utf8') };
        }
        case 'pdf': {
          const { renderPdf } = await import('./pdf/index.js');
          return { format, data: await renderPdf(doc) };
        }
        case 'docx': {
          const { renderDocx } = await import('./docx/index.js');
          return { format, data: await renderDocx(doc) };
        }
      }
    }),
  );
}
