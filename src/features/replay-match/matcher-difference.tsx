/**
 * One matcher's verdict inside a near miss: the matcher name, then where it differs — a body's
 * first differing JSON path with the recorded value struck and the new one marked, headers that
 * differ only by masking flagged as such, or the two values.
 */
import type { MatcherResult } from '../../core/match';

export function MatcherDifference({ result }: { result: MatcherResult }) {
  const difference = result.difference;
  if (result.skipped)
    return (
      <li className="rm-matcher rm-matcher--skipped">
        <span className="rm-matcher__name">{result.name}</span> {result.skipped}
      </li>
    );
  return (
    <li className="rm-matcher rm-matcher--failed">
      <span className="rm-matcher__name">{result.name}</span>
      {difference?.maskedOnly && <span className="rm-tag">only masking</span>}
      {difference?.jsonPath !== undefined && difference.recorded !== undefined ? (
        <span className="rm-matcher__detail">
          <code className="rm-path">{difference.jsonPath}</code>
          {': '}
          <del className="rm-value rm-value--recorded" title="recorded">
            {difference.recorded}
          </del>
          {' ≠ '}
          <ins className="rm-value rm-value--new" title="new">
            {difference.incoming}
          </ins>
        </span>
      ) : (
        <span className="rm-matcher__detail">{difference?.summary ?? 'differs'}</span>
      )}
    </li>
  );
}
