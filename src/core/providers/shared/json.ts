/**
 * Safe reading of untrusted JSON for adapters: parse without throwing, and narrow `unknown` values
 * without trusting their shape. Objects that adapters build from parsed keys must use
 * `Object.create(null)` or a Map (see `safeRecord`), never `{}`, so a key like `__proto__` cannot
 * pollute prototypes.
 */
import type { HttpBody } from '../../model/http';
import { parseJsonBounded } from '../../../lib/json-depth';

/** Largest body text we parse as JSON (bigger bodies are shown raw). */
const MAX_JSON_BODY_CHARS = 64 * 1024 * 1024;

/** A parsed JSON object: a plain record of unknown values. */
export type JsonRecord = Record<string, unknown>;

/**
 * Whether `text`, trimmed, starts like a JSON value (RFC 8259 §3: object, array, string, number,
 * true, false, null). When it does not, JSON.parse would throw, so callers skip the trim, the parse
 * and the exception: detection asks this of every streamed body (`data: {…}` is not JSON).
 * `\S` is the complement of the white space `trim` removes (ECMA-262 WhiteSpace, LineTerminator).
 */
export function couldBeJson(text: string): boolean {
  const at = text.search(/\S/);
  if (at < 0) return false;
  const c = text.charCodeAt(at);
  return (
    c === 0x7b /* { */ ||
    c === 0x5b /* [ */ ||
    c === 0x22 /* " */ ||
    c === 0x2d /* - */ ||
    (c >= 0x30 && c <= 0x39) /* 0-9 */ ||
    c === 0x74 /* t */ ||
    c === 0x66 /* f */ ||
    c === 0x6e /* n */
  );
}

/** Parse JSON text; undefined when it is not JSON. Never throws. */
export function parseJson(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || !couldBeJson(text)) return undefined;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_JSON_BODY_CHARS) return undefined;
  try {
    return parseJsonBounded(trimmed);
  } catch {
    return undefined;
  }
}

/**
 * Parsed bodies, by body. Every adapter's `detect` reads the request body, so without this one
 * request was parsed once per registered adapter (a tenth of a large load's time in a profile).
 * Adapters only read parsed values, never change them, so sharing one parse is safe.
 */
const parsedBodies = new WeakMap<HttpBody, unknown>();

/**
 * The JSON value of a request or response body, or undefined when there is none or it is not JSON.
 * Uses `structured` (pydantic-ai `parsed_body`) when the recorder stored the body as data.
 */
export function readJson(body: HttpBody | null | undefined): unknown {
  if (!body) return undefined;
  if (body.structured !== undefined && body.structured !== null && typeof body.structured === 'object') {
    return body.structured;
  }
  if (parsedBodies.has(body)) return parsedBodies.get(body);
  let value: unknown = undefined;
  if (body.text !== null) value = parseJson(body.text);
  else if (body.bytes !== null && body.bytes.byteLength <= MAX_JSON_BODY_CHARS)
    value = parseJson(new TextDecoder('utf-8').decode(body.bytes));
  parsedBodies.set(body, value);
  return value;
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a record, or undefined. */
export function asRecord(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

/** The value as an array, or an empty array. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a string, else undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it is a string, else null (the model's "absent" spelling). */
export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Own property of a parsed object, safely: only own keys count, so `"constructor"` or
 * `"__proto__"` in untrusted JSON never reaches `Object.prototype`.
 */
export function field(value: unknown, key: string): unknown {
  if (!isRecord(value)) return undefined;
  const found = value[key];
  // Most lookups in stream events are of absent keys (`refusal`, `tool_calls`, …): they stop at the
  // read. A value found may still come from the prototype (`constructor`), so only an own one counts.
  return found !== undefined && Object.prototype.hasOwnProperty.call(value, key) ? found : undefined;
}

/** Follow a path of own keys (`path(x, 'usage', 'prompt_tokens_details', 'cached_tokens')`). */
export function path(value: unknown, ...keys: string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    current = field(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** A fresh prototype-free record for objects built from untrusted keys. */
export function safeRecord<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Copy the listed keys that are present (not undefined) into a prototype-free record. */
export function pickParams(source: unknown, keys: readonly string[]): Record<string, unknown> {
  const params = safeRecord();
  for (const key of keys) {
    const value = field(source, key);
    if (value !== undefined) params[key] = value;
  }
  return params;
}

/** Copy every own key of `source` except the listed ones into a prototype-free record. */
export function omitParams(source: unknown, exclude: readonly string[]): Record<string, unknown> {
  const params = safeRecord();
  if (!isRecord(source)) return params;
  const skip = new Set(exclude);
  for (const key of Object.keys(source)) {
    if (!skip.has(key)) params[key] = source[key];
  }
  return params;
}

/** The result of reading tool-call arguments text. */
export interface ParsedArguments {
  arguments?: unknown;
  argumentsError?: string;
}

/**
 * Parse tool-call arguments text as JSON. An empty text means "no arguments" (`{}`), which is what
 * OpenAI sends for parameterless functions. Never throws.
 */
export function parseArguments(text: string): ParsedArguments {
  const trimmed = text.trim();
  if (trimmed === '') return { arguments: {} };
  if (trimmed.length > MAX_JSON_BODY_CHARS) return { argumentsError: 'arguments too large to parse' };
  try {
    return { arguments: parseJsonBounded(trimmed) };
  } catch (error) {
    return { argumentsError: error instanceof Error ? error.message : String(error) };
  }
}

/** Serialize a value that arrived already parsed (Gemini `args`, Bedrock `input`) as arguments text. */
export function argumentsTextOf(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}
