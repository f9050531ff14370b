/**
 * Values that the safe YAML reader and the JSON reader produce besides plain JSON data, and small
 * accessors the format modules use to read untrusted trees without trusting their shape.
 * Parsed mappings are objects created with `Object.create(null)`, so a `__proto__` key is just data.
 */

/** Bytes that the file stored in binary form, and how (`yaml !!binary`, `ruby !binary`, …). */
export class BinaryValue {
  readonly bytes: Uint8Array;
  readonly via: string;
  constructor(bytes: Uint8Array, via: string) {
    this.bytes = bytes;
    this.via = via;
  }
}

/** A parsed mapping: a prototype-less record. */
export type RawMap = Record<string, unknown>;

/** Creates an empty prototype-less record for parsed keys. */
export function createRawMap(): RawMap {
  return Object.create(null) as RawMap;
}

/** True for a parsed mapping (not an array, not binary, not null). */
export function isRawMap(value: unknown): value is RawMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof BinaryValue) &&
    !(value instanceof Uint8Array)
  );
}

/** Own property read that never walks a prototype chain (JSON.parse objects still have one). */
export function field(map: unknown, key: string): unknown {
  if (!isRawMap(map)) return undefined;
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** The value as a map, or null. */
export function asMap(value: unknown): RawMap | null {
  return isRawMap(value) ? value : null;
}

/** The value as an array, or an empty array. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar as a string (numbers and booleans spelled out), or null for anything else. */
export function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return null;
}

/** A finite number from a number or a numeric string, or null. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
