/**
 * One stream event as a table row (issue 18): its number (counted from 0, as the replay status,
 * the doctor and the URL count), its event name, what it added to the reply, and its size. The
 * first cell's button opens the event under the row: framing headers (AWS), then its JSON as a
 * tree. A Bedrock frame's `bytes` payload shows decoded; the frame as recorded is one click away.
 */
import { useState } from 'react';
import type { StreamEvent } from '../../core/model/stream';
import { utf8ByteLength } from '../../lib/bytes';
import { parseJsonContainer } from '../../lib/json-in-strings';
import { formatBytes } from '../../ui/format';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { formatJsonText } from '../../ui/markdown/format-json';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { decodeBytesPayload } from './event-payload';
import { LazyJsonTree } from './lazy-json-tree';

const SUMMARY_CHARS = 160;

export interface StreamEventRowProps {
  event: StreamEvent;
  /** What the event added to the reply (ui/stream-event-content), when the adapter read it. */
  summary?: string;
  /** Open at first (the event a doctor finding points at). */
  initiallyOpen?: boolean;
}

export function StreamEventRow({ event, summary, initiallyOpen = false }: StreamEventRowProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [recorded, setRecorded] = useState(false);
  const decoded = decodeBytesPayload(event.json);
  const payload = decoded ?? event.data;
  const parsed = decoded !== null ? parseJsonContainer(decoded) : event.json;
  const fallback = summary ?? (event.jsonError ? `not JSON: ${event.jsonError}` : event.data);
  const detailId = `ri-event-detail-${event.index}`;
  return (
    <>
      <tr className="ri-event" data-event-index={event.index}>
        <td className="ri-event-index">
          <button
            type="button"
            className="ri-event-toggle"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            aria-label={`Event ${event.index}${open ? ', fold' : ', unfold'}`}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {event.index}
          </button>
        </td>
        <td className="ri-event-name">{event.event ? escapeInvisible(event.event) : ''}</td>
        <td className="ri-event-summary">
          {event.jsonError && <span className="ri-warning">not JSON · </span>}
          {escapeInvisible(fallback.slice(0, SUMMARY_CHARS))}
          {fallback.length > SUMMARY_CHARS && '…'}
        </td>
        <td className="ri-event-size">{formatBytes(utf8ByteLength(event.data))}</td>
      </tr>
      {open && (
        <tr className="ri-event-detail" id={detailId}>
          <td colSpan={4}>
            <p className="ri-frame-headers">
              {event.id && <span>id {escapeInvisible(event.id)}</span>}
              {event.line !== undefined && <span>line {event.line}</span>}
              {event.headers?.map((header, index) => (
                <span key={index}>
                  <code>{escapeInvisible(header.name)}</code>: {escapeInvisible(header.value)}
                </span>
              ))}
              {decoded !== null && (
                <button
                  type="button"
                  className="ri-button"
                  aria-pressed={recorded}
                  onClick={() => setRecorded(!recorded)}
                >
                  {recorded ? 'Show decoded payload' : 'Show recorded frame (base64)'}
                </button>
              )}
            </p>
            {decoded !== null && !recorded && (
              <p className="ri-muted">Payload decoded from the frame’s base64 “bytes” field.</p>
            )}
            {recorded || parsed === undefined ? (
              <ShowMoreText
                className="ri-code ri-event-data"
                text={recorded ? formatJsonText(event.data).text : payload}
                pageChars={4000}
                transform={escapeInvisible}
                focusable
              />
            ) : (
              <LazyJsonTree
                value={parsed}
                label={`Event ${event.index} as JSON`}
                fallbackText={escapeInvisible(payload.slice(0, 4000))}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
