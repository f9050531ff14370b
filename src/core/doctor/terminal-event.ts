/**
 * Did a stream end the way its API says a stream ends? Each API has its own last word:
 * - OpenAI Chat Completions: `data: [DONE]`, or at least a chunk with a final `finish_reason`
 *   (https://platform.openai.com/docs/api-reference/chat-streaming);
 * - OpenAI Responses: `response.completed`, `response.incomplete` or `response.failed`
 *   (https://platform.openai.com/docs/api-reference/responses-streaming);
 * - Anthropic Messages: `message_stop` (https://docs.anthropic.com/en/api/messages-streaming);
 * - Gemini: a last candidate carrying `finishReason`
 *   (https://ai.google.dev/api/generate-content#v1beta.GenerateContentResponse);
 * - Bedrock ConverseStream: `messageStop` (+ `metadata`); InvokeModel streams carry the model's own
 *   events (Anthropic `message_stop`) inside each frame;
 * - Cohere v2: `message-end`; Ollama: a line with `"done": true`.
 */
import type { LlmExchange } from '../model/conversation';
import type { StreamEvent } from '../model/stream';

/** Event names and payload `type`s that close a stream, whatever the API. */
const TERMINAL_TYPES = new Set([
  'message_stop',
  'response.completed',
  'response.incomplete',
  'response.failed',
  'messageStop',
  'message-end',
  'error',
]);

/** True when the stream carries its API's terminal event (or a final finish reason). */
export function hasTerminalEvent(llm: LlmExchange): boolean {
  const events = llm.stream?.events ?? [];
  if (events.length === 0) return false;
  for (let i = events.length - 1; i >= 0; i--) {
    if (isTerminal(events[i]!)) return true;
  }
  // APIs whose last word can be a finish reason on an ordinary chunk: Gemini always, OpenAI-compatible
  // servers that send no [DONE] (Cerebras, as of 2025-10). When the request asked for usage
  // (`stream_options.include_usage`), the usage chunk comes after the finish reason, so a stream
  // that has the finish reason but no usage was cut between the two.
  if (llm.apiFamily === 'openai-chat' || llm.apiFamily === 'gemini' || llm.apiFamily === 'other') {
    const finished = llm.deltas.some((d) => d.kind === 'finish');
    return finished && !(asksForUsage(llm.request?.params) && !llm.response?.usage);
  }
  return false;
}

/** True when an OpenAI-style request asked for a usage chunk at the end of the stream. */
export function asksForUsage(params: Record<string, unknown> | undefined): boolean {
  const options = params?.stream_options;
  return (
    typeof options === 'object' &&
    options !== null &&
    (options as { include_usage?: unknown }).include_usage === true
  );
}

function isTerminal(event: StreamEvent): boolean {
  if (event.data.trim() === '[DONE]') return true;
  if (event.event && TERMINAL_TYPES.has(event.event)) return true;
  const json = event.json;
  if (!isRecord(json)) return false;
  if (typeof json.type === 'string' && TERMINAL_TYPES.has(json.type)) return true;
  if (json.done === true) return true; // Ollama NDJSON
  if ('messageStop' in json) return true; // Bedrock ConverseStream payload
  // Bedrock InvokeModel stream: the model's event is base64 JSON in `bytes`.
  if (typeof json.bytes === 'string') return decodesToTerminal(json.bytes);
  return false;
}

function decodesToTerminal(base64: string): boolean {
  try {
    const inner: unknown = JSON.parse(atob(base64));
    return isRecord(inner) && typeof inner.type === 'string' && TERMINAL_TYPES.has(inner.type);
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
