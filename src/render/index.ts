// Render a report document to the requested formats. The heavy renderers (pdfkit, Chart.js,
// canvas) are imported here, on demand, so commands that do not draw start fast.
import type { ReportDocument } from '../report/model.js';

export type ReportFormat = 'html' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'html'];

export async function renderDocument(doc: ReportDocument, formats: readonly ReportFormat[]): Promise<{ format: ReportFormat; data: Buffer }[]> {
  const out: { format: ReportFormat; data: Buffer }[] = [];
  for (const format of formats) {
    if (format === 'html') {
      const { renderHtml } = await import('./html/index.js');
      out.push({ format, data: Buffer.from(await renderHtml(doc), 'utf8') });
    } else {
      const { renderPdf } = await import('./pdf/index.js');
      out.push({ format, data: await renderPdf(doc) });
    }
  }
  return out;
}
