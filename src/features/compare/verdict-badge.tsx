/** The verdict of one aligned pair as a coloured badge (issue 7 verdicts). */
import type { DiffVerdict } from '../../core/model/diff';
import { formatCount } from '../../ui/format';

export const VERDICT_LABELS: Record<DiffVerdict, string> = {
  identical: 'Identical',
  'wording-only': 'Wording only',
  'behaviour-changed': 'Behaviour changed',
  added: 'Added',
  removed: 'Removed',
};

export function VerdictBadge({ verdict, count }: { verdict: DiffVerdict; count?: number }) {
  return (
    <span className={`cmp-verdict cmp-verdict--${verdict}`}>
      {count !== undefined && <strong className="cmp-verdict__count">{formatCount(count)}</strong>}
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
