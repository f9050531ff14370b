/**
 * HttpExchange builders shared by the unit tests (issue 15: one builder instead of a hand-rolled
 * copy per test file). An exchange built here is what a cassette module would give: bodies as
 * decoded text (or bytes), no recorded timing, no warnings.
 */
import type { Header, HttpBody, HttpExchange } from '../../src/core/model/http';
import { emptyTiming } from '../../src/core/cassette/format-module';

/** A text body as a format module decodes it; `sizeBytes` is the text's length, as the tests assume. */
export function textBody(text: string, mimeType: string | null = 'application/json'): HttpBody {
  return { text, bytes: null, mimeType, sizeBytes: text.length, decoding: [] };
}

/** A binary body (an AWS event stream, an image). */
export function binaryBody(bytes: Uint8Array, mimeType: string | null): HttpBody {
  return { text: null, bytes, mimeType, sizeBytes: bytes.length, decoding: [] };
}

/** No timing recorded (vcrpy records none): the format modules' own empty record. */
export const noTiming = emptyTiming;

export interface ExchangeParts {
  url: string;
  index?: number;
  method?: string;
  requestHeaders?: Header[];
  requestBody?: HttpBody | null;
  /** `null` with `status: null`: no response was recorded. */
  responseBody?: HttpBody | null;
  status?: number | null;
  statusText?: string | null;
  responseHeaders?: Header[];
}

/** One exchange from its parts; a response exists unless both its body and status are null. */
export function httpExchange(parts: ExchangeParts): HttpExchange {
  const { url, index = 0, method = 'POST', status = 200, statusText = null, responseHeaders = [] } = parts;
  const responseBody = parts.responseBody ?? null;
  return {
    index,
    request: {
      method,
      url,
      headers: parts.requestHeaders ?? [],
      body: parts.requestBody ?? null,
      protocol: null,
    },
    response:
      responseBody === null && status === null
        ? null
        : { status, statusText, headers: responseHeaders, body: responseBody, protocol: null },
    timing: noTiming(),
    warnings: [],
  };
}

export interface JsonExchangeOptions {
  status?: number;
  /** The response body's media type. */
  mimeType?: string;
  /** Whether the response carries a Content-Type header naming `mimeType` (default: yes). */
  contentTypeHeader?: boolean;
  /** More response headers, after the Content-Type. */
  headers?: Header[];
}

/**
 * A POST of `request` as JSON (no body when `request` is null) to `url`,
 * answered by `response` (text, or a body of its own such as an event stream's bytes).
 */
export function jsonExchange(
  url: string,
  request: unknown,
  response: string | HttpBody,
  options: JsonExchangeOptions = {},
): HttpExchange {
  const { status = 200, contentTypeHeader = true, headers = [] } = options;
  const responseBody =
    typeof response === 'string' ? textBody(response, options.mimeType ?? 'application/json') : response;
  return httpExchange({
    url,
    requestBody: request === null ? null : textBody(JSON.stringify(request)),
    responseBody,
    status,
    responseHeaders: [
      ...(contentTypeHeader ? [{ name: 'Content-Type', value: responseBody.mimeType ?? '' }] : []),
      ...headers,
    ],
  });
}
