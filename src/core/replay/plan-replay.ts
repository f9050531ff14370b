/**
 * The replay planner: when, on the recorded timeline, did each stream event reach the client?
 * Pure, no timers; the player (features/stream-replay) only asks it for times.
 *
 * What the files record (shared/docs/cassette-formats.md, "Where timing lives"; issue 5):
 * - go-vcr `duration` is the time until the response headers arrived (measured around RoundTrip,
 *   https://github.com/dnaeon/go-vcr/blob/v2/recorder/recorder.go), not the body;
 * - HAR 1.2 entry `time` is the sum of `timings` (blocked, dns, connect, send, wait, receive), and
 *   `receive` is the time spent reading the body (http://www.softwareishard.com/blog/har-12-spec/);
 * - no format stores a time per event; some providers report their own generation time in the
 *   stream (Groq `x_groq.usage.completion_time`, Cerebras `time_info`, Ollama `eval_duration`).
 *
 * The schedule: t = 0 the request is sent; a latency phase until the first event; then the events,
 * paced by the best source available, in the order of issue 5: per-event times, the generation
 * time the provider reported, the HAR receive time, else an estimated token rate.
 */
import type { ProviderTiming, StreamDelta } from '../model/conversation';
import type { RecordedTiming } from '../model/http';
import type { StreamEvent } from '../model/stream';
import { describeEvents, estimateTokensFromChars, type ReplayEventKind } from './event-weights';

/** How a figure was obtained; the page shows this word next to it. */
export type TimingLabel = 'recorded' | 'reported' | 'estimated' | 'unknown';

/** Which source paced the events (issue 5's order of preference). */
export type PacingSource =
  'per-event-times' | 'provider-timing' | 'har-receive' | 'token-rate' | 'not-streamed';

export interface ReplayInput {
  /** The framed stream events, in order; empty for a response that was not streamed. */
  events: readonly StreamEvent[];
  deltas: readonly StreamDelta[];
  timing: RecordedTiming;
  providerTiming?: ProviderTiming | null;
  /** Output tokens reported by the response's usage, when it has them. */
  outputTokens?: number | null;
  /**
   * Arrival time of each event in ms after the request was sent, when a recording has them (no
   * cassette format does today; aimock and keploy fixtures do). Ignored unless one per event.
   */
  eventTimesMs?: readonly number[] | null;
  /** True when the response was a stream, even one with no events (cut off after the headers). */
  streamed?: boolean;
}

/** The pacing origin of a stream that carried no events. */
export const EMPTY_STREAM_ORIGIN = 'stream with no events';

export interface ReplayOptions {
  /** Playback speed; every offset is divided by it. Default 1. */
  speed?: number;
  /** Token rate of the estimate, when nothing better is known. Default 50 tokens per second. */
  tokensPerSecond?: number;
}

export interface ScheduledEvent {
  /** Position in the trace's events (also the row of the raw event table). */
  position: number;
  /** The event's own `index` (StreamEvent.index), which deltas refer to. */
  eventIndex: number;
  /** When it reached the client, ms after the request was sent, at the schedule's speed. */
  atMs: number;
  kind: ReplayEventKind;
  /** Its estimated share of the output tokens. */
  tokens: number;
}

export interface ReplaySchedule {
  speed: number;
  tokensPerSecond: number;
  latencyMs: number;
  latencyLabel: TimingLabel;
  /** Human words for where the latency came from, e.g. "go-vcr duration (time to headers)". */
  latencyOrigin: string;
  /** From the first event to the last, at the schedule's speed. */
  generationMs: number;
  generationLabel: TimingLabel;
  pacing: PacingSource;
  /** Human words for the pacing source, e.g. "groq x_groq.usage". */
  pacingOrigin: string;
  outputTokens: number;
  outputTokensLabel: 'reported' | 'estimated';
  /** Sorted by `atMs` (and by position for equal times). */
  events: ScheduledEvent[];
  /** When the whole response has arrived. */
  endMs: number;
}

/** The default token rate of issue 5. */
export const DEFAULT_TOKENS_PER_SECOND = 50;

