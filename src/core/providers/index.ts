/**
 * The adapter registry: every API adapter in one ordered list, detection by highest score, and
 * `readExchange`, which never throws (a failing adapter falls back to the raw reading with a note).
 * Adding an API: write `src/core/providers/<vendor>/<api>.ts` exporting one `ApiAdapter` and add it
 * to `adapters` below, before the adapters it is more specific than (see docs/adding-an-api.md).
 */
import type { LlmExchange } from '../model/conversation';
import type { HttpExchange } from '../model/http';
import type { ApiAdapter } from './adapter';
import { fallbackAdapter, readAsRaw } from './fallback';
import { openAiChatCompletionsAdapter } from './openai/chat-completions';
import { openaiResponsesAdapter } from './openai/responses';
import { openaiCompletionsAdapter } from './openai/completions';
import { cohereChatV2Adapter } from './cohere/chat-v2';
import { cohereChatV1Adapter } from './cohere/chat-v1';
import { ollamaNativeAdapter } from './ollama/native';
import { sourcegraphCompletionsAdapter } from './sourcegraph/completions';
import { anthropicMessagesAdapter } from './anthropic/messages-adapter';
import { geminiAdapter } from './gemini/gemini-adapter';
import { bedrockAdapter } from './bedrock/bedrock-adapter';
import { outputAdapters } from './output-adapters';
import { keepUnreadBody } from './shared/unread-body';

export type { ApiAdapter } from './adapter';
export { assembleMessage, StreamAssembler, parsePartialJson } from './assemble-stream';
export type { AssembledMessage } from './assemble-stream';
export { fallbackAdapter } from './fallback';

/**
 * All adapters, most specific first. On equal scores the earlier one wins, so the specific
 * adapters (Anthropic, Responses, …) come before the broad OpenAI-compatible one, and the fallback
 * is last.
 */
export const adapters: readonly ApiAdapter[] = [
  openaiResponsesAdapter,
  openaiCompletionsAdapter,
  cohereChatV2Adapter,
  cohereChatV1Adapter,
  ollamaNativeAdapter,
  sourcegraphCompletionsAdapter,
  anthropicMessagesAdapter,
  geminiAdapter,
  bedrockAdapter,
  ...outputAdapters,
  openAiChatCompletionsAdapter,
  fallbackAdapter,
];

function safeDetect(adapter: ApiAdapter, exchange: HttpExchange, floor: number): number {
  try {
    const score = adapter.detect(exchange, floor);
    return Number.isFinite(score) && score > 0 ? score : 0;
  } catch {
    return 0;
  }
}

/**
 * The adapter with the highest detection score, the earliest in `candidates` on equal scores (the
 * fallback when none scores above 0).
 *
 * `hint`, an adapter to ask first, changes only the cost: with its score in hand the others are
 * asked with it as their `floor`, and skip the body checks that could not reach it. Each adapter
 * below the floor answers 0 instead of its lower score, which loses either way; any adapter at or
 * above it answers in full, and ties go to the earlier one as they would in list order.
 */
export function detectAdapter(
  exchange: HttpExchange,
  candidates: readonly ApiAdapter[] = adapters,
  hint: ApiAdapter | null = null,
): ApiAdapter {
  let best: ApiAdapter = fallbackAdapter;
  let bestScore = 0;
  let bestAt = candidates.length;
  const hintAt = hint === null ? -1 : candidates.indexOf(hint);
  if (hint !== null && hintAt >= 0) {
    const score = safeDetect(hint, exchange, 0);
    if (score > 0) {
      best = hint;
      bestScore = score;
      bestAt = hintAt;
    }
  }
  for (let at = 0; at < candidates.length; at++) {
    if (at === hintAt) continue;
    const adapter = candidates[at]!;
    const score = safeDetect(adapter, exchange, bestScore);
    if (score > bestScore || (score === bestScore && score > 0 && at < bestAt)) {
      best = adapter;
      bestScore = score;
      bestAt = at;
    }
  }
  return best;
}

/**
 * The adapter that read the last exchange: the hint for the next one, since the exchanges of a
 * cassette mostly share one API. Only detection's cost depends on it, never its answer.
 */
let lastAdapter: ApiAdapter | null = null;

/** Read one exchange in LLM terms. Never throws. */
export function readExchange(
  exchange: HttpExchange,
  candidates: readonly ApiAdapter[] = adapters,
): LlmExchange {
  const adapter = detectAdapter(exchange, candidates, lastAdapter);
  lastAdapter = adapter;
  try {
    const llm = adapter.read(exchange);
    // Nothing silently dropped: a body the adapter got nothing out of is kept to be shown raw.
    keepUnreadBody(exchange, llm, fallbackAdapter.id);
    return llm;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      return readAsRaw(
        exchange,
        `${adapter.label} could not read this exchange (${reason}); shown as raw HTTP.`,
      );
    } catch {
      return {
        api: fallbackAdapter.id,
        apiFamily: 'other',
        apiLabel: fallbackAdapter.label,
        request: null,
        response: null,
        stream: null,
        deltas: [],
        notes: [`${adapter.label} could not read this exchange (${reason}).`],
      };
    }
  }
}
