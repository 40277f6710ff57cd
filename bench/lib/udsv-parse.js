// The fastest maintained JavaScript CSV parser we found (udsv; papaparse and csv-parse are
// slower on this file), as a yardstick beside the floor: the file read in the same 256 KiB
// chunks, decoded to text, every row cut into strings and dropped, counting rows.
//
//   node bench/lib/udsv-parse.js <file.csv>     → prints the number of data rows
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { inferSchema, initParser } from 'udsv';

const [file] = process.argv.slice(2);
const text = new StringDecoder('utf8');
let parser = null;
let rows = 0;
const count = () => {
  rows++;
};
for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
  const s = text.write(chunk);
  parser ??= initParser(inferSchema(s));
  parser.chunk(s, parser.stringArrs, count);
}
parser.end();
process.stdout.write(`${rows}\n`);
