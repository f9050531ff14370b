/**
 * Number formatting for the player. The timecode has a fixed shape (m:ss.mmm) so its width does
 * not jitter while it runs; durations read as "1,004.5 ms" or "2.10 s".
 */
import { EMPTY_STREAM_ORIGIN, type ReplaySchedule } from '../../core/replay';

/** `1:02.345` for 62,345 ms. */
export function formatTimecode(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const totalMs = Math.floor(safe);
  const minutes = Math.floor(totalMs / 60_000);
  const seconds = Math.floor((totalMs % 60_000) / 1000);
  const millis = totalMs % 1000;
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

const msFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const secondsFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A duration for the summary: ms below 10 s, seconds above. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 10_000 ? `${msFormat.format(ms)} ms` : `${secondsFormat.format(ms / 1000)} s`;
}

export function formatRate(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? '–' : `${rateFormat.format(tokensPerSecond)} tok/s`;
}

/** The speeds of issue 5: 0.25× to 10×, plus "instant". */
export const SPEEDS = ['0.25', '0.5', '1', '2', '4', '10', 'instant'] as const;
export type SpeedChoice = (typeof SPEEDS)[number];

export function speedLabel(speed: SpeedChoice): string {
  return speed === 'instant' ? 'instant' : `${speed}×`;
}

/** One sentence on how the events are paced, shown under the summary (issue 5: always say which source). */
export function explainPacing(schedule: ReplaySchedule): string {
  const tokens = `${schedule.outputTokens.toLocaleString('en-US')} output tokens (${schedule.outputTokensLabel})`;
  switch (schedule.pacing) {
    case 'per-event-times':
      return 'Events play at the times recorded for each of them.';
    case 'provider-timing':
      return `The file records no time per event: events are spread over the generation time the provider reported (${schedule.pacingOrigin}), weighted by their share of the ${tokens}.`;
    case 'har-receive':
      return `The file records no time per event: events are spread over the recorded HAR receive time, weighted by their share of the ${tokens}.`;
    case 'token-rate':
      return `The file records no time per event: events are spread over an estimated generation time, ${tokens} at ${schedule.tokensPerSecond} tokens/s, weighted by their share of the text.`;
    case 'not-streamed':
      if (schedule.pacingOrigin === EMPTY_STREAM_ORIGIN)
        return 'The stream carried no events: after the latency, nothing more arrived.';
      return 'This response was not streamed: the whole body arrives at once, after the latency.';
  }
}
