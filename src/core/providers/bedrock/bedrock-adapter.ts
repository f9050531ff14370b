/**
 * AWS Bedrock Runtime adapter: `POST /model/{modelId}/invoke`, `/invoke-with-response-stream`,
 * `/converse` and `/converse-stream` (the model id is URL-encoded in the path, e.g. `%3A` for `:`).
 * Converse has one schema for every model; InvokeModel carries the model's own API, which for
 * Claude is the Anthropic Messages API and for Amazon Nova the Converse-like "messages-v1" schema.
 *
 * API reference: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * Streaming reference: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * Claude on Bedrock: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html
 */
import type { LlmExchange, LlmResponse, StreamDelta } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { StreamTrace } from '../../model/stream';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import { emptyExchange, header, hostIs, readJson, responseStatus, urlParts } from '../shared';
import { frameStream } from '../../streams';
import { readAnthropicRequest } from '../anthropic/messages-request';
import { anthropicStreamResponse, readAnthropicResponse } from '../anthropic/messages-response';
import { readAnthropicStreamEvents } from '../anthropic/messages-stream';
import { field, objectField, readJsonMentioning, stringField } from '../anthropic/value-guards';
import {
  looksLikeConverseRequest,
  readBedrockError,
  readConverseRequest,
  readConverseResponse,
} from './converse';
import { readConverseStreamEvents } from './converse-stream';
import {
  decodeInvokeChunks,
  genericInvokeOutput,
  invocationMetricsTiming,
  readGenericInvokeRequest,
  readGenericInvokeResponse,
} from './invoke-model';
import type { DecodedChunk } from './invoke-model';
import { appendAll } from '../../../lib/arrays';

const ID = 'bedrock';
const LABEL = 'AWS Bedrock';

export type BedrockOperation = 'invoke' | 'invoke-with-response-stream' | 'converse' | 'converse-stream';

/** Model id and operation from `/model/{modelId}/{operation}`. */
export function bedrockPathInfo(path: string): { modelId: string; operation: BedrockOperation } | null {
  const match = /\/model\/(.+)\/(invoke|invoke-with-response-stream|converse|converse-stream)$/.exec(path);
  if (!match?.[1] || !match[2]) return null;
  let modelId = match[1];
  try {
    modelId = decodeURIComponent(modelId);
  } catch {
    // keep it encoded
  }
  return { modelId, operation: match[2] as BedrockOperation };
}

/** Which native API an InvokeModel body speaks. */
export type InvokeKind = 'anthropic' | 'nova' | 'other';

export function invokeKind(modelId: string | null, request: unknown, response: unknown): InvokeKind {
  const id = (modelId ?? '').toLowerCase();
  if (id.includes('anthropic.') || id.includes('claude')) return 'anthropic';
  if (id.includes('amazon.nova') || id.includes('nova-')) return 'nova';
  if (typeof field(request, 'anthropic_version') === 'string' || stringField(response, 'type') === 'message')
    return 'anthropic';
  if (
    field(request, 'schemaVersion') !== undefined ||
    objectField(objectField(response, 'output'), 'message')
  )
    return 'nova';
  return 'other';
}

export function detectBedrock(exchange: HttpExchange, floor = 0): number {
  const { host, path } = urlParts(exchange.request.url);
  if (bedrockPathInfo(path)) return hostIs(host, 'amazonaws.com') ? 0.95 : 0.85;
  if (floor > 0.6) return 0; // ApiAdapter.detect's `floor`: the host and body checks score 0.6 at most
  if (/^bedrock-runtime[.-]/.test(host)) return 0.6;
  const response = readJsonMentioning(exchange.response?.body, ['"stopReason"']);
  if (objectField(objectField(response, 'output'), 'message') && field(response, 'stopReason') !== undefined)
    return 0.6;
  if (looksLikeConverseRequest(readJsonMentioning(exchange.request.body, ['"messages"']))) return 0.5;
  return 0;
}

/** Frame events of a ConverseStream body, with their AWS headers read. */
function converseEvents(stream: StreamTrace) {
  return stream.events.map((event) => ({
    eventIndex: event.index,
    eventType:
      header(event.headers, ':exception-type') ?? header(event.headers, ':event-type') ?? event.event,
    messageType: header(event.headers, ':message-type'),
    json: event.json,
  }));
}

/** Error frames of an invoke stream, as deltas (the model's own reader never sees them). */
function exceptionDeltas(chunks: readonly DecodedChunk[]): StreamDelta[] {
  return chunks
    .filter((chunk) => chunk.messageType === 'exception')
    .map((chunk) => ({
      kind: 'error' as const,
      eventIndex: chunk.eventIndex,
      error: {
        message:
          stringField(chunk.json, 'message') ?? stringField(chunk.json, 'Message') ?? 'stream exception',
        type: chunk.eventType,
        eventIndex: chunk.eventIndex,
      },
    }));
}

function byEvent(a: StreamDelta, b: StreamDelta): number {
  return a.eventIndex - b.eventIndex;
}

