/** A verdict of one aligned pair as a coloured badge, in the words the CLI uses too (core/diff/verdict-labels.ts). */
import { REQUEST_CHANGED_LABEL, VERDICT_LABELS, responseLabel } from '../../core/diff/verdict-labels';
import type { DiffVerdict } from '../../core/model/diff';
import { formatCount } from '../../ui/format';

export interface VerdictBadgeProps {
  /** A response verdict, or "request-changed" for the request's own verdict. */
  verdict: DiffVerdict | 'request-changed';
  count?: number;
  /** For a response verdict: whether the request changed too (then "identical" reads "Same response"). */
  requestChanged?: boolean;
}

export function VerdictBadge({ verdict, count, requestChanged = false }: VerdictBadgeProps) {
  const label =
    verdict === 'request-changed'
      ? REQUEST_CHANGED_LABEL
      : count === undefined
        ? responseLabel({ verdict, requestChanged })
        : VERDICT_LABELS[verdict];
  return (
    <span className={`cmp-verdict cmp-verdict--${verdict}`}>
      {count !== undefined && <strong className="cmp-verdict__count">{formatCount(count)}</strong>}
      {label}
    </span>
  );
}

/** The row's verdicts: the request's when it changed, then the response's. */
export function RowVerdicts({ verdict, requestChanged }: { verdict: DiffVerdict; requestChanged: boolean }) {
  return (
    <span className="cmp-verdicts">
      {requestChanged && <VerdictBadge verdict="request-changed" />}
      <VerdictBadge verdict={verdict} requestChanged={requestChanged} />
    </span>
  );
}
