/**
 * Adapter: the OpenAI Responses API, and the same API served by Azure OpenAI, xAI and gateways.
 *
 * - API reference: https://platform.openai.com/docs/api-reference/responses/create
 * - Response object: https://platform.openai.com/docs/api-reference/responses/object
 * - Streaming events: https://platform.openai.com/docs/api-reference/responses-streaming
 * - Background mode (queued responses, polled with GET /v1/responses/{id}):
 *   https://platform.openai.com/docs/guides/background
 * - Azure OpenAI v1 Responses: https://learn.microsoft.com/azure/ai-foundry/openai/how-to/responses
 * - xAI Responses: https://docs.x.ai/docs/api-reference#create-new-response
 *
 * The finish reason is the response `status` (`completed`, `failed`, `queued`, …), or
 * `incomplete:REASON` from `incomplete_details.reason`, the convention of shared/docs/inspect-json.md.
 */
import type { ContentPart, LlmExchange, LlmResponse, Message } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import {
  emptyResponse,
  emptyExchange,
  field,
  hostIs,
  isHttpError,
  isRecord,
  readJson,
  readProviderError,
  urlHost,
  urlPath,
} from '../shared';
import { frameStream } from '../../streams';
import type * as wire from './responses-wire';
import {
  finishReasonOf,
  outputToParts,
  readResponsesError,
  readResponsesTiming,
  readResponsesUsage,
} from './responses-output';
import { readResponsesRequest } from './responses-request';
import { readResponsesStream } from './responses-stream';
import { appendAll } from '../../../lib/arrays';

const ID = 'openai.responses';
const LABEL = 'OpenAI · Responses';

/** `…/responses` (create) or `…/responses/{id}` (retrieve, background polling). */
const CREATE_PATH = /\/responses\/?$/;
const RETRIEVE_PATH = /\/responses\/[A-Za-z0-9_.:-]+\/?$/;

/** The gateway or vendor serving the API, for the label. */
function vendorOf(url: string): string | null {
  const host = urlHost(url);
  if (
    host.endsWith('.openai.azure.com') ||
    host.endsWith('.services.ai.azure.com') ||
    host.endsWith('.cognitiveservices.azure.com')
  )
    return 'Azure';
  if (hostIs(host, 'x.ai')) return 'xAI';
  if (hostIs(host, 'openrouter.ai')) return 'OpenRouter';
  if (hostIs(host, 'openai.com')) return null;
  return host === '' ? null : host;
}

/** True when a body looks like Responses traffic: a `response` object or `response.*` events. */
function responseLooksLikeResponses(exchange: HttpExchange): boolean {
  const text = exchange.response?.body?.text ?? null;
  if (text === null) return false;
  const head = text.slice(0, 4096);
  // Each test below needs the word; most bodies (chat completions, messages) never have it.
  if (!head.includes('response')) return false;
  return (
    /"object"\s*:\s*"response"/.test(head) ||
    /"type"\s*:\s*"response\.(created|queued|in_progress)"/.test(head) ||
    /^event:\s*response\./m.test(head)
  );
}

/**
 * A request body in the Responses shape behind an unknown path: `input` items with a role or type,
 * or a string `input` with Responses-only fields. A bare `{model, input: "text"}` is not enough,
 * because embeddings and moderations requests look like that too.
 */
function requestLooksLikeResponses(exchange: HttpExchange): boolean {
  if (/\/(embeddings|moderations)\/?$/.test(urlPath(exchange.request.url))) return false;
  const body = readJson(exchange.request.body);
  if (
    !isRecord(body) ||
    field(body, 'messages') !== undefined ||
    field(body, 'prompt') !== undefined ||
    field(body, 'contents') !== undefined
  )
    return false;
  const input = field(body, 'input');
  const items =
    Array.isArray(input) &&
    input.length > 0 &&
    input.every(
      (item) =>
        isRecord(item) &&
        (typeof field(item, 'role') === 'string' || typeof field(item, 'type') === 'string'),
    );
  const responsesOnly = [
    'instructions',
    'previous_response_id',
    'max_output_tokens',
    'reasoning',
    'text',
    'include',
  ].some((key) => field(body, key) !== undefined);
  return items || (typeof input === 'string' && responsesOnly);
}

function detect(exchange: HttpExchange, floor = 0): number {
  const path = urlPath(exchange.request.url);
  const method = exchange.request.method.toUpperCase();
  if (CREATE_PATH.test(path) && method === 'POST') {
    // `/responses` is a common REST word: outside known hosts, want some Responses evidence too.
    const host = urlHost(exchange.request.url);
    const vendor = vendorOf(exchange.request.url);
    const knownHost = hostIs(host, 'openai.com') || (vendor !== null && vendor !== host);
    const body = readJson(exchange.request.body);
    const evidence =
      knownHost ||
      responseLooksLikeResponses(exchange) ||
      (isRecord(body) && (field(body, 'input') !== undefined || typeof field(body, 'model') === 'string'));
    return evidence ? 0.9 : 0;
  }
  const retrieve = RETRIEVE_PATH.test(path) && !path.endsWith('/input_items');
  // Below, only a retrieve path scores above 0.75 (ApiAdapter.detect's `floor`).
  if (!retrieve && floor > 0.75) return 0;
  const responseShape = responseLooksLikeResponses(exchange);
  if (retrieve && (method === 'GET' || responseShape)) return responseShape ? 0.9 : 0.6;
  if (responseShape) return 0.75;
  if (floor > 0.5) return 0; // the request's shape scores 0.5
  if (method === 'POST' && requestLooksLikeResponses(exchange)) return 0.5;
  return 0;
}

