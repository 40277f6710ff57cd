// Rows → respondents for one file, through its format's reader. The general path decodes the
// rows of strings every reader gives; a reader may later offer a faster path for the same
// request (e.g. a byte-level CSV scan of only the configured columns) without its callers
// changing: they ask for respondents, given the config, never for rows.
import type { ProjectConfig } from '../config/schema.js';
import type { Location } from '../errors.js';
import { compileDecoder, type FileFacts, type ProblemSink, type Respondent, type RowDecoder } from './respondents.js';
import { readRows, type ReadOptions, type ReadResult } from './source.js';

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
  let decoder: RowDecoder | null = null;
  let at: Location = { file };
  return readRows(
    file,
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
  );
}
