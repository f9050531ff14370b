/**
 * Anthropic Messages response → LlmResponse: a whole JSON message, an error body, or the reading of
 * a stream plus the message assembled from its deltas.
 *
 * API reference: https://docs.anthropic.com/en/api/messages (response: id, model, role, content,
 * stop_reason, stop_sequence, usage), https://docs.anthropic.com/en/api/errors (error bodies
 * `{type:"error", error:{type, message}}`, e.g. 401 authentication_error, 529 overloaded_error).
 */
import type { LlmResponse, Message, ProviderError } from '../../model/conversation';
import { readProviderError } from '../shared';
import { contentBlocksToParts } from './content-blocks';
import type { AnthropicStreamReading } from './messages-stream';
import { readAnthropicUsage } from './messages-usage';
import { field, isRecord, stringField } from './value-guards';

/** An HTTP error without a readable provider error still deserves a message. */
export function httpErrorFallback(status: number | null, bodyText: string | null | undefined): ProviderError {
  const snippet = (bodyText ?? '').trim().slice(0, 300);
  return { message: snippet === '' ? `HTTP ${status ?? 'error'}` : snippet, code: status };
}

/**
 * Read a non-streamed response body. `status` decides whether it is an error; a 2xx body of
 * `type: "error"` is an error too.
 */
export function readAnthropicResponse(json: unknown, status: number | null, bodyText: string | null | undefined): LlmResponse {
  const isError = (status !== null && status >= 400) || stringField(json, 'type') === 'error';
  if (isError) {
    return {
      model: stringField(json, 'model') ?? null,
      message: null,
      finishReason: null,
      usage: null,
      error: readProviderError(json) ?? httpErrorFallback(status, bodyText),
      providerTiming: null,
    };
  }
  const message: Message | null = isRecord(json)
    ? { role: 'assistant', parts: contentBlocksToParts(field(json, 'content')) }
    : null;
  return {
    model: stringField(json, 'model') ?? null,
    message,
    finishReason: stringField(json, 'stop_reason') ?? null,
    usage: readAnthropicUsage(field(json, 'usage')),
    error: null,
    providerTiming: null,
    id: stringField(json, 'id') ?? null,
  };
}

/** The response of a stream: what the events said, with the message assembled from the deltas. */
export function anthropicStreamResponse(reading: AnthropicStreamReading, assembled: Message | null): LlmResponse {
  const parts = [...(assembled?.parts ?? []), ...reading.extraParts];
  return {
    model: reading.model,
    message: { role: 'assistant', parts },
    finishReason: reading.finishReason,
    usage: reading.usage,
    error: reading.error,
    providerTiming: null,
    id: reading.id,
  };
}
