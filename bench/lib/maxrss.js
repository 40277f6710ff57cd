// Preloaded with `node --import` when GNU time is not installed: reports the process's peak
// resident set size (kilobytes) as the last line on stderr, where measure.js reads it.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
