/**
 * Adapter: Cohere v2 chat (`POST /v2/chat`), plain and streamed.
 *
 * - API reference: https://docs.cohere.com/reference/chat
 * - Streaming reference: https://docs.cohere.com/reference/chat-stream and
 *   https://docs.cohere.com/docs/streaming (`message-start`, `content-start`, `content-delta`,
 *   `content-end`, `tool-plan-delta`, `tool-call-start`, `tool-call-delta`, `tool-call-end`,
 *   `citation-start`, `citation-end`, `message-end`), tool use:
 *   https://docs.cohere.com/docs/tool-use-streaming
 * - Reasoning (`thinking` content): https://docs.cohere.com/docs/reasoning
 *
 * Usage: Cohere reports `tokens` (what the model processed) and `billed_units` (what was charged).
 * Input/output tokens are read from `tokens`, falling back to `billed_units`; `cached_tokens` is the
 * cache read. Finish reasons keep Cohere's spelling (`COMPLETE`, `MAX_TOKENS`, `TOOL_CALL`, …).
 */
import type { LlmExchange, LlmResponse, StreamDelta, Usage } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { StreamTrace } from '../../model/stream';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import {
  emptyResponse,
  addNote,
  asArray,
  asString,
  buildUsage,
  emptyExchange,
  field,
  hostIs,
  isHttpError,
  isRecord,
  omitParams,
  path,
  readJson,
  readProviderError,
  urlHost,
  urlPath,
} from '../shared';
import { frameStream } from '../../streams';
import { readCohereMessage, readCohereTool } from './chat-v2-content';

const ID = 'cohere.chat-v2';
const LABEL = 'Cohere · Chat v2';

function detect(exchange: HttpExchange, floor = 0): number {
  const path = urlPath(exchange.request.url);
  const host = urlHost(exchange.request.url);
  if (/\/v2\/chat\/?$/.test(path))
    return hostIs(host, 'cohere.com') || hostIs(host, 'cohere.ai') ? 0.95 : 0.8;
  if (hostIs(host, 'cohere.com') && /\/chat\/?$/.test(path)) return 0.6;
  if (floor > 0.7) return 0; // ApiAdapter.detect's `floor`: the body check scores 0.7
  const head = exchange.response?.body?.text?.slice(0, 2048) ?? '';
  // The cheap test first: it is false for nearly every other provider's body.
  if (head.includes('"tool_plan"') && /^event:\s*message-start\s*$/m.test(head)) return 0.7;
  return 0;
}

/** Normalized Cohere usage. */
export function readCohereUsage(raw: unknown): Usage | null {
  if (!isRecord(raw)) return null;
  return buildUsage(
    {
      input: path(raw, 'tokens', 'input_tokens') ?? path(raw, 'billed_units', 'input_tokens'),
      output: path(raw, 'tokens', 'output_tokens') ?? path(raw, 'billed_units', 'output_tokens'),
      cacheRead: field(raw, 'cached_tokens'),
    },
    raw,
  );
}

/**
 * Stream events → deltas. Tool calls are keyed by their `index`. `citation-start` events carry the
 * citations of the text (no delta kind exists for them); they are collected into `citations`.
 */
