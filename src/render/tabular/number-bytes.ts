// A number's text exactly as String(v) gives it, written as ASCII bytes into a buffer.
//
// Written here because it was most of the cost of writing the figures table: String(v) of a
// double (V8's shortest round-trip digits) costs 110–290 ns and a string, and the bench's
// 10 000 rows give 580 000 of them. This finds the same digits with double arithmetic in
// 60–90 ns, for the doubles such a table is made of (1e-6 ≤ |v| < 1e15); any other value,
// and any whose digits the arithmetic cannot decide with a wide margin, is left to the
// caller's String(v) (writeNumber returns −1): 309 of the bench's 1 246 518 numbers, 302 of
// them p- and q-values below 1e-6. test/render/tabular/number-bytes.test.ts compares the
// bytes with String(v) on a million doubles.
//
// The shortest round-trip digits of v are those of the decimal with the fewest significant
// digits inside v's rounding interval (v ± half the gap to its neighbours), the one nearest v
// where two qualify. Scaled by 10^k into [1e14, 1e15), v is X = I + F (I an integer below
// 2^53, F in [0, 1)) and the interval X ± h: a decimal of 15 − p digits is a multiple of 10^p
// inside it, one of 16 or 17 digits a tenth or a hundredth (h ≥ 0.0055, so a hundredth always
// is). X is exact as two doubles (v·5^k with its exact error term; 2^k only moves the
// exponent), and so is h; the distances compared with h are within 1e-12 of the true ones,
// and a comparison closer than 1e-7 (an end of the interval, which parsing's ties-to-even
// decides, or two decimals equally near) goes to String(v).

const float = new Float64Array(1);
/** The double's two halves (little-endian machines; bigEndian below). */
const words = new Uint32Array(float.buffer);
const bigEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;
const HIGH = bigEndian ? 0 : 1;
/** 2^n for −1100 ≤ n < 1100 at POW2[n + 1100]. */
const POW2 = Float64Array.from({ length: 2200 }, (_, i) => 2 ** (i - 1100));
/** 5^k, exact for k ≤ 22. */
const POW5 = Array.from({ length: 23 }, (_, k) => 5 ** k);
const POW10 = Array.from({ length: 17 }, (_, p) => 10 ** p);
/** Where a·10^k reaches 1e15: 10^(15 − k), parsed (the double nearest it), at RANGE_END[k] for k ≤ 22. */
const RANGE_END = Array.from({ length: 23 }, (_, k) => Number(`1e${15 - k}`));
/** Veltkamp's splitter: a double is split into two halves of 26 bits whose products are exact. */
const SPLIT = 134217729;
const MARGIN = 1e-7;

/**
 * Writes String(v) into `buf` at `at` (room for 25 bytes is the caller's) and returns the
 * end, or −1 where it is left to String(v): then nothing is written.
 */
export function writeNumber(buf: Uint8Array, at: number, v: number): number {
  if (Number.isInteger(v) && v > -2147483648 && v < 2147483648) return writeSmall(buf, at, v);
  return fastDouble(buf, at, v);
}

/** An integer of 32 bits (String gives its digits). */
function writeSmall(buf: Uint8Array, at: number, v: number): number {
  if (v < 0) buf[at++] = 0x2d;
  // Its magnitude, below 2^31 (≥ 0 as an unsigned 32-bit integer).
  let u = (v < 0 ? -v : v) >>> 0;
  let count = 1;
  while (count < 10 && u >= POW10[count]!) count++;
  for (let i = count - 1; i >= 0; i--) {
    const q = (u / 10) >>> 0;
    buf[at + i] = 0x30 + u - q * 10;
    u = q;
  }
  return at + count;
}

/** The significant digits of the number being written (at most 17). */
const digits = new Uint8Array(17);

