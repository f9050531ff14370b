/**
 * Every string of a plain-data value (a thread: messages, tool arguments, raw provider objects)
 * passed through `mask`, keys included; the value is copied, never changed. The transcript is
 * masked on the model, before any markdown escaping, because escaping changes how a secret is
 * spelled (`sk_live` → `sk\_live`) and a mask run on the finished text would miss it.
 */

const MAX_DEPTH = 512;

export function maskDeep<T>(value: T, mask: (text: string) => string): T {
  return walk(value, mask, 0) as T;
}

function walk(value: unknown, mask: (text: string) => string, depth: number): unknown {
  if (typeof value === 'string') return mask(value);
  if (typeof value !== 'object' || value === null) return value;
  // JSON deeper than 256 levels is never parsed (lib/json-depth.ts), so this bound is never met
  // by data the loader made; it keeps a recursive walk safe all the same.
  if (depth > MAX_DEPTH) return '[too deep to mask: left out]';
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, mask, depth + 1));
  // Object.fromEntries defines own properties, so a `__proto__` key stays data.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [mask(key), walk(item, mask, depth + 1)]),
  );
}
