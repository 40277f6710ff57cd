// BENCHMARKS.md from the results of run.js.

const s = (ms) => (ms === null || ms === undefined ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb) => (kb === null || kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`);
const x = (v, d = 2) => (v === null || !Number.isFinite(v) ? '–' : `${v.toFixed(d)}×`);
const int = (n) => Math.round(n).toLocaleString('en').replaceAll(',', ' ');
/** "median (min–max)" of a summary, formatted by `f`. */
const mm = (sum, f = s) => (sum.median === null ? '–' : sum.n > 1 ? `${f(sum.median)} (${f(sum.min)}–${f(sum.max)})` : f(sum.median));
const table = (head, rows, align = 'right') =>
  [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 || align === 'left' ? '---' : '--:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
/** Cores a run kept busy on average: CPU time ÷ wall time. */
const cores = (cpu, wall) => (cpu.median === null || !wall.median ? '–' : (cpu.median / wall.median).toFixed(2));
const met = (ok) => (ok === null ? 'not measured' : ok ? '**met**' : '**missed**');

function profileTables(title, p) {
  if (!p) return [];
  const rows = (list) => list.map((e) => [`\`${e.name}\``, s(e.ms), `${(100 * e.share).toFixed(1)} %`]);
  return [
    `#### ${title} (${s(p.totalMs)} of samples)`,
    '',
    table(['self time by package / file', 'ms', 'share'], rows(p.packages.slice(0, 8))),
    '',
    table(['self time by function', 'ms', 'share'], rows(p.functions.slice(0, 8))),
    '',
  ];
}

