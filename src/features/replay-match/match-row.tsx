/**
 * One new request in "Would it replay?": green when a replay would give it an interaction (with a
 * link to it), red when not, with the nearest recorded interactions, their failing matchers and
 * the differing parts. Numbers are from 1, as in the table ("interaction 2" is the second).
 */
import type { RequestVerdict } from '../../core/match';
import type { HttpRequest } from '../../core/model/http';
import { MatcherDifference } from './matcher-difference';

export interface MatchRowProps {
  verdict: RequestVerdict;
  recorded: readonly HttpRequest[];
  /** Opens the recorded interaction (from 0). */
  onOpenRecorded: (index: number) => void;
  /** Opens this request in its own file, when the new side is an open file. */
  onOpenNew?: (index: number) => void;
}

function RequestLine({ request }: { request: HttpRequest | undefined }) {
  if (!request) return null;
  return (
    <code className="rm-request-line">
      {request.method} {request.url}
    </code>
  );
}

export function MatchRow({ verdict, recorded, onOpenRecorded, onOpenNew }: MatchRowProps) {
  const replays = verdict.interaction !== null;
  const number = verdict.request + 1;
  return (
    <li className={`rm-row ${replays ? 'rm-row--ok' : 'rm-row--miss'}`} data-testid="replay-match-row">
      <div className="rm-row__head">
        <span className="rm-badge">{replays ? '✓ replays' : '✗ no match'}</span>
        {onOpenNew ? (
          <button type="button" className="link-button" onClick={() => onOpenNew(verdict.request)}>
            Request {number}
          </button>
        ) : (
          <span>Request {number}</span>
        )}
        <code className="rm-request-line">
          {verdict.method} {verdict.url}
        </code>
      </div>
      {verdict.interaction !== null && (
        <p className="rm-row__result">
          gets{' '}
          <button type="button" className="link-button" onClick={() => onOpenRecorded(verdict.interaction!)}>
            interaction {verdict.interaction + 1}
          </button>
        </p>
      )}
      {verdict.notes.map((note) => (
        <p key={note} className="rm-note">
          {note}
        </p>
      ))}
      {verdict.nearest.length > 0 && (
        <ol className="rm-nearest" aria-label={`Nearest recorded interactions for request ${number}`}>
          {verdict.nearest.map((near, rank) => {
            const failed = near.matchers.filter((result) => !result.ok || result.skipped);
            const passed = near.matchers.filter((result) => result.ok && !result.skipped);
            return (
              <li key={near.interaction} className="rm-near">
                <div className="rm-near__head">
                  <span className="rm-near__rank">{rank === 0 ? 'Nearest' : 'Then'}</span>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onOpenRecorded(near.interaction)}
                  >
                    interaction {near.interaction + 1}
                  </button>
                  <RequestLine request={recorded[near.interaction]} />
                  <span className="rm-near__count">
                    {near.alreadyUsed
                      ? 'every matcher passes; played already'
                      : `${near.matchers.filter((result) => !result.ok).length} failed`}
                  </span>
                </div>
                <ul className="rm-matchers">
                  {failed.map((result) => (
                    <MatcherDifference key={result.name} result={result} />
                  ))}
                  {passed.length > 0 && (
                    <li className="rm-matcher rm-matcher--passed">
                      ✓ {passed.map((result) => result.name).join(', ')}
                    </li>
                  )}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}
