/**
 * The plain (not streamed) response of OpenAI Chat Completions, and HTTP error bodies.
 * API reference: https://platform.openai.com/docs/api-reference/chat/object
 * Error bodies: https://platform.openai.com/docs/guides/error-codes (`{error:{message,type,code}}`);
 * OpenRouter returns the same shape, sometimes with status 200
 * (https://openrouter.ai/docs/api-reference/errors). Perplexity adds top-level `citations`
 * (https://docs.perplexity.ai/api-reference/chat-completions-post); OpenAI web search adds
 * `message.annotations` of type `url_citation`.
 */
import type { ContentPart, LlmResponse, Message, ProviderError } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { readProviderError } from '../shared/exchange';
import { asArray, asString, field, isRecord } from '../shared/json';
import { toNumber } from '../shared/numbers';
import { readMessageAudio } from './audio-output';
import { readMessageReasoning, readToolCall } from './chat-completions-request';
import { readOpenAiContent, readOpenAiTiming, readOpenAiUsage } from './wire';
import { appendAll } from '../../../lib/arrays';

/** The provider error of an error response, or of a 200 body that carries `error`. */
export function readErrorResponse(exchange: HttpExchange, body: unknown): ProviderError | null {
  const status = exchange.response?.status ?? null;
  const fromBody = readProviderError(body);
  if (fromBody) return fromBody;
  if (status === null || status < 400) return null;
  // An error status with a body we cannot read as an error: show the body. With no body at all
  // there is no provider message (inspect reports null); the thread shows the status instead.
  const text = exchange.response?.body?.text?.trim();
  return text ? { message: text.slice(0, 500), type: null, code: status } : null;
}

/** The assistant message of the first choice. */
function readResponseMessage(choice: unknown, citations: unknown[], audioMime: string): Message {
  const raw = field(choice, 'message') ?? field(choice, 'delta');
  const parts: ContentPart[] = [...readMessageReasoning(raw)];
  const content = readOpenAiContent(field(raw, 'content'));
  // Legacy completions-style choices (`choices[0].text`) seen behind some gateways.
  const legacyText = asString(field(choice, 'text'));
  if (content.length === 0 && legacyText) content.push({ kind: 'text', text: legacyText });
  const annotations = asArray(field(raw, 'annotations'));
  const allCitations = [...citations, ...annotations];
  for (const part of content) {
    if (part.kind === 'text' && allCitations.length > 0) part.citations = allCitations;
  }
  appendAll(parts, content);
  const refusal = asString(field(raw, 'refusal'));
  if (refusal) parts.push({ kind: 'refusal', text: refusal });
  const audio = readMessageAudio(raw, audioMime);
  if (audio) parts.push(audio);
  for (const call of asArray(field(raw, 'tool_calls'))) parts.push(readToolCall(call));
  const legacyCall = field(raw, 'function_call');
  if (isRecord(legacyCall)) parts.push(readToolCall({ function: legacyCall }));
  return { role: 'assistant', parts };
}

/**
 * A plain JSON response (or an error body). `audioMime` is the media type of generated audio, which
 * only the request names (audio-output.ts).
 */
export function readChatResponse(
  exchange: HttpExchange,
  body: unknown,
  notes: string[],
  audioMime = 'audio/wav',
): LlmResponse {
  const error = readErrorResponse(exchange, body);
  const choices = asArray(field(body, 'choices'));
  const first = choices.find((c) => (toNumber(field(c, 'index')) ?? 0) === 0) ?? choices[0];
  if (choices.length > 1) notes.push(`the response has ${choices.length} choices; only choice 0 is shown`);
  const message =
    first !== undefined ? readResponseMessage(first, asArray(field(body, 'citations')), audioMime) : null;
  return {
    model: asString(field(body, 'model')) ?? null,
    message,
    finishReason: asString(field(first, 'finish_reason')) ?? null,
    usage: readOpenAiUsage(field(body, 'usage')),
    error,
    providerTiming: readOpenAiTiming(body),
    id: asString(field(body, 'id')) ?? null,
  };
}