export function renderMarkdown({ machine, opts, ingest, report, batch, country, totalMs }) {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${opts.quick ? ' -- --quick' : ''}\` (bench/run.js) on ${machine.date}; total bench time ${s(totalMs)}.`,
    'Every number is the median of several runs, with the smallest and largest in brackets, on the machine below.',
    opts.quick ? '**Quick run: smaller data and fewer runs than the full benchmark; the targets are defined for the full run.**' : '',
    '',
    '## Machine',
    '',
    table(
      ['machine', ''],
      [
        ['CPU', machine.cpu],
        ['cores', String(machine.cores)],
        ['memory', `${(machine.memoryMb / 1024).toFixed(1)} GB`],
        ['Node', machine.node],
        ['OS', machine.os],
        ['commit', machine.commit],
        ['load average (1 min) at start / end', `${machine.loadStart.toFixed(2)} / ${machine.loadEnd.toFixed(2)}`],
        ['peak RSS and CPU time measured with', machine.rssMethod],
      ],
      'left',
    ),
    '',
    machine.loadStart > machine.cores * 0.5 || machine.loadEnd > machine.cores * 0.5
      ? `The machine was shared (load average above half its ${machine.cores} cores): timings are noisier and slower than on an idle machine.`
      : '',
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm run bench               # full: 1 000 000 respondents, 50-municipality batch, a whole country (about 20 minutes)',
    'npm run bench -- --quick    # smaller data, fewer runs (a few minutes)',
    'npm run bench -- --only ingest,country --runs 5 --no-profile',
    '# on a shared machine: flock /work/wt/.bench.lock npm run bench',
    '```',
    '',
    'Generated data (seeded, identical on every run) is kept in `bench/.data/` and reused; CPU profiles of the last run are in `bench/.data/profiles/` (open them in Chrome DevTools › Performance).',
    '',
  ];

  const targets = [];
  const why = [];
  if (ingest) {
    const f = ingest.figures;
    const ratio = f.ms.median / ingest.floor.ms.median;
    const rss = f.rssKb.median / ingest.small.rssKb.median;
    targets.push([`\`lagesbild figures\` ÷ the floor (a field-counting byte scan), ${int(ingest.file.rows)} rows, wall time`, '≤ 6', x(ratio), met(ratio <= 6)]);
    targets.push([`\`lagesbild figures\` on ${int(ingest.file.smallRows)} rows (50 municipalities)`, '< 1.5 s', s(ingest.small.ms.median), met(ingest.small.ms.median < 1500)]);
    targets.push([`peak RSS ${int(ingest.file.rows)} rows ÷ ${int(ingest.file.smallRows)} rows`, '≤ 1.5', x(rss), met(rss <= 1.5)]);
    targets.push([`peak RSS ${int(ingest.file.rows)} rows`, '< 400 MB', mb(f.rssKb.median), met(f.rssKb.median < 400 * 1024)]);
    if (ratio > 6 && f.ingestMs.median !== null && f.statisticsMs.median !== null) {
      const rest = f.ms.median - f.ingestMs.median - f.statisticsMs.median;
      why.push(
        `*figures ÷ floor*: ingest ${s(f.ingestMs.median)} (${x(f.ingestMs.median / ingest.floor.ms.median)} the floor's whole run), statistics ${s(f.statisticsMs.median)} ` +
          `(a cost per figure, not per row: ${s(ingest.small.statisticsMs.median)} on ${int(ingest.file.smallRows)} rows), start-up plus writing figures.csv ${s(rest)}. ` +
          `CPU time ratio ${x(ingest.cpuRatio.median)}.` +
          (ingest.oneThread ? ` On one thread: ${x(ingest.oneThread.ms.median / ingest.floor.ms.median)} the floor.` : ''),
      );
    }
    if (ingest.small.ms.median >= 1500) {
      why.push(
        `*${int(ingest.file.smallRows)} rows*: ${s(ingest.small.ms.median)} wall, ${s(ingest.small.cpuMs.median)} CPU, of which statistics ${s(ingest.small.statisticsMs.median)} and ingest ${s(ingest.small.ingestMs.median)}: ` +
          `the statistics are a cost per figure (${int(ingest.small.records)} of them), the rest start-up and writing figures.csv.` +
          (ingest.small.twice
            ? ` The same work a second time in one process takes ${s(ingest.small.twice.second.total.median)} instead of ${s(ingest.small.twice.first.total.median)} (table below): ` +
              `about ${s(ingest.small.twice.first.total.median - ingest.small.twice.second.total.median)} of the command is spent running code V8 has not optimised yet.`
            : ''),
      );
    }
    if (rss > 1.5 || f.rssKb.median >= 400 * 1024) why.push(`*peak RSS*: ${mb(f.rssKb.median)} on ${int(ingest.file.rows)} rows against ${mb(ingest.small.rssKb.median)} on ${int(ingest.file.smallRows)}.`);
  }
  if (report) {
    const ratio = report.startup.help.median / report.startup.bare.median;
    targets.push(["`lagesbild --help` ÷ `node -e ''`", '≤ 2', x(ratio), met(ratio <= 2)]);
    // What --help runs besides node and commander: modules it should not need.
    const extra = report.profiles?.help?.packages.filter((p) => (p.name.startsWith('npm:') && p.name !== 'npm: commander') || p.name.startsWith('dist/')).slice(0, 5);
    if (ratio > 2) {
      const cpuRatio = report.startup.helpCpuMs.median / report.startup.bareCpuMs.median;
      why.push(
        `*start-up*: \`--help\` takes ${s(report.startup.help.median)} (CPU ${s(report.startup.helpCpuMs.median)}: ${x(cpuRatio)} that of \`node -e ''\`) against ${s(report.startup.bare.median)} for \`node -e ''\`, and ${mb(report.startup.helpRssKb.median)} of memory. ` +
          (extra?.length ? `Besides commander, its profile spends time in ${extra.map((p) => `${p.name.replace('npm: ', '')} (${s(p.ms)})`).join(', ')}.` : 'Its profile shows no module beyond commander and the CLI entry.'),
      );
    }
  }
  if (batch) {
    targets.push([`batch \`--jobs 2\` speed-up over \`--jobs 1\` (${machine.cores} cores)`, '≥ 1.7', x(batch.speedup), met(batch.speedup >= 1.7)]);
    if (batch.speedup < 1.7) {
      const serial = batch.fixedMs.median;
      const best = batch.jobs1.ms.median / (serial + (batch.jobs1.ms.median - serial) / 2);
      why.push(
        `*batch*: \`--jobs 2\` kept ${cores(batch.jobs2.cpuMs, batch.jobs2.ms)} cores busy on average (CPU time ÷ wall time; \`--jobs 1\`: ${cores(batch.jobs1.cpuMs, batch.jobs1.ms)}), ` +
          `and used ${x(batch.jobs2.cpuMs.median / batch.jobs1.cpuMs.median)} the CPU time of \`--jobs 1\`. The part no job count shortens (start-up, ingest, statistics, figures.csv) is ${s(serial)} of ${s(batch.jobs1.ms.median)}, ` +
          `so two fully used cores could give at most ${x(best)}. ` +
          `But \`--jobs 1\` is not single-threaded: it draws charts on a second thread while the PDF text is set, so it already keeps ${cores(batch.jobs1.cpuMs, batch.jobs1.ms)} cores busy, ` +
          `and on ${machine.cores} cores no job count can add more than ${x(machine.cores / (batch.jobs1.cpuMs.median / batch.jobs1.ms.median))} over it. ` +
          `The 1.7 target assumed a one-core \`--jobs 1\`; the batch's throughput (per report: see below) is what the second core buys either way.`,
      );
    }
  }
  if (batch) {
    // A batch of 290 municipalities (291 reports with the county) on this machine's cores, from
    // this run: the part no job count shortens plus 291 reports at the rate measured here with
    // the job count `lagesbild batch` chooses on this machine (defaultJobs: 1 on two cores or
    // fewer, where one job already draws its charts on a second thread), which is what a user
    // gets. The fixed part is this county's (statistics grow with the cells): a lower bound.
    const fixed = batch.fixedMs.median;
    const chosen = machine.cores <= 2 ? 1 : 2;
    const rate = (run) => fixed + (291 * (run.ms.median - fixed)) / batch.reports;
    const projected = rate(chosen === 1 ? batch.jobs1 : batch.jobs2);
    batch.projected290 = projected;
    batch.projected290Jobs = chosen;
    targets.push([`batch of 290 municipalities on ${machine.cores} cores, \`lagesbild batch\` (here \`--jobs ${chosen}\`; projected from the ${batch.municipalities}-municipality run)`, '< 4 min', s(projected), met(projected < 240_000)]);
    const other = chosen === 1 ? batch.jobs2 : batch.jobs1;
    const rendering = (chosen === 1 ? batch.jobs1 : batch.jobs2).ms.median - fixed;
    if (projected >= 240_000) {
      why.push(
        `*290 municipalities*: the ${batch.reports} reports took ${s(rendering)} at \`--jobs ${chosen}\` (${s(rendering / batch.reports)} a report: its charts, PDF and HTML, see section 3); ` +
          `291 of them at that rate take ${s(projected - fixed)}, besides the ${s(fixed)} no job count shortens (at the \`--jobs ${3 - chosen}\` rate: ${s(rate(other))} in all). The cost is the reports' rendering, not the figures.`,
      );
    }
  }
  if (country) {
    targets.push([`peak RSS, \`figures\` on a whole country (290 × 10 waves × 60 indicators)`, '< 1 GB', mb(country.figures.rssKb), met(country.figures.rssKb < 1024 * 1024)]);
    targets.push([`peak RSS, \`batch --jobs 2\` on a whole country (one shard of ${country.batch.shards})`, '< 1 GB', mb(country.batch.rssKb), met(country.batch.rssKb < 1024 * 1024)]);
    if (country.batch.rssKb >= 1024 * 1024) {
      why.push(
        `*batch on a whole country*: the figures fit (\`figures\` on the same file: ${mb(country.figures.rssKb)}; batch computes them once and lets go of the survey's sums before rendering). ` +
          `The rest is rendering: two workers each build a country-sized report at once (${country.file.indicators} indicators; the county overview's tables and charts over ${country.file.municipalities} municipalities), ` +
          `and memory the main thread let go of stays with the process for reuse rather than being returned to the system (issue 13).`,
      );
    }
  }
  lines.push('## Targets', '', table(['measure', 'target', 'measured', ''], targets), '');
  if (why.length > 0) lines.push('Why targets are missed, from the numbers of this run:', '', ...why.map((w) => `- ${w}`), '');

  if (report) {
    const st = report.stages;
    const order = [
      ['start-up', st.startup],
      ['loading modules', st.modules],
      ['config', st.config],
      ['ingest', st.ingest],
      ['statistics', st.statistics],
      ['document', st.document],
      ['charts', st.charts],
      ['PDF layout and writing', st.pdf],
      ['HTML', st.html],
      ['writing files', st.write],
    ];
    const slowest = order.reduce((a, b) => (b[1].wall.median > a[1].wall.median ? b : a));
    const total = order.reduce((sum, [, v]) => sum + v.wall.median, 0);
    lines.push(
      '## Where the time goes',
      '',
      `**Slowest stage of a report: ${slowest[0]}**, ${s(slowest[1].wall.median)} of ${s(total)} (${((100 * slowest[1].wall.median) / total).toFixed(0)} %, CPU time ${s(slowest[1].cpu.median)}). Details below.`,
      '',
    );
  }

  if (ingest) {
    const rowsPerS = (ms) => int(ingest.file.rows / (ms / 1000));
    const mbPerS = (ms, bytes = ingest.file.bytes) => (ms ? `${(bytes / 2 ** 20 / (ms / 1000)).toFixed(0)} MiB/s` : '–');
    const f = ingest.figures;
    const ref = ingest.reference;
    lines.push(
      '## 1. Ingest and statistics',
      '',
      `One CSV of ${int(ingest.file.rows)} respondents × ${ingest.file.indicators} indicators (${(ingest.file.bytes / 2 ** 20).toFixed(0)} MiB, 50 municipalities, 3 waves, answer texts), ${int(ingest.records)} figures out. ` +
        '`lagesbild figures` is the whole command in a child process (start-up, ingest, statistics, writing figures.csv), on every core (a CSV this large is read in 32 MiB segments on worker threads) and on one thread. The floor is a field-counting byte scan of the same file (bench/lib/floor-scan.js: quotes respected, nothing decoded), the least any reader must do; udsv (bench/lib/udsv-parse.js) is the fastest maintained JavaScript CSV parser we found, cutting every row into strings. Runs alternate between the three. The reference reader is `lagesbild figures` with `LAGESBILD_CSV_READER=csv-parse` (one run), as lagesbild read CSV before its byte-level reader.',
      '',
      table(
        ['', 'wall time', 'CPU time', 'rows / s', 'MiB / s', 'peak RSS'],
        [
          ['floor: field-counting byte scan', mm(ingest.floor.ms), mm(ingest.floor.cpuMs), rowsPerS(ingest.floor.ms.median), mbPerS(ingest.floor.ms.median), mm(ingest.floor.rssKb, mb)],
          ['udsv 0.7.3, rows as strings', mm(ingest.udsv.ms), mm(ingest.udsv.cpuMs), rowsPerS(ingest.udsv.ms.median), mbPerS(ingest.udsv.ms.median), mm(ingest.udsv.rssKb, mb)],
          ['`lagesbild figures`', mm(f.ms), mm(f.cpuMs), rowsPerS(f.ms.median), mbPerS(f.ms.median), mm(f.rssKb, mb)],
          ['… of which ingest (its --verbose)', mm(f.ingestMs), '', f.ingestMs.median ? rowsPerS(f.ingestMs.median) : '–', mbPerS(f.ingestMs.median), ''],
          ['… of which statistics (its --verbose)', mm(f.statisticsMs), '', '', '', ''],
          ...(ingest.oneThread
            ? [
                ['`lagesbild figures` on one thread (`LAGESBILD_THREADS=1`)', mm(ingest.oneThread.ms), mm(ingest.oneThread.cpuMs), rowsPerS(ingest.oneThread.ms.median), mbPerS(ingest.oneThread.ms.median), mm(ingest.oneThread.rssKb, mb)],
                ['… of which ingest', mm(ingest.oneThread.ingestMs), '', '', mbPerS(ingest.oneThread.ingestMs.median), ''],
              ]
            : []),
          ['`lagesbild figures`, reference reader (csv-parse)', mm(ref.ms), mm(ref.cpuMs), rowsPerS(ref.ms.median), mbPerS(ref.ms.median), mm(ref.rssKb, mb)],
          ['… of which ingest', mm(ref.ingestMs), '', '', mbPerS(ref.ingestMs.median), ''],
          [`\`lagesbild figures\` on ${int(ingest.file.smallRows)} rows`, mm(ingest.small.ms), mm(ingest.small.cpuMs), '', '', mm(ingest.small.rssKb, mb)],
          ['… of which ingest', mm(ingest.small.ingestMs), '', '', '', ''],
          ['… of which statistics', mm(ingest.small.statisticsMs), '', '', '', ''],
        ],
      ),
      '',
      (f.threads ? `\`lagesbild figures\` read the file in ${f.threads[0]} segments on ${f.threads[1]} threads (one per core). ` : '') +
      `Ratio to the floor: ${x(f.ms.median / ingest.floor.ms.median)} in wall time (per pair of runs ${x(ingest.pairRatios.min)}–${x(ingest.pairRatios.max)}), ${x(ingest.cpuRatio.median)} in CPU time; ` +
        `ingest alone ${x(f.ingestMs.median / ingest.floor.ms.median)} the floor's whole run, against udsv's ${x(ingest.udsv.ms.median / ingest.floor.ms.median)} and the reference reader's ${x(ref.ingestMs.median / ingest.floor.ms.median)}. ` +
        `Peak RSS ${int(ingest.file.rows)} rows ÷ ${int(ingest.file.smallRows)} rows: ${x(f.rssKb.median / ingest.small.rssKb.median)}.`,
      '',
    );
    const twice = ingest.small.twice;
    if (twice) {
      const row = (label, k) => [label, mm(twice.first[k]), mm(twice.second[k]), s(twice.first[k].median - twice.second[k].median)];
      lines.push(
        `The ${int(ingest.file.smallRows)}-row work twice in one process (bench/lib/figures-twice.js: the command's own steps, its figures.csv written both times). ` +
          'The first time is the command\'s work after start-up; the second runs code V8 has optimised already (it compiles a function once it has run a while, on another thread, ' +
          'and until then runs it in its interpreter or baseline code). The difference is mostly what a run of a few seconds pays for code not yet optimised; ' +
          'a few modules the command loads on first use are in it too, and the second time also collects the first time\'s garbage.',
        '',
        table(
          ['stage', 'first time', 'second time', 'difference'],
          [
            row('ingest', 'ingest'),
            row('counts and disclosure control (pass 1)', 'counts'),
            row("config, references and the county's records", 'county'),
            row("the other areas' records and writing figures.csv", 'areas'),
            row('all', 'total'),
          ],
        ),
        '',
      );
    }
  }

  if (report) {
    const st = report.stages;
    const parts = ['startup', 'modules', 'config', 'ingest', 'statistics', 'document', 'charts', 'pdf', 'html', 'write'];
    const total = (k) => parts.reduce((a, p) => a + st[p][k].median, 0);
    const row = (label, v) => [label, mm(v.wall), mm(v.cpu)];
    lines.push(
      '## 2. One report (the bundled example)',
      '',
      `\`lagesbild report examples/norrbacka/data/*.csv -c examples/norrbacka/lagesbild.yaml --area ${report.area}\`: ${int(report.rows)} respondents, ${int(report.records)} figures, ${report.figures} charts; PDF ${(report.bytes.pdf / 2 ** 20).toFixed(1)} MiB, HTML ${(report.bytes.html / 2 ** 20).toFixed(1)} MiB. ` +
        'Stages are timed in-process with the dist/ modules in the order the command runs them (bench/lib/stages.js, a fresh process per run), except that every figure is drawn before renderPdf: the renderer keeps the images, so the PDF and HTML rows are layout and writing, and the renders they still start are timed (a module hook wraps renderChartPng) and counted as charts. The command itself draws charts on a second thread while the PDF text is set, so it can take less than the sum. CPU time is the whole process\'s (all threads) during the stage.',
      '',
      table(
        ['stage', 'wall time', 'CPU time'],
        [
          row('start-up: node + `dist/cli/main.js` and its static imports', st.startup),
          row('loading the config, ingest and statistics modules', st.modules),
          row('config: loadConfig', st.config),
          row('ingest: ingestFiles', st.ingest),
          row('statistics: computeFigures', st.statistics),
          row('document: buildMunicipalityReport', st.document),
          row('charts: renderChartPng, while any render is in flight', st.charts),
          row(`… drawn before the PDF, one per figure (× ${report.figures})`, st.chartsPdf),
          row(`… that renderHtml still asks for (× ${report.htmlChartCalls} calls; the renderer's cache answers repeats)`, st.chartsHtml),
          row('PDF: renderPdf without its charts', st.pdf),
          row('HTML: renderHtml without its charts', st.html),
          row('write both files', st.write),
          ['**sum of stages**', `**${s(total('wall'))}**`, `**${s(total('cpu'))}**`],
          ['`lagesbild report` (whole command, child process)', mm(report.cli.ms), mm(report.cli.cpuMs)],
          ['… its peak RSS', mm(report.cli.rssKb, mb), ''],
        ],
      ),
      '',
      '### Start-up',
      '',
      table(
        ['', 'wall time', 'CPU time', 'peak RSS'],
        [
          ["`node -e ''`", mm(report.startup.bare), mm(report.startup.bareCpuMs), ''],
          ['`lagesbild --help`', mm(report.startup.help), mm(report.startup.helpCpuMs), mm(report.startup.helpRssKb, mb)],
        ],
      ),
      '',
      `Ratio: ${x(report.startup.help.median / report.startup.bare.median)} (target ≤ 2: only what a command needs should load).`,
      '',
    );
  }

  if (batch) {
    lines.push(
      '## 3. Batch',
      '',
      `A generated county of ${batch.municipalities} municipalities × 3 waves (${int(batch.rows)} respondents, the example's config): \`lagesbild batch --json\`, ${batch.reports} reports (every municipality and the county), PDF and HTML.`,
      '',
      table(
        ['', 'wall time', 'CPU time', 'cores busy', 'per report', 'peak RSS'],
        [
          ['`--jobs 1`', mm(batch.jobs1.ms), mm(batch.jobs1.cpuMs), cores(batch.jobs1.cpuMs, batch.jobs1.ms), mm(batch.jobs1.perReport), mm(batch.jobs1.rssKb, mb)],
          ['`--jobs 2`', mm(batch.jobs2.ms), mm(batch.jobs2.cpuMs), cores(batch.jobs2.cpuMs, batch.jobs2.ms), mm(batch.jobs2.perReport), mm(batch.jobs2.rssKb, mb)],
        ],
      ),
      '',
      `Speed-up: ${x(batch.speedup)}. Per report (wall time of the batch ÷ reports): ${s(batch.jobs1.ms.median / batch.reports)} with \`--jobs 1\`, ${s(batch.jobs2.ms.median / batch.reports)} with \`--jobs 2\`. With \`--jobs 1\` the reports take ${s(batch.jobs1.ms.median - batch.fixedMs.median)} of the ${s(batch.jobs1.ms.median)}; the rest, ${s(batch.fixedMs.median)} (\`lagesbild figures\` on the same files), is start-up, ingest (${s(batch.floor.ingestMs)} in-process), statistics (${s(batch.floor.statisticsMs)}) and writing figures.csv, which no number of jobs shortens.`,
      '',
      'Each sampled report in the batch against the same report in-process (document, charts, PDF, HTML, write) in a process that has already rendered one report: the floor a worker cannot go below. With `--jobs 1` a county\'s reports are rendered two at a time in one thread (one sets its text while the other\'s charts are drawn), so a report\'s time there includes part of the other\'s.',
      '',
      table(
        ['report', 'figures', 'charts', 'PDF write', 'HTML', 'floor', 'floor, CPU', 'in batch, jobs 1', 'in batch, jobs 2', 'jobs 1 ÷ floor'],
        batch.perReport.map((r) => [r.area + (r.county ? ' (county)' : ''), String(r.figures), s(r.chartsMs), s(r.pdfMs), s(r.htmlMs), s(r.floorMs), s(r.floorCpuMs), s(r.jobs1Ms), s(r.jobs2Ms), x(r.jobs1Ms / r.floorMs)]),
      ),
      '',
    );
  }

  if (country) {
    const c = country;
    lines.push(
      '## 4. A whole country',
      '',
      `${c.file.municipalities} municipalities × ${c.file.waves} waves × ${c.file.indicators} indicators, ${int(c.file.rows)} respondents in one CSV (${(c.file.bytes / 2 ** 20).toFixed(0)} MiB), ${int(c.records)} figures: memory must follow the cells, not hold objects per area × indicator × group beyond need. ` +
        `\`batch --jobs 2 --shard 1/${c.batch.shards}\` renders ${c.batch.reports} of the reports (the shard keeps the run to minutes; the county overview still reads every municipality and the figures file every record). Records are computed one area at a time, after disclosure control over every cell's counts (README, \"The figures table\").`,
      '',
      table(
        ['', 'wall time', 'CPU time', 'peak RSS'],
        [
          ['`lagesbild figures`', s(c.figures.ms), s(c.figures.cpuMs), mb(c.figures.rssKb)],
          ['… of which ingest', s(c.figures.ingestMs), '', ''],
          ['… of which statistics', s(c.figures.statisticsMs), '', ''],
          [`\`lagesbild batch --jobs 2 --shard 1/${c.batch.shards}\` (${c.batch.reports} reports)`, s(c.batch.ms), s(c.batch.cpuMs), mb(c.batch.rssKb)],
        ],
      ),
      '',
    );
  }

  const profiles = [
    ...profileTables('`lagesbild figures` on the large file', ingest?.profile),
    ...profileTables('`lagesbild report` on the example', report?.profiles?.report),
    ...profileTables('`lagesbild --help`', report?.profiles?.help),
  ];
  if (profiles.length > 0) lines.push('## CPU profiles (one extra run each, not in the timings above)', '', ...profiles);

  return `${lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n').trim()}\n`;
}
