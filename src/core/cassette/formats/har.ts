/**
 * HAR 1.2 archives: Polly.js recordings (`.har` JSON and `.har.yaml`) and plain browser exports.
 * API reference:
 * - HAR 1.2: http://www.softwareishard.com/blog/har-12-spec/
 * - Polly persister: https://github.com/Netflix/pollyjs/tree/master/packages/%40pollyjs/persister/src/har
 *   (entry.js `_id`/`_order`, response.js: with Content-Encoding, `content.text` is a JSON array of
 *   base64 chunks, one per network chunk; old recordings used hex strings)
 * - shared/docs/cassette-formats.md d-5 and d-6.
 * Timing: `time` → durationMs ('har-time'), `timings.wait` / `timings.receive`, `startedDateTime`.
 */
import type { Header, HttpBody, HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { decodeBase64, looksLikeBase64 } from '../../../lib/base64';
import { concatBytes, hexToBytes } from '../../../lib/bytes';
import { parseJsonBounded } from '../../../lib/json-depth';
import { decodeBody, structuredBody } from '../body-decoder';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { headerValue, readHeaders } from '../headers';
import { asList, asMap, asNumber, asString, field, type RawMap } from '../raw-values';

/** Polly's chunk array: `["H4sI…", "…"]` (base64), or hex in old recordings. Null if not one. */
function readChunkArray(text: string): { bytes: Uint8Array; step: string } | null {
  if (!text.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = parseJsonBounded(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every((c) => typeof c === 'string')) return null;
  const chunks = parsed as string[];
  if (
    chunks.every((c) => /^[0-9a-f]*$/.test(c) && c.length % 2 === 0) &&
    chunks.some((c) => /[0-9]/.test(c))
  ) {
    const bytes = chunks.map(hexToBytes);
    if (bytes.every((b) => b !== null))
      return { bytes: concatBytes(bytes as Uint8Array[]), step: `hex chunks (${chunks.length})` };
  }
  if (!chunks.every(looksLikeBase64)) return null;
  try {
    return { bytes: concatBytes(chunks.map(decodeBase64)), step: `base64 chunks (${chunks.length})` };
  } catch {
    return null;
  }
}

/** HAR `content` / `postData`: text, base64 text, Polly chunk arrays, `textJSON`, or `params`. */
function readContent(
  content: RawMap | null,
  headers: Header[],
  warnings: string[],
  context: NormalizeContext,
): HttpBody | null {
  if (content === null) return null;
  const mimeType = asString(field(content, 'mimeType'));
  const textJson = field(content, 'textJSON');
  if (textJson !== undefined) return structuredBody(textJson, ['HAR textJSON', 'JSON'], headers, warnings);
  const text = asString(field(content, 'text'));
  const encoding = asString(field(content, 'encoding'))?.toLowerCase() ?? null;
  const hasCoding = headerValue(headers, 'content-encoding') !== null;
  if (text !== null && (hasCoding || encoding === 'base64')) {
    const chunks = readChunkArray(text.trim());
    if (chunks)
      return decodeBody(
        { value: chunks.bytes, steps: [chunks.step], headers, mimeType },
        warnings,
        context.decode,
      );
  }
  if (text !== null && encoding === 'base64') {
    try {
      return decodeBody(
        { value: decodeBase64(text), steps: ['base64'], headers, mimeType },
        warnings,
        context.decode,
      );
    } catch (error) {
      warnings.push(`body marked base64 is not base64 (${(error as Error).message}); shown as stored`);
    }
  }
  if (text !== null)
    return decodeBody({ value: text, steps: [], headers, mimeType }, warnings, context.decode);
  const params = asList(field(content, 'params'));
  if (params.length > 0) return structuredBody(params, ['HAR params'], headers, warnings);
  return null;
}

function readRequest(raw: RawMap | null, warnings: string[], context: NormalizeContext): HttpRequest {
  const headers = readHeaders(field(raw, 'headers'));
  return {
    method: (asString(field(raw, 'method')) ?? 'GET').toUpperCase(),
    url: asString(field(raw, 'url')) ?? '',
    headers,
    body: readContent(asMap(field(raw, 'postData')), headers, warnings, context),
    protocol: asString(field(raw, 'httpVersion')) || null,
  };
}

function readResponse(
  raw: RawMap | null,
  warnings: string[],
  context: NormalizeContext,
): HttpResponse | null {
  if (raw === null) return null;
  const headers = readHeaders(field(raw, 'headers'));
  return {
    status: asNumber(field(raw, 'status')),
    statusText: asString(field(raw, 'statusText')) || null,
    headers,
    body: readContent(asMap(field(raw, 'content')), headers, warnings, context),
    protocol: asString(field(raw, 'httpVersion')) || null,
  };
}

/** HAR uses -1 for "does not apply". */
function nonNegative(value: unknown): number | null {
  const n = asNumber(value);
  return n !== null && n >= 0 ? n : null;
}

/**
 * An entry whose `time` is 0 and whose `timings` are all 0 or -1 was not timed: HAR 1.2 makes
 * `time` the sum of the timings, and no request over a network takes 0 ms. Polly.JS writes exactly
 * this when it did not measure (tests/fixtures/corpus/polly/cody), so it reads as "not recorded",
 * not as an instant response.
 */
function unmeasured(entry: unknown): boolean {
  if (asNumber(field(entry, 'time')) !== 0) return false;
  const timings = asMap(field(entry, 'timings'));
  if (timings === null) return true;
  return Object.values(timings).every((value) => {
    const n = asNumber(value);
    return n === null || n <= 0;
  });
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const entry = asMap(node);
  if (entry === null) warnings.push('entry is not an object; shown empty');
  const timing = emptyTiming();
  if (!unmeasured(entry)) {
    timing.durationMs = nonNegative(field(entry, 'time'));
    timing.durationSource = timing.durationMs === null ? null : 'har-time';
    timing.waitMs = nonNegative(field(field(entry, 'timings'), 'wait'));
    timing.receiveMs = nonNegative(field(field(entry, 'timings'), 'receive'));
  }
  timing.startedAt = asString(field(entry, 'startedDateTime'));
  return {
    index: context.index,
    request: readRequest(asMap(field(entry, 'request')), warnings, context),
    response: readResponse(asMap(field(entry, 'response')), warnings, context),
    timing,
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

function creatorOf(root: unknown): { name: string | null; version: string | null } {
  const creator = field(field(root, 'log'), 'creator');
  return { name: asString(field(creator, 'name')), version: asString(field(creator, 'version')) };
}

function probeHar(root: unknown): string | null {
  const log = asMap(field(root, 'log'));
  if (log === null) return 'no top-level "log" object';
  return Array.isArray(field(log, 'entries')) ? null : 'no "log.entries" list';
}

const entriesOf = (root: unknown) => asList(field(field(root, 'log'), 'entries'));
const recorderOf = (root: unknown) => {
  const { name, version } = creatorOf(root);
  return name ? (version ? `${name} ${version}` : name) : null;
};

export const pollyFormat: FormatModule = {
  id: 'polly',
  probe(root) {
    const har = probeHar(root);
    if (har) return har;
    return creatorOf(root).name === 'Polly.JS' ? null : 'HAR creator is not Polly.JS';
  },
  describe: (root) => ({ formatVariant: 'Polly.JS', recorder: recorderOf(root), notes: [] }),
  interactionNodes: entriesOf,
  normalize,
};

export const harFormat: FormatModule = {
  id: 'har',
  probe: probeHar,
  describe(root) {
    const version = asString(field(field(root, 'log'), 'version'));
    return { formatVariant: version ? `HAR ${version}` : 'HAR', recorder: recorderOf(root), notes: [] };
  },
  interactionNodes: entriesOf,
  normalize,
};
