/**
 * Bounded nesting for untrusted JSON. V8's JSON.parse is iterative and happily builds a value
 * nested 100,000 levels deep, but everything that reads it afterwards recurses: JSON.stringify,
 * the structured clone behind postMessage (HTML §2.7.3 StructuredSerializeInternal), React
 * rendering, key sorting. Such a value ends in "Maximum call stack size exceeded" far from where it
 * was made (issue 14). So JSON text nested deeper than {@link MAX_JSON_DEPTH} is not parsed at all:
 * callers keep it as text, which every view can show. Real API payloads nest fewer than 30 levels.
 */

/** Deepest nesting of arrays and objects that is parsed; deeper JSON stays text. */
export const MAX_JSON_DEPTH = 256;

/** Thrown by {@link parseJsonBounded}: a SyntaxError, like JSON.parse's own, with a clear reason. */
export class JsonTooDeepError extends SyntaxError {
  constructor(limit: number) {
    super(`JSON nested deeper than ${limit} levels (the limit); kept as text`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * Whether JSON text nests `[` / `{` deeper than `limit`. One pass without recursion; strings are
 * skipped with indexOf (RFC 8259 §7: a string ends at an unescaped quote), so brackets inside them
 * do not count. Meant for text JSON.parse accepts; on other text the answer is only a bound.
 */
export function jsonNestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  // Nesting deeper than `limit` needs more than `limit` opening brackets.
  if (text.length <= limit) return false;
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = endOfString(text, i);
      if (i < 0) return false;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/** Index of the quote that closes the string opened at `open`, or -1 when it never closes. */
function endOfString(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/**
 * JSON.parse, refusing text nested deeper than `limit` with a {@link JsonTooDeepError}.
 *
 * It parses first and measures the value (V8's JSON.parse is iterative, so even 100,000 levels
 * parse; the value is dropped before anything recursive sees it): walking a parsed SSE chunk's few
 * objects costs about a tenth of scanning its text character by character, and this runs once
 * per stream event (108,000 on the bench file, where the text scan was ~45% of JSON.parse's own
 * time; issue 15). Text JSON.parse rejects is scanned as before, so a deep and broken text still
 * says it is too deep. The depth counted is the same: for valid JSON, the brackets open at a point
 * of the text are the value's nesting there.
 */
export function parseJsonBounded(text: string, limit = MAX_JSON_DEPTH): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (jsonNestsDeeperThan(text, limit)) throw new JsonTooDeepError(limit);
    throw error;
  }
  // Nesting past `limit` takes more than `limit` opening and as many closing brackets: a shorter
  // text cannot (most SSE events are a few hundred characters), so it is not walked.
  if (
    text.length > 2 * limit &&
    value !== null &&
    typeof value === 'object' &&
    manyOpenings(text, limit) &&
    nestsDeeper(value, limit)
  )
    throw new JsonTooDeepError(limit);
  return value;
}

/**
 * Whether the text has more than `limit` opening brackets, strings included: the fewest that
 * nesting past `limit` takes. A request body of a few kilobytes has tens, and native indexOf counts
 * them for less than walking the parsed value's objects.
 */
function manyOpenings(text: string, limit: number): boolean {
  let count = 0;
  for (let at = text.indexOf('{'); at !== -1; at = text.indexOf('{', at + 1))
    if (++count > limit) return true;
  for (let at = text.indexOf('['); at !== -1; at = text.indexOf('[', at + 1))
    if (++count > limit) return true;
  return false;
}

/**
 * Whether `value` (an object or array) nests more than `budget` levels, itself included. Recursive
 * but bounded: it never goes deeper than `budget` (256) calls.
 */
function nestsDeeper(value: object, budget: number): boolean {
  if (budget === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child !== null && typeof child === 'object' && nestsDeeper(child, budget - 1)) return true;
    }
    return false;
  }
  // A parsed object's own keys; JSON.parse makes plain objects, whose prototype adds none.
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && nestsDeeper(child, budget - 1)) return true;
  }
  return false;
}

/** Whether an already parsed value nests arrays and objects deeper than `limit`; iterative. */
export function valueNestsDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!;
    if (next === null || typeof next !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(next as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