function read(exchange: HttpExchange): LlmExchange {
  const vendor = vendorOf(exchange.request.url);
  const result = emptyExchange({
    id: ID,
    family: 'openai-responses',
    label: vendor ? `${LABEL} (${vendor})` : LABEL,
  });
  try {
    const requestJson = readJson(exchange.request.body);
    result.request = requestJson === undefined ? null : readResponsesRequest(requestJson);
    if (exchange.response) result.response = readResponse(exchange, result);
  } catch (error) {
    // Defensive: readers are total, but an adapter must never throw.
    result.notes.push(`adapter error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}

function readResponse(exchange: HttpExchange, result: LlmExchange): LlmResponse {
  const response = emptyResponse();
  const trace = isHttpError(exchange) ? null : frameStream(exchange);
  if (trace && trace.events.length > 0) {
    result.stream = trace;
    const reading = readResponsesStream(trace);
    result.deltas = reading.deltas;
    appendAll(result.notes, reading.notes);
    const assembled = assembleMessage(reading.deltas);
    const final = reading.response;
    const parts = assembled.message.parts;
    if (parts.length === 0 && final) appendAll(parts, outputToParts(final.output));
    else if (final) {
      appendAll(parts, partsOnlyInOutput(final.output));
      attachCitations(parts, final.output);
    }
    if (reading.refusal !== '') parts.push({ kind: 'refusal', text: reading.refusal });
    response.message = { role: 'assistant', parts };
    response.finishReason = assembled.finishReason;
    response.usage = assembled.usage;
    response.error = assembled.error;
    if (final) fillFromResponseObject(response, final);
    return response;
  }
  const body = readJson(exchange.response?.body);
  if (
    isRecord(body) &&
    (field(body, 'object') === 'response' ||
      Array.isArray(field(body, 'output')) ||
      typeof field(body, 'status') === 'string')
  ) {
    const object = body as wire.Response;
    response.message = { role: 'assistant', parts: outputToParts(object.output) } satisfies Message;
    response.finishReason = finishReasonOf(object);
    response.usage = readResponsesUsage(object.usage);
    response.error = readResponsesError(object.error);
    fillFromResponseObject(response, object);
    return response;
  }
  response.error = readProviderError(body) ?? (isHttpError(exchange) ? httpErrorFallback(exchange) : null);
  if (!response.error && body === undefined && exchange.response?.body?.text) {
    result.notes.push('response body is not JSON');
  }
  return response;
}

/** Model, id and provider timing from a response object (the body, or the stream's last one). */
function fillFromResponseObject(response: LlmResponse, object: wire.Response): void {
  if (typeof object.model === 'string') response.model = object.model;
  if (typeof object.id === 'string') response.id = object.id;
  response.providerTiming = readResponsesTiming(object);
}

/**
 * Output items a stream cannot express as deltas (MCP tool listings, generated images), taken from
 * the final response object so that nothing the provider returned is lost.
 */
function partsOnlyInOutput(output: unknown): ContentPart[] {
  if (!Array.isArray(output)) return [];
  const parts: ContentPart[] = [];
  for (const item of outputToParts(output)) {
    if (item.kind === 'unknown' || item.kind === 'image' || item.kind === 'tool-list') parts.push(item);
  }
  return parts;
}

/**
 * Annotations (URL and file citations) arrive in `response.output_text.annotation.added` events and
 * again on the final output's text parts; take them from the final output and put them on the
 * streamed text parts, in order (all on the first one when the counts do not line up).
 */
function attachCitations(parts: ContentPart[], output: unknown): void {
  const fromOutput = outputToParts(output).filter((part) => part.kind === 'text');
  const streamed = parts.filter((part) => part.kind === 'text');
  if (streamed.length === 0) return;
  const aligned = fromOutput.length === streamed.length;
  fromOutput.forEach((source, position) => {
    if (source.kind !== 'text' || !source.citations) return;
    const target = streamed[aligned ? position : 0]!;
    if (target.kind === 'text') target.citations = [...(target.citations ?? []), ...source.citations];
  });
}

function httpErrorFallback(exchange: HttpExchange): { message: string } {
  const text = exchange.response?.body?.text ?? '';
  const status = exchange.response?.status ?? '';
  return { message: text.trim() === '' ? `HTTP ${status}` : text.trim().slice(0, 500) };
}

export const openaiResponsesAdapter: ApiAdapter = {
  id: ID,
  family: 'openai-responses',
  label: LABEL,
  detect,
  read,
};
