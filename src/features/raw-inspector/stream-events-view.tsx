/**
 * A streamed body as a list of events (issue 2): index, event name, id, data, and JSON pretty on
 * demand. AWS event-stream frames show their headers. Events come in pages of 100 so a body of
 * 100,000 events (issue 8) renders one page at a time. Framing problems are listed above.
 */
import { useState } from 'react';
import type { StreamEvent, StreamTrace } from '../../core/model/stream';
import { escapeInvisible } from '../markdown/escape-invisible';
import { formatJsonText } from '../markdown/format-json';
import { ShowMoreText } from '../markdown/show-more-text';
import { decodeBytesPayload } from './event-payload';

const PAGE_SIZE = 100;

export interface StreamEventsViewProps {
  trace: StreamTrace;
}

const FORMAT_LABELS: Record<StreamTrace['format'], string> = {
  sse: 'Server-Sent Events',
  'aws-eventstream': 'AWS event-stream frames',
  'json-array': 'streamed JSON array',
  ndjson: 'NDJSON lines',
};

export function StreamEventsView({ trace }: StreamEventsViewProps) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(trace.events.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const events = trace.events.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  return (
    <div className="ri-stream">
      <p className="ri-muted">
        {FORMAT_LABELS[trace.format]} · {trace.events.length.toLocaleString('en-US')} events
        {trace.commentCount > 0 && ` · ${trace.commentCount} comment lines (keep-alives)`}
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
      {pages > 1 && <Pager page={current} pages={pages} total={trace.events.length} onPage={setPage} />}
      <ol className="ri-events" start={current * PAGE_SIZE}>
        {events.map((event) => (
          <EventRow key={event.index} event={event} />
        ))}
      </ol>
      {pages > 1 && <Pager page={current} pages={pages} total={trace.events.length} onPage={setPage} />}
    </div>
  );
}

function EventRow({ event }: { event: StreamEvent }) {
  const [pretty, setPretty] = useState(false);
  const [decoded, setDecoded] = useState(false);
  const isJson = event.json !== undefined;
  const inner = decoded ? decodeBytesPayload(event.json) : null;
  const hasBytes = isJson && event.data.includes('"bytes"');
  const text = inner ?? event.data;
  return (
    <li className="ri-event" value={event.index}>
      <div className="ri-event-head">
        <span className="ri-event-index">#{event.index}</span>
        {event.event && <span className="ri-event-name">{escapeInvisible(event.event)}</span>}
        {event.id && <span className="ri-muted">id {escapeInvisible(event.id)}</span>}
        {event.line !== undefined && <span className="ri-muted">line {event.line}</span>}
        {event.jsonError && <span className="ri-warning">not JSON: {event.jsonError}</span>}
        {isJson && (
          <button
            type="button"
            className="ri-button"
            aria-pressed={pretty}
            onClick={() => setPretty(!pretty)}
          >
            {pretty ? 'Compact' : 'Pretty JSON'}
          </button>
        )}
        {hasBytes && (
          <button
            type="button"
            className="ri-button"
            aria-pressed={decoded}
            onClick={() => setDecoded(!decoded)}
          >
            {decoded ? 'Show frame payload' : 'Decode bytes'}
          </button>
        )}
      </div>
      {event.headers && event.headers.length > 0 && (
        <p className="ri-frame-headers">
          {event.headers.map((header, index) => (
            <span key={index}>
              <code>{escapeInvisible(header.name)}</code>: {escapeInvisible(header.value)}
            </span>
          ))}
        </p>
      )}
      <ShowMoreText
        className="ri-code ri-event-data"
        text={pretty ? formatJsonText(text).text : text}
        pageChars={2000}
        transform={escapeInvisible}
      />
    </li>
  );
}

function Pager({
  page,
  pages,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
}) {
  return (
    <nav className="ri-pager" aria-label="Event pages">
      <button type="button" className="ri-button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ← Previous
      </button>
      <span>
        Events {(page * PAGE_SIZE).toLocaleString('en-US')}–
        {(Math.min((page + 1) * PAGE_SIZE, total) - 1).toLocaleString('en-US')} · page {page + 1} of{' '}
        {pages.toLocaleString('en-US')}
      </span>
      <button
        type="button"
        className="ri-button"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        Next →
      </button>
    </nav>
  );
}
