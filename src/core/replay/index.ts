/**
 * Stream replay, pure: plan when each event reached the client, and answer where the player is.
 * The player (features/stream-replay) and the stream doctor's "jump to event" use this entry.
 */
import type { AnalyzedExchange } from '../model/analysis';
import type { ProviderTiming } from '../model/conversation';
import { planReplay, type ReplayOptions, type ReplaySchedule } from './plan-replay';

export * from './plan-replay';
export * from './schedule-queries';
export * from './timing-summary';
export { MessageAtEvent } from './message-at';
export type { ReplayEventKind } from './event-weights';

/** Plan the replay of one analyzed interaction from what its file and its provider recorded. */
export function planExchangeReplay(exchange: AnalyzedExchange, options: ReplayOptions = {}): ReplaySchedule {
  const { http, llm } = exchange;
  return planReplay(
    {
      events: llm.stream?.events ?? [],
      deltas: llm.deltas,
      timing: http.timing,
      providerTiming: namedTiming(llm.response?.providerTiming ?? null, llm.apiLabel),
      outputTokens: llm.response?.usage?.outputTokens ?? null,
      streamed: llm.stream !== null,
    },
    options,
  );
}

/**
 * Chat Completions compatibles report timing under the same field names (Groq's `usage.*_time`,
 * read by core/providers/openai/wire.ts as "usage *_time"), so the source alone does not say whose
 * clock it is. The adapter's label names the vendor, e.g. "OpenAI Chat Completions · Groq".
 */
function namedTiming(timing: ProviderTiming | null, apiLabel: string): ProviderTiming | null {
  // Only the generic field-name sources; the others already name their vendor ("bedrock …").
  if (!timing || !/^usage\b/.test(timing.source)) return timing;
  // "… · OpenRouter (Together)": the upstream in brackets ran the model; else the part after "·".
  const vendor = (/\(([^()]+)\)\s*$/.exec(apiLabel)?.[1] ?? /·\s*([^·]+)$/.exec(apiLabel)?.[1])?.trim();
  if (!vendor || timing.source.toLowerCase().includes(vendor.toLowerCase())) return timing;
  return { ...timing, source: `${vendor} ${timing.source}` };
}
