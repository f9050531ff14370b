/**
 * A response body that the adapter of a known API could not read (not JSON, or JSON of another
 * shape), shown raw where the assistant message would be, so nothing is silently dropped
 * (issue 16). The doctor reports the same call as `unreadable-body`.
 */
import type { UnreadBody } from '../../core/model/conversation';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { SEARCHABLE } from './searchable';

export interface UnreadBodyCardProps {
  body: UnreadBody;
  exchangeIndex: number;
  onShowRaw: (exchangeIndex: number) => void;
}

export function UnreadBodyCard({ body, exchangeIndex, onShowRaw }: UnreadBodyCardProps) {
  const cut = !body.binary && body.text.length < body.length;
  return (
    <section className="cv-unread" aria-label={`Unread response body of call #${exchangeIndex + 1}`}>
      <p className="cv-unread-title">Response body of call #{exchangeIndex + 1}, not read</p>
      <p className="cv-unread-reason">
        {body.reason[0]!.toUpperCase() + body.reason.slice(1)}.
        {body.mimeType ? <span className="cv-muted"> Content-Type {body.mimeType}.</span> : null}
      </p>
      {body.binary ? (
        <p className="cv-muted">{body.text}</p>
      ) : (
        <div {...SEARCHABLE}>
          <ShowMoreText
            className="cv-code cv-unread-text"
            text={body.text}
            transform={escapeInvisible}
            pageChars={4000}
          />
        </div>
      )}
      {cut && (
        <p className="cv-muted">
          First {body.text.length.toLocaleString('en-US')} of {body.length.toLocaleString('en-US')}{' '}
          characters.
        </p>
      )}
      <button type="button" className="cv-link-button" onClick={() => onShowRaw(exchangeIndex)}>
        Show the raw HTTP
      </button>
    </section>
  );
}