/** String(v) for 1e-6 ≤ |v| < 1e15 not an integer of 32 bits, or −1 where it is left to String(v). */
function fastDouble(buf: Uint8Array, at: number, v: number): number {
  const negative = v < 0;
  const a = negative ? -v : v;
  if (!(a >= 1e-6 && a < 1e15)) return -1;
  float[0] = a;
  const high = words[HIGH]!;
  const low = words[1 - HIGH]!;
  const biased = high >>> 20;
  // A power of two has a narrower gap below than above: left to String(v).
  if ((high & 0xfffff) === 0 && low === 0) return -1;
  // k with X = a·10^k in [1e14, 1e15) (below 2^53, so I is exact): from the binary
  // exponent, one less where a reaches 10^(15−k) (a value next to that power is left to
  // String(v) by the range check below).
  let k = 14 - Math.floor((biased - 1023) * 0.3010299956639812);
  if (k < 1 || k > 22) return -1;
  if (a >= RANGE_END[k]!) k--;
  // X = a·10^k exactly as hi + lo: Dekker's product of a and 5^k (an exact error term), then
  // 2^k. Written out here, not called: a double passed to a function is a new heap object.
  const b = POW5[k]!;
  const product = a * b;
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  const error = ah * bh - product + ah * bl + al * bh + al * bl;
  const two = POW2[k + 1100]!;
  const hi = product * two;
  const lo = error * two;
  if (hi < 1e14 || hi >= 1e15) return -1;
  let I = Math.floor(hi);
  let F = hi - I + lo;
  if (F < 0) {
    I -= 1;
    F += 1;
  } else if (F >= 1) {
    I += 1;
    F -= 1;
  }
  const lastDigits = (I - Math.floor(I / 1e8) * 1e8 + 1e8) % 1e8 | 0;
  // Half the gap between a and its neighbours, times 10^k: 2^(e − 53) · 5^k · 2^k, at least 0.0055.
  const h = POW5[k]! * POW2[biased - 1076 + k + 1100]!;
  // The largest p with a multiple of 10^p inside the interval (at p = −2 the nearest
  // hundredth, at most 0.005 away, always is), and of those the one nearest X.
  let best = -2;
  let bestUp = false;
  for (let p = -2; p <= 15; p++) {
    let down: number;
    let up: number;
    if (p < 0) {
      const f = F * POW10[-p]!;
      down = (f - Math.floor(f)) / POW10[-p]!;
      up = 1 / POW10[-p]! - down;
    } else {
      // I's last p digits: in 32-bit integers up to 8 (the loop rarely goes further).
      const rest = p === 0 ? 0 : p <= 8 ? lastDigits % POW10[p]! : I % POW10[p]!;
      down = rest + F;
      up = POW10[p]! - rest - F;
    }
    const nearUp = up < down;
    const margin = (nearUp ? up : down) - h;
    // Too close to tell whether it is inside, or which of two inside is nearer: String(v) knows.
    if (Math.abs(margin) < MARGIN) return -1;
    if (margin > 0) {
      if (p === -2) return -1;
      break;
    }
    if (Math.abs(down - up) < MARGIN) return -1;
    best = p;
    bestUp = nearUp;
  }
  // The digits: 15 of an integer C, then (16 or 17 digits) the tenths or hundredths nearest F.
  let C = I;
  let t = 0;
  if (best < 0) {
    const scaleBy = POW10[-best]!;
    const f = F * scaleBy;
    t = (bestUp ? Math.ceil(f) : Math.floor(f)) | 0;
    if (t <= 0 || t >= scaleBy) return -1;
  } else {
    const step = POW10[best]!;
    C = I - (best === 0 ? 0 : I % step) + (bestUp ? step : 0);
    // 10^15, a power of ten rounded up to (no double in range is nearest one from below): String(v)'s.
    if (C >= 1e15) return -1;
  }
  // C in two 32-bit integers (C / 1e8 may round up to the next integer: corrected), passed as such.
  const above = Math.floor(C / 1e8);
  const below = C - above * 1e8;
  putDigits((below < 0 ? above - 1 : above) | 0, (below < 0 ? below + 1e8 : below) | 0);
  let count = 15;
  if (best === -1) digits[count++] = t;
  else if (best === -2) {
    digits[count++] = (t / 10) | 0;
    digits[count++] = t % 10;
  }
  const point = 15 - k;
  while (count > 1 && digits[count - 1] === 0) count--;
  if (negative) buf[at++] = 0x2d;
  return writeDecimal(buf, at, count, point);
}

/** The 15 digits of the integer high·10^8 + low (10^14 ≤ it < 10^15) into `digits`. */
function putDigits(high: number, low: number): void {
  for (let i = 14; i >= 7; i--) {
    digits[i] = low % 10;
    low = (low / 10) | 0;
  }
  for (let i = 6; i >= 0; i--) {
    digits[i] = high % 10;
    high = (high / 10) | 0;
  }
}

/**
 * The decimal 0.d₁d₂…d_count × 10^point as Number::toString writes it (ECMA-262 6.1.6.1.20)
 * for −6 < point ≤ 21: the digits with a point inside, zeros after, or "0." and zeros before.
 */
function writeDecimal(buf: Uint8Array, at: number, count: number, point: number): number {
  if (point >= count) {
    for (let i = 0; i < count; i++) buf[at++] = 0x30 + digits[i]!;
    for (let i = count; i < point; i++) buf[at++] = 0x30;
    return at;
  }
  if (point > 0) {
    for (let i = 0; i < point; i++) buf[at++] = 0x30 + digits[i]!;
    buf[at++] = 0x2e;
    for (let i = point; i < count; i++) buf[at++] = 0x30 + digits[i]!;
    return at;
  }
  buf[at++] = 0x30;
  buf[at++] = 0x2e;
  for (let i = point; i < 0; i++) buf[at++] = 0x30;
  for (let i = 0; i < count; i++) buf[at++] = 0x30 + digits[i]!;
  return at;
}

/**
 * Every branch above taken once at load, before V8 optimises these functions: a branch it
 * has never seen run makes optimised code give up when first taken (a "deopt"), and one of
 * them after another cost more than the optimisation saved on the bench's 1.2 million numbers.
 * Each value is also checked against String(v).
 */
const WARM_UP = [0.1, -0.1, 0.25, 0.5, 1.5, 0.3, 0.1 + 0.2, 2 / 3, -2 / 3, 1 / 3, 0.09999999999999999, 0.999999999999999, 123.456, 9.5e-6, 1.2e-6, 3e-7, 0.000123, 12345678.9, 1e14 + 0.5, 999999999999999.9, 1e15, 2 ** 40 + 0.5, 5e-324, NaN, -Infinity, 0, -0, 7, -7, 42, 2147483647, -2147483648, 2 ** 31, 1 / 7, 0.1234567890123, 4.35, 0.000001];
// A Buffer, as the CSV writer gives (another kind of array would be a deopt of its own).
const scratch = Buffer.alloc(32);
for (const v of WARM_UP) {
  const end = writeNumber(scratch, 0, v);
  if (end >= 0 && String.fromCharCode(...scratch.subarray(0, end)) !== String(v)) throw new Error(`number-bytes: ${String(v)} written wrongly`);
}
