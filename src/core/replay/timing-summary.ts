/**
 * The timing summary of issue 5 for one interaction: latency (time to headers), generation time
 * (recorded, reported by the provider, or estimated), the event count and tokens per second. Each
 * figure carries the word that says how it was obtained, and the page shows that word.
 */
import type { ReplaySchedule, TimingLabel } from './plan-replay';

export interface TimingSummary {
  latencyMs: number;
  latencyLabel: TimingLabel;
  latencyOrigin: string;
  generationMs: number;
  generationLabel: TimingLabel;
  generationOrigin: string;
  eventCount: number;
  outputTokens: number;
  outputTokensLabel: 'reported' | 'estimated';
  /** Output tokens over the generation time, or null when there is no generation time to divide by. */
  tokensPerSecond: number | null;
  /** The weaker of the two labels it is computed from. */
  tokensPerSecondLabel: TimingLabel;
  totalMs: number;
}

const STRENGTH: Record<TimingLabel, number> = { recorded: 3, reported: 2, estimated: 1, unknown: 0 };

function weaker(a: TimingLabel, b: TimingLabel): TimingLabel {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}

/** Summarize a schedule planned at speed 1 (times are divided back to recorded time otherwise). */
export function summarizeTiming(schedule: ReplaySchedule): TimingSummary {
  const latencyMs = schedule.latencyMs * schedule.speed;
  const generationMs = schedule.generationMs * schedule.speed;
  const tokenLabel: TimingLabel = schedule.outputTokensLabel === 'reported' ? 'reported' : 'estimated';
  return {
    latencyMs,
    latencyLabel: schedule.latencyLabel,
    latencyOrigin: schedule.latencyOrigin,
    generationMs,
    generationLabel: schedule.generationLabel,
    generationOrigin: schedule.pacingOrigin,
    eventCount: schedule.events.length,
    outputTokens: schedule.outputTokens,
    outputTokensLabel: schedule.outputTokensLabel,
    tokensPerSecond:
      generationMs > 0 && schedule.outputTokens > 0 ? schedule.outputTokens / (generationMs / 1000) : null,
    tokensPerSecondLabel: weaker(schedule.generationLabel, tokenLabel),
    totalMs: schedule.endMs * schedule.speed,
  };
}
