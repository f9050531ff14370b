/**
 * InvokeModel in the model's own API: the native bodies of text models that are neither Anthropic
 * nor Amazon Nova, and the stream chunks of InvokeModelWithResponseStream.
 *
 * Native bodies (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters.html): Meta
 * Llama prompt → generation, stop_reason, prompt_token_count, generation_token_count; Mistral
 * prompt → outputs[].text/stop_reason; Titan Text inputText → results[].outputText,
 * completionReason, inputTextTokenCount/tokenCount; Cohere Command R message → text,
 * finish_reason. We read the prompt and the generated text where the shape is known and keep the
 * rest raw.
 *
 * Streams (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html):
 * each AWS event-stream frame of type `chunk` carries `{"bytes": "<base64>"}`, and the decoded
 * bytes are one JSON event in the underlying model's streaming API (Anthropic Messages events for
 * Claude, Nova's wrapped Converse-like events, …). Error frames have `:message-type: exception`
 * and `:exception-type`. Invocation metrics arrive in the last chunk:
 * https://docs.aws.amazon.com/bedrock/latest/userguide/inference-invoke.html
 */
import type { LlmRequest, LlmResponse, Message, ProviderTiming } from '../../model/conversation';
import type { StreamEvent } from '../../model/stream';
import { decodeBase64 } from '../../../lib/base64';
import { decodeUtf8Lenient } from '../../../lib/text';
import { buildUsage, header, omitParams, parseJson, toNumber } from '../shared';
import { arrayField, field, objectField, stringField } from '../anthropic/value-guards';

const PROMPT_FIELDS = ['prompt', 'inputText', 'message'] as const;

export function readGenericInvokeRequest(body: unknown, model: string | null, streamed: boolean): LlmRequest {
  const messages: Message[] = [];
  for (const key of PROMPT_FIELDS) {
    const text = stringField(body, key);
    if (text !== undefined) messages.push({ role: 'user', parts: [{ kind: 'text', text }] });
  }
  return { model, messages, tools: [], stream: streamed, params: omitParams(body, PROMPT_FIELDS) };
}

/** The generated text and stop reason of one native response body (or one streamed chunk). */
export function genericInvokeOutput(json: unknown): { text: string | null; finishReason: string | null } {
  const generation =
    stringField(json, 'generation') ??
    stringField(json, 'completion') ??
    stringField(json, 'outputText') ??
    stringField(json, 'text');
  if (generation !== undefined) {
    return {
      text: generation,
      finishReason:
        stringField(json, 'stop_reason') ??
        stringField(json, 'finish_reason') ??
        stringField(json, 'completionReason') ??
        null,
    };
  }
  const output =
    arrayField(json, 'outputs')[0] ?? arrayField(json, 'results')[0] ?? arrayField(json, 'generations')[0];
  const text = stringField(output, 'text') ?? stringField(output, 'outputText');
  if (text !== undefined) {
    return {
      text,
      finishReason:
        stringField(output, 'stop_reason') ??
        stringField(output, 'completionReason') ??
        stringField(output, 'finish_reason') ??
        null,
    };
  }
  return { text: null, finishReason: null };
}

export function readGenericInvokeResponse(json: unknown, model: string | null): LlmResponse {
  const { text, finishReason } = genericInvokeOutput(json);
  const result = arrayField(json, 'results')[0];
  const usage = buildUsage(
    {
      input: field(json, 'prompt_token_count') ?? field(json, 'inputTextTokenCount'),
      output: field(json, 'generation_token_count') ?? field(result, 'tokenCount'),
    },
    json,
  );
  return {
    model,
    message:
      text === null
        ? json === undefined
          ? null
          : { role: 'assistant', parts: [{ kind: 'unknown', label: 'model output', raw: json }] }
        : { role: 'assistant', parts: [{ kind: 'text', text }] },
    finishReason,
    usage,
    error: null,
    providerTiming: null,
  };
}

/** One frame, with its `bytes` decoded (or the frame's own payload when it had none). */
export interface DecodedChunk {
  eventIndex: number;
  messageType: string | null;
  eventType: string | null;
  json: unknown;
}

/** Decode the base64 `bytes` of each chunk frame. Never throws; undecodable bytes leave `json` undefined. */
export function decodeInvokeChunks(events: readonly StreamEvent[]): {
  chunks: DecodedChunk[];
  notes: string[];
} {
  const notes: string[] = [];
  const chunks = events.map((event): DecodedChunk => {
    const messageType = header(event.headers, ':message-type');
    const eventType =
      header(event.headers, ':exception-type') ?? header(event.headers, ':event-type') ?? event.event;
    const bytes = stringField(event.json, 'bytes');
    if (bytes === undefined) return { eventIndex: event.index, messageType, eventType, json: event.json };
    let json: unknown;
    try {
      json = parseJson(decodeUtf8Lenient(decodeBase64(bytes)));
    } catch {
      json = undefined;
    }
    if (json === undefined && notes.length < 20)
      notes.push(`event ${event.index}: chunk bytes are not base64 JSON`);
    return { eventIndex: event.index, messageType, eventType, json };
  });
  return { chunks, notes };
}

/**
 * `amazon-bedrock-invocationMetrics` (in the last chunk): invocationLatency is the whole call and
 * firstByteLatency the wait for the first byte, so the difference is time spent streaming output.
 */
export function invocationMetricsTiming(chunks: readonly DecodedChunk[]): ProviderTiming | null {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const metrics = objectField(chunks[i]?.json, 'amazon-bedrock-invocationMetrics');
    if (!metrics) continue;
    const total = toNumber(field(metrics, 'invocationLatency'));
    const firstByte = toNumber(field(metrics, 'firstByteLatency'));
    return {
      source: 'bedrock amazon-bedrock-invocationMetrics',
      totalMs: total,
      promptMs: firstByte,
      generationMs: total !== null && firstByte !== null ? Math.max(0, total - firstByte) : null,
    };
  }
  return null;
}
