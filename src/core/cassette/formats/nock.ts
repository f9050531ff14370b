/**
 * nock recordings (JavaScript: `nock.recorder.rec({output_objects: true})`, `nock.back`), as the
 * JS LLM SDKs and the OpenTelemetry instrumentations keep them.
 * Format reference: https://github.com/nock/nock#recording (README "Recording") and
 * lib/recorder.js (`generateRequestAndResponseObject`), and shared/docs/cassette-formats.md d-6b.
 *
 *   [{scope, method, path, body, status, response, rawHeaders, responseIsBinary, reqheaders}]
 *
 * - The URL is `scope` + `path`; `scope` may carry an explicit `:443`, kept as recorded.
 * - `body` (the request) is parsed JSON when it was JSON, else a string (hex when binary).
 * - `response` is parsed JSON (an object or array), a string (text, e.g. an SSE stream; hex when
 *   `responseIsBinary`), or an array of hex strings: the raw chunks, often gzip per the
 *   content-encoding in `rawHeaders`.
 * - `rawHeaders` is a flat name, value, name, value array, or an object.
 * Timing: none recorded.
 */
import type { Header, HttpBody, HttpExchange } from '../../model/http';
import { concatBytes, hexToBytes } from '../../../lib/bytes';
import { decodeBody, structuredBody } from '../body-decoder';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { headerValue, readHeaders } from '../headers';
import { asList, asMap, asNumber, asString, field, isRawMap } from '../raw-values';

/** `rawHeaders` as a flat `[name, value, …]` array or as an object. */
function readRawHeaders(raw: unknown): Header[] {
  if (!Array.isArray(raw)) return readHeaders(raw);
  const headers: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = asString(raw[i]);
    if (name !== null) headers.push({ name, value: asString(raw[i + 1]) ?? '' });
  }
  return headers;
}

function readResponseBody(
  node: unknown,
  headers: Header[],
  warnings: string[],
  context: NormalizeContext,
): HttpBody | null {
  const response = field(node, 'response');
  const binary = field(node, 'responseIsBinary') === true;
  if (response === undefined || response === null || response === '') return null;
  if (
    Array.isArray(response) &&
    response.length > 0 &&
    response.every((chunk) => typeof chunk === 'string')
  ) {
    const chunks = (response as string[]).map((chunk) => hexToBytes(chunk));
    if (chunks.every((chunk) => chunk !== null)) {
      return decodeBody(
        {
          value: concatBytes(chunks as Uint8Array[]),
          steps: [`nock hex chunks (${chunks.length})`],
          headers,
        },
        warnings,
        context.decode,
      );
    }
  }
  if (typeof response === 'string') {
    if (binary) {
      const bytes = hexToBytes(response);
      // nock says the bytes are binary: keep them so even when no Content-Type says what they are.
      const mimeType = headerValue(headers, 'content-type') ?? 'application/octet-stream';
      if (bytes !== null)
        return decodeBody(
          { value: bytes, steps: ['nock hex (responseIsBinary)'], headers, mimeType },
          warnings,
          context.decode,
        );
      warnings.push('responseIsBinary, but the response is not hex; shown as text');
    }
    return decodeBody({ value: response, steps: ['nock string'], headers }, warnings, context.decode);
  }
  return structuredBody(response, ['nock parsed JSON'], headers, warnings);
}

function readRequestBody(
  node: unknown,
  headers: Header[],
  warnings: string[],
  context: NormalizeContext,
): HttpBody | null {
  const body = field(node, 'body');
  if (body === undefined || body === null || body === '') return null;
  if (typeof body === 'string')
    return decodeBody({ value: body, steps: ['nock string'], headers }, warnings, context.decode);
  return structuredBody(body, ['nock parsed JSON'], headers, warnings);
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  if (!isRawMap(node)) warnings.push('recording is not an object; shown empty');
  const scope = asString(field(node, 'scope')) ?? '';
  const path = asString(field(node, 'path')) ?? '';
  const requestHeaders = readHeaders(field(node, 'reqheaders'));
  const responseHeaders = readRawHeaders(field(node, 'rawHeaders') ?? field(node, 'headers'));
  const status = asNumber(field(node, 'status'));
  return {
    index: context.index,
    request: {
      method: (asString(field(node, 'method')) ?? 'GET').toUpperCase(),
      url: scope.replace(/\/+$/, '') + path,
      headers: requestHeaders,
      body: readRequestBody(node, requestHeaders, warnings, context),
      protocol: null,
    },
    response: {
      status: status ?? 200,
      statusText: null,
      headers: responseHeaders,
      body: readResponseBody(node, responseHeaders, warnings, context),
      protocol: null,
    },
    timing: emptyTiming(),
    warnings: warningsFor(
      context.index,
      status === null ? [...warnings, 'no status recorded; nock replies 200'] : warnings,
      context.sourceLine,
    ),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

export const nockFormat: FormatModule = {
  id: 'nock',
  probe(root) {
    if (!Array.isArray(root)) return 'not a JSON array of recordings';
    const sample = root.find((item) => item !== null);
    if (sample === undefined) return 'an empty list';
    if (typeof field(sample, 'scope') !== 'string') return 'recordings have no "scope"';
    return asMap(sample) && field(sample, 'method') !== undefined ? null : 'recordings have no "method"';
  },
  describe: () => ({ formatVariant: 'nock recorder objects', recorder: null, notes: [] }),
  interactionNodes: (root) => asList(root),
  normalize,
};
