/**
 * One recorded POST with a JSON request and a response text, for adapter tests: the shared builder
 * of tests/support, with no Content-Type header (adapters must read the body's own media type) and
 * the body's size in UTF-8 bytes.
 */
import type { HttpBody, HttpExchange } from '../../model/http';
import { jsonExchange as sharedJsonExchange } from '../../../../tests/support/exchange-builders';

export function textBody(text: string, mimeType: string | null): HttpBody {
  return { text, bytes: null, mimeType, sizeBytes: new TextEncoder().encode(text).length, decoding: [] };
}

export function jsonExchange(
  url: string,
  request: unknown,
  response: string | unknown,
  { status = 200, mimeType = 'application/json' }: { status?: number; mimeType?: string } = {},
): HttpExchange {
  const responseText = typeof response === 'string' ? response : JSON.stringify(response);
  const exchange = sharedJsonExchange(url, request, textBody(responseText, mimeType), {
    status,
    contentTypeHeader: false,
  });
  const body = exchange.request.body;
  if (body) exchange.request.body = textBody(body.text ?? '', body.mimeType);
  return exchange;
}

/** An SSE body of `data:` events. */
export function sse(payloads: unknown[], done = true): string {
  return payloads.map((p) => `data: ${JSON.stringify(p)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
}
