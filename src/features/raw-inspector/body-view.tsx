/**
 * One HTTP body: the decoding chain (`body.decoding`, e.g. "base64 → gzip → UTF-8"), then the
 * content in the most readable honest form: stream events, pretty JSON (depth-folded, in pages),
 * text, or a hex preview for binary. Invisible and bidi characters are always shown escaped.
 */
import { useState } from 'react';
import type { HttpBody } from '../../core/model/http';
import type { StreamDelta } from '../../core/model/conversation';
import type { StreamTrace } from '../../core/model/stream';
import { hasInvisible } from '../../ui/markdown/escape-invisible';
import { BinaryBodyView } from './binary-body-view';
import { formatBytes } from '../../ui/format';
import { StreamEventsView } from './stream-events-view';
import { TextBodyView } from './text-body-view';

export interface BodyViewProps {
  body: HttpBody | null;
  /** The framed stream, for a streamed response body. */
  stream?: StreamTrace | null;
  /** The stream in LLM terms, for the event table's summaries. */
  deltas?: readonly StreamDelta[];
  label: string;
  /** A stream event to bring into view; forces the event list (not the recorded text) to show. */
  focusEventIndex?: number | null;
}

export function BodyView({ body, stream, deltas, label, focusEventIndex = null }: BodyViewProps) {
  const [mode, setMode] = useState<'auto' | 'text'>('auto');
  // A jump to an event needs the event list; switch back from the recorded text when one arrives.
  const [seenFocus, setSeenFocus] = useState(focusEventIndex);
  if (seenFocus !== focusEventIndex) {
    setSeenFocus(focusEventIndex);
    if (focusEventIndex !== null && mode !== 'auto') setMode('auto');
  }
  if (!body || (body.sizeBytes === 0 && !body.text && !body.bytes))
    return <p className="ri-muted">No {label.toLowerCase()}.</p>;
  const showStream = mode === 'auto' && stream && stream.events.length > 0;
  return (
    <div className="ri-body">
      <p className="ri-body-meta">
        <span>{body.mimeType ?? 'unknown type'}</span>
        <span>{formatBytes(body.sizeBytes)}</span>
        {body.decoding.length > 0 && (
          <span title="How the recorded body was decoded">{body.decoding.join(' → ')}</span>
        )}
        {body.text !== null && hasInvisible(body.text.slice(0, 1_000_000)) && (
          <span className="ri-warning">contains invisible or bidi characters (shown as ⟨U+…⟩)</span>
        )}
        {(stream || body.text !== null) && (
          <button
            type="button"
            className="ri-button"
            onClick={() => setMode(mode === 'auto' ? 'text' : 'auto')}
          >
            {mode === 'auto'
              ? body.text !== null
                ? 'Show as recorded text'
                : 'Show bytes'
              : 'Show formatted'}
          </button>
        )}
      </p>
      {showStream ? (
        <StreamEventsView trace={stream} focusEventIndex={focusEventIndex} deltas={deltas} />
      ) : body.text !== null ? (
        <TextBodyView
          text={body.text}
          mimeType={body.mimeType}
          formatted={mode === 'auto'}
          label={`${label} as JSON`}
        />
      ) : body.bytes ? (
        <BinaryBodyView bytes={body.bytes} mimeType={body.mimeType} />
      ) : (
        <p className="ri-muted">Body not decoded.</p>
      )}
    </div>
  );
}
