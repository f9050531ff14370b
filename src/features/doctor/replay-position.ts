/**
 * Where the replay playhead goes for a finding: the recorded time at which its event reached the
 * client, from the same schedule the player uses (core/replay `planExchangeReplay` + `eventTimeMs`),
 * so the player lands exactly on that event.
 */
import type { AnalyzedExchange } from '../../core/model/analysis';
import { eventTimeMs, planExchangeReplay } from '../../core/replay';

/** The playhead for `eventIndex`, or null when the interaction was not streamed or has no such event. */
export function replayPositionFor(exchange: AnalyzedExchange, eventIndex: number): number | null {
  if (!exchange.llm.stream) return null;
  try {
    return eventTimeMs(planExchangeReplay(exchange), eventIndex);
  } catch {
    // The planner is pure and total, but a jump must never break the page: fall back to the start.
    return null;
  }
}
