/**
 * cassetter cassettes (pydantic-ai's newer recorder, written by a Rust serializer), YAML and TOML.
 * Format reference:
 * - https://github.com/Kludex/cassetter (conformance/format/http-bodies.toml: the TOML form)
 * - shared/docs/cassette-formats.md d-3 and d-6b.
 * `version: 1`, `interactions:` of `{request: {method, uri, headers, body}, response: {status,
 * headers, body}, recorded_at}`. A body is `{type: json | text | binary | none, content}` in YAML
 * (json content is a mapping, binary content is hex) and `body_type` / `body_content` in TOML (json
 * content is then JSON text). `status` is an integer. Scalars are YAML 1.2, so `recorded_at` stays
 * the string the file wrote.
 * Timing: only `recorded_at` (ISO 8601), kept as written; no duration.
 * WebSocket and gRPC interactions (`ws_interactions`, `grpc_interactions`) are not HTTP exchanges;
 * the cassette's notes say how many there are.
 */
import type { Header, HttpBody, HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { hexToBytes } from '../../../lib/bytes';
import { decodeBody, structuredBody } from '../body-decoder';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { readHeaders } from '../headers';
import { asList, asMap, asNumber, asString, field, isRawMap, type RawMap } from '../raw-values';

const BODY_TYPES = new Set(['json', 'text', 'binary', 'none']);

/** The body's type and content, from `body: {type, content}` (YAML) or `body_type` / `body_content` (TOML). */
function storedBody(message: RawMap | null): { type: string | null; content: unknown; toml: boolean } {
  const bodyType = asString(field(message, 'body_type'));
  if (bodyType !== null) return { type: bodyType, content: field(message, 'body_content'), toml: true };
  const body = field(message, 'body');
  if (isRawMap(body))
    return { type: asString(field(body, 'type')), content: field(body, 'content'), toml: false };
  // Not cassetter's shape: keep whatever is there as text so nothing is lost.
  return { type: body === undefined || body === null ? 'none' : 'text', content: body, toml: false };
}

function readBody(
  message: RawMap | null,
  headers: Header[],
  warnings: string[],
  context: NormalizeContext,
): HttpBody | null {
  const { type, content, toml } = storedBody(message);
  const step = toml ? `cassetter body_type = ${type ?? '?'}` : `cassetter {type: ${type ?? '?'}}`;
  switch (type) {
    case 'none':
      return null;
    case 'json': {
      if (typeof content === 'string') {
        // The TOML form stores JSON as text.
        try {
          return structuredBody(JSON.parse(content) as unknown, [step, 'JSON text'], headers, warnings);
        } catch {
          warnings.push('json body is not valid JSON; shown as text');
          return decodeBody({ value: content, steps: [step], headers }, warnings, context.decode);
        }
      }
      return structuredBody(content, [step], headers, warnings);
    }
    case 'binary': {
      const hex = asString(content) ?? '';
      const bytes = hexToBytes(hex.trim());
      if (bytes === null) {
        warnings.push('binary body is not hex; shown as stored');
        return decodeBody({ value: hex, steps: [step, 'not hex'], headers }, warnings, context.decode);
      }
      return decodeBody({ value: bytes, steps: [step, 'hex'], headers }, warnings, context.decode);
    }
    case 'text':
      return decodeBody(
        { value: asString(content) ?? jsonText(content), steps: [step], headers },
        warnings,
        context.decode,
      );
    default:
      warnings.push(`unknown body type ${JSON.stringify(type)}; shown as stored`);
      return decodeBody(
        { value: asString(content) ?? jsonText(content), steps: [step], headers },
        warnings,
        context.decode,
      );
  }
}

function jsonText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function readRequest(raw: RawMap | null, warnings: string[], context: NormalizeContext): HttpRequest {
  const headers = readHeaders(field(raw, 'headers'));
  return {
    method: (asString(field(raw, 'method')) ?? 'GET').toUpperCase(),
    url: asString(field(raw, 'uri')) ?? asString(field(raw, 'url')) ?? '',
    headers,
    body: readBody(raw, headers, warnings, context),
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
  return {
    status: asNumber(field(raw, 'status')),
    statusText: null,
    headers,
    body: readBody(raw, headers, warnings, context),
    protocol: null,
  };
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const interaction = asMap(node);
  if (interaction === null) warnings.push('interaction is not a mapping; shown empty');
  const timing = emptyTiming();
  // A TOML datetime left unquoted is a Date (smol-toml's TomlDate); YAML 1.2 keeps the string.
  const recordedAt = field(interaction, 'recorded_at');
  timing.recordedAt = recordedAt instanceof Date ? recordedAt.toISOString() : asString(recordedAt);
  return {
    index: context.index,
    request: readRequest(asMap(field(interaction, 'request')), warnings, context),
    response: readResponse(asMap(field(interaction, 'response')), warnings, context),
    timing,
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

/** A message written by cassetter: a typed body (`{type, content}` or `body_type`). */
function hasTypedBody(message: unknown): boolean {
  const bodyType = asString(field(message, 'body_type'));
  if (bodyType !== null) return BODY_TYPES.has(bodyType);
  const type = asString(field(field(message, 'body'), 'type'));
  return type !== null && BODY_TYPES.has(type);
}

function isTomlForm(root: unknown): boolean {
  return asList(field(root, 'interactions')).some(
    (item) => field(field(item, 'request'), 'body_type') !== undefined,
  );
}

export const cassetterFormat: FormatModule = {
  id: 'cassetter',
  probe(root) {
    const interactions = field(root, 'interactions');
    if (!Array.isArray(interactions)) return 'no top-level "interactions" list';
    const typed = interactions.some(
      (item) => hasTypedBody(field(item, 'request')) || hasTypedBody(field(item, 'response')),
    );
    return typed ? null : "no body is cassetter's {type, content} or body_type";
  },
  describe(root) {
    const version = asNumber(field(root, 'version'));
    const notes: string[] = [];
    if (version !== null && version !== 1)
      notes.push(`cassetter version ${version} (expected 1); read anyway`);
    for (const [key, what] of [
      ['ws_interactions', 'WebSocket'],
      ['grpc_interactions', 'gRPC'],
    ] as const) {
      const count = asList(field(root, key)).length;
      if (count > 0)
        notes.push(
          `${count} ${what} interaction${count === 1 ? '' : 's'} (${key}) not shown: only HTTP is read`,
        );
    }
    return {
      formatVariant: `cassetter v${version ?? 1} (${isTomlForm(root) ? 'toml' : 'yaml'})`,
      recorder: null,
      notes,
    };
  },
  interactionNodes: (root) => asList(field(root, 'interactions')),
  normalize,
};
