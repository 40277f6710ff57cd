// The floor for ingest: the least work any CSV reader must do, one pass over the bytes
// counting fields and records (quotes respected, nothing decoded, nothing kept), read in the
// same 256 KiB chunks as lagesbild's reader. Prints "<records> <fields>".
//
//   node bench/lib/floor-scan.js <file.csv> [delimiter]
import { openSync, readSync, closeSync } from 'node:fs';

const [file, delimiter = ','] = process.argv.slice(2);
const DELIM = delimiter.charCodeAt(0);
const QUOTE = 0x22;
const LF = 0x0a;
const fd = openSync(file, 'r');
const chunk = Buffer.allocUnsafe(256 * 1024);
let records = 0;
let fields = 0;
let quoted = false;
for (;;) {
  const n = readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0) break;
  for (let i = 0; i < n; i++) {
    const b = chunk[i];
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (b === DELIM) fields++;
      else if (b === LF) {
        fields++;
        records++;
      }
    }
  }
}
closeSync(fd);
process.stdout.write(`${records} ${fields}\n`);
