/** One recorded POST with a JSON request and a response text, for adapter tests. */
import type { HttpBody, HttpExchange } from '../../model/http';

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
  return {
    index: 0,
    request: {
      method: 'POST',
      url,
      headers: [],
      body: textBody(JSON.stringify(request), 'application/json'),
      protocol: null,
    },
    response: {
      status,
      statusText: null,
      headers: [],
      body: textBody(responseText, mimeType),
      protocol: null,
    },
    timing: {
      durationMs: null,
      durationSource: null,
      waitMs: null,
      receiveMs: null,
      startedAt: null,
      recordedAt: null,
    },
    warnings: [],
  };
}

/** An SSE body of `data:` events. */
export function sse(payloads: unknown[], done = true): string {
  return payloads.map((p) => `data: ${JSON.stringify(p)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
}
