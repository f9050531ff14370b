/**
 * The adapter of last resort (family "other"): an exchange no LLM adapter recognised. It reads no
 * meaning into the body, but still frames a streamed body (src/core/streams) so an unknown SSE or
 * event-stream response is shown as events, and the view shows the raw HTTP. Never throws.
 */
import type { LlmExchange, LlmResponse } from '../model/conversation';
import type { HttpExchange } from '../model/http';
import { RAW_HTTP_LABEL } from '../llm-call';
import { frameStream } from '../streams';
import type { ApiAdapter } from './adapter';
import { emptyExchange, readProviderError } from './shared/exchange';
import { readJson } from './shared/json';

/** Longest error text taken from a body that is not a JSON error object. */
const MAX_ERROR_TEXT = 500;

/**
 * For a 4xx/5xx, the provider's message: a JSON error object read with the shared reader
 * (`{error:{message}}`, `{message}`, …), else the body text as sent (a plain-text 401 of a gateway).
 * The response carries no message, so the exchange still counts as not understood.
 */
function readHttpError(exchange: HttpExchange): LlmResponse | null {
  const status = exchange.response?.status ?? null;
  if (status === null || status < 400) return null;
  const body = exchange.response?.body;
  const fromJson = readProviderError(readJson(body));
  const text = body?.text ?? null;
  const error =
    fromJson ??
    (text && text.trim() !== ''
      ? { message: text.slice(0, MAX_ERROR_TEXT), type: null, code: status }
      : null);
  if (!error) return null;
  return { model: null, message: null, finishReason: null, usage: null, error, providerTiming: null };
}

export const fallbackAdapter: ApiAdapter = {
  id: 'raw.http',
  family: 'other',
  label: RAW_HTTP_LABEL,
  /** Always willing, never preferred: any real adapter with a score above this wins. */
  detect: () => 0.001,
  read(exchange: HttpExchange): LlmExchange {
    const llm = emptyExchange(fallbackAdapter);
    try {
      llm.stream = frameStream(exchange);
      llm.response = readHttpError(exchange);
    } catch (error) {
      llm.notes.push(`stream framing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return llm;
  },
};

/** The fallback reading with an explanation, used when a chosen adapter failed. */
export function readAsRaw(exchange: HttpExchange, note: string): LlmExchange {
  const llm = fallbackAdapter.read(exchange);
  llm.notes.unshift(note);
  return llm;
}
