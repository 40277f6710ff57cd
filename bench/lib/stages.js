// One report (or several) timed stage by stage, in-process, with the built dist/ modules in
// the order `lagesbild report` runs them. Prints JSON on stdout. A fresh process per run, so
// the start-up stage is real.
//
//   node bench/lib/stages.js --config <file> --out <dir> [--warm-up <area>] --area <name> [--area …] <csv…>
//
// --warm-up renders another area's report first, untimed: the timed reports then cost what
// they cost in a process that has already made one (as in a batch), without loading modules,
// parsing fonts and compiling hot code. (Not one of the timed areas: its charts would come
// from the renderer's cache.)
// --area "*county*" builds the county overview. The "charts" stage draws every figure as the
// PDF asks for it (the renderer keeps them for the PDF and the HTML); renders that renderPdf
// or renderHtml still start (e.g. the HTML's narrow variants) are timed inside them
// (chart-hook.js), added to "charts" and taken out of "pdf" and "html", which are then layout
// and writing only. Each stage has its wall time and its CPU time (the process's, all
// threads): on a busy machine the CPU time is the steadier measure of the work.
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
    'warm-up': { type: 'string' },
  },
});
const COUNTY = '*county*';
const dist = new URL('../../dist/', import.meta.url);
const now = () => {
  const u = process.cpuUsage();
  return { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
};
/** Time since the previous lap (the first lap: since the process started). */
const lap = (() => {
  let last = { wall: 0, cpu: 0 };
  return () => {
    const t = now();
    const d = { wall: t.wall - last.wall, cpu: t.cpu - last.cpu };
    last = t;
    return d;
  };
})();
const minus = (a, b) => ({ wall: a.wall - b.wall, cpu: a.cpu - b.cpu });

// Start-up: the CLI loads its entry module and everything it imports statically.
await import(new URL('cli/main.js', dist).href);
const startup = lap();

const { loadConfig } = await import(new URL('config/load.js', dist).href);
const { ingestFiles } = await import(new URL('analysis/pipeline.js', dist).href);
const { computeFigures } = await import(new URL('analysis/figures.js', dist).href);
const { loadLogo } = await import(new URL('cli/report-files.js', dist).href);
const modules = lap();

const { config } = await loadConfig(flags.config);
const configTime = lap();
const { sums, files: read } = await ingestFiles(files, config, { configPath: flags.config });
const ingestTime = lap();
const figures = computeFigures(sums, config);
const statisticsTime = lap();
const logo = await loadLogo(config, flags.config);

// Not timed: from here on, imports of the chart renderer go through the timer.
register(new URL('./chart-hook.js', import.meta.url), {
  data: { target: new URL('render/charts/index.js', dist).href, replacement: new URL('./timed-charts.js', import.meta.url).href },
});
const { chartTime } = await import(new URL('./timed-charts.js', import.meta.url).href);
await mkdir(flags.out, { recursive: true });

const common = { figures, config, lang: config.project.language, dateIso: '2024-06-01', logo };
const build = async (area) => {
  const { buildMunicipalityReport, buildCountyReport } = await import(new URL('report/index.js', dist).href);
  return area === COUNTY ? buildCountyReport(common) : buildMunicipalityReport({ ...common, area });
};
const areas = flags.area ?? [];
if (flags['warm-up'] !== undefined) {
  const doc = await build(flags['warm-up']);
  const [{ renderPdf }, { renderHtml }] = await Promise.all([import(new URL('render/pdf/index.js', dist).href), import(new URL('render/html/index.js', dist).href)]);
  await renderPdf(doc);
  await renderHtml(doc);
}
lap();

const reports = [];
for (const area of areas) {
  const doc = await build(area);
  const documentTime = lap();

  const start = { ...chartTime };
  const { renderChartPng } = await import(new URL('render/charts/index.js', dist).href);
  await Promise.all(figuresOf(doc).map((f) => renderChartPng(f.chart)));
  lap();

  // pdf before html, as `lagesbild report` renders them.
  const { renderPdf } = await import(new URL('render/pdf/index.js', dist).href);
  const drawn = { ...chartTime };
  const pdf = await renderPdf(doc);
  const pdfTime = lap();
  const mid = { ...chartTime };
  const { renderHtml } = await import(new URL('render/html/index.js', dist).href);
  const html = Buffer.from(await renderHtml(doc), 'utf8');
  const htmlTime = lap();
  const end = { ...chartTime };
  await writeFile(join(flags.out, 'report.pdf'), pdf);
  await writeFile(join(flags.out, 'report.html'), html);
  const writeTime = lap();

  const pdfCharts = minus(mid, drawn);
  const htmlCharts = minus(end, mid);
  reports.push({
    area: area === COUNTY ? figures.meta.county : area,
    county: area === COUNTY,
    figures: figuresOf(doc).length,
    htmlChartCalls: end.calls - mid.calls,
    time: {
      document: documentTime,
      charts: minus(end, start),
      chartsPdf: minus(mid, start),
      chartsHtml: htmlCharts,
      pdf: minus(pdfTime, pdfCharts),
      html: minus(htmlTime, htmlCharts),
      write: writeTime,
    },
    bytes: { pdf: pdf.length, html: html.length },
  });
}
function figuresOf(doc) {
  return doc.chapters.flatMap((c) => c.blocks).filter((b) => b.type === 'figure');
}

if (reports.length > 0 && chartTime.calls === 0) throw new Error('chart renders were not timed: did the chart module path change?');

process.stdout.write(
  `${JSON.stringify({
    rows: read.reduce((n, f) => n + f.rows, 0),
    records: figures.records.length,
    time: { startup, modules, config: configTime, ingest: ingestTime, statistics: statisticsTime },
    reports,
  })}\n`,
);
