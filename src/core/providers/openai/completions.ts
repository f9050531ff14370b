/**
 * Adapter: the legacy OpenAI Completions API (`POST /v1/completions`: a `prompt` in, `text` out),
 * still served by OpenAI (babbage-002, gpt-3.5-turbo-instruct), vLLM, llama.cpp and gateways.
 *
 * - API reference: https://platform.openai.com/docs/api-reference/completions/create
 * - Streaming: SSE `data: {"object":"text_completion","choices":[{"text","index","finish_reason"}]}`
 *   chunks ending with `data: [DONE]`, https://platform.openai.com/docs/api-reference/completions/object
 *
 * The family is "other": it is not the chat API (facts.json calls it `openai-completions`). The
 * prompt is shown as one user message (several prompts as several parts); `suffix` stays a
 * parameter. Only the first choice is the assistant turn, as for every other adapter.
 */
import type {
  ContentPart,
  LlmExchange,
  LlmRequest,
  LlmResponse,
  StreamDelta,
} from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
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
  isHttpError,
  isRecord,
  omitParams,
  path,
  readJson,
  readProviderError,
  urlPath,
} from '../shared';
import { frameStream } from '../../streams';
import { appendAll } from '../../../lib/arrays';

const ID = 'openai.completions';
const LABEL = 'OpenAI · Completions (legacy)';

function detect(exchange: HttpExchange, floor = 0): number {
  const path = urlPath(exchange.request.url);
  const body = readJson(exchange.request.body);
  const hasPrompt =
    isRecord(body) && field(body, 'prompt') !== undefined && field(body, 'messages') === undefined;
  if (/\/completions\/?$/.test(path) && !/\/chat\/completions\/?$/.test(path))
    return hasPrompt || body === undefined ? 0.95 : 0.7;
  // ApiAdapter.detect's `floor`: the body checks below score 0.85 at most.
  if (floor > 0.85) return 0;
  const head = exchange.response?.body?.text?.slice(0, 2048) ?? '';
  if (/"object"\s*:\s*"text_completion"/.test(head)) return 0.85;
  // Behind a proxy: a `prompt` body that is neither Ollama's /api/generate nor Anthropic's legacy
  // Text Completions (`max_tokens_to_sample`).
  const foreign = /\/api\/generate\/?$/.test(path) || field(body, 'max_tokens_to_sample') !== undefined;
  return hasPrompt && field(body, 'model') !== undefined && !foreign ? 0.3 : 0;
}

/** `prompt` may be a string, a list of strings, or token ids. */
function promptParts(prompt: unknown): ContentPart[] {
  if (typeof prompt === 'string') return [{ kind: 'text', text: prompt }];
  if (Array.isArray(prompt) && prompt.every((p) => typeof p === 'string'))
    return prompt.map((text) => ({ kind: 'text' as const, text: text as string }));
  return prompt === undefined ? [] : [{ kind: 'unknown', label: 'prompt (tokens)', raw: prompt }];
}

function readRequest(body: unknown): LlmRequest {
  return {
    model: asString(field(body, 'model')) ?? null,
    messages: [{ role: 'user', parts: promptParts(field(body, 'prompt')) }],
    tools: [],
    stream: field(body, 'stream') === true,
    params: omitParams(body, ['model', 'prompt', 'stream']),
  };
}

/** Usage `{prompt_tokens, completion_tokens, total_tokens}`, when reported. */
function readUsage(raw: unknown) {
  if (!isRecord(raw)) return null;
  return buildUsage(
    {
      input: field(raw, 'prompt_tokens'),
      output: field(raw, 'completion_tokens'),
      total: field(raw, 'total_tokens'),
    },
    raw,
  );
}

/** Deltas of one chunk: the text and finish reason of choice 0, and usage when present. */
function chunkDeltas(chunk: unknown, eventIndex: number): StreamDelta[] {
  const deltas: StreamDelta[] = [];
  const choice = asArray(field(chunk, 'choices')).find((c) => (field(c, 'index') ?? 0) === 0);
  const text = asString(field(choice, 'text'));
  if (text) deltas.push({ kind: 'text', eventIndex, text });
  const reason = asString(field(choice, 'finish_reason'));
  if (reason) deltas.push({ kind: 'finish', eventIndex, reason });
  const usage = readUsage(field(chunk, 'usage'));
  if (usage) deltas.push({ kind: 'usage', eventIndex, usage });
  const error = field(chunk, 'error') !== undefined ? readProviderError(chunk, eventIndex) : null;
  if (error) deltas.push({ kind: 'error', eventIndex, error });
  if (deltas.length === 0) deltas.push({ kind: 'other', eventIndex, label: 'chunk' });
  return deltas;
}

function readResponse(exchange: HttpExchange, result: LlmExchange): LlmResponse {
  const response = emptyResponse();
  const trace = isHttpError(exchange) ? null : frameStream(exchange);
  if (trace && trace.events.length > 0) {
    result.stream = trace;
    for (const event of trace.events) {
      if (event.json === undefined) {
        if (event.jsonError !== undefined)
          addNote(result.notes, `event ${event.index}: data is not JSON (${event.jsonError})`);
        else
          result.deltas.push({
            kind: 'other',
            eventIndex: event.index,
            label: event.data.trim() === '[DONE]' ? '[DONE]' : 'event',
          });
        continue;
      }
      appendAll(result.deltas, chunkDeltas(event.json, event.index));
      response.model ??= asString(field(event.json, 'model')) ?? null;
      response.id ??= asString(field(event.json, 'id')) ?? null;
    }
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
  if (
    isHttpError(exchange) ||
    (isRecord(body) && field(body, 'choices') === undefined && field(body, 'error') !== undefined)
  ) {
    response.error = readProviderError(body) ?? { message: `HTTP ${exchange.response?.status ?? ''}`.trim() };
    return response;
  }
  if (!isRecord(body)) return response;
  const choices = asArray(field(body, 'choices'));
  const text = asString(path(choices[0], 'text')) ?? '';
  response.message = { role: 'assistant', parts: text === '' ? [] : [{ kind: 'text', text }] };
  response.finishReason = asString(path(choices[0], 'finish_reason')) ?? null;
  response.usage = readUsage(field(body, 'usage'));
  response.model = asString(field(body, 'model')) ?? null;
  response.id = asString(field(body, 'id')) ?? null;
  if (choices.length > 1)
    result.notes.push(`${choices.length - 1} more choice(s) in the response; the first is shown`);
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

export const openaiCompletionsAdapter: ApiAdapter = { id: ID, family: 'other', label: LABEL, detect, read };
