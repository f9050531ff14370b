/**
 * JSON written inside JSON strings (tool-call `arguments`, MCP outputs, a Bedrock payload's body):
 * the Raw view's "Expand JSON in strings" shows such strings as the objects they hold (issue 18).
 * Only strings that are a JSON object or array are expanded, so "42" or "true" stay strings.
 * Bounded: strings over a megabyte are left alone, and nesting past 64 levels is not followed.
 */
const MAX_STRING_CHARS = 1_000_000;
const MAX_DEPTH = 64;

/** The object or array a string holds, or undefined when it holds none. */
export function parseJsonContainer(text: string): object | undefined {
  if (text.length < 2 || text.length > MAX_STRING_CHARS) return undefined;
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** How many strings in `value` hold a JSON object or array (nested ones included). */
export function countJsonStrings(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return 0;
  if (typeof value === 'string') {
    const inner = parseJsonContainer(value);
    return inner === undefined ? 0 : 1 + countJsonStrings(inner, depth + 1);
  }
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  for (const child of Object.values(value)) count += countJsonStrings(child, depth + 1);
  return count;
}

/** A copy of `value` with every string that holds a JSON object or array replaced by it. */
export function expandJsonStrings(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (typeof value === 'string') {
    const inner = parseJsonContainer(value);
    return inner === undefined ? value : expandJsonStrings(inner, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item: unknown) => expandJsonStrings(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  // Keys from untrusted JSON: a null-prototype object, so "__proto__" stays a plain key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, child] of Object.entries(value)) out[key] = expandJsonStrings(child, depth + 1);
  return out;
}

/** A copy of `value` with `map` applied to every string, keys included (e.g. escaping invisibles). */
export function mapJsonStrings(value: unknown, map: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return map(value);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH * 2) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => mapJsonStrings(item, map, depth + 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, child] of Object.entries(value)) out[map(key)] = mapJsonStrings(child, map, depth + 1);
  return out;
}
