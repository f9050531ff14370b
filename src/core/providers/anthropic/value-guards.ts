/**
 * Typed field readers over the shared JSON helpers (`../shared/json`), used by the Anthropic,
 * Gemini and Bedrock adapters: one call reads "field X of this untrusted value, if it is a string"
 * (or number, object, array) and returns undefined/[] otherwise, so adapters can walk any body
 * without trusting its shape and without try/catch.
 */
import type { HttpBody } from '../../model/http';
import {
  asArray,
  asRecord,
  asString,
  couldBeJson,
  field,
  isRecord,
  readJson,
  safeRecord,
  toNumber,
} from '../shared';
import type { JsonRecord } from '../shared';

export type { JsonRecord };
export { field, isRecord };

export function objectField(value: unknown, key: string): JsonRecord | undefined {
  return asRecord(field(value, key));
}

export function stringField(value: unknown, key: string): string | undefined {
  return asString(field(value, key));
}

/** A finite number (numeric strings from gateways included), else undefined. */
export function numberField(value: unknown, key: string): number | undefined {
  return toNumber(field(value, key)) ?? undefined;
}

export function arrayField(value: unknown, key: string): unknown[] {
  return asArray(field(value, key));
}

/** A prototype-free copy of a record, so keys like `__proto__` stay plain data. */
export function plainCopy(value: JsonRecord): JsonRecord {
  const copy = safeRecord();
  for (const key of Object.keys(value)) copy[key] = value[key];
  return copy;
}

/**
 * The JSON of a body, but only when its text mentions one of `needles` (a field name the shape
 * check needs). Detection runs every adapter on every exchange, so a cheap substring test spares
 * parsing large bodies that cannot match. Bodies stored as data (`structured`) are already parsed.
 */
export function readJsonMentioning(body: HttpBody | null | undefined, needles: readonly string[]): unknown {
  if (!body) return undefined;
  if (
    body.text !== null &&
    body.structured === undefined &&
    (!couldBeJson(body.text) || !needles.some((needle) => body.text!.includes(needle)))
  ) {
    return undefined;
  }
  return readJson(body);
}
