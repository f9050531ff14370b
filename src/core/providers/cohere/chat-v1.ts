/**
 * Adapter: Cohere v1 chat (`POST /v1/chat`), still used by older SDKs and LangChain cassettes.
 *
 * - API reference: https://docs.cohere.com/v1/reference/chat
 * - Streaming: https://docs.cohere.com/v1/docs/streaming — newline-delimited JSON objects with
 *   `event_type`: `stream-start`, `text-generation` (`text`), `tool-calls-generation`
 *   (`tool_calls`), `citation-generation`, `stream-end` (`finish_reason`, `response` with `meta`).
 * - Request: `message` (the new user turn), `chat_history` (`role`: USER / CHATBOT / SYSTEM / TOOL,
 *   `message`, `tool_calls`, `tool_results`), `preamble` (system), `tools` with
 *   `parameter_definitions`, `tool_results` answering the previous turn's calls.
 *
 * v1 tool calls have no id (`{name, parameters}`), so calls and results carry null ids and the
 * thread matches them by name and order. Usage is `meta.tokens` (else `meta.billed_units`).
 */
import type {
  ContentPart,
  LlmExchange,
  LlmResponse,
  Message,
  StreamDelta,
  ToolCallPart,
} from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import {
  emptyResponse,
  argumentsTextOf,
  asArray,
  asString,
  emptyExchange,
  field,
  hostIs,
  isHttpError,
  isRecord,
  omitParams,
  parseArguments,
  readJson,
  readProviderError,
  urlHost,
  urlPath,
} from '../shared';
import { frameStream } from '../../streams';
import { readCohereTool } from './chat-v2-content';
import { readCohereUsage } from './chat-v2';
import { appendAll } from '../../../lib/arrays';

const ID = 'cohere.chat-v1';
const LABEL = 'Cohere · Chat v1';

function detect(exchange: HttpExchange): number {
  const path = urlPath(exchange.request.url);
  if (!/\/v1\/chat\/?$/.test(path)) return 0;
  if (
    hostIs(urlHost(exchange.request.url), 'cohere.com') ||
    hostIs(urlHost(exchange.request.url), 'cohere.ai')
  )
    return 0.95;
  // Elsewhere `/v1/chat` is ambiguous: require the v1 body shape (`message`, no `messages`).
  const body = readJson(exchange.request.body);
  return typeof field(body, 'message') === 'string' && field(body, 'messages') === undefined ? 0.7 : 0;
}

function v1ToolCall(raw: unknown): ToolCallPart {
  const argumentsText = argumentsTextOf(field(raw, 'parameters') ?? {});
  const call: ToolCallPart = {
    kind: 'tool-call',
    id: null,
    name: asString(field(raw, 'name')) ?? '(unnamed)',
    argumentsText,
  };
  const parsed = parseArguments(argumentsText);
  if ('arguments' in parsed) call.arguments = parsed.arguments;
  if (parsed.argumentsError !== undefined) call.argumentsError = parsed.argumentsError;
  return call;
}

/** `tool_results: [{call: {name, parameters}, outputs: [...]}]` → one tool message. */
function toolResultsMessage(results: unknown[]): Message {
  const parts: ContentPart[] = results.map((result) => {
    const part: ContentPart = {
      kind: 'tool-result',
      callId: null,
      content: [{ kind: 'text', text: argumentsTextOf(field(result, 'outputs')) }],
    };
    const name = asString(field(field(result, 'call'), 'name'));
    if (name !== undefined) part.name = name;
    return part;
  });
  return { role: 'tool', parts };
}

function historyMessage(raw: unknown): Message {
  const role = (asString(field(raw, 'role')) ?? 'USER').toUpperCase();
  if (role === 'TOOL') return toolResultsMessage(asArray(field(raw, 'tool_results')));
  const text = asString(field(raw, 'message'));
  const parts: ContentPart[] = text ? [{ kind: 'text', text }] : [];
  for (const call of asArray(field(raw, 'tool_calls'))) parts.push(v1ToolCall(call));
  if (!isRecord(raw)) parts.push({ kind: 'unknown', label: 'chat_history entry', raw });
  return { role: role === 'CHATBOT' ? 'assistant' : role === 'SYSTEM' ? 'system' : 'user', parts };
}

