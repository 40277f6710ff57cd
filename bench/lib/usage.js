// Preloaded with `node --import` when GNU time is not installed: reports the process's peak
// resident set size (kilobytes) and CPU time (microseconds, all threads) as the last line on
// stderr, where measure.js reads them.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH_USAGE maxrss_kb=${u.maxRSS} cpu_us=${u.userCPUTime + u.systemCPUTime}\n`);
});