function assembledResponse(deltas: StreamDelta[], model: string | null): LlmResponse {
  const assembled = assembleMessage(deltas);
  return {
    model,
    message: assembled.message,
    finishReason: assembled.finishReason,
    usage: assembled.usage,
    error: assembled.error,
    providerTiming: null,
  };
}

/** Read an invoke-with-response-stream body in the model's own stream API. */
function readInvokeStream(
  llm: LlmExchange,
  stream: StreamTrace,
  kind: InvokeKind,
  model: string | null,
): void {
  const { chunks, notes } = decodeInvokeChunks(stream.events);
  appendAll(llm.notes, notes);
  const events = chunks.filter((chunk) => chunk.messageType !== 'exception');
  const errors = exceptionDeltas(chunks);
  if (kind === 'anthropic') {
    const reading = readAnthropicStreamEvents(events);
    appendAll(llm.notes, reading.notes);
    llm.deltas = [...reading.deltas, ...errors].sort(byEvent);
    const assembled = assembleMessage(llm.deltas);
    llm.response = anthropicStreamResponse(reading, assembled.message);
    llm.response.error ??= assembled.error;
    llm.response.model ??= model;
  } else if (kind === 'nova') {
    const reading = readConverseStreamEvents(events.map((chunk) => ({ ...chunk, eventType: null })));
    appendAll(llm.notes, reading.notes);
    llm.deltas = [...reading.deltas, ...errors].sort(byEvent);
    llm.response = assembledResponse(llm.deltas, model);
  } else {
    const deltas: StreamDelta[] = [...errors];
    for (const chunk of events) {
      const { text, finishReason } = genericInvokeOutput(chunk.json);
      if (text !== null) deltas.push({ kind: 'text', eventIndex: chunk.eventIndex, text });
      if (finishReason) deltas.push({ kind: 'finish', eventIndex: chunk.eventIndex, reason: finishReason });
      if (text === null && !finishReason)
        deltas.push({ kind: 'other', eventIndex: chunk.eventIndex, label: 'chunk' });
    }
    llm.deltas = deltas.sort(byEvent);
    llm.response = assembledResponse(llm.deltas, model);
  }
  llm.response.providerTiming = invocationMetricsTiming(chunks);
}

function readBedrock(exchange: HttpExchange): LlmExchange {
  const info = bedrockPathInfo(urlParts(exchange.request.url).path);
  const model = info?.modelId ?? null;
  const requestJson = readJson(exchange.request.body);
  const responseJson = readJson(exchange.response?.body);
  const converse = info ? info.operation.startsWith('converse') : looksLikeConverseRequest(requestJson);
  const streamed = info ? info.operation.endsWith('stream') : false;
  const kind = converse ? 'nova' : invokeKind(model, requestJson, responseJson);
  const kindLabel =
    kind === 'anthropic' ? ' (Anthropic Claude)' : kind === 'nova' && !converse ? ' (Amazon Nova)' : '';
  const llm = emptyExchange({
    id: converse ? 'bedrock.converse' : 'bedrock.invoke',
    family: 'bedrock',
    label: `${LABEL} · ${converse ? 'Converse' : 'InvokeModel'}${kindLabel}`,
  });

  if (requestJson !== undefined) {
    llm.request =
      kind === 'anthropic'
        ? readAnthropicRequest(requestJson, model)
        : kind === 'nova'
          ? readConverseRequest(requestJson, model, streamed)
          : readGenericInvokeRequest(requestJson, model, streamed);
    llm.request.stream = streamed || llm.request.stream;
  }
  if (!exchange.response) return llm;

  const status = responseStatus(exchange);
  const body = exchange.response.body;
  if (status !== null && status >= 400) {
    llm.response = {
      model,
      message: null,
      finishReason: null,
      usage: null,
      error: readBedrockError(exchange, responseJson, body?.text),
      providerTiming: null,
    };
    return llm;
  }
  const stream = frameStream(exchange);
  if (stream) {
    llm.stream = stream;
    if (converse) {
      const reading = readConverseStreamEvents(converseEvents(stream));
      appendAll(llm.notes, reading.notes);
      llm.deltas = reading.deltas;
      llm.response = assembledResponse(reading.deltas, model);
      llm.response.providerTiming = reading.providerTiming;
    } else {
      readInvokeStream(llm, stream, kind, model);
    }
    // messageStop (Converse) / message_delta (Claude) carry the stop reason of a complete stream.
    if (!llm.deltas.some((delta) => delta.kind === 'finish'))
      llm.notes.push('stream ended without a stop reason');
    return llm;
  }
  if (kind === 'anthropic') {
    llm.response = readAnthropicResponse(responseJson, status, body?.text);
    llm.response.model ??= model;
  } else if (kind === 'nova') {
    llm.response = readConverseResponse(responseJson, model);
  } else {
    llm.response = readGenericInvokeResponse(responseJson, model);
  }
  return llm;
}

export const bedrockAdapter: ApiAdapter = {
  id: ID,
  family: 'bedrock',
  label: LABEL,
  detect: detectBedrock,
  read: readBedrock,
};
