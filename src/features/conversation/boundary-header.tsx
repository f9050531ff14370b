/**
 * The head of one HTTP call inside the thread (issue 2: "the boundary of each HTTP call stays
 * visible"): call number, method and host, status, duration, model, tokens and finish reason.
 * The whole bar is a button that selects the exchange, inside a heading; the selected one is
 * highlighted.
 */
import type { ExchangeBoundary } from '../../core/model/thread';
import { formatDuration } from '../../ui/format';
import { splitUrl, statusTone } from './format-values';
import { boundaryAnchorId } from './timeline-model';
import { UsageLine } from './usage-line';
import { SEARCHABLE } from './searchable';

export interface BoundaryHeaderProps {
  boundary: ExchangeBoundary;
  selected: boolean;
  onSelect: (index: number) => void;
}

export function BoundaryHeader({ boundary, selected, onSelect }: BoundaryHeaderProps) {
  const { host, path } = splitUrl(boundary.url);
  const tone = statusTone(boundary.status);
  // A heading around the button, so screen readers can jump from call to call (issue 18).
  return (
    <h3 className="cv-boundary-heading">
      <button
        type="button"
        id={boundaryAnchorId(boundary.exchangeIndex)}
        className={`cv-boundary cv-boundary-${tone}${selected ? ' cv-boundary-selected' : ''}`}
        aria-pressed={selected}
        aria-label={`Call ${boundary.exchangeIndex + 1}: ${boundary.method} ${host}${path}, status ${boundary.status ?? 'none'}`}
        onClick={() => onSelect(boundary.exchangeIndex)}
      >
        <span className="cv-boundary-number">Call #{boundary.exchangeIndex + 1}</span>
        <span className="cv-boundary-request">
          <span className="cv-method">{boundary.method}</span>{' '}
          <span className="cv-host" {...SEARCHABLE}>
            {host}
          </span>
          <span className="cv-path" {...SEARCHABLE}>
            {path}
          </span>
        </span>
        <span className="cv-boundary-facts">
          <span className={`cv-status cv-status-${tone}`} {...SEARCHABLE}>
            {boundary.status ?? 'no status'}
          </span>
          <span title="Recorded duration (time to response headers)">
            {formatDuration(boundary.durationMs)}
          </span>
          {boundary.model && (
            <span className="cv-model" {...SEARCHABLE}>
              {boundary.model}
            </span>
          )}
          <span className="cv-api">{boundary.apiLabel}</span>
          {boundary.streamed && <span className="cv-tag">streamed</span>}
          {boundary.finishReason && (
            <span className="cv-finish" title="Finish reason" {...SEARCHABLE}>
              finish: {boundary.finishReason}
            </span>
          )}
          <UsageLine usage={boundary.usage} label={`Usage of call ${boundary.exchangeIndex + 1}`} />
        </span>
      </button>
    </h3>
  );
}
