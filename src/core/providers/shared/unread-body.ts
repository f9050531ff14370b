/**
 * Nothing silently dropped (issue 16): when the adapter of a known API read an exchange but got
 * nothing out of its response body (no message, no error, no stream events), the body itself is
 * kept on the response as `unreadBody`, so the thread can show it raw where the message would be
 * and the doctor can report it. One example: a 200 from `/v1/chat/completions` whose body is an
 * HTML error page or a truncated JSON document.
 */
import type { LlmExchange, UnreadBody } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { readJson } from './json';
import { emptyResponse } from './exchange';

/** Longest body text carried in the thread; the raw view has all of it. */
export const UNREAD_BODY_MAX_CHARS = 20_000;

/** True when the adapter found nothing in a response body that is there. */
function nothingRead(exchange: HttpExchange, llm: LlmExchange): boolean {
  const body = exchange.response?.body;
  if (!body || body.sizeBytes === 0 || (body.text !== null && body.text.trim() === '')) return false;
  if (llm.stream && llm.stream.events.length > 0) return false;
  const response = llm.response;
  return !response || (response.message === null && response.error === null && response.usage === null);
}

/**
 * The body an adapter could not read, or null. Only for adapters of a known API (the fallback
 * adapter reads no meaning into any body, so every body it sees is "raw" already).
 */
export function findUnreadBody(
  exchange: HttpExchange,
  llm: LlmExchange,
  fallbackId: string,
): UnreadBody | null {
  if (llm.api === fallbackId || !nothingRead(exchange, llm)) return null;
  const body = exchange.response!.body!;
  if (body.text === null) {
    return {
      reason: `the body is binary (${body.mimeType ?? 'no media type'}), not the JSON ${llm.apiLabel} answers with`,
      text: `${body.sizeBytes.toLocaleString('en-US')} bytes of ${body.mimeType ?? 'binary data'}`,
      length: body.sizeBytes,
      mimeType: body.mimeType,
      binary: true,
    };
  }
  const parsed = readJson(body);
  const reason =
    parsed === undefined
      ? `the body is not JSON, so ${llm.apiLabel} could not read it`
      : `the body is JSON, but not in the shape of an answer from ${llm.apiLabel}`;
  return {
    reason,
    text: body.text.slice(0, UNREAD_BODY_MAX_CHARS),
    length: body.text.length,
    mimeType: body.mimeType,
    binary: false,
  };
}

/** Attach the unread body to the exchange's response (creating an empty response if needed). */
export function keepUnreadBody(exchange: HttpExchange, llm: LlmExchange, fallbackId: string): void {
  const unread = findUnreadBody(exchange, llm, fallbackId);
  if (!unread) return;
  llm.response ??= emptyResponse();
  llm.response.unreadBody = unread;
}
