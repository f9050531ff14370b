/**
 * The raw events of the stream, with the current one highlighted and kept in view. Virtualized
 * with @tanstack/react-virtual (https://tanstack.com/virtual/latest/docs/api/virtualizer): only the
 * rows in view (plus a small overscan) are in the DOM, so 5,000+ events cost the same as 50, and
 * moving the highlight re-renders a few dozen rows, never the whole list.
 * A click on a row seeks the replay to that event.
 */
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StreamEvent } from '../../core/model/stream';
import type { ReplaySchedule } from '../../core/replay';
import { formatTimecode } from './replay-format';

export interface ReplayEventTableProps {
  schedule: ReplaySchedule;
  events: readonly StreamEvent[];
  /** eventIndex → what the event added to the message (event-content.ts). */
  content: ReadonlyMap<number, string>;
  /** Row (index into schedule.events) of the latest arrived event, or -1. */
  current: number;
  follow: boolean;
  onSeekToRow: (row: number) => void;
}

const ROW_HEIGHT = 28;
const PREVIEW_CHARS = 240;

function preview(data: string): string {
  return data.length > PREVIEW_CHARS ? `${data.slice(0, PREVIEW_CHARS)}…` : data;
}

/** The raw event, its SSE `event:` name first when it has one (Anthropic, Responses). */
function rawLine(event: StreamEvent): string {
  return event.event ? `${event.event}: ${preview(event.data)}` : preview(event.data);
}

export const ReplayEventTable = memo(function ReplayEventTable(props: ReplayEventTableProps) {
  const { schedule, events, content, current, follow, onSeekToRow } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: schedule.events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // Follow the current event with the virtualizer's cached scroll offset and viewport size, and
  // write scrollTop only when the row has left the view. virtualizer.scrollToIndex reads
  // scrollHeight on every call, which forced a synchronous layout per event and topped the
  // profile of a 5,000-event replay.
  useEffect(() => {
    const element = scrollRef.current;
    const offset = virtualizer.scrollOffset;
    const height = virtualizer.scrollRect?.height;
    if (!follow || current < 0 || !element || offset === null || !height) return;
    const top = current * ROW_HEIGHT;
    if (top >= offset && top + ROW_HEIGHT <= offset + height) return;
    // Put the current row a third of the way down, so the next rows are visible ahead of it.
    element.scrollTop = Math.max(0, top - height / 3);
  }, [current, follow, virtualizer]);

  return (
    <section className="rp-events" aria-label="Stream events">
      <div className="rp-events-head" role="presentation">
        <span>#</span>
        <span>arrives</span>
        <span>kind</span>
        <span>content</span>
        <span>raw data</span>
      </div>
      <div
        ref={scrollRef}
        className="rp-events-scroll"
        role="table"
        aria-label="Stream events"
        aria-rowcount={schedule.events.length}
        tabIndex={0}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const scheduled = schedule.events[item.index];
            if (!scheduled) return null;
            const event = events[scheduled.position];
            const state = item.index === current ? 'current' : item.index < current ? 'arrived' : 'pending';
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                aria-current={state === 'current' ? 'true' : undefined}
                className={`rp-event-row rp-event-${state}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSeekToRow(item.index)}
              >
                <span role="cell">{scheduled.eventIndex}</span>
                <span role="cell" className="rp-mono">
                  {formatTimecode(scheduled.atMs)}
                </span>
                <span role="cell">
                  <span className={`rp-kind-dot rp-kind-${scheduled.kind}`} aria-hidden="true" />
                  {scheduled.kind}
                </span>
                <span role="cell" className="rp-mono rp-event-content">
                  {content.get(scheduled.eventIndex) ?? ''}
                </span>
                <span role="cell" className="rp-mono rp-event-data" title={event ? preview(event.data) : ''}>
                  {event ? rawLine(event) : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
});
