/**
 * Ruby VCR cassettes, and the R port (vcr for R, used by ellmer).
 * API reference:
 * - https://github.com/vcr/vcr/blob/master/lib/vcr/structs.rb (Request/Response/Body `to_hash`)
 * - https://github.com/vcr/vcr/blob/master/docs/cassettes/format.md
 * - https://github.com/ropensci/vcr (R port: numeric `status`, flat header values)
 * - shared/docs/cassette-formats.md d-4.
 * Placeholders (`<API_KEY>`) and ERB (`<%= … %>`) are data here and are kept verbatim.
 * Timing: only `recorded_at` (1 s resolution), kept as written.
 */
import type { Header, HttpBody, HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { decodeBase64 } from '../../../lib/base64';
import { decodeBody } from '../body-decoder';
import type { FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { readHeaders } from '../headers';
import { asList, asMap, asNumber, asString, BinaryValue, field, type RawMap } from '../raw-values';

/** `{encoding, string}`, `{encoding, base64_string}`, `string: !binary`, or (R) a bare string. */
function readBody(
  message: RawMap | null,
  headers: Header[],
  warnings: string[],
  context: NormalizeContext,
  alreadyDecoded = false,
): HttpBody | null {
  const raw = field(message, 'body');
  const body = asMap(raw);
  if (body === null) {
    if (raw instanceof BinaryValue)
      return decodeBody(
        { value: raw.bytes, steps: [raw.via], headers, alreadyDecoded },
        warnings,
        context.decode,
      );
    return decodeBody({ value: asString(raw), steps: [], headers, alreadyDecoded }, warnings, context.decode);
  }
  const encoding = asString(field(body, 'encoding'));
  const base64 = asString(field(body, 'base64_string'));
  if (base64 !== null) {
    try {
      return decodeBody(
        { value: decodeBase64(base64), steps: ['base64_string'], headers, alreadyDecoded },
        warnings,
        context.decode,
      );
    } catch (error) {
      warnings.push(`base64_string body is not base64 (${(error as Error).message}); shown as stored`);
      return decodeBody(
        { value: base64, steps: ['base64_string (undecoded)'], headers },
        warnings,
        context.decode,
      );
    }
  }
  const string = field(body, 'string');
  const steps = encoding ? [`ruby ${encoding}`] : [];
  if (string instanceof BinaryValue)
    return decodeBody(
      { value: string.bytes, steps: [...steps, string.via], headers, alreadyDecoded },
      warnings,
      context.decode,
    );
  return decodeBody({ value: asString(string), steps, headers, alreadyDecoded }, warnings, context.decode);
}

function readRequest(raw: RawMap | null, warnings: string[], context: NormalizeContext): HttpRequest {
  const headers = readHeaders(field(raw, 'headers'));
  return {
    method: (asString(field(raw, 'method')) ?? 'GET').toUpperCase(),
    url: asString(field(raw, 'uri')) ?? '',
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
  const status = field(raw, 'status');
  const httpVersion = asString(field(raw, 'http_version'));
  // `adapter_metadata.vcr_decompressed` = VCR's decode_compressed_response already inflated it.
  const alreadyDecoded = asString(field(field(raw, 'adapter_metadata'), 'vcr_decompressed')) !== null;
  return {
    status: asNumber(asMap(status) ? field(status, 'code') : status),
    statusText: asMap(status) ? asString(field(status, 'message')) || null : null,
    headers,
    body: readBody(raw, headers, warnings, context, alreadyDecoded),
    protocol: httpVersion ? (httpVersion.startsWith('HTTP') ? httpVersion : `HTTP/${httpVersion}`) : null,
  };
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const interaction = asMap(node);
  if (interaction === null) warnings.push('interaction is not a mapping; shown empty');
  const timing = emptyTiming();
  timing.recordedAt = asString(field(interaction, 'recorded_at'));
  return {
    index: context.index,
    request: readRequest(asMap(field(interaction, 'request')), warnings, context),
    response: readResponse(asMap(field(interaction, 'response')), warnings, context),
    timing,
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

/** The R port writes `recorded_with: VCR-vcr/2.1.0` and a numeric `status`. */
function isRPort(root: unknown, recordedWith: string | null): boolean {
  if (recordedWith !== null) return recordedWith.startsWith('VCR-vcr/');
  const first = asList(field(root, 'http_interactions'))[0];
  return typeof field(field(first, 'response'), 'status') === 'number';
}

export const rubyVcrFormat: FormatModule = {
  id: 'ruby-vcr',
  probe(root) {
    return Array.isArray(field(root, 'http_interactions')) ? null : 'no top-level "http_interactions" list';
  },
  describe(root) {
    const recordedWith = asString(field(root, 'recorded_with'));
    const dialect = isRPort(root, recordedWith) ? 'r-vcr' : 'ruby-vcr';
    return {
      formatVariant: recordedWith ? `${dialect} (${recordedWith})` : dialect,
      recorder: recordedWith,
      notes: [],
    };
  },
  interactionNodes: (root) => asList(field(root, 'http_interactions')),
  normalize,
};
