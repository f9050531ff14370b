/**
 * Anthropic Messages API adapter (`POST /v1/messages`), including Claude on Vertex AI
 * (`…/publishers/anthropic/models/{model}:rawPredict` and `:streamRawPredict`).
 *
 * API reference: https://docs.anthropic.com/en/api/messages
 * Streaming reference: https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * Errors: https://docs.anthropic.com/en/api/errors
 * Claude on Vertex AI: https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude
 * (same body as the Messages API with `anthropic_version: "vertex-2023-10-16"`, model in the URL).
 */
import type { LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import { emptyExchange, hostIs, readJson, responseStatus, urlParts } from '../shared';
import { frameStream } from '../../streams';
import { looksLikeAnthropicRequest, readAnthropicRequest } from './messages-request';
import { anthropicStreamResponse, readAnthropicResponse } from './messages-response';
import { readAnthropicStreamEvents } from './messages-stream';
import { field, readJsonMentioning, stringField } from './value-guards';
import { appendAll } from '../../../lib/arrays';

const ID = 'anthropic.messages';
const LABEL = 'Anthropic · Messages';
const VERTEX_LABEL = 'Anthropic · Messages (Vertex AI)';

/** `…/publishers/anthropic/models/claude-3-7-sonnet@20250219:streamRawPredict` → the model id. */
function vertexClaudeModel(path: string): string | null {
  const match = /\/publishers\/anthropic\/models\/([^/:]+):(?:stream)?rawPredict$/i.exec(path);
  return match?.[1] ? safeDecode(match[1]) : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Bedrock carries Anthropic bodies too, but the Bedrock adapter owns those URLs. */
function isBedrockUrl(host: string, path: string): boolean {
  return (
    hostIs(host, 'amazonaws.com') ||
    /\/model\/[^/]+\/(invoke|invoke-with-response-stream|converse|converse-stream)$/.test(path)
  );
}

/** The response body as text, for a cheap look at its first event. */
function responseStart(exchange: HttpExchange): string {
  const body = exchange.response?.body;
  if (!body) return '';
  if (body.text !== null) return body.text.slice(0, 200);
  return '';
}

/** How sure we are: path first, then host, then the shape of the bodies (proxies, gateways). */
export function detectAnthropicMessages(exchange: HttpExchange, floor = 0): number {
  const { host, path } = urlParts(exchange.request.url);
  if (isBedrockUrl(host, path)) return 0;
  if (vertexClaudeModel(path)) return 0.95;
  if (/\/messages\/(count_tokens|batches)/.test(path)) return 0;
  if (/\/v1\/messages$/.test(path)) return hostIs(host, 'anthropic.com') ? 0.95 : 0.85;
  if (/\/messages$/.test(path) && hostIs(host, 'anthropic.com')) return 0.9;
  if (floor > 0.6) return 0; // ApiAdapter.detect's `floor`: the body checks score 0.6 at most
  const request = readJsonMentioning(exchange.request.body, ['"max_tokens"', '"anthropic_version"']);
  if (looksLikeAnthropicRequest(request)) return 0.6;
  const start = responseStart(exchange);
  if (
    /^\s*event:\s*message_start\b/.test(start) ||
    /^\s*data:\s*\{\s*"type"\s*:\s*"message_start"/.test(start)
  )
    return 0.6;
  const response = readJsonMentioning(exchange.response?.body, ['"message"']);
  if (stringField(response, 'type') === 'message' && Array.isArray(field(response, 'content'))) return 0.55;
  return 0;
}

/**
 * Read an exchange whose bodies are the Anthropic Messages API. Exposed so other adapters with the
 * same bodies can reuse it with their own label and model source.
 */
function readAnthropicExchange(
  exchange: HttpExchange,
  llm: LlmExchange,
  modelFromUrl: string | null,
): LlmExchange {
  const requestJson = readJson(exchange.request.body);
  if (requestJson !== undefined) llm.request = readAnthropicRequest(requestJson, modelFromUrl);
  else if (exchange.request.body && exchange.request.body.sizeBytes > 0)
    llm.notes.push('request body is not JSON');
  if (!exchange.response) return llm;

  const status = responseStatus(exchange);
  const stream = status !== null && status >= 400 ? null : frameStream(exchange);
  if (stream) {
    llm.stream = stream;
    const reading = readAnthropicStreamEvents(
      stream.events.map((event) => ({ eventIndex: event.index, json: event.json })),
    );
    llm.deltas = reading.deltas;
    appendAll(llm.notes, reading.notes);
    if (!reading.sawMessageStop) llm.notes.push('stream ended without message_stop');
    llm.response = anthropicStreamResponse(reading, assembleMessage(reading.deltas).message);
    llm.response.model ??= modelFromUrl;
    return llm;
  }
  const body = exchange.response.body;
  const json = readJson(body);
  if (json === undefined && body && body.sizeBytes > 0 && (status === null || status < 400)) {
    llm.notes.push('response body is not JSON');
  }
  llm.response = readAnthropicResponse(json, status, body?.text);
  llm.response.model ??= modelFromUrl;
  return llm;
}

export const anthropicMessagesAdapter: ApiAdapter = {
  id: ID,
  family: 'anthropic-messages',
  label: LABEL,
  detect: detectAnthropicMessages,
  read(exchange: HttpExchange): LlmExchange {
    const vertexModel = vertexClaudeModel(urlParts(exchange.request.url).path);
    const llm = emptyExchange({
      id: ID,
      family: 'anthropic-messages',
      label: vertexModel ? VERTEX_LABEL : LABEL,
    });
    return readAnthropicExchange(exchange, llm, vertexModel);
  },
};
