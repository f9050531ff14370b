/**
 * LangChain's cassettes (langchain-aws `tests/cassettes/*.yaml.gz`): vcrpy's request and response
 * dictionaries, but in two parallel top-level lists, `requests:` and `responses:`, paired by
 * position, and the whole file gzip-compressed (undone by file-decoder.ts, from the bytes).
 * Format reference: shared/docs/cassette-formats.md d-6b; vcrpy's dictionaries as in
 * https://github.com/kevin1024/vcrpy/blob/master/vcr/request.py (`_to_dict`) and vcr/serialize.py.
 * Request bodies are `!!binary`; response bodies `{string: !!binary}`.
 *
 * Every header value is `**REDACTED**`, Content-Type and Content-Encoding included, so they are
 * kept for display but not used for decoding: a body's framing is found from its bytes (an AWS
 * event stream by a frame whose CRCs check out; JSON and SSE by the stream framer as usual).
 * Timing: none recorded (as vcrpy).
 */
import type { Header, HttpBody, HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { startsWithAwsEventFrame } from '../../streams/aws-event-stream';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { readHeaders } from '../headers';
import { asList, asMap, asNumber, asString, field, type RawMap } from '../raw-values';
import { readVcrpyBody } from './vcrpy';

const REDACTED = /^\*+REDACTED\*+$/i;

/** The recorded headers without the redacted values, which say nothing about the body. */
function usableHeaders(headers: readonly Header[]): Header[] {
  return headers.filter((header) => !REDACTED.test(header.value.trim()));
}

/** Marks a body that is an AWS event stream, which only its bytes can show here. */
function recognizeEventStream(body: HttpBody | null, headers: readonly Header[]): HttpBody | null {
  if (body === null || headers.length === usableHeaders(headers).length) return body;
  const bytes = body.bytes ?? (body.text !== null ? new TextEncoder().encode(body.text) : null);
  if (bytes === null || !startsWithAwsEventFrame(bytes)) return body;
  return {
    text: null,
    bytes,
    mimeType: 'application/vnd.amazon.eventstream',
    sizeBytes: bytes.length,
    decoding: [
      ...body.decoding.filter((step) => step !== 'binary'),
      'AWS event stream (found from the bytes: headers redacted)',
    ],
  };
}

function readRequest(raw: RawMap | null, warnings: string[], context: NormalizeContext): HttpRequest {
  const headers = readHeaders(field(raw, 'headers'));
  return {
    method: (asString(field(raw, 'method')) ?? 'GET').toUpperCase(),
    url: asString(field(raw, 'uri')) ?? asString(field(raw, 'url')) ?? '',
    headers,
    body: readVcrpyBody(raw, 'body', usableHeaders(headers), warnings, context),
    protocol: null,
  };
}

function readResponse(
  raw: RawMap | null,
  warnings: string[],
  context: NormalizeContext,
): HttpResponse | null {
  if (raw === null) return null;
  const headers = readHeaders(field(raw, 'headers'));
  const status = field(raw, 'status');
  const body = readVcrpyBody(raw, 'body', usableHeaders(headers), warnings, context);
  return {
    status: asNumber(asMap(status) ? field(status, 'code') : status),
    statusText: asMap(status) ? asString(field(status, 'message')) : null,
    headers,
    body: recognizeEventStream(body, headers),
    protocol: null,
  };
}

/** One interaction node: the request and the response at the same position of the two lists. */
interface PairedNode {
  request: unknown;
  response: unknown;
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const request = asMap(field(node, 'request'));
  const response = asMap(field(node, 'response'));
  if (request === null) warnings.push('no request at this position of "requests"; shown empty');
  if (response === null) warnings.push('no response at this position of "responses"');
  return {
    index: context.index,
    request: readRequest(request, warnings, context),
    response: readResponse(response, warnings, context),
    timing: emptyTiming(),
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

export const langchainYamlGzFormat: FormatModule = {
  id: 'langchain-yaml-gz',
  probe(root) {
    if (!Array.isArray(field(root, 'requests'))) return 'no top-level "requests" list';
    if (!Array.isArray(field(root, 'responses'))) return 'no top-level "responses" list';
    return null;
  },
  describe(root) {
    const requests = asList(field(root, 'requests')).length;
    const responses = asList(field(root, 'responses')).length;
    const notes =
      requests === responses
        ? []
        : [`${requests} requests but ${responses} responses; paired by position, the rest shown alone`];
    return { formatVariant: 'vcrpy requests/responses lists, gzip file', recorder: null, notes };
  },
  interactionNodes(root) {
    const requests = asList(field(root, 'requests'));
    const responses = asList(field(root, 'responses'));
    const nodes: PairedNode[] = [];
    for (let i = 0; i < Math.max(requests.length, responses.length); i++) {
      // Prototype-less, like every parsed map, so `field` reads it.
      const node = Object.assign(Object.create(null) as PairedNode, {
        request: requests[i],
        response: responses[i],
      });
      nodes.push(node);
    }
    return nodes;
  },
  normalize,
};
