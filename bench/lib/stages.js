// One report (or several) timed stage by stage, in-process, with the built dist/ modules in
// the order `lagesbild report` runs them. Prints JSON on stdout. A fresh process per run, so
// the start-up stage is real.
//
//   node bench/lib/stages.js --config <file> --out <dir> --area <name> [--area …] <csv…>
//
// --area "*county*" builds the county overview. Chart drawing is timed inside renderPdf and
// renderHtml (chart-hook.js), and subtracted from them: "pdf" and "html" are layout and
// writing only, "charts" is every chart render the report does.
import { register } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: flags, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: 'string' },
    out: { type: 'string' },
    area: { type: 'string', multiple: true },
  },
});
const COUNTY = '*county*';
const dist = new URL('../../dist/', import.meta.url);
const lap = (() => {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = now - last;
    last = now;
    return ms;
  };
})();

// Start-up: the CLI loads its entry module and everything it imports statically.
await import(new URL('cli/main.js', dist).href);
const startup = performance.now();
lap();

const { loadConfig } = await import(new URL('config/load.js', dist).href);
const { ingestFiles } = await import(new URL('analysis/pipeline.js', dist).href);
const { computeFigures } = await import(new URL('analysis/figures.js', dist).href);
const { loadLogo } = await import(new URL('cli/report-files.js', dist).href);
lap();

const { config } = await loadConfig(flags.config);
const configMs = lap();
const { sums, files: read } = await ingestFiles(files, config);
const ingestMs = lap();
const figures = computeFigures(sums, config);
const statisticsMs = lap();
const logo = await loadLogo(config, flags.config);

// Not timed: from here on, imports of the chart renderer go through the timer.
register(new URL('./chart-hook.js', import.meta.url), {
  data: { target: new URL('render/charts/index.js', dist).href, replacement: new URL('./timed-charts.js', import.meta.url).href },
});
const { chartTime } = await import(new URL('./timed-charts.js', import.meta.url).href);
await mkdir(flags.out, { recursive: true });
lap();

const reports = [];
for (const area of flags.area ?? []) {
  const { buildMunicipalityReport, buildCountyReport } = await import(new URL('report/index.js', dist).href);
  const common = { figures, config, lang: config.project.language, dateIso: '2024-06-01', logo };
  const doc = area === COUNTY ? buildCountyReport(common) : buildMunicipalityReport({ ...common, area });
  const documentMs = lap();

  // pdf before html, as `lagesbild report` renders them.
  const { renderPdf } = await import(new URL('render/pdf/index.js', dist).href);
  const before = { ...chartTime };
  const pdf = await renderPdf(doc);
  const pdfMs = lap();
  const pdfCharts = { ms: chartTime.ms - before.ms, calls: chartTime.calls - before.calls };
  const { renderHtml } = await import(new URL('render/html/index.js', dist).href);
  const html = Buffer.from(await renderHtml(doc), 'utf8');
  const htmlMs = lap();
  const htmlCharts = { ms: chartTime.ms - before.ms - pdfCharts.ms, calls: chartTime.calls - before.calls - pdfCharts.calls };
  await writeFile(join(flags.out, 'report.pdf'), pdf);
  await writeFile(join(flags.out, 'report.html'), html);
  const writeMs = lap();

  reports.push({
    area: area === COUNTY ? figures.meta.county : area,
    county: area === COUNTY,
    figures: doc.chapters.flatMap((c) => c.blocks).filter((b) => b.type === 'figure').length,
    chartCalls: pdfCharts.calls + htmlCharts.calls,
    ms: {
      document: documentMs,
      charts: pdfCharts.ms + htmlCharts.ms,
      chartsPdf: pdfCharts.ms,
      chartsHtml: htmlCharts.ms,
      pdf: pdfMs - pdfCharts.ms,
      html: htmlMs - htmlCharts.ms,
      write: writeMs,
    },
    bytes: { pdf: pdf.length, html: html.length },
  });
}
if (reports.length > 0 && chartTime.calls === 0) throw new Error('chart renders were not timed: did the chart module path change?');

process.stdout.write(
  `${JSON.stringify({
    rows: read.reduce((n, f) => n + f.rows, 0),
    records: figures.records.length,
    ms: { startup, config: configMs, ingest: ingestMs, statistics: statisticsMs },
    reports,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
  })}\n`,
);
