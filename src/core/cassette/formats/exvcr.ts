/**
 * ExVCR cassettes (Elixir; https://github.com/parroty/exvcr, lib/exvcr/json.ex and the adapters'
 * converters), as Elixir LLM clients record them with the Finch or Hackney adapter.
 * Format reference: shared/docs/cassette-formats.md d-6b.
 *
 *   [{request: {url, method, headers, body, options, request_body},
 *     response: {status_code, headers, body, binary, type}}]
 *
 * - `method` is a lower-case atom name (`post`).
 * - Headers are a map, or a list of `[name, value]` pairs.
 * - When `binary` is true, `body` is base64 of `:erlang.term_to_binary(body)` (see
 *   erlang-term.ts); the bytes inside may be gzip, per the content-encoding header. A term this
 *   reader does not know is shown raw (the base64 text), with a warning that says which tag.
 * - `type` is `ok` for a response, `error` when the adapter returned an error (then `body` is the
 *   reason).
 * Timing: none recorded.
 */
import type { Header, HttpBody, HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { appendAll } from '../../../lib/arrays';
import { decodeBase64 } from '../../../lib/base64';
import { decodeBody } from '../body-decoder';
import { decodeErlangBinaryTerm } from '../erlang-term';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { readHeaders } from '../headers';
import { asList, asMap, asNumber, asString, field, type RawMap } from '../raw-values';

/** A map of headers, or a list of `[name, value]` pairs (Hackney and Finch keep pairs). */
function readPairs(raw: unknown): Header[] {
  if (!Array.isArray(raw)) return readHeaders(raw);
  const headers: Header[] = [];
  for (const pair of raw) {
    if (Array.isArray(pair) && pair.length >= 2) {
      const name = asString(pair[0]);
      if (name !== null) headers.push({ name, value: asString(pair[1]) ?? '' });
    } else appendAll(headers, readHeaders([pair]));
  }
  return headers;
}

function readBinaryBody(
  base64: string,
  headers: Header[],
  warnings: string[],
  context: NormalizeContext,
): HttpBody | null {
  let term: Uint8Array;
  try {
    term = decodeBase64(base64);
  } catch (error) {
    warnings.push(`binary body is not base64 (${(error as Error).message}); shown as stored`);
    return decodeBody(
      { value: base64, steps: ['ExVCR binary (not base64)'], headers },
      warnings,
      context.decode,
    );
  }
  const decoded = decodeErlangBinaryTerm(term, context.decode.inflateCap);
  if (!decoded.ok) {
    warnings.push(`binary body is an Erlang term this viewer does not read (${decoded.message}); shown raw`);
    return decodeBody(
      { value: base64, steps: ['ExVCR binary: base64 of an Erlang term, not decoded'], headers: [] },
      warnings,
      context.decode,
    );
  }
  return decodeBody(
    { value: decoded.bytes, steps: ['ExVCR binary', 'base64', ...decoded.steps], headers },
    warnings,
    context.decode,
  );
}

function readRequest(raw: RawMap | null, warnings: string[], context: NormalizeContext): HttpRequest {
  const headers = readPairs(field(raw, 'headers'));
  const body = asString(field(raw, 'body')) ?? asString(field(raw, 'request_body'));
  return {
    method: (asString(field(raw, 'method')) ?? 'get').toUpperCase(),
    url: asString(field(raw, 'url')) ?? '',
    headers,
    body: decodeBody({ value: body, steps: ['ExVCR string'], headers }, warnings, context.decode),
    protocol: null,
  };
}

function readResponse(
  raw: RawMap | null,
  warnings: string[],
  context: NormalizeContext,
): HttpResponse | null {
  if (raw === null) return null;
  const headers = readPairs(field(raw, 'headers'));
  const type = asString(field(raw, 'type'));
  if (type !== null && type !== 'ok')
    warnings.push(`the adapter recorded type "${type}", not a normal response`);
  const body = field(raw, 'body');
  const text = asString(body);
  let decoded: HttpBody | null;
  if (field(raw, 'binary') === true && text !== null)
    decoded = readBinaryBody(text, headers, warnings, context);
  else decoded = decodeBody({ value: text, steps: ['ExVCR string'], headers }, warnings, context.decode);
  return {
    status: asNumber(field(raw, 'status_code')),
    statusText: null,
    headers,
    body: decoded,
    protocol: null,
  };
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const interaction = asMap(node);
  if (interaction === null) warnings.push('interaction is not an object; shown empty');
  return {
    index: context.index,
    request: readRequest(asMap(field(interaction, 'request')), warnings, context),
    response: readResponse(asMap(field(interaction, 'response')), warnings, context),
    timing: emptyTiming(),
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

export const exvcrFormat: FormatModule = {
  id: 'exvcr',
  probe(root) {
    if (!Array.isArray(root)) return 'not a JSON array of interactions';
    const sample = root.find((item) => item !== null);
    if (sample === undefined) return 'an empty list';
    const request = asMap(field(sample, 'request'));
    const response = asMap(field(sample, 'response'));
    if (request === null || typeof field(request, 'url') !== 'string') return 'items have no request.url';
    if (response === null || field(response, 'status_code') === undefined)
      return 'items have no response.status_code';
    return null;
  },
  describe(root) {
    const binary = asList(root).some((item) => field(field(item, 'response'), 'binary') === true);
    return { formatVariant: binary ? 'ExVCR JSON (binary bodies)' : 'ExVCR JSON', recorder: null, notes: [] };
  },
  interactionNodes: (root) => asList(root),
  normalize,
};