/**
 * Every event also costs a network write; a tenth of a token keeps events without text (role-only
 * chunks, usage, `[DONE]`) at their own instant, so the player can step through each of them.
 */
const EVENT_OVERHEAD_TOKENS = 0.1;

interface Latency {
  ms: number;
  label: TimingLabel;
  origin: string;
}

function positive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Time from sending the request until the first event could arrive. */
function latencyFrom(timing: RecordedTiming, providerTiming?: ProviderTiming | null): Latency {
  if (timing.durationSource === 'har-time' || (timing.durationSource === null && timing.receiveMs !== null)) {
    // HAR `time` includes `receive`; what is left is everything up to the first byte.
    if (positive(timing.durationMs) && timing.receiveMs !== null && timing.receiveMs >= 0) {
      return {
        ms: Math.max(0, timing.durationMs - timing.receiveMs),
        label: 'recorded',
        origin: 'HAR time − receive',
      };
    }
    if (positive(timing.waitMs)) return { ms: timing.waitMs, label: 'recorded', origin: 'HAR timings.wait' };
  }
  if (positive(timing.durationMs)) {
    const origin =
      timing.durationSource === 'har-time' ? 'HAR entry time' : 'go-vcr duration (time to response headers)';
    return { ms: timing.durationMs, label: 'recorded', origin };
  }
  if (positive(timing.waitMs)) return { ms: timing.waitMs, label: 'recorded', origin: 'HAR timings.wait' };
  if (providerTiming && (positive(providerTiming.queueMs) || positive(providerTiming.promptMs))) {
    // The provider's queue and prompt time leave out the network, so this is a lower bound.
    const ms = (providerTiming.queueMs ?? 0) + (providerTiming.promptMs ?? 0);
    return { ms, label: 'estimated', origin: `${providerTiming.source} queue + prompt time` };
  }
  return { ms: 0, label: 'unknown', origin: 'the file records no time' };
}

interface Pacing {
  source: PacingSource;
  label: TimingLabel;
  origin: string;
  generationMs: number;
}

/**
 * Some providers report only a total, not the generation time:
 * - OpenAI Responses `created_at` → `completed_at` (Unix seconds) spans the `response.created`
 *   event to the `response.completed` event, i.e. the first event to the last: the generation
 *   time itself, at 1 s resolution (https://platform.openai.com/docs/api-reference/responses/object);
 * - Bedrock Converse `metrics.latencyMs` is the whole call, including the wait for the first token
 *   (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamMetrics.html).
 *   Bedrock sends the response headers with the first byte (the corpus' InvokeModel recordings show
 *   go-vcr duration ≈ invocationMetrics.firstByteLatency), so the recorded latency is subtracted
 *   when there is one; without it the whole call stands in for the generation time, and says so.
 * Queue and prompt time, when reported beside a total, are not generation either.
 */
function generationFromTotal(
  reported: ProviderTiming,
  latency: Latency,
): { ms: number; origin: string } | null {
  if (!positive(reported.totalMs)) return null;
  if (reported.source.includes('openai-responses')) {
    return { ms: reported.totalMs, origin: `${reported.source} (1 s resolution)` };
  }
  const beforeOutput = (reported.queueMs ?? 0) + (reported.promptMs ?? 0);
  if (beforeOutput > 0 && reported.totalMs > beforeOutput) {
    return { ms: reported.totalMs - beforeOutput, origin: `${reported.source} total − queue − prompt` };
  }
  if (latency.label === 'recorded' && reported.totalMs > latency.ms) {
    return { ms: reported.totalMs - latency.ms, origin: `${reported.source} total − recorded latency` };
  }
  if (latency.label === 'recorded') return null;
  return { ms: reported.totalMs, origin: `${reported.source} (whole call, includes the wait)` };
}

