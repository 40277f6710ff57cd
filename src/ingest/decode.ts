// Rows → respondents for one file, through its format's reader. The general path decodes the
// rows of strings every reader gives; CSV has a faster path for the same request (only the
// configured columns, looked up by their bytes: readers/csv-decode.ts). Callers do not see
// the difference: they ask for respondents, given the config, never for rows.
import type { ProjectConfig } from '../config/schema.js';
import type { Location } from '../errors.js';
import { compileDecoder, type FileFacts, type ProblemSink, type Respondent, type RowDecoder } from './respondents.js';
import { csvReference, openSource, readerFor, type ReadOptions, type ReadResult } from './source.js';

/**
 * Every valid row of `file` as a respondent (the object is reused: use it during the call).
 * Rows with a problem go to `sink`. `at` + `line` locate the row for messages.
 */
export async function decodeRows(
  file: string,
  config: ProjectConfig,
  facts: FileFacts,
  sink: ProblemSink,
  opts: ReadOptions,
  onRespondent: (r: Respondent, line: number, at: Location) => void,
): Promise<ReadResult> {
  const { path, name, format, note } = await openSource(file);
  if (format === 'csv' && !csvReference()) {
    const { decodeCsv } = await import('./readers/csv-decode.js');
    return decodeCsv(path, name, config, facts, sink, opts, onRespondent, note);
  }
  let decoder: RowDecoder | null = null;
  let at: Location = { file: name };
  const read = await readerFor(format);
  return read(
    path,
    name,
    {
      onHeader: (header) => {
        decoder = compileDecoder(config, header, sink, facts);
        at = header.at;
      },
      onRow: (fields, line) => {
        const r = decoder!.decode(fields, line);
        if (r) onRespondent(r, line, at);
      },
    },
    opts,
    note,
  );
}
