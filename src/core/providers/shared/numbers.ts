/**
 * Number coercion for provider payloads: token counts arrive as numbers, numeric strings
 * (some gateways), or are absent. Never NaN, never throws.
 */

/** A finite number from a number or numeric string; null otherwise. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** The first of the values that coerces to a number, or null. */
export function firstNumber(...values: unknown[]): number | null {
  for (const value of values) {
    const n = toNumber(value);
    if (n !== null) return n;
  }
  return null;
}

/** Seconds (Groq `*_time`, Cerebras `time_info`) to milliseconds. */
export function secondsToMs(value: unknown): number | null {
  const n = toNumber(value);
  return n === null ? null : n * 1000;
}

/** Nanoseconds (Ollama `eval_duration`) to milliseconds. */
export function nanosToMs(value: unknown): number | null {
  const n = toNumber(value);
  return n === null ? null : n / 1e6;
}