function choosePacing(
  input: ReplayInput,
  latency: Latency,
  outputTokens: number,
  tokensPerSecond: number,
): Pacing {
  if (input.events.length === 0) {
    const receive = positive(input.timing.receiveMs) ? input.timing.receiveMs : 0;
    return {
      source: 'not-streamed',
      label: receive > 0 ? 'recorded' : 'unknown',
      origin: input.streamed ? EMPTY_STREAM_ORIGIN : 'whole body',
      generationMs: receive,
    };
  }
  const times = input.eventTimesMs;
  if (times && times.length === input.events.length) {
    const first = times[0] ?? 0;
    const last = times[times.length - 1] ?? first;
    return {
      source: 'per-event-times',
      label: 'recorded',
      origin: 'per-event times',
      generationMs: last - first,
    };
  }
  const reported = input.providerTiming;
  if (reported && positive(reported.generationMs)) {
    return {
      source: 'provider-timing',
      label: 'reported',
      origin: reported.source,
      generationMs: reported.generationMs,
    };
  }
  const fromTotal = reported ? generationFromTotal(reported, latency) : null;
  if (reported && fromTotal) {
    return {
      source: 'provider-timing',
      label: 'reported',
      origin: fromTotal.origin,
      generationMs: fromTotal.ms,
    };
  }
  if (positive(input.timing.receiveMs)) {
    return {
      source: 'har-receive',
      label: 'recorded',
      origin: 'HAR timings.receive',
      generationMs: input.timing.receiveMs,
    };
  }
  const generationMs = (outputTokens / tokensPerSecond) * 1000;
  return { source: 'token-rate', label: 'estimated', origin: `${tokensPerSecond} tokens/s`, generationMs };
}

/**
 * Plan the replay of one response.
 *
 * The latency phase ends with the first event, and the generation time spans the first event to
 * the last: event i arrives at latency + generation × (tokens up to and including i − tokens of
 * the first) / (all tokens − tokens of the first). So the first event lands exactly when the
 * recorded latency ends and the last exactly when the generation time does.
 */
export function planReplay(input: ReplayInput, options: ReplayOptions = {}): ReplaySchedule {
  const speed = positive(options.speed) ? options.speed : 1;
  const tokensPerSecond = positive(options.tokensPerSecond)
    ? options.tokensPerSecond
    : DEFAULT_TOKENS_PER_SECOND;
  const contents = describeEvents(input.events, input.deltas);
  const totalChars = contents.reduce((sum, content) => sum + content.chars, 0);
  const reportedTokens = positive(input.outputTokens) ? input.outputTokens : null;
  const outputTokens = reportedTokens ?? (totalChars > 0 ? estimateTokensFromChars(totalChars) : 0);
  const latency = latencyFrom(input.timing, input.providerTiming);
  const pacing = choosePacing(input, latency, outputTokens, tokensPerSecond);

  const tokens = contents.map((content) =>
    totalChars > 0 ? (outputTokens * content.chars) / totalChars : 0,
  );
  const weights = tokens.map((share) => share + EVENT_OVERHEAD_TOKENS);
  const firstWeight = weights[0] ?? 0;
  const span = weights.reduce((sum, weight) => sum + weight, 0) - firstWeight;
  const times = pacing.source === 'per-event-times' ? input.eventTimesMs : null;
  const firstTime = times?.[0] ?? 0;

  let cumulative = 0;
  const events: ScheduledEvent[] = input.events.map((event, position) => {
    cumulative += weights[position] ?? 0;
    const offset = times
      ? (times[position] ?? firstTime) - firstTime
      : span > 0
        ? (pacing.generationMs * (cumulative - firstWeight)) / span
        : 0;
    return {
      position,
      eventIndex: event.index,
      atMs: (latency.ms + offset) / speed,
      kind: contents[position]?.kind ?? 'other',
      tokens: tokens[position] ?? 0,
    };
  });
  // Recorded per-event times may be out of order; the player needs them sorted (stable by position).
  if (times) events.sort((a, b) => a.atMs - b.atMs || a.position - b.position);

  return {
    speed,
    tokensPerSecond,
    latencyMs: latency.ms / speed,
    latencyLabel: latency.label,
    latencyOrigin: latency.origin,
    generationMs: pacing.generationMs / speed,
    generationLabel: pacing.label,
    pacing: pacing.source,
    pacingOrigin: pacing.origin,
    outputTokens,
    outputTokensLabel: reportedTokens !== null ? 'reported' : 'estimated',
    events,
    endMs: (latency.ms + pacing.generationMs) / speed,
  };
}
