/**
 * Choose the framing of a response body from its content type, the URL and the body's shape, and
 * split it into events. Knows no provider: the adapters give events meaning.
 *
 * Order of evidence: the `Content-Type` header (`text/event-stream`, WHATWG;
 * `application/vnd.amazon.eventstream`, AWS; `application/x-ndjson`), then the URL (Gemini
 * `:streamGenerateContent` without `alt=sse` streams a JSON array, Bedrock `…-stream` paths), then
 * the body itself, because recorders often drop or rewrite headers: a body whose first line is an
 * SSE field is SSE whatever its content type says.
 */
import type { HttpBody, HttpExchange } from '../model/http';
import type { StreamTrace } from '../model/stream';
import { looksLikeAwsEventStream, parseAwsEventStream } from './aws-event-stream';
import { looksLikeNdjson, parseJsonArrayStream, parseNdjson } from './json-lines';
import { looksLikeSse, parseSse } from './sse';

/** The media type of the response, lower case, without parameters. */
function responseMimeType(exchange: HttpExchange): string {
  const response = exchange.response;
  if (!response) return '';
  if (response.body?.mimeType) return response.body.mimeType.toLowerCase();
  const header = response.headers.find((h) => h.name.toLowerCase() === 'content-type');
  return (header?.value.split(';')[0] ?? '').trim().toLowerCase();
}

function bodyText(body: HttpBody): string | null {
  if (body.text !== null) return body.text;
  if (body.bytes === null) return null;
  return new TextDecoder('utf-8').decode(body.bytes);
}

function bodyBytes(body: HttpBody): Uint8Array | null {
  if (body.bytes !== null) return body.bytes;
  if (body.text !== null) return new TextEncoder().encode(body.text);
  return null;
}

function urlPath(url: string): string {
  const withoutQuery = url.split(/[?#]/)[0] ?? '';
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(withoutQuery);
  return match ? (match[1] ?? '/') : withoutQuery;
}

/** True for Gemini's streamed method without `alt=sse` (a JSON array is streamed then). */
function isGeminiArrayStream(url: string): boolean {
  return /:streamGenerateContent\b/i.test(urlPath(url)) && !/[?&]alt=sse\b/i.test(url);
}

/**
 * Frame the response body of an exchange, or return null when it is not a stream (a plain JSON
 * response, no body, an HTML page). Never throws.
 */
export function frameStream(exchange: HttpExchange): StreamTrace | null {
  try {
    return frameStreamUnsafe(exchange);
  } catch {
    return null;
  }
}

function frameStreamUnsafe(exchange: HttpExchange): StreamTrace | null {
  const body = exchange.response?.body;
  if (!body || (body.text === null && body.bytes === null)) return null;
  const mime = responseMimeType(exchange);
  const url = exchange.request.url;

  if (mime === 'application/vnd.amazon.eventstream') {
    const bytes = bodyBytes(body);
    return bytes ? parseAwsEventStream(bytes) : null;
  }
  if (mime === 'text/event-stream') {
    const text = bodyText(body);
    return text === null ? null : parseSse(text);
  }
  if (mime === 'application/x-ndjson' || mime === 'application/ndjson' || mime === 'application/jsonl') {
    const text = bodyText(body);
    return text === null ? null : parseNdjson(text);
  }

  // No telling content type: look at the URL and the body.
  if (body.text === null && body.bytes !== null) {
    const streamPath = /(invoke-with-response-stream|converse-stream)/i.test(urlPath(url));
    if (streamPath || looksLikeAwsEventStream(body.bytes)) {
      if (looksLikeAwsEventStream(body.bytes)) return parseAwsEventStream(body.bytes);
    }
  }
  const text = bodyText(body);
  if (text === null) return null;
  if (looksLikeSse(text)) return parseSse(text);
  const trimmedStart = text.trimStart();
  if (isGeminiArrayStream(url) && trimmedStart.startsWith('[')) return parseJsonArrayStream(text);
  if (looksLikeNdjson(text)) return parseNdjson(text);
  return null;
}