function readCohereStream(trace: StreamTrace, notes: string[], citations: unknown[] = []): StreamDelta[] {
  const deltas: StreamDelta[] = [];
  for (const event of trace.events) {
    const eventIndex = event.index;
    if (event.json === undefined) {
      if (event.jsonError !== undefined)
        addNote(notes, `event ${eventIndex}: data is not JSON (${event.jsonError})`);
      continue;
    }
    const data = event.json;
    const type = asString(field(data, 'type')) ?? event.event ?? '';
    const key = `tool-${String(field(data, 'index') ?? '?')}`;
    const message = path(data, 'delta', 'message');
    switch (type) {
      case 'content-start':
      case 'content-delta': {
        const content = field(message, 'content');
        const thinking = asString(field(content, 'thinking'));
        const text = asString(field(content, 'text'));
        if (thinking) deltas.push({ kind: 'reasoning', eventIndex, text: thinking });
        else if (text) deltas.push({ kind: 'text', eventIndex, text });
        else deltas.push({ kind: 'other', eventIndex, label: type });
        break;
      }
      case 'tool-plan-delta': {
        const plan = asString(field(message, 'tool_plan'));
        deltas.push(
          plan ? { kind: 'reasoning', eventIndex, text: plan } : { kind: 'other', eventIndex, label: type },
        );
        break;
      }
      case 'tool-call-start': {
        const call = field(message, 'tool_calls');
        const args = asString(path(call, 'function', 'arguments'));
        const start: StreamDelta = {
          kind: 'tool-call-start',
          eventIndex,
          key,
          id: asString(field(call, 'id')) ?? null,
          name: asString(path(call, 'function', 'name')) ?? '',
        };
        if (args) start.argumentsText = args;
        deltas.push(start);
        break;
      }
      case 'tool-call-delta': {
        const fragment = asString(path(message, 'tool_calls', 'function', 'arguments'));
        deltas.push(
          fragment !== undefined
            ? { kind: 'tool-call-args', eventIndex, key, fragment }
            : { kind: 'other', eventIndex, label: type },
        );
        break;
      }
      case 'message-end': {
        const usage = readCohereUsage(path(data, 'delta', 'usage'));
        if (usage) deltas.push({ kind: 'usage', eventIndex, usage });
        const error = asString(path(data, 'delta', 'error'));
        if (error) deltas.push({ kind: 'error', eventIndex, error: { message: error, eventIndex } });
        const reason = asString(path(data, 'delta', 'finish_reason'));
        deltas.push(
          reason ? { kind: 'finish', eventIndex, reason } : { kind: 'other', eventIndex, label: type },
        );
        break;
      }
      case 'citation-start': {
        const citation = field(message, 'citations');
        if (citation !== undefined) citations.push(citation);
        deltas.push({ kind: 'other', eventIndex, label: type });
        break;
      }
      default: {
        const error = readProviderError(data, eventIndex);
        deltas.push(
          error
            ? { kind: 'error', eventIndex, error }
            : { kind: 'other', eventIndex, label: type || 'event' },
        );
      }
    }
  }
  return deltas;
}

function readResponse(exchange: HttpExchange, result: LlmExchange): LlmResponse {
  const response = emptyResponse();
  const trace = isHttpError(exchange) ? null : frameStream(exchange);
  if (trace && trace.events.length > 0) {
    result.stream = trace;
    const citations: unknown[] = [];
    result.deltas = readCohereStream(trace, result.notes, citations);
    const assembled = assembleMessage(result.deltas);
    const text = assembled.message.parts.find((part) => part.kind === 'text');
    if (text && text.kind === 'text' && citations.length > 0) text.citations = citations;
    Object.assign(response, {
      message: assembled.message,
      finishReason: assembled.finishReason,
      usage: assembled.usage,
      error: assembled.error,
    });
    const first = trace.events[0]?.json;
    response.id = asString(field(first, 'id')) ?? null;
    return response;
  }
  const body = readJson(exchange.response?.body);
  if (
    isHttpError(exchange) ||
    (isRecord(body) && field(body, 'message') !== undefined && !isRecord(field(body, 'message')))
  ) {
    const message = asString(field(body, 'message'));
    response.error =
      readProviderError(body) ??
      (message ? { message } : { message: `HTTP ${exchange.response?.status ?? ''}`.trim() });
    return response;
  }
  if (!isRecord(body)) return response;
  response.message = { ...readCohereMessage(field(body, 'message')), role: 'assistant' };
  response.finishReason = asString(field(body, 'finish_reason')) ?? null;
  response.usage = readCohereUsage(field(body, 'usage'));
  response.id = asString(field(body, 'id')) ?? null;
  return response;
}

function read(exchange: HttpExchange): LlmExchange {
  const result = emptyExchange({ id: ID, family: 'other', label: LABEL });
  try {
    const body = readJson(exchange.request.body);
    if (body !== undefined) {
      result.request = {
        model: asString(field(body, 'model')) ?? null,
        messages: asArray(field(body, 'messages')).map(readCohereMessage),
        tools: asArray(field(body, 'tools')).map(readCohereTool),
        stream: field(body, 'stream') === true,
        params: omitParams(body, ['model', 'messages', 'tools', 'stream']),
      };
    }
    if (exchange.response) result.response = readResponse(exchange, result);
  } catch (error) {
    result.notes.push(`adapter error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}

export const cohereChatV2Adapter: ApiAdapter = { id: ID, family: 'other', label: LABEL, detect, read };