function readRequest(body: unknown): LlmExchange['request'] {
  const messages: Message[] = [];
  const preamble = asString(field(body, 'preamble'));
  if (preamble) messages.push({ role: 'system', parts: [{ kind: 'text', text: preamble }] });
  appendAll(messages, asArray(field(body, 'chat_history')).map(historyMessage));
  const results = asArray(field(body, 'tool_results'));
  if (results.length > 0) messages.push(toolResultsMessage(results));
  const message = asString(field(body, 'message'));
  if (message) messages.push({ role: 'user', parts: [{ kind: 'text', text: message }] });
  return {
    model: asString(field(body, 'model')) ?? null,
    messages,
    tools: asArray(field(body, 'tools')).map(readCohereTool),
    stream: field(body, 'stream') === true,
    params: omitParams(body, [
      'model',
      'message',
      'chat_history',
      'preamble',
      'tools',
      'tool_results',
      'stream',
    ]),
  };
}

/** Deltas of one streamed object. */
function eventDeltas(data: unknown, eventIndex: number): StreamDelta[] {
  const type = asString(field(data, 'event_type')) ?? '';
  const text = asString(field(data, 'text'));
  if (type === 'text-generation' && text) return [{ kind: 'text', eventIndex, text }];
  if (type === 'tool-calls-generation') {
    return asArray(field(data, 'tool_calls')).map((raw, position) => {
      const call = v1ToolCall(raw);
      return {
        kind: 'tool-call-start' as const,
        eventIndex,
        key: `${eventIndex}:${position}`,
        id: null,
        name: call.name,
        argumentsText: call.argumentsText,
      };
    });
  }
  if (type === 'stream-end') {
    const deltas: StreamDelta[] = [];
    const usage = readCohereUsage(field(field(data, 'response'), 'meta'));
    if (usage) deltas.push({ kind: 'usage', eventIndex, usage });
    const reason = asString(field(data, 'finish_reason'));
    if (reason) deltas.push({ kind: 'finish', eventIndex, reason });
    if (reason === 'ERROR')
      deltas.push({
        kind: 'error',
        eventIndex,
        error: {
          message: asString(field(field(data, 'response'), 'text')) || 'stream ended with ERROR',
          eventIndex,
        },
      });
    return deltas.length > 0 ? deltas : [{ kind: 'other', eventIndex, label: type }];
  }
  return [{ kind: 'other', eventIndex, label: type || 'event' }];
}

function readResponse(exchange: HttpExchange, result: LlmExchange): LlmResponse {
  const response: LlmResponse = emptyResponse();
  const trace = isHttpError(exchange) ? null : frameStream(exchange);
  if (trace && trace.events.length > 0) {
    result.stream = trace;
    for (const event of trace.events)
      if (event.json !== undefined) appendAll(result.deltas, eventDeltas(event.json, event.index));
    const assembled = assembleMessage(result.deltas);
    Object.assign(response, {
      message: assembled.message,
      finishReason: assembled.finishReason,
      usage: assembled.usage,
      error: assembled.error,
    });
    return response;
  }
  const body = readJson(exchange.response?.body);
  if (isHttpError(exchange)) {
    const message = asString(field(body, 'message'));
    response.error = readProviderError(body) ?? {
      message: message ?? `HTTP ${exchange.response?.status ?? ''}`.trim(),
    };
    return response;
  }
  if (!isRecord(body)) return response;
  const text = asString(field(body, 'text')) ?? '';
  const parts: ContentPart[] = text === '' ? [] : [{ kind: 'text', text }];
  for (const call of asArray(field(body, 'tool_calls'))) parts.push(v1ToolCall(call));
  response.message = { role: 'assistant', parts };
  response.finishReason = asString(field(body, 'finish_reason')) ?? null;
  response.usage = readCohereUsage(field(body, 'meta'));
  response.id = asString(field(body, 'generation_id')) ?? asString(field(body, 'response_id')) ?? null;
  return response;
}

function read(exchange: HttpExchange): LlmExchange {
  const result = emptyExchange({ id: ID, family: 'other', label: LABEL });
  try {
    const body = readJson(exchange.request.body);
    if (body !== undefined) result.request = readRequest(body);
    if (exchange.response) result.response = readResponse(exchange, result);
  } catch (error) {
    result.notes.push(`adapter error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}

export const cohereChatV1Adapter: ApiAdapter = { id: ID, family: 'other', label: LABEL, detect, read };
