/**
 * Adapter: Ollama's native API, `POST /api/chat` and `POST /api/generate`, local or Ollama Cloud.
 * (Ollama's OpenAI-compatible `/v1/chat/completions` is read by the Chat Completions adapter.)
 *
 * - API reference: https://github.com/ollama/ollama/blob/main/docs/api.md
 *   (chat: "Generate a chat completion"; generate: "Generate a completion")
 * - Streaming: NDJSON, one JSON object per line, `stream` defaults to true; the last line has
 *   `done: true` with `done_reason` and the counts and durations. Errors arrive as `{"error": …}`,
 *   as the body of a 4xx/5xx or as a line of the stream.
 * - Thinking models: `message.thinking` (chat) / `thinking` (generate), https://ollama.com/blog/thinking
 * - Tool calling: https://ollama.com/blog/tool-support
 */
import type { LlmExchange, LlmRequest, LlmResponse, Message, StreamDelta } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import {
  emptyResponse,
  asArray,
  asString,
  emptyExchange,
  field,
  hostIs,
  isHttpError,
  isRecord,
  omitParams,
  readJson,
  readProviderError,
  urlHost,
  urlPath,
} from '../shared';
import { frameStream } from '../../streams';
import { chunkDeltas, readOllamaMessage, readOllamaTiming, readOllamaTool } from './native-content';
import { appendAll } from '../../../lib/arrays';

const ID = 'ollama.native';
const LABEL = 'Ollama · native API';

const NATIVE_PATH = /\/api\/(chat|generate)\/?$/;

function detect(exchange: HttpExchange, floor = 0): number {
  const { url } = exchange.request;
  const path = urlPath(url);
  const host = urlHost(url);
  const native = NATIVE_PATH.test(path);
  // ApiAdapter.detect's `floor`: off the native paths, the reply's shape scores 0.6 at most.
  if (!native && floor > 0.6) return 0;
  const head = exchange.response?.body?.text?.slice(0, 2048) ?? '';
  const ollamaShape =
    /"done"\s*:\s*(true|false)/.test(head) &&
    /"created_at"\s*:\s*"/.test(head) &&
    /"(message|response)"\s*:/.test(head);
  if (native) {
    if (
      hostIs(host, 'ollama.com') ||
      /:11434(\/|$)/.test(url) ||
      host === 'localhost' ||
      host === '127.0.0.1'
    )
      return 0.95;
    // `/api/chat` is also every web app's own chat route: elsewhere, want Ollama's reply shape or
    // at least a `model` in the request.
    if (ollamaShape) return 0.85;
    return typeof field(readJson(exchange.request.body), 'model') === 'string' ? 0.45 : 0;
  }
  return ollamaShape ? 0.6 : 0;
}

function readRequest(body: unknown, isGenerate: boolean): LlmRequest {
  const messages: Message[] = [];
  if (isGenerate) {
    const system = asString(field(body, 'system'));
    if (system) messages.push({ role: 'system', parts: [{ kind: 'text', text: system }] });
    const prompt = readOllamaMessage({
      role: 'user',
      content: field(body, 'prompt') ?? '',
      images: field(body, 'images'),
    });
    messages.push(prompt);
  } else {
    appendAll(messages, asArray(field(body, 'messages')).map(readOllamaMessage));
  }
  return {
    model: asString(field(body, 'model')) ?? null,
    messages,
    tools: asArray(field(body, 'tools')).map(readOllamaTool),
    // Ollama streams unless told not to.
    stream: field(body, 'stream') !== false,
    params: omitParams(body, ['model', 'messages', 'tools', 'stream', 'prompt', 'system', 'images']),
  };
}

/** Fold chunk deltas into the response; shared by the streamed and the single-object body. */
function fillFromChunks(response: LlmResponse, deltas: StreamDelta[], chunks: unknown[]): void {
  const assembled = assembleMessage(deltas);
  response.message = assembled.message;
  response.finishReason = assembled.finishReason;
  response.usage = assembled.usage;
  response.error = assembled.error;
  const last = chunks.findLast((chunk) => field(chunk, 'done') === true) ?? chunks[chunks.length - 1];
  response.providerTiming = readOllamaTiming(last);
  response.model = asString(field(chunks[0], 'model')) ?? null;
  // A done chunk without `done_reason` (older servers) still ends the answer.
  if (response.finishReason === null && field(last, 'done') === true) response.finishReason = 'stop';
}

function readResponse(exchange: HttpExchange, result: LlmExchange): LlmResponse {
  const response = emptyResponse();
  const trace = isHttpError(exchange) ? null : frameStream(exchange);
  if (trace && trace.events.length > 0) {
    result.stream = trace;
    const chunks: unknown[] = [];
    for (const event of trace.events) {
      if (event.json === undefined) {
        if (event.jsonError !== undefined)
          result.notes.push(`line ${event.line ?? event.index}: not JSON (${event.jsonError})`);
        continue;
      }
      chunks.push(event.json);
      appendAll(result.deltas, chunkDeltas(event.json, event.index));
    }
    fillFromChunks(response, result.deltas, chunks);
    return response;
  }
  const body = readJson(exchange.response?.body);
  if (
    isHttpError(exchange) ||
    (isRecord(body) && typeof field(body, 'error') === 'string' && field(body, 'done') === undefined)
  ) {
    response.error = readProviderError(body) ?? {
      message:
        exchange.response?.body?.text?.trim().slice(0, 500) || `HTTP ${exchange.response?.status ?? ''}`,
    };
    return response;
  }
  if (isRecord(body)) fillFromChunks(response, chunkDeltas(body, 0), [body]);
  return response;
}

function read(exchange: HttpExchange): LlmExchange {
  const result = emptyExchange({ id: ID, family: 'other', label: LABEL });
  try {
    const isGenerate = /\/api\/generate\/?$/.test(urlPath(exchange.request.url));
    if (isGenerate) result.apiLabel = 'Ollama · generate';
    const body = readJson(exchange.request.body);
    if (body !== undefined) result.request = readRequest(body, isGenerate);
    if (exchange.response) result.response = readResponse(exchange, result);
  } catch (error) {
    result.notes.push(`adapter error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}

export const ollamaNativeAdapter: ApiAdapter = { id: ID, family: 'other', label: LABEL, detect, read };
