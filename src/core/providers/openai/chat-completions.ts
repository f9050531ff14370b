/**
 * OpenAI Chat Completions and its many compatibles (OpenRouter, Groq, Cerebras, DeepSeek, xAI,
 * Azure OpenAI, Mistral, Perplexity, Together, Ollama's `/v1/chat/completions`, gateways).
 * API reference: https://platform.openai.com/docs/api-reference/chat
 * Streaming: https://platform.openai.com/docs/api-reference/chat-streaming
 * Compatibles: https://openrouter.ai/docs/api-reference/overview, https://console.groq.com/docs/openai,
 * https://inference-docs.cerebras.ai/api-reference/chat-completions, https://api-docs.deepseek.com/,
 * https://docs.x.ai/docs/api-reference, https://learn.microsoft.com/azure/ai-services/openai/reference,
 * https://docs.mistral.ai/api/, https://docs.perplexity.ai/api-reference/chat-completions-post,
 * https://github.com/ollama/ollama/blob/main/docs/openai.md
 *
 * Detection: the path ends in `/chat/completions` on any host (Azure's
 * `/openai/deployments/{name}/chat/completions` too), else the body's shape (`object:
 * "chat.completion"` / `"chat.completion.chunk"` in the response, or `messages` + `model` in the
 * request, scored low so that more specific adapters with the same request shape win).
 */
import type { LlmExchange, LlmResponse } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { frameStream } from '../../streams';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import { addNote, emptyExchange } from '../shared/exchange';
import { urlHost, urlPath } from '../shared/http';
import { asArray, asString, field, isRecord, readJson } from '../shared/json';
import { audioMimeType } from './audio-output';
import { readChatRequest } from './chat-completions-request';
import { readChatResponse, readErrorResponse } from './chat-completions-response';
import { readChatStream } from './chat-completions-stream';
import { providerFromUrl } from './wire';

const LABEL = 'OpenAI Chat Completions';

/** Detection score for an exchange (see file comment). */
function detectChatCompletions(exchange: HttpExchange, floor = 0): number {
  const path = urlPath(exchange.request.url).replace(/\/+$/, '');
  if (/\/chat\/completions$/i.test(path)) return 0.9;
  if (floor > 0.7) return 0; // ApiAdapter.detect's `floor`: the body checks score 0.7 at most
  const head = (exchange.response?.body?.text ?? '').slice(0, 2048);
  if (/"object"\s*:\s*"chat\.completion(\.chunk)?"/.test(head)) return 0.7;
  const body = readJson(exchange.request.body);
  if (isRecord(body) && Array.isArray(field(body, 'messages')) && typeof field(body, 'model') === 'string') {
    const messages = asArray(field(body, 'messages'));
    const openAiRoles = messages.some((m) =>
      ['system', 'developer', 'tool'].includes(asString(field(m, 'role')) ?? ''),
    );
    return openAiRoles ? 0.4 : 0.3;
  }
  return 0;
}

/** "OpenAI Chat Completions · OpenRouter (Together)" when host or chunks name the provider. */
function labelFor(exchange: HttpExchange, upstream: string | null): string {
  const provider = providerFromUrl(urlHost(exchange.request.url), exchange.request.url);
  if (!provider || provider === 'OpenAI') return upstream ? `${LABEL} · ${upstream}` : LABEL;
  return upstream && upstream !== provider
    ? `${LABEL} · ${provider} (${upstream})`
    : `${LABEL} · ${provider}`;
}

function readStreamed(exchange: HttpExchange, llm: LlmExchange): LlmResponse {
  const trace = llm.stream!;
  const reading = readChatStream(trace, audioMimeType(llm.request?.params));
  llm.deltas = reading.deltas;
  for (const note of reading.notes) addNote(llm.notes, note);
  const assembled = assembleMessage(reading.deltas);
  const message = assembled.message;
  if (reading.refusal) message.parts.push({ kind: 'refusal', text: reading.refusal });
  llm.apiLabel = labelFor(exchange, reading.upstream);
  return {
    model: reading.model ?? llm.request?.model ?? null,
    message,
    finishReason: assembled.finishReason,
    usage: assembled.usage,
    error: assembled.error ?? readErrorResponse(exchange, undefined),
    providerTiming: reading.timing,
    id: reading.id,
  };
}

function readChatCompletions(exchange: HttpExchange): LlmExchange {
  const llm = emptyExchange(openAiChatCompletionsAdapter);
  llm.apiLabel = labelFor(exchange, null);
  const requestBody = readJson(exchange.request.body);
  llm.request = readChatRequest(requestBody);
  if (exchange.request.body && requestBody === undefined) addNote(llm.notes, 'the request body is not JSON');
  if (!exchange.response) return llm;

  llm.stream = frameStream(exchange);
  if (llm.stream && llm.stream.events.length > 0) {
    llm.response = readStreamed(exchange, llm);
    return llm;
  }
  const body = readJson(exchange.response.body);
  if (body === undefined && exchange.response.body && (exchange.response.status ?? 0) < 400) {
    addNote(llm.notes, 'the response body is neither JSON nor a stream');
  }
  llm.response = readChatResponse(exchange, body, llm.notes, audioMimeType(llm.request?.params));
  const upstream = asString(field(body, 'provider')) ?? null;
  if (upstream) llm.apiLabel = labelFor(exchange, upstream);
  return llm;
}

export const openAiChatCompletionsAdapter: ApiAdapter = {
  id: 'openai.chat-completions',
  family: 'openai-chat',
  label: LABEL,
  detect: detectChatCompletions,
  read: readChatCompletions,
};
