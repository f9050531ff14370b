/**
 * Scaffolding every adapter shares: an empty LlmExchange to fill in, reading a provider error from
 * a JSON error body, and the JSON events of a stream. Keeps adapters short and alike.
 */
import type { ApiFamily, LlmExchange, LlmResponse, ProviderError } from '../../model/conversation';
import type { StreamEvent } from '../../model/stream';
import { asString, field, isRecord } from './json';

/** An LlmExchange with nothing read yet. */
export function emptyExchange(adapter: { id: string; family: ApiFamily; label: string }): LlmExchange {
  return {
    api: adapter.id,
    apiFamily: adapter.family,
    apiLabel: adapter.label,
    request: null,
    response: null,
    stream: null,
    deltas: [],
    notes: [],
  };
}

/** A response with nothing read yet; `fields` sets what is known (an error, the model). */
export function emptyResponse(fields: Partial<LlmResponse> = {}): LlmResponse {
  return {
    model: null,
    message: null,
    finishReason: null,
    usage: null,
    error: null,
    providerTiming: null,
    ...fields,
  };
}

/**
 * Read a provider error from a parsed body or event payload. Understands the common shapes:
 * `{error: {message, type, code}}` (OpenAI, OpenRouter, Anthropic `{type:"error", error:{…}}`,
 * Gemini `{error:{code, message, status}}`), `{error: "text"}`, `{message: "…"}` with an error
 * type (`{"__type": …}` AWS, `{"detail": …}` FastAPI gateways). Returns null when none is found.
 */
export function readProviderError(value: unknown, eventIndex?: number): ProviderError | null {
  if (!isRecord(value)) return null;
  const withIndex = (error: ProviderError): ProviderError =>
    eventIndex === undefined ? error : { ...error, eventIndex };
  const inner = field(value, 'error');
  if (isRecord(inner)) {
    const message =
      asString(field(inner, 'message')) ?? asString(field(inner, 'msg')) ?? JSON.stringify(inner);
    const type = asString(field(inner, 'type')) ?? asString(field(inner, 'status')) ?? null;
    const rawCode = field(inner, 'code');
    const code = typeof rawCode === 'string' || typeof rawCode === 'number' ? rawCode : null;
    return withIndex({ message, type, code });
  }
  if (typeof inner === 'string' && inner !== '') {
    return withIndex({ message: asString(field(value, 'message')) ?? inner, type: inner, code: null });
  }
  const awsType = asString(field(value, '__type'));
  const message = asString(field(value, 'message')) ?? asString(field(value, 'Message'));
  if (awsType || (message && (field(value, 'type') === 'error' || field(value, 'status') !== undefined))) {
    return withIndex({
      message: message ?? awsType ?? 'error',
      type: awsType ?? asString(field(value, 'type')) ?? null,
    });
  }
  const detail = field(value, 'detail');
  if (typeof detail === 'string' && detail !== '') return withIndex({ message: detail, type: null });
  return null;
}

/** The events of a stream whose payload parsed as JSON, with the parsed value. */
export function jsonEvents(events: readonly StreamEvent[]): Array<{ event: StreamEvent; json: unknown }> {
  const out: Array<{ event: StreamEvent; json: unknown }> = [];
  for (const event of events) if (event.json !== undefined) out.push({ event, json: event.json });
  return out;
}

/** Cap a note list so a broken stream of 100k bad events does not make 100k notes. */
export function addNote(notes: string[], note: string, max = 50): void {
  if (notes.length < max) notes.push(note);
  else if (notes.length === max) notes.push('… more notes omitted');
}
