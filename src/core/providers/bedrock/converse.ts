/**
 * Bedrock Converse request and response bodies → LlmRequest / LlmResponse. Amazon Nova's
 * InvokeModel body ("messages-v1" schema) has the same messages, system, toolConfig, output,
 * stopReason and usage, so it is read here too.
 *
 * API reference: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * (request: messages, system, inferenceConfig, toolConfig, additionalModelRequestFields; response:
 * output.message, stopReason, usage {inputTokens, outputTokens, totalTokens, cacheReadInputTokens,
 * cacheWriteInputTokens}, metrics.latencyMs), errors:
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html (`{message}` plus the
 * `x-amzn-ErrorType` header), Nova: https://docs.aws.amazon.com/nova/latest/userguide/using-invoke-api.html
 */
import type {
  LlmRequest,
  LlmResponse,
  Message,
  ProviderError,
  ProviderTiming,
  Usage,
} from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { buildUsage, header, omitParams, readProviderError, toNumber } from '../shared';
import { arrayField, field, isRecord, objectField, stringField } from '../anthropic/value-guards';
import { converseBlocksToParts, converseSystemParts, converseTools } from './converse-content';

const SHOWN_FIELDS = ['messages', 'system', 'modelId'] as const;

export function readConverseRequest(
  body: unknown,
  modelFromUrl: string | null,
  streamed: boolean,
): LlmRequest {
  const messages: Message[] = [];
  const system = converseSystemParts(field(body, 'system'));
  if (system.length > 0) messages.push({ role: 'system', parts: system });
  for (const message of arrayField(body, 'messages')) {
    const role = stringField(message, 'role') === 'assistant' ? 'assistant' : 'user';
    messages.push(
      isRecord(message)
        ? { role, parts: converseBlocksToParts(field(message, 'content')) }
        : { role: 'user', parts: [{ kind: 'unknown', label: 'message', raw: message }] },
    );
  }
  return {
    model: modelFromUrl ?? stringField(body, 'modelId') ?? null,
    messages,
    tools: converseTools(field(body, 'toolConfig')),
    stream: streamed,
    params: omitParams(body, SHOWN_FIELDS),
  };
}

/** Converse spells cache counts `cacheReadInputTokens`; Nova InvokeModel `cacheReadInputTokenCount`. */
export function readConverseUsage(raw: unknown): Usage | null {
  if (!isRecord(raw)) return null;
  return buildUsage(
    {
      input: field(raw, 'inputTokens'),
      output: field(raw, 'outputTokens'),
      total: field(raw, 'totalTokens'),
      cacheRead: field(raw, 'cacheReadInputTokens') ?? field(raw, 'cacheReadInputTokenCount'),
      cacheWrite: field(raw, 'cacheWriteInputTokens') ?? field(raw, 'cacheWriteInputTokenCount'),
    },
    raw,
  );
}

/** `metrics.latencyMs`: Bedrock's own measure of the whole call. */
export function readConverseTiming(metrics: unknown): ProviderTiming | null {
  const latency = toNumber(field(metrics, 'latencyMs'));
  return latency === null ? null : { source: 'bedrock metrics.latencyMs', totalMs: latency };
}

/** A Bedrock error body: `{message}` (or `Message`) with the type in `x-amzn-ErrorType`. */
export function readBedrockError(
  exchange: HttpExchange,
  json: unknown,
  bodyText: string | null | undefined,
): ProviderError {
  const errorType = header(exchange.response?.headers, 'x-amzn-errortype')?.split(':')[0] ?? null;
  const known = readProviderError(json);
  if (known) return { ...known, type: known.type ?? errorType };
  const message = stringField(json, 'message') ?? stringField(json, 'Message');
  const status = exchange.response?.status ?? null;
  const snippet = (bodyText ?? '').trim().slice(0, 300);
  return { message: message ?? (snippet || `HTTP ${status ?? 'error'}`), type: errorType, code: status };
}

/** A whole Converse (or Nova InvokeModel) response. */
export function readConverseResponse(json: unknown, modelFromUrl: string | null): LlmResponse {
  const message = objectField(objectField(json, 'output'), 'message');
  return {
    model: modelFromUrl,
    message: message ? { role: 'assistant', parts: converseBlocksToParts(field(message, 'content')) } : null,
    finishReason: stringField(json, 'stopReason') ?? null,
    usage: readConverseUsage(field(json, 'usage')),
    error: null,
    providerTiming: readConverseTiming(field(json, 'metrics')),
  };
}

/** True when a body looks like a Converse / Nova messages-v1 request (content is a list of blocks without `type`). */
export function looksLikeConverseRequest(body: unknown): boolean {
  const messages = arrayField(body, 'messages');
  if (messages.length === 0) return false;
  if (
    field(body, 'inferenceConfig') !== undefined ||
    field(body, 'toolConfig') !== undefined ||
    field(body, 'schemaVersion') !== undefined
  )
    return true;
  return messages.every(
    (m) =>
      arrayField(m, 'content').length > 0 &&
      arrayField(m, 'content').every((b) => isRecord(b) && field(b, 'type') === undefined),
  );
}
