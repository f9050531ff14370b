/**
 * Why a file could not be opened (issue 2, 3, 8): the file name, the message, line and column, a
 * snippet with the error line marked, and each format that was tried with its reason. Shown as
 * text only: the snippet comes from an untrusted file and React escapes it.
 */
import type { LoadFailure } from '../../core/model/errors';

export interface LoadFailurePanelProps {
  failure: LoadFailure;
}

export function LoadFailurePanel({ failure }: LoadFailurePanelProps) {
  const position =
    failure.line !== undefined
      ? `Line ${failure.line}${failure.column !== undefined ? `, column ${failure.column}` : ''}`
      : null;
  return (
    <section className="load-failure" role="alert" aria-labelledby="load-failure-title">
      <h2 id="load-failure-title" className="load-failure__title">
        Could not open <span className="load-failure__file">{failure.fileName}</span>
      </h2>
      <p className="load-failure__message">{failure.message}</p>
      {position && <p className="load-failure__position">{position}</p>}
      {failure.snippet && (
        <pre className="load-failure__snippet" aria-label="Snippet around the error">
          <code>{failure.snippet}</code>
        </pre>
      )}
      {failure.attempts.length > 0 && (
        <div className="load-failure__attempts">
          <h3>Formats tried</h3>
          <ul>
            {failure.attempts.map((attempt, index) => (
              <li key={index}>
                <strong>{attempt.format}</strong>: {attempt.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="load-failure__hint">
        Other open files are not affected. Drop or open another file to continue.
      </p>
    </section>
  );
}
