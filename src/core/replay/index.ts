/**
 * Stream replay, pure: plan when each event reached the client, and answer where the player is.
 * The player (features/stream-replay) and the stream doctor's "jump to event" use this entry.
 */
import type { AnalyzedExchange } from '../model/analysis';
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
      providerTiming: llm.response?.providerTiming ?? null,
      outputTokens: llm.response?.usage?.outputTokens ?? null,
    },
    options,
  );
}
