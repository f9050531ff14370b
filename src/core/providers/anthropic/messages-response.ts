/**
 * Anthropic Messages response → LlmResponse: a whole JSON message, an error body, or the reading of
 * a stream plus the message assembled from its deltas.
 *
 * API reference: https://docs.anthropic.com/en/api/messages (response: id, model, role, content,
 * stop_reason, stop_sequence, usage), https://docs.anthropic.com/en/api/errors (error bodies
 * `{type:"error", error:{type, message}}`, e.g. 401 authentication_error, 529 overloaded_error).
 * Usage: response `usage` (input_tokens, output_tokens, cache_creation_input_tokens,
 * cache_read_input_tokens, server_tool_use); https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * says "the token counts in the usage field of the message_delta event are cumulative".
 */
import type { LlmResponse, Message, ProviderError, Usage } from '../../model/conversation';
import { emptyResponse, readProviderError } from '../shared';
import { contentBlocksToParts } from './content-blocks';
import type { AnthropicStreamReading } from './messages-stream';
import { attachCitations } from './stream-citations';
import { field, isRecord, numberField, plainCopy, stringField } from './value-guards';
import type { JsonRecord } from './value-guards';

/** Normalize one usage object. `input_tokens` excludes cached tokens, as Anthropic reports it. */
export function readAnthropicUsage(raw: unknown): Usage | null {
  if (!isRecord(raw)) return null;
  const input = numberField(raw, 'input_tokens') ?? null;
  const output = numberField(raw, 'output_tokens') ?? null;
  const cacheRead = numberField(raw, 'cache_read_input_tokens') ?? null;
  const cacheWrite = numberField(raw, 'cache_creation_input_tokens') ?? null;
  const usage: Usage = { inputTokens: input, outputTokens: output, raw };
  if (cacheRead !== null) usage.cacheReadTokens = cacheRead;
  if (cacheWrite !== null) usage.cacheWriteTokens = cacheWrite;
  if (input !== null && output !== null)
    usage.totalTokens = input + output + (cacheRead ?? 0) + (cacheWrite ?? 0);
  return usage;
}

/**
 * The stream rule: `message_start.message.usage` updated field by field by each `message_delta.usage`
 * (whose counts are cumulative, so a later value replaces an earlier one). Returns a fresh object.
 */
export function mergeAnthropicUsage(current: JsonRecord | null, update: unknown): JsonRecord | null {
  if (!isRecord(update)) return current;
  const merged = current ? plainCopy(current) : (Object.create(null) as JsonRecord);
  for (const key of Object.keys(update)) {
    const value = update[key];
    // A null in the delta means "not reported here", not "reset to null".
    if (value !== null && value !== undefined) merged[key] = value;
  }
  return merged;
}

/** An HTTP error without a readable provider error still deserves a message. */
export function httpErrorFallback(status: number | null, bodyText: string | null | undefined): ProviderError {
  const snippet = (bodyText ?? '').trim().slice(0, 300);
  return { message: snippet === '' ? `HTTP ${status ?? 'error'}` : snippet, code: status };
}

/**
 * Read a non-streamed response body. `status` decides whether it is an error; a 2xx body of
 * `type: "error"` is an error too.
 */
export function readAnthropicResponse(
  json: unknown,
  status: number | null,
  bodyText: string | null | undefined,
): LlmResponse {
  const isError = (status !== null && status >= 400) || stringField(json, 'type') === 'error';
  if (isError) {
    return emptyResponse({
      model: stringField(json, 'model') ?? null,
      error: readProviderError(json) ?? httpErrorFallback(status, bodyText),
    });
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
export function anthropicStreamResponse(
  reading: AnthropicStreamReading,
  assembled: Message | null,
): LlmResponse {
  const parts = [...(assembled?.parts ?? []), ...reading.extraParts];
  attachCitations(parts, reading.deltas, reading.citations);
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
