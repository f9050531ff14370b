/**
 * The comparison of the selected cassette ("before") with a second one ("after"): verdict counts,
 * the CI verdict, the aligned interactions, and the detail of the selected pair. The diff is
 * computed here from already analyzed cassettes (core/diff `diffCassettes`; no parsing).
 */
import { useMemo, useState } from 'react';
import { diffCassettes } from '../../core/diff/diff-cassettes';
import { diffHeadline } from '../../core/diff/verdict-labels';
import type { DiffVerdict } from '../../core/model/diff';
import { CompareRows } from './compare-rows';
import { ExchangeDiffDetail } from './exchange-diff-detail';
import type { CompareCassette } from './use-compare-source';
import { VerdictBadge } from './verdict-badge';

export interface CompareViewProps {
  before: CompareCassette;
  after: CompareCassette;
  onClose: () => void;
}

const VERDICT_ORDER: DiffVerdict[] = ['behaviour-changed', 'added', 'removed', 'wording-only', 'identical'];

/** The first row worth looking at: a behaviour change, else any change, else the first. */
function firstInteresting(verdicts: DiffVerdict[]): number {
  for (const verdict of VERDICT_ORDER.slice(0, 4)) {
    const position = verdicts.indexOf(verdict);
    if (position >= 0) return position;
  }
  return 0;
}

export function CompareView({ before, after, onClose }: CompareViewProps) {
  const diff = useMemo(
    () => diffCassettes(before.analyzed, after.analyzed),
    [before.analyzed, after.analyzed],
  );
  const [selected, setSelected] = useState(() => firstInteresting(diff.exchanges.map((row) => row.verdict)));
  const row = diff.exchanges[Math.min(selected, diff.exchanges.length - 1)];

  return (
    <section className="cmp" aria-label="Comparison">
      <header className="cmp__head">
        <div className="cmp__names">
          <h2 className="cmp__title">Compare</h2>
          <p className="cmp__files">
            <span className="cmp__file cmp__file--before" title={before.name}>
              {before.name}
            </span>
            <span aria-label="with">→</span>
            <span className="cmp__file cmp__file--after" title={after.name}>
              {after.name}
            </span>
          </p>
        </div>
        <p className={`cmp__outcome${diff.behaviourChanged ? ' cmp__outcome--changed' : ''}`}>
          {diffHeadline(diff)}
        </p>
        <button type="button" className="cmp-button" onClick={onClose}>
          Close comparison
        </button>
      </header>
      <p className="cmp__counts" aria-label="Verdict counts">
        {VERDICT_ORDER.filter((verdict) => diff.counts[verdict] > 0).map((verdict) => (
          <VerdictBadge key={verdict} verdict={verdict} count={diff.counts[verdict]} />
        ))}
        {diff.requestsChanged > 0 && <VerdictBadge verdict="request-changed" count={diff.requestsChanged} />}
      </p>
      {diff.exchanges.length === 0 ? (
        <p className="cmp-muted">Neither cassette holds an interaction.</p>
      ) : (
        <>
          <CompareRows rows={diff.exchanges} selected={selected} onSelect={setSelected} />
          {row && (
            <ExchangeDiffDetail
              key={selected}
              row={row}
              before={row.before === null ? null : (before.analyzed.exchanges[row.before] ?? null)}
              after={row.after === null ? null : (after.analyzed.exchanges[row.after] ?? null)}
            />
          )}
        </>
      )}
    </section>
  );
}
