/**
 * The compare feature's entry for the app shell (issue 7 "Compare…"): the launcher, the state of
 * the second cassette, and — while a comparison is shown — the comparison in place of the usual
 * interaction views (`children`). The shell injects how files load (its worker load client) and how
 * a load failure looks (its usual error panel), so this feature never parses and imports no other.
 */
import type { ReactNode } from 'react';
import { CompareLauncher } from './compare-launcher';
import { CompareView } from './compare-view';
import { useCompareSource, type CompareCandidate, type CompareLoadOutcome } from './use-compare-source';
import type { LoadFailure } from '../../core/model/errors';
import './compare.css';
import './compare-diff.css';

export interface ComparePanelProps {
  /** The selected cassette: the "before" side. */
  before: CompareCandidate;
  /** Other loaded cassettes the user can pick as "after". */
  others: CompareCandidate[];
  /** Loads a picked or dropped file off the main thread, fully. */
  loadFile: (file: File) => Promise<CompareLoadOutcome>;
  /** The app's usual error panel for a file that could not be opened. */
  renderFailure: (failure: LoadFailure) => ReactNode;
  /**
   * The usual interaction views, shown when no comparison is open. They get the "Compare…"
   * control to place where it reads in order (after the table's filter, issue 17/18): its panel
   * opens in the flow there, so it always fits the window and never shifts the workspace.
   */
  children: (launcher: ReactNode) => ReactNode;
}

export function ComparePanel({ before, others, loadFile, renderFailure, children }: ComparePanelProps) {
  const { source, pickFile, pickOpen, clear } = useCompareSource(before, loadFile);
  const launcher = (
    <CompareLauncher beforeName={before.name} others={others} onPickFile={pickFile} onPickOpen={pickOpen} />
  );
  return (
    <>
      {source.status === 'loading' && (
        <p className="cmp-bar cmp-muted" aria-live="polite">
          Loading {source.name} to compare…
        </p>
      )}
      {source.status === 'failed' && (
        <div className="cmp-failure">
          {renderFailure(source.failure)}
          <button type="button" className="cmp-button" onClick={clear}>
            Dismiss
          </button>
        </div>
      )}
      {source.status === 'ready' ? (
        <CompareView before={source.before} after={source.after} onClose={clear} />
      ) : (
        children(launcher)
      )}
    </>
  );
}
