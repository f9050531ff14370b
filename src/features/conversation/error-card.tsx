/**
 * An HTTP error (4xx, 5xx) or an error inside a stream, shown prominently with the provider's own
 * message, type and code (issue 4, "HTTP errors"; issue 7).
 */
import type { ProviderError } from '../../core/model/conversation';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { SEARCHABLE } from './searchable';

export interface ErrorCardProps {
  status: number | null;
  error: ProviderError;
  exchangeIndex: number;
}

export function ErrorCard({ status, error, exchangeIndex }: ErrorCardProps) {
  const where =
    error.eventIndex !== undefined ? `in the stream, event ${error.eventIndex}` : `HTTP ${status ?? '—'}`;
  return (
    <div className="cv-error" role="alert">
      <p className="cv-error-title">
        Error in call #{exchangeIndex + 1} · {where}
        {error.type && (
          <span className="cv-error-detail">
            {' '}
            · type <code {...SEARCHABLE}>{error.type}</code>
          </span>
        )}
        {error.code !== undefined && error.code !== null && (
          <span className="cv-error-detail">
            {' '}
            · code <code {...SEARCHABLE}>{String(error.code)}</code>
          </span>
        )}
      </p>
      <p className="cv-error-message" {...SEARCHABLE}>
        {escapeInvisible(error.message)}
      </p>
    </div>
  );
}
