/**
 * Go `time.Duration` as go-vcr writes it. `Duration.String()` (https://pkg.go.dev/time#Duration.String)
 * prints forms like `1.004536333s`, `966.797458ms`, `1m2.5s`, `2h0m0s`, `1.5µs`, `0s`; go-vcr v2
 * cassettes written by other encoders may also hold an integer count of nanoseconds.
 * Units follow `time.ParseDuration` (https://pkg.go.dev/time#ParseDuration): ns, us, µs, μs, ms, s, m, h.
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3, // U+00B5 micro sign
  μs: 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Milliseconds from a Go duration string or an integer of nanoseconds; null when unreadable or empty.
 * Decimal digits are combined exactly as written (1.004536333s → 1004.536333) to avoid float noise.
 */
export function parseGoDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value / 1e6 : null;
  if (typeof value === 'bigint') return Number(value) / 1e6;
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (text === '') return null;
  if (/^[+-]?\d+$/.test(text)) return Number(text) / 1e6; // integer nanoseconds
  const simple = secondsOrMilliseconds(text);
  if (simple !== null) return simple;
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1);
  }
  if (text === '0') return 0;
  let total = 0;
  PART.lastIndex = 0;
  let consumed = 0;
  while (consumed < text.length) {
    PART.lastIndex = consumed;
    const match = PART.exec(text);
    if (!match) return null;
    const [, digits = '', unit = ''] = match;
    total += scaleDecimal(digits, UNIT_MS[unit] ?? NaN);
    consumed = PART.lastIndex;
  }
  return Number.isFinite(total) ? sign * total : null;
}

/** `1.004536333s` or `966.797458ms`: what Duration.String() prints below a minute (12 digits at most). */
const SIMPLE = /^(\d+)(?:\.(\d+))?(m?s)$/;

/**
 * The common single-part forms without building a decimal string (go-vcr writes one per
 * interaction). All digits as one integer N (exact: at most 12 digits, below 2^53), then N × 10^k
 * or N ÷ 10^k with both operands exact: IEEE 754 multiplication and division round the exact
 * result to the nearest double, as Number() does for the decimal written out (ECMA-262
 * StringToNumber), so this is the same number scaleDecimal gives. Null for any other form.
 */
function secondsOrMilliseconds(text: string): number | null {
  const match = SIMPLE.exec(text);
  if (!match) return null;
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  if (whole.length + fraction.length > 12) return null;
  const digits = Number(whole + fraction);
  const shift = (match[3] === 's' ? 3 : 0) - fraction.length;
  return shift >= 0 ? digits * 10 ** shift : digits / 10 ** -shift;
}

/** digits × factor, computed so that "1.004536333" × 1000 gives 1004.536333 exactly. */
function scaleDecimal(digits: string, factor: number): number {
  // Milliseconds as written: the shift below would rebuild the same digits.
  if (factor === 1) return Number(digits);
  const exponent = Math.round(Math.log10(factor));
  if (Math.pow(10, exponent) !== factor && factor !== 1e-6 && factor !== 1e-3) return Number(digits) * factor;
  // Shift the decimal point in the string, then parse once.
  const [intPart = '', fracPart = ''] = digits.split('.');
  const all = intPart + fracPart;
  const point = intPart.length + exponent;
  if (point <= 0) return Number(`0.${'0'.repeat(-point)}${all}`);
  if (point >= all.length) return Number(all + '0'.repeat(point - all.length));
  return Number(`${all.slice(0, point)}.${all.slice(point)}`);
}
