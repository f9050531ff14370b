/**
 * The comparisons the profiles share, each returning a `MatcherResult` that says where two
 * requests differ: a plain value, a body (byte-exact or as JSON, with the first differing JSON
 * path), and headers (with masks called out). Profiles decide what to normalize first.
 */
import type { Header, HttpRequest } from '../model/http';
import { firstJsonDifference, parseJsonBody } from './json-difference';
import { differsOnlyByMask } from './masked-value';
import type { MatchDifference, MatcherResult } from './match-types';

const SHOWN = 80;

function cut(text: string, max = SHOWN): string {
  const points = Array.from(text);
  return points.length > max ? points.slice(0, max - 1).join('') + '…' : text;
}

/** A value for display: JSON-quoted strings, `(none)` for null or undefined. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return cut(typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value)));
}

/** Credentials are shown only by their first characters, even on the user's own screen. */
const SECRET_HEADER = /authorization|api[-_]?key|token|secret|cookie|signature|credential/i;

export function showHeaderValue(name: string, value: string | undefined): string {
  if (value === undefined) return '(absent)';
  if (SECRET_HEADER.test(name) && value.length > 12 && !/REDACTED|MASKED|FILTERED|^<.*>$/.test(value))
    return JSON.stringify(`${value.slice(0, 10)}…`);
  return show(value);
}

/** A matcher that compares one derived value of each request. */
export function valueResult(
  name: string,
  recorded: unknown,
  incoming: unknown,
  equal: boolean,
): MatcherResult {
  if (equal) return { name, ok: true };
  const recordedText = show(recorded);
  const incomingText = show(incoming);
  return {
    name,
    ok: false,
    difference: {
      summary: `${recordedText} ≠ ${incomingText}`,
      recorded: recordedText,
      incoming: incomingText,
    },
  };
}

/** The body as text (binary bodies as one char per byte), '' when there is none. */
export function bodyText(request: HttpRequest): string {
  const body = request.body;
  if (!body) return '';
  if (body.text !== null) return body.text;
  if (!body.bytes) return '';
  let text = '';
  for (let start = 0; start < body.bytes.length; start += 8192)
    text += String.fromCharCode(...body.bytes.subarray(start, start + 8192));
  return text;
}

/** Where two body texts first differ, as JSON when both are JSON. */
export function describeBodyDifference(
  recorded: string,
  incoming: string,
  keyOrderMatters: boolean,
): MatchDifference {
  const a = parseJsonBody(recorded);
  const b = parseJsonBody(incoming);
  if (a && b) {
    const found = firstJsonDifference(a.value, b.value, keyOrderMatters);
    if (found?.keyOrderOnly)
      return {
        summary: `same JSON, but the keys of ${found.path} come in another order: ${found.recorded} ≠ ${found.incoming}`,
        jsonPath: found.path,
        recorded: found.recorded,
        incoming: found.incoming,
      };
    if (found)
      return {
        summary: `${found.path}: ${found.recorded} ≠ ${found.incoming}`,
        jsonPath: found.path,
        recorded: found.recorded,
        incoming: found.incoming,
      };
    return { summary: 'same JSON, written with other spacing or escapes' };
  }
  if (recorded === '' || incoming === '')
    return {
      summary: `${recorded === '' ? 'no recorded body' : `recorded body of ${recorded.length} characters`} ≠ ${incoming === '' ? 'no body' : `a body of ${incoming.length} characters`}`,
    };
  let at = 0;
  while (at < recorded.length && at < incoming.length && recorded[at] === incoming[at]) at++;
  const from = Math.max(0, at - 20);
  const recordedText = show(recorded.slice(from, at + 40));
  const incomingText = show(incoming.slice(from, at + 40));
  return {
    summary: `from character ${at + 1}: ${recordedText} ≠ ${incomingText}`,
    recorded: recordedText,
    incoming: incomingText,
  };
}

/** Byte-exact body comparison (go-vcr v4, Ruby VCR `body`, vcrpy `raw_body`, Polly `body`). */
export function exactBodyResult(name: string, recorded: string, incoming: string): MatcherResult {
  if (recorded === incoming) return { name, ok: true };
  return { name, ok: false, difference: describeBodyDifference(recorded, incoming, true) };
}

/** Body equality as parsed JSON (object key order ignored), or null when a side is not JSON. */
export function jsonEqual(recorded: string, incoming: string): boolean | null {
  const a = parseJsonBody(recorded);
  const b = parseJsonBody(incoming);
  if (!a || !b) return null;
  return firstJsonDifference(a.value, b.value, false) === null;
}

/** Headers grouped by a profile's notion of a name (exact, lower case, canonical). */
export function groupHeaders(
  headers: readonly Header[],
  nameOf: (name: string) => string,
  skip: ReadonlySet<string>,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const header of headers) {
    const name = nameOf(header.name);
    if (skip.has(name.toLowerCase())) continue;
    const list = groups.get(name);
    if (list) list.push(header.value);
    else groups.set(name, [header.value]);
  }
  return groups;
}

/** Compares grouped headers (order of names ignored, order of values kept). */
export function headersResult(
  name: string,
  recorded: Map<string, string[]>,
  incoming: Map<string, string[]>,
): MatcherResult {
  const differing: string[] = [];
  const parts: string[] = [];
  let maskedOnly = true;
  const names = [...recorded.keys(), ...[...incoming.keys()].filter((key) => !recorded.has(key))];
  for (const header of names) {
    const a = recorded.get(header);
    const b = incoming.get(header);
    if (a && b && a.length === b.length && a.every((value, i) => value === b[i])) continue;
    differing.push(header);
    const masked =
      a !== undefined &&
      b !== undefined &&
      a.length === b.length &&
      a.every((value, i) => value === b[i] || differsOnlyByMask(value, b[i]!));
    if (!masked) maskedOnly = false;
    if (parts.length < 3)
      parts.push(
        `${header}: ${showHeaderValue(header, a?.join(', '))} ≠ ${showHeaderValue(header, b?.join(', '))}${masked ? ' (only masking)' : ''}`,
      );
  }
  if (differing.length === 0) return { name, ok: true };
  const more = differing.length > parts.length ? `; and ${differing.length - parts.length} more` : '';
  return {
    name,
    ok: false,
    difference: {
      summary: `${parts.join('; ')}${more}${maskedOnly ? ' — these differ only by masking' : ''}`,
      headers: differing,
      maskedOnly,
    },
  };
}
