/**
 * Adapter: Sourcegraph Cody's completions API (`POST /.api/completions/stream` for chat,
 * `/.api/completions/code` for autocomplete), as recorded by Cody's own Polly cassettes.
 *
 * - Client that speaks it (request and event shapes):
 *   https://github.com/sourcegraph/cody/blob/main/lib/shared/src/sourcegraph-api/completions/types.ts
 *   and `…/completions/parse.ts` (SSE events `completion`, `error`, `done`).
 * - Request: `{model?, messages: [{speaker: "human"|"assistant"|"system", text}], maxTokensToSample,
 *   temperature, stopSequences, stream}`.
 * - Events: `completion` carries either `deltaText` (api-version ≥ 2: only the new text) or
 *   `completion` (older servers: the whole text so far), plus `stopReason` ("" until the end);
 *   `error` carries `{error}`; `done` ends the stream.
 */
import type {
  LlmExchange,
  LlmRequest,
  LlmResponse,
  Message,
  Role,
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
  emptyExchange,
  field,
  isHttpError,
  isRecord,
  omitParams,
  readJson,
  readProviderError,
  urlPath,
} from '../shared';
import { frameStream } from '../../streams';

const ID = 'sourcegraph.completions';
const LABEL = 'Sourcegraph · Cody completions';

const PATH = /\/\.api\/completions\/(stream|code)\/?$/;

function detect(exchange: HttpExchange, floor = 0): number {
  if (PATH.test(urlPath(exchange.request.url))) return 0.95;
  if (floor > 0.6) return 0; // ApiAdapter.detect's `floor`: the body check scores 0.6
  const body = readJson(exchange.request.body);
  const first = asArray(field(body, 'messages'))[0];
  return isRecord(first) &&
    typeof field(first, 'speaker') === 'string' &&
    typeof field(first, 'text') === 'string'
    ? 0.6
    : 0;
}

const SPEAKERS: Record<string, Role> = { human: 'user', assistant: 'assistant', system: 'system' };

function readMessage(raw: unknown): Message {
  const speaker = asString(field(raw, 'speaker')) ?? 'human';
  const role = Object.prototype.hasOwnProperty.call(SPEAKERS, speaker) ? SPEAKERS[speaker]! : 'user';
  const text = asString(field(raw, 'text'));
  return {
    role,
    parts: text === undefined ? [{ kind: 'unknown', label: 'message', raw }] : [{ kind: 'text', text }],
  };
}

function readRequest(body: unknown): LlmRequest {
  return {
    model: asString(field(body, 'model')) ?? null,
    messages: asArray(field(body, 'messages')).map(readMessage),
    tools: [],
    stream: field(body, 'stream') !== false,
    params: omitParams(body, ['model', 'messages', 'stream']),
  };
}

/** Events → deltas. A cumulative `completion` is turned into the part that is new since the last one. */
function readEvents(exchange: LlmExchange): StreamDelta[] {
  const deltas: StreamDelta[] = [];
  let soFar = '';
  for (const event of exchange.stream?.events ?? []) {
    const eventIndex = event.index;
    if (event.json === undefined) {
      if (event.jsonError !== undefined)
        addNote(exchange.notes, `event ${eventIndex}: data is not JSON (${event.jsonError})`);
      continue;
    }
    const data = event.json;
    const name = event.event ?? 'completion';
    if (name === 'error' || (name !== 'done' && field(data, 'error') !== undefined)) {
      const error = readProviderError(data, eventIndex) ?? {
        message: asString(field(data, 'error')) ?? 'error',
        eventIndex,
      };
      deltas.push({ kind: 'error', eventIndex, error });
      continue;
    }
    const deltaText = asString(field(data, 'deltaText'));
    const completion = asString(field(data, 'completion'));
    let text = deltaText ?? '';
    if (deltaText === undefined && completion !== undefined) {
      if (completion.startsWith(soFar)) text = completion.slice(soFar.length);
      else {
        addNote(exchange.notes, `event ${eventIndex}: the completion text was rewritten, not extended`);
        text = completion;
      }
      soFar = completion;
    } else soFar += text;
    if (text !== '') deltas.push({ kind: 'text', eventIndex, text });
    const stop = asString(field(data, 'stopReason'));
    if (stop) deltas.push({ kind: 'finish', eventIndex, reason: stop });
    if (text === '' && !stop) deltas.push({ kind: 'other', eventIndex, label: name });
  }
  return deltas;
}

function readResponse(exchange: HttpExchange, result: LlmExchange): LlmResponse {
  const response: LlmResponse = emptyResponse();
  const trace = isHttpError(exchange) ? null : frameStream(exchange);
  if (trace && trace.events.length > 0) {
    result.stream = trace;
    result.deltas = readEvents(result);
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
    const text = exchange.response?.body?.text?.trim() ?? '';
    response.error = readProviderError(body) ?? {
      message: text === '' ? `HTTP ${exchange.response?.status ?? ''}` : text.slice(0, 500),
    };
    return response;
  }
  // Non-streamed: `{completion, stopReason}`.
  if (isRecord(body)) {
    const text = asString(field(body, 'completion')) ?? asString(field(body, 'deltaText')) ?? '';
    response.message = { role: 'assistant', parts: text === '' ? [] : [{ kind: 'text', text }] };
    response.finishReason = asString(field(body, 'stopReason')) || null;
  }
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

export const sourcegraphCompletionsAdapter: ApiAdapter = {
  id: ID,
  family: 'other',
  label: LABEL,
  detect,
  read,
};
