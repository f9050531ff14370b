/**
 * One stream event: index, event name, id, line, framing headers (AWS), and the data, with JSON
 * pretty-printing and Bedrock `bytes` decoding on demand. Text is escaped for invisible characters.
 */
import { useState } from 'react';
import type { StreamEvent } from '../../core/model/stream';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { formatJsonText } from '../../ui/markdown/format-json';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { decodeBytesPayload } from './event-payload';

export function StreamEventRow({ event }: { event: StreamEvent }) {
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
