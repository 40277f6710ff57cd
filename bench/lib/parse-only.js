// The floor for ingest: one bare csv-parse pass over a file, with the options
// src/ingest/readers/csv.ts uses (arrays, not columns; records dropped in on_record), counting rows.
// No decoding transform, no row checks, no statistics.
//
//   node bench/lib/parse-only.js <file.csv> [delimiter]     → prints the number of data rows
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

const [file, delimiter = ','] = process.argv.slice(2);
let records = 0;
await pipeline(
  createReadStream(file, { highWaterMark: 256 * 1024 }),
  parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 1_000_000,
    on_record: () => {
      records++;
      return null;
    },
  }),
);
process.stdout.write(`${records - 1}\n`);
