/**
 * A streamed body as a compact table of events (issues 2 and 18), as DevTools' EventStream tab
 * shows them: number, event name, what the event added to the reply (from the adapter's deltas),
 * and size; each row opens to its JSON. Events come in pages of 100 so a body of 100,000 events
 * (issue 8) renders one page at a time. Framing problems are listed above.
 */
import { useMemo, useState } from 'react';
import type { StreamDelta } from '../../core/model/conversation';
import type { StreamTrace } from '../../core/model/stream';
import { describeEventContent } from '../../ui/stream-event-content';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { EventPager } from './event-pager';
import { StreamEventRow } from './stream-event-row';
import { formatCount } from '../../ui/format';

const PAGE_SIZE = 100;

export interface StreamEventsViewProps {
  trace: StreamTrace;
  /** An event to show (the stream doctor's "jump to event"): the view opens on its page. */
  focusEventIndex?: number | null;
  /** The stream in LLM terms, for each row's summary; empty when no adapter read it. */
  deltas?: readonly StreamDelta[];
}

/** The page holding the event whose `index` is `eventIndex` (indexes count from 0 in file order). */
export function pageOfEvent(trace: StreamTrace, eventIndex: number): number {
  const position =
    trace.events[eventIndex]?.index === eventIndex
      ? eventIndex
      : trace.events.findIndex((event) => event.index === eventIndex);
  return position < 0 ? 0 : Math.floor(position / PAGE_SIZE);
}

const FORMAT_LABELS: Record<StreamTrace['format'], string> = {
  sse: 'Server-Sent Events',
  'aws-eventstream': 'AWS event-stream frames',
  'json-array': 'streamed JSON array',
  ndjson: 'NDJSON lines',
};

const NO_DELTAS: readonly StreamDelta[] = [];

export function StreamEventsView({
  trace,
  focusEventIndex = null,
  deltas = NO_DELTAS,
}: StreamEventsViewProps) {
  const summaries = useMemo(() => describeEventContent(deltas), [deltas]);
  const [page, setPage] = useState(() =>
    focusEventIndex === null ? 0 : pageOfEvent(trace, focusEventIndex),
  );
  // A new focus moves to its page during render (React's "adjusting state when a prop changes",
  // https://react.dev/learn/you-might-not-need-an-effect), so the focused <li> is in the DOM by the
  // time RawInspector's effect looks for it. Paging by hand afterwards stays free.
  const [seenFocus, setSeenFocus] = useState(focusEventIndex);
  if (seenFocus !== focusEventIndex) {
    setSeenFocus(focusEventIndex);
    if (focusEventIndex !== null) setPage(pageOfEvent(trace, focusEventIndex));
  }
  const pages = Math.max(1, Math.ceil(trace.events.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const events = trace.events.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  return (
    <div className="ri-stream">
      <p className="ri-muted">
        {FORMAT_LABELS[trace.format]} · {trace.events.length.toLocaleString('en-US')} events
        {trace.commentCount > 0 && ` · ${formatCount(trace.commentCount)} comment lines (keep-alives)`}
        {trace.truncated && (
          <strong className="ri-warning"> · the body ends in the middle of an event</strong>
        )}
      </p>
      {trace.issues.length > 0 && (
        <ul className="ri-issues">
          {trace.issues.slice(0, 50).map((issue, index) => (
            <li key={index} className="ri-warning">
              Line {issue.line}: {issue.message} — <code>{escapeInvisible(issue.text.slice(0, 200))}</code>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <EventPager
          pageSize={PAGE_SIZE}
          page={current}
          pages={pages}
          total={trace.events.length}
          onPage={setPage}
          onGoToEvent={(eventIndex) => setPage(pageOfEvent(trace, eventIndex))}
        />
      )}
      <div className="ri-events-scroll">
        <table className="ri-events" aria-label="Stream events" data-start={current * PAGE_SIZE}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Event</th>
              <th scope="col">What it added</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <StreamEventRow
                key={event.index}
                event={event}
                summary={summaries.get(event.index)}
                initiallyOpen={event.index === focusEventIndex}
              />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <EventPager
          pageSize={PAGE_SIZE}
          page={current}
          pages={pages}
          total={trace.events.length}
          onPage={setPage}
        />
      )}
    </div>
  );
}
