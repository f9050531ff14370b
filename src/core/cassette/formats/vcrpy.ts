/**
 * vcrpy cassettes (YAML and JSON serializers), with pydantic-ai's `parsed_body` and the old httpx layout.
 * API reference:
 * - https://github.com/kevin1024/vcrpy/blob/master/vcr/serialize.py (CASSETTE_FORMAT_VERSION = 1)
 * - https://github.com/kevin1024/vcrpy/blob/master/vcr/request.py (`_to_dict`: body, headers, method, uri)
 * - https://github.com/kevin1024/vcrpy/blob/master/vcr/stubs/httpx_stubs.py (`_deserialize_response`,
 *   old `status_code` / `http_version` / `content` layout)
 * - https://github.com/pydantic/pydantic-ai/blob/main/tests/json_body_serializer.py (`parsed_body`)
 * - shared/docs/cassette-formats.md d-3.
 * vcrpy records no timing at all.
 */
import type { HttpBody, HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { decodeBody, structuredBody } from '../body-decoder';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { readHeaders } from '../headers';
import { concatBytes } from '../../../lib/bytes';
import { asList, asMap, asNumber, asString, BinaryValue, field, type RawMap } from '../raw-values';
import type { Header } from '../../model/http';

/** A stored body: a bare string, `!!binary`, `{string: …}` or pydantic-ai's `parsed_body`. */
export function readVcrpyBody(
  message: RawMap | null,
  bodyKey: string,
  headers: Header[],
  warnings: string[],
  context: NormalizeContext,
): HttpBody | null {
  const parsed = field(message, 'parsed_body');
  if (parsed !== undefined)
    return structuredBody(parsed, ['pydantic-ai parsed_body', 'JSON'], headers, warnings);
  let raw = field(message, bodyKey);
  const steps: string[] = [];
  if (asMap(raw) !== null) {
    raw = field(raw, 'string');
    steps.push('vcrpy {string}');
  }
  if (raw instanceof BinaryValue)
    return decodeBody({ value: raw.bytes, steps: [...steps, raw.via], headers }, warnings, context.decode);
  if (Array.isArray(raw)) {
    // `!!python/object/apply:builtins.iter` bodies: an iterable of byte chunks.
    if (raw.length > 0 && raw.every((part) => part instanceof BinaryValue)) {
      const bytes = concatBytes(raw.map((part) => (part as BinaryValue).bytes));
      return decodeBody(
        { value: bytes, steps: [...steps, `python iter of ${raw.length} byte chunks`], headers },
        warnings,
        context.decode,
      );
    }
    const parts = raw.map((part) =>
      part instanceof BinaryValue ? new TextDecoder().decode(part.bytes) : (asString(part) ?? ''),
    );
    return decodeBody(
      { value: parts.join(''), steps: [...steps, 'python iter'], headers },
      warnings,
      context.decode,
    );
  }
  return decodeBody({ value: asString(raw), steps, headers }, warnings, context.decode);
}

function readRequest(raw: RawMap | null, warnings: string[], context: NormalizeContext): HttpRequest {
  const headers = readHeaders(field(raw, 'headers'));
  return {
    method: (asString(field(raw, 'method')) ?? 'GET').toUpperCase(),
    url: asString(field(raw, 'uri')) ?? asString(field(raw, 'url')) ?? '',
    headers,
    body: readVcrpyBody(raw, 'body', headers, warnings, context),
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
  if (field(raw, 'status_code') !== undefined) {
    // Old httpx stub layout (vcrpy ≤ 5): content was decoded as UTF-8 with errors ignored.
    const httpVersion = asString(field(raw, 'http_version'));
    return {
      status: asNumber(field(raw, 'status_code')),
      statusText: null,
      headers,
      body: readVcrpyBody(raw, 'content', headers, warnings, context),
      protocol: httpVersion,
    };
  }
  const status = field(raw, 'status');
  return {
    status: asNumber(asMap(status) ? field(status, 'code') : status),
    statusText: asMap(status) ? asString(field(status, 'message')) : null,
    headers,
    body: readVcrpyBody(raw, 'body', headers, warnings, context),
    protocol: null,
  };
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const interaction = asMap(node);
  if (interaction === null) warnings.push('interaction is not a mapping; shown empty');
  return {
    index: context.index,
    request: readRequest(asMap(field(interaction, 'request')), warnings, context),
    response: readResponse(asMap(field(interaction, 'response')), warnings, context),
    timing: emptyTiming(),
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

/** vcrpy interactions use `request.uri`, and `status: {code, message}` or httpx's `status_code`. */
export function looksLikeVcrpyInteraction(node: unknown): boolean {
  const request = asMap(field(node, 'request'));
  const response = asMap(field(node, 'response'));
  if (request && field(request, 'uri') !== undefined) return true;
  if (response && (asMap(field(response, 'status')) !== null || field(response, 'status_code') !== undefined))
    return true;
  return false;
}

function usesParsedBody(root: unknown): boolean {
  return asList(field(root, 'interactions')).some(
    (item) =>
      field(field(item, 'request'), 'parsed_body') !== undefined ||
      field(field(item, 'response'), 'parsed_body') !== undefined,
  );
}

/** The old httpx stub (vcrpy ≤ 5) wrote `response: {status_code, http_version, headers, content}`. */
function usesHttpxStubLayout(root: unknown): boolean {
  return asList(field(root, 'interactions')).some(
    (item) => field(field(item, 'response'), 'status_code') !== undefined,
  );
}

function variantOf(root: unknown): string {
  if (usesParsedBody(root)) return 'pydantic-ai parsed_body';
  if (usesHttpxStubLayout(root)) return 'vcrpy (httpx-stub layout: content / status_code)';
  return 'vcrpy';
}

export const vcrpyFormat: FormatModule = {
  id: 'vcrpy',
  probe(root) {
    const interactions = field(root, 'interactions');
    if (!Array.isArray(interactions)) return 'no top-level "interactions" list';
    const sample = interactions.find((item) => item !== null);
    if (sample === undefined) {
      // PyYAML sorts keys, so a vcrpy file lists "interactions" before "version"; go-vcr does the opposite.
      const keys = Object.keys(root as RawMap);
      return keys.indexOf('interactions') < keys.indexOf('version')
        ? null
        : "no interactions, and key order is go-vcr's";
    }
    return looksLikeVcrpyInteraction(sample) ? null : 'interactions have no request.uri nor a status mapping';
  },
  describe(root) {
    const version = asNumber(field(root, 'version'));
    const notes =
      version !== null && version !== 1
        ? [`vcrpy cassette version ${version} (expected 1); read anyway`]
        : [];
    return {
      formatVariant: variantOf(root),
      recorder: null,
      notes,
    };
  },
  interactionNodes: (root) => asList(field(root, 'interactions')),
  normalize,
};
