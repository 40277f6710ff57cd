// Bytes → text in a named encoding. Node 20's TextDecoder reads windows-1252 as ISO-8859-1:
// bytes 0x80–0x9F (€ ‚ „ … – — ‘ ’ “ ” in Swedish Excel exports and SPSS labels) come out as
// invisible control characters. Those 27 bytes are mapped here, the rest is TextDecoder's.
import { TextDecoder } from 'node:util';

/** Windows-1252's letters at 0x80–0x9F (WHATWG); the five unassigned bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

export interface Decoder {
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A decoder for a WHATWG encoding label; throws RangeError for an unknown one. */
export function textDecoder(encoding: string, opts: { fatal?: boolean } = {}): Decoder {
  const inner = new TextDecoder(encoding, opts);
  if (inner.encoding !== 'windows-1252') return inner;
  return {
    encoding: inner.encoding,
    decode: (input, options) => inner.decode(input, options).replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!),
  };
}
