/**
 * The raw view of one interaction (issues 2 and 8): request and response lines, headers, bodies
 * (pretty JSON, stream events, hex for binary), the decoding chain, what the file recorded about
 * timing, and every warning the loader and the adapter left. Nothing here parses the model; it
 * shows it, escaping invisible characters so nothing hides.
 */
import { useEffect, useRef } from 'react';
import type { AnalyzedExchange } from '../../core/model/analysis';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { BodyView } from './body-view';
import { CopyTools } from './copy-tools';
import { HeadersTable } from './headers-table';
import { RecordedTimingList } from './recorded-timing';
import './raw-inspector.css';

export interface RawInspectorProps {
  exchange: AnalyzedExchange;
  /** A stream event to highlight and scroll to (the stream doctor's "jump to event", issue 7). */
  focusEventIndex?: number | null;
}

export function RawInspector({ exchange, focusEventIndex = null }: RawInspectorProps) {
  const regionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Events render as <tr class="ri-event" data-event-index=index> (stream-event-row.tsx); mark the
    // one asked for and bring it into view. StreamEventsView has already opened the page that holds it.
    if (focusEventIndex === null) return;
    const item = regionRef.current?.querySelector<HTMLElement>(
      `tr.ri-event[data-event-index="${focusEventIndex}"]`,
    );
    if (!item) return;
    item.classList.add('ri-event--focused');
    item.tabIndex = -1;
    item.scrollIntoView({ block: 'center' });
    item.focus({ preventScroll: true });
    return () => item.classList.remove('ri-event--focused');
  }, [focusEventIndex]);
  const { request, response, timing, warnings } = exchange.http;
  const { llm } = exchange;
  const notes = [
    ...warnings.map(
      (warning) => `${warning.severity}: ${warning.message}${warning.line ? ` (line ${warning.line})` : ''}`,
    ),
    ...llm.notes,
  ];
  return (
    <div
      ref={regionRef}
      className="ri-inspector"
      role="region"
      aria-label={`Raw HTTP of call ${exchange.http.index + 1}`}
    >
      <p className="ri-summary">
        Call #{exchange.http.index + 1} · read as <strong>{llm.apiLabel}</strong>
        {exchange.http.sourceLine !== undefined && (
          <span className="ri-muted"> · starts at line {exchange.http.sourceLine}</span>
        )}
      </p>
      {notes.length > 0 && (
        <ul className="ri-notes" aria-label="Warnings">
          {notes.map((note, index) => (
            <li key={index} className="ri-warning">
              {escapeInvisible(note)}
            </li>
          ))}
        </ul>
      )}
      <section className="ri-section" aria-label="Request">
        <h3 className="ri-line">
          <span className="ri-method">{request.method}</span>{' '}
          <span className="ri-url">{escapeInvisible(request.url)}</span>
          {request.protocol && <span className="ri-muted"> {request.protocol}</span>}
        </h3>
        <CopyTools exchange={exchange.http} side="request" />
        <HeadersTable headers={request.headers} caption="Request headers" />
        <BodyView body={request.body} label="Request body" />
      </section>
      <section className="ri-section" aria-label="Response">
        {response ? (
          <>
            <h3 className="ri-line">
              {response.protocol && <span className="ri-muted">{response.protocol} </span>}
              <span
                className={
                  response.status !== null && response.status >= 400 ? 'ri-status-error' : 'ri-status'
                }
              >
                {response.status ?? 'no status'}
              </span>{' '}
              {response.statusText && escapeInvisible(response.statusText)}
            </h3>
            <CopyTools exchange={exchange.http} side="response" />
            <HeadersTable headers={response.headers} caption="Response headers" />
            <BodyView
              body={response.body}
              stream={llm.stream}
              deltas={llm.deltas}
              label="Response body"
              focusEventIndex={focusEventIndex}
            />
          </>
        ) : (
          <p className="ri-muted">No response recorded.</p>
        )}
      </section>
      <section className="ri-section" aria-label="Recorded timing">
        <h3 className="ri-heading">Recorded timing</h3>
        <RecordedTimingList timing={timing} />
      </section>
    </div>
  );
}
