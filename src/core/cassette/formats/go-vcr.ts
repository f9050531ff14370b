/**
 * go-vcr cassettes, format versions 1 and 2.
 * API reference:
 * - v1: https://github.com/dnaeon/go-vcr/blob/v2.3.0/cassette/cassette.go (`cassetteFormatV1 = 1`)
 * - v2: https://github.com/dnaeon/go-vcr/blob/v4/pkg/cassette/cassette.go (`CassetteFormatVersion = 2`)
 * - shared/docs/cassette-formats.md d-1 and d-2.
 * Every field is optional (later snapshots add `omitempty`). `duration` is a Go duration string or
 * integer nanoseconds, measured to response headers. Bodies are strings, or `!!binary` when the
 * bytes were not valid UTF-8 (go-yaml `encode.go stringv`).
 */
import type { HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { decodeBody } from '../body-decoder';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { parseGoDuration } from '../go-duration';
import { readHeaders } from '../headers';
import { asList, asMap, asNumber, asString, BinaryValue, field, type RawMap } from '../raw-values';

/** A body as go-vcr stores it: a string, or bytes from `!!binary`. */
function storedValue(raw: unknown): { value: string | Uint8Array | null; steps: string[] } {
  if (raw instanceof BinaryValue) return { value: raw.bytes, steps: [raw.via] };
  const text = asString(raw);
  return { value: text, steps: [] };
}

function protoOf(message: RawMap | null): string | null {
  return asString(field(message, 'proto')) || null;
}

function readRequest(raw: RawMap | null, warnings: string[], context: NormalizeContext): HttpRequest {
  const headers = readHeaders(field(raw, 'headers'));
  const { value, steps } = storedValue(field(raw, 'body'));
  let body = decodeBody({ value, steps, headers }, warnings, context.decode);
  const form = asMap(field(raw, 'form'));
  if (body === null && form !== null && Object.keys(form).length > 0) {
    // PostForm values (url.Values); shown as a urlencoded body so nothing is lost.
    const params = new URLSearchParams();
    for (const key of Object.keys(form))
      for (const v of asList(form[key])) params.append(key, asString(v) ?? '');
    const text = params.toString();
    body = {
      text,
      bytes: null,
      mimeType: 'application/x-www-form-urlencoded',
      sizeBytes: text.length,
      decoding: ['go-vcr form'],
    };
  }
  return {
    method: (asString(field(raw, 'method')) ?? 'GET').toUpperCase(),
    url: asString(field(raw, 'url')) ?? '',
    headers,
    body,
    protocol: protoOf(raw),
  };
}

/** `status: "200 OK"` and `code: 200`; either may be missing. */
function readStatus(raw: RawMap | null): { status: number | null; statusText: string | null } {
  const statusLine = asString(field(raw, 'status'));
  let status = asNumber(field(raw, 'code'));
  let statusText: string | null = null;
  if (statusLine) {
    const match = /^\s*(\d{3})\s*(.*)$/.exec(statusLine);
    if (match) {
      status ??= Number(match[1]);
      statusText = match[2] || null;
    } else statusText = statusLine;
  }
  return { status, statusText };
}

function readResponse(
  raw: RawMap | null,
  warnings: string[],
  context: NormalizeContext,
): HttpResponse | null {
  if (raw === null) return null;
  const headers = readHeaders(field(raw, 'headers'));
  const { value, steps } = storedValue(field(raw, 'body'));
  // `uncompressed: true`: Go's transport already gunzipped and removed Content-Encoding.
  const alreadyDecoded = field(raw, 'uncompressed') === true;
  return {
    ...readStatus(raw),
    headers,
    body: decodeBody({ value, steps, headers, alreadyDecoded }, warnings, context.decode),
    protocol: protoOf(raw),
  };
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const interaction = asMap(node);
  if (interaction === null) warnings.push('interaction is not a mapping; shown empty');
  const responseNode = asMap(field(interaction, 'response'));
  const timing = emptyTiming();
  const rawDuration = field(responseNode, 'duration');
  if (rawDuration !== undefined && rawDuration !== null && rawDuration !== '') {
    timing.durationMs = parseGoDuration(rawDuration);
    if (timing.durationMs === null)
      warnings.push(`unreadable duration ${JSON.stringify(String(rawDuration))}`);
    else timing.durationSource = 'go-vcr-duration';
  }
  return {
    index: context.index,
    request: readRequest(asMap(field(interaction, 'request')), warnings, context),
    response: readResponse(responseNode, warnings, context),
    timing,
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

/** go-vcr uses `url` where vcrpy uses `uri`, and `status: "200 OK"` + `code` instead of a map. */
function looksLikeGoVcrInteraction(node: unknown): boolean {
  const request = asMap(field(node, 'request'));
  const response = asMap(field(node, 'response'));
  if (request && field(request, 'uri') !== undefined) return false;
  if (response && asMap(field(response, 'status')) !== null) return false;
  return true;
}

function probeVersion(root: unknown, wanted: 1 | 2): string | null {
  const version = asNumber(field(root, 'version'));
  const interactions = field(root, 'interactions');
  if (!Array.isArray(interactions)) return 'no top-level "interactions" list';
  if (version !== wanted) return `"version" is ${version === null ? 'missing' : version}, not ${wanted}`;
  const sample = interactions.find((item) => item !== null) ?? null;
  if (sample !== null && !looksLikeGoVcrInteraction(sample))
    return 'interactions use vcrpy fields (request.uri / status map)';
  if (sample === null && wanted === 1) {
    // An empty list says nothing; go-vcr writes "version" first, PyYAML (vcrpy) sorts "interactions" first.
    const keys = Object.keys(root as object);
    if (keys.indexOf('interactions') < keys.indexOf('version'))
      return "no interactions, and key order is vcrpy's";
  }
  return null;
}

function makeGoVcrFormat(version: 1 | 2): FormatModule {
  return {
    id: version === 1 ? 'go-vcr-v1' : 'go-vcr-v2',
    probe: (root) => probeVersion(root, version),
    describe: () => ({ formatVariant: `version ${version}`, recorder: null, notes: [] }),
    interactionNodes: (root) => asList(field(root, 'interactions')),
    normalize,
  };
}

export const goVcrV1Format = makeGoVcrFormat(1);
export const goVcrV2Format = makeGoVcrFormat(2);
