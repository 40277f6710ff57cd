// PDF rendering: tagged A4 PDF via pdfkit, loaded on first use.

export { renderPdf } from './render.js';
