// Which cells a message may quote. A cell is shown only when it is a near-miss of a value the
// config allows (the same but for spaces, letter case, Unicode form, a small typo, or an
// encoding artefact such as "JÃ¤" for "Jä"): then the person who reads the message needs to
// see it, and it is no more than an answer code. Anything else (a respondent id, a free-text
// answer in a shifted row) is described by its length only, so no message repeats what a
// respondent wrote.

/** A cell as a message may show it: its text, or only its length. */
export type ShownCell = { text: string } | { length: number };

/** Longer than this, a cell is never quoted (free text, whatever it resembles). */
const MAX_QUOTED = 40;

/**
 * The allowed value `raw` nearly is, or undefined. `allowed` are the config's answers or
 * codes for the column (empty strings ignored).
 */
export function nearMissOf(raw: string, allowed: readonly string[]): string | undefined {
  if (raw.length > MAX_QUOTED) return undefined;
  const r = fold(raw);
  let best: { value: string; distance: number } | undefined;
  for (const a of allowed) {
    if (a === '' || a === raw) continue;
    const f = fold(a);
    if (f === r || repaired(raw).some((x) => fold(x) === f) || lostLetters(r, f)) return a;
    const limit = Math.min(r.length, f.length) <= 4 ? 1 : 2;
    if (Math.abs(r.length - f.length) > limit) continue;
    const d = editDistance(r, f, limit);
    if (d <= limit && (!best || d < best.distance)) best = { value: a, distance: d };
  }
  return best?.value;
}

/** `raw` as a message shows it: quoted when it is a near-miss of an allowed value, else its length. */
export function showCell(raw: string, allowed: readonly string[]): ShownCell {
  return raw === '' || nearMissOf(raw, allowed) !== undefined ? { text: raw } : { length: [...raw].length };
}

/**
 * A number or year as a message shows it: quoted when it looks like one (digits with signs,
 * separators or an exponent: "1,5", "-1", "2023/24", "1e308"), else only its length.
 */
export function showNumberLike(raw: string): ShownCell {
  const t = raw.trim();
  return t.length <= 24 && /\d/.test(t) && /^[\d\s.,:/+\-–eE]*$/.test(t) ? { text: raw } : raw === '' ? { text: raw } : { length: [...raw].length };
}

/** Compared without case, Unicode form, spaces at the ends, repeated or odd spaces, or invisible characters. */
function fold(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\p{Cf}]/gu, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLocaleLowerCase('sv');
}

/** UTF-8 read as Windows-1252 ("Ã¤" for "ä") and the reverse, undone. */
function repaired(s: string): string[] {
  const out: string[] = [];
  if (/[\u00c0-\u00ff][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]/.test(s)) {
    try {
      out.push(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(unwin1252(s))));
    } catch {
      // not mojibake after all
    }
  }
  return out;
}

/** Windows-1252 characters back to their bytes (for undoing mojibake). */
function unwin1252(s: string): number[] {
  const high: Record<string, number> = {
    '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
    '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
  };
  return [...s].map((c) => high[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f));
}

/** "J\uFFFDa" for "Ja"-like answers whose letters were lost in an earlier conversion: U+FFFD or "?" stands for one letter. */
function lostLetters(r: string, f: string): boolean {
  if (r.length !== f.length || !/[\ufffd?]/.test(r)) return false;
  for (let i = 0; i < r.length; i++) if (r[i] !== f[i] && r[i] !== '\ufffd' && r[i] !== '?') return false;
  return true;
}

/** Levenshtein distance with adjacent transpositions, stopping early above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}
