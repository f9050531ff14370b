/**
 * The player for one interaction: plans the schedule (core/replay), runs the clock, and composes
 * the summary, transport, scrubber, growing message and event table.
 *
 * Per frame only the clock's subscribers run (timecode, playhead). The event count is a
 * useSyncExternalStore snapshot (https://react.dev/reference/react/useSyncExternalStore), so this
 * component renders once per arriving event, not per frame; the views under it are memoized.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalyzedExchange } from '../../core/model/analysis';
import type { Anomaly } from '../../core/model/anomaly';
import { findExchangeAnomalies } from '../../core/doctor/find-anomalies';
import type { AssembledMessage } from '../../core/providers/assemble-stream';
import {
  DEFAULT_TOKENS_PER_SECOND,
  eventCountAt,
  MessageAtEvent,
  nextEventTime,
  planExchangeReplay,
  previousEventTime,
  summarizeTiming,
  type ReplayEventKind,
} from '../../core/replay';
import { describeEventContent } from '../../ui/stream-event-content';
import { ReplayControls } from './replay-controls';
import { ReplayEventTable } from './replay-event-table';
import { explainPacing, formatDuration, type SpeedChoice } from './replay-format';
import { ReplayLegend } from './replay-legend';
import { ReplayMessage } from './replay-message';
import { ReplayScrubber } from './replay-scrubber';
import { ReplayTimingSummary } from './replay-timing-summary';
import { useReplayKeys } from './use-replay-keys';
import { useReplayClock, useSlowClockValue } from './use-replay-clock';

export interface ReplayPlayerProps {
  exchange: AnalyzedExchange;
  positionMs: number | null;
  onPositionChange: (ms: number) => void;
}

export function ReplayPlayer({ exchange, positionMs, onPositionChange }: ReplayPlayerProps) {
  const [speed, setSpeed] = useState<SpeedChoice>('1');
  const [tokensPerSecond, setTokensPerSecond] = useState(DEFAULT_TOKENS_PER_SECOND);
  const schedule = useMemo(
    () => planExchangeReplay(exchange, { tokensPerSecond }),
    [exchange, tokensPerSecond],
  );
  const summary = useMemo(() => summarizeTiming(schedule), [schedule]);
  const present = useMemo(
    () => new Set<ReplayEventKind>(schedule.events.map((event) => event.kind)),
    [schedule],
  );
  const messageAt = useMemo(() => new MessageAtEvent(exchange.llm.deltas), [exchange]);
  const content = useMemo(() => describeEventContent(exchange.llm.deltas), [exchange]);
  // The end state asks the stream doctor itself whether the stream was cut short, so the player
  // and the findings list can never disagree (issue 18, "one truth for every number").
  const cutShort = useMemo(
    () => findExchangeAnomalies(exchange).find((finding) => finding.kind === 'no-terminal-event') ?? null,
    [exchange],
  );

  const lastEmitted = useRef<number | null>(null);
  const onRest = useCallback(
    (ms: number) => {
      lastEmitted.current = ms;
      onPositionChange(ms);
    },
    [onPositionChange],
  );
  const controller = useReplayClock(schedule.endMs, onRest);

  // A position from outside (deep link, a stream-doctor jump) moves the playhead; our own
  // reports come back rounded to whole ms by the URL, and are not a jump.
  useEffect(() => {
    const target = positionMs ?? 0;
    if (lastEmitted.current !== null && Math.abs(target - lastEmitted.current) <= 1) return;
    lastEmitted.current = target;
    controller.seek(target, false);
  }, [positionMs, controller]);

  useEffect(() => {
    if (speed === 'instant') {
      controller.pause(false);
      controller.seek(schedule.endMs);
    } else controller.setRate(Number(speed));
  }, [speed, controller, schedule.endMs]);

  const play = useCallback(() => {
    if (speed === 'instant') controller.seek(schedule.endMs);
    else controller.play();
  }, [controller, speed, schedule.endMs]);
  const restart = useCallback(() => {
    controller.seek(0);
  }, [controller]);
  const step = useCallback(
    (direction: -1 | 1) => {
      controller.pause(false);
      const now = controller.livePosition();
      controller.seek(direction > 0 ? nextEventTime(schedule, now) : previousEventTime(schedule, now));
    },
    [controller, schedule],
  );
  useReplayKeys(controller, play, step);

  // Per-event views follow the slow clock (≤ 20 updates a second while playing, exact at rest).
  // Not useDeferredValue: a deferred render restarts on every arriving event, and a burst of
  // events starved it for most of a second.
  const count = useSlowClockValue(controller, (position) => eventCountAt(schedule, position));
  const complete = useSlowClockValue(controller, (position) => position >= schedule.endMs);
  const shownCount = count;
  const streamed = schedule.events.length > 0;
  // A stream that carried no events (cut off after the headers) is not a whole-body response.
  const emptyStream = !streamed && exchange.llm.stream !== null;

  const assembled: AssembledMessage | null = useMemo(() => {
    if (!streamed) {
      const response = exchange.llm.response;
      if (!complete || !response?.message) return null;
      return {
        message: response.message,
        finishReason: response.finishReason,
        usage: response.usage,
        error: response.error,
      };
    }
    const last = schedule.events[shownCount - 1];
    return last ? messageAt.at(last.eventIndex) : null;
  }, [streamed, complete, exchange, schedule, shownCount, messageAt]);

  const seekToRow = useCallback(
    (row: number) => {
      const event = schedule.events[row];
      if (event) controller.seek(event.atMs);
    },
    [controller, schedule],
  );

  const total = schedule.events.length.toLocaleString('en-US');
  // Events are named by their index, counted from 0 as in the event table, the Raw view, the
  // stream doctor and `inspect --json` (docs/inspect-json.md); "N of M" counts arrivals.
  const currentEvent = schedule.events[count - 1];
  const status =
    count === 0 && !complete
      ? `Request sent — waiting for the response headers (latency ${summary.latencyLabel}${
          summary.latencyLabel === 'unknown' ? '' : `, ${formatDuration(summary.latencyMs)}`
        })`
      : complete
        ? endStatus(streamed, emptyStream, schedule.events.length, cutShort)
        : `Streaming — event ${currentEvent?.eventIndex ?? count - 1} (${count.toLocaleString('en-US')} of ${total})`;

  return (
    <section className="rp-player" aria-label="Stream replay">
      <ReplayTimingSummary summary={summary} pacingExplanation={explainPacing(schedule)} />
      <div className="rp-transport">
        <ReplayControls
          schedule={schedule}
          controller={controller}
          speed={speed}
          onSpeedChange={setSpeed}
          tokensPerSecond={tokensPerSecond}
          onTokensPerSecondChange={setTokensPerSecond}
          onPlay={play}
          onRestart={restart}
          onStep={step}
        />
        <ReplayScrubber schedule={schedule} controller={controller} />
        <div className="rp-transport-foot">
          <p className="rp-status" data-testid="replay-status">
            {status}
          </p>
          <ReplayLegend latencyLabel={schedule.latencyLabel} present={present} />
        </div>
      </div>
      <div className="rp-panes">
        <ReplayMessage
          assembled={assembled}
          complete={complete}
          waitingText={
            complete
              ? 'Nothing to show: the response holds no assistant message.'
              : streamed
                ? 'Waiting for the first event…'
                : 'Waiting for the response…'
          }
        />
        {streamed ? (
          <ReplayEventTable
            schedule={schedule}
            events={exchange.llm.stream?.events ?? []}
            content={content}
            current={shownCount - 1}
            follow
            onSeekToRow={seekToRow}
          />
        ) : (
          <p className="rp-muted rp-events">
            {emptyStream
              ? 'This stream carried no events: nothing arrived after the response headers.'
              : 'This response was not streamed: the whole body arrives at once.'}
          </p>
        )}
      </div>
    </section>
  );
}

/** What the player says at the end; a stream the doctor calls cut short says so, in its words. */
function endStatus(
  streamed: boolean,
  emptyStream: boolean,
  events: number,
  cutShort: Anomaly | null,
): string {
  const count = `${events.toLocaleString('en-US')} ${events === 1 ? 'event' : 'events'}`;
  if (cutShort?.eventIndex !== undefined) {
    return `Stream cut short after event ${cutShort.eventIndex} — ${count}, no terminal event`;
  }
  if (streamed) return `Response complete — ${count}`;
  if (emptyStream) {
    return cutShort
      ? 'Stream cut short — it carried no events'
      : 'Response complete — the stream carried no events';
  }
  return 'Response complete — the whole body arrived at once';
}
