// Text from users (data, config, flags) at the boundary: one canonical form for names, and
// one filter for anything printed in a message.

/**
 * Line breaks, control characters and every format character (bidi overrides such as U+202E,
 * zero-width spaces, a byte order mark inside the text, soft hyphens) that would break,
 * reorder or disguise a one-line message.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * Text from a user's file or flag made safe for a one-line message: such characters are
 * shown as escapes (\n, \u001b, \u202e), so a value cannot split the line, drive the
 * terminal or reverse the text around it.
 */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`));
}

/**
 * A name (municipality, stratum, cluster, group value, answer) in one form: composed Unicode
 * (NFC: "Ä" typed as A + combining diaeresis becomes the one letter) and without invisible
 * format characters, so the same name from two files, the config and a flag compares equal.
 */
export function canonicalName(s: string): string {
  // Most names are ASCII or already canonical: checked before anything is allocated.
  if (ASCII_PRINTABLE.test(s)) return s;
  const nfc = s.normalize('NFC');
  return FORMAT.test(nfc) ? nfc.replace(FORMAT_ALL, '') : nfc;
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const FORMAT = /\p{Cf}/u;
const FORMAT_ALL = /\p{Cf}/gu;

/** "a, b och c" (sv), "a, b and c" (en). */
export function formatList(items: readonly string[], lang: 'sv' | 'en'): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'sv' ? 'och' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
