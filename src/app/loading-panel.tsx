/**
 * What the selected file shows while the worker reads it: its name, size and the current stage.
 * The page stays usable meanwhile (other files can be opened or switched to). Once the first rows
 * of a large file are in (issue 9), it shrinks to one line above the table (`compact`).
 */
import type { LoadProgress, LoadStage } from '../workers/load-protocol';
import { formatBytes } from '../ui/format';

export const STAGE_LABELS: Record<LoadStage | 'reading', string> = {
  reading: 'Reading file',
  parsing: 'Parsing cassette',
  analyzing: 'Reading interactions',
};

export interface LoadingPanelProps {
  name: string;
  sizeBytes: number;
  stage: LoadStage | 'reading';
  /** Bytes and interactions read so far, when the loader reports them (issue 9 split load). */
  progress?: LoadProgress;
  /**
   * One line without spinner or name, shown above the rows that are already in. No spinner there:
   * its progress bar already moves, and an endless CSS animation makes the main thread paint every
   * frame where compositing is in software (headless, VMs, remote desktops). On the 2-core bench
   * machine that was ~1 s of main-thread time over a 4,000-interaction load, on the cores the
   * parse workers need (issue 9).
   */
  compact?: boolean;
}

/**
 * The status line while rows arrive: "Loading interactions… 1,200 of ~4,000". Never ending in
 * "4,000 interactions": the finished status is exactly that, and substring checks (the bench,
 * Playwright getByText) must not take a partial load for a finished one.
 */
export function partialStatusText(done: number, progress?: LoadProgress): string {
  const total = progress?.interactionsTotal;
  const count = done.toLocaleString('en-US');
  // The total is the split's count of list items, hence "~": the adapters may still merge or skip some.
  return total != null && total >= done
    ? `Loading interactions… ${count} of ~${total.toLocaleString('en-US')}`
    : `Loading interactions… ${count} so far`;
}

/** Inline because the stylesheet is not this file's to change; it only lays the compact line out. */
const COMPACT_STYLE = { margin: 0, padding: 0, flexDirection: 'row', gap: '0.75em' } as const;

const STAGES: Array<LoadStage | 'reading'> = ['reading', 'parsing', 'analyzing'];

export function LoadingPanel({ name, sizeBytes, stage, progress, compact = false }: LoadingPanelProps) {
  const step = STAGES.indexOf(stage);
  return (
    <section
      className={compact ? 'loading-panel loading-panel--compact' : 'loading-panel'}
      style={compact ? COMPACT_STYLE : undefined}
      aria-busy="true"
      aria-label={`Loading ${name}`}
    >
      {!compact && (
        <>
          <div className="spinner spinner--large" aria-hidden="true" />
          <h2 className="loading-panel__name">{name}</h2>
        </>
      )}
      <p className="loading-panel__detail">
        {STAGE_LABELS[stage]}…{sizeBytes > 0 && ` (${formatBytes(sizeBytes)})`}
      </p>
      {progress && progress.bytesTotal > 0 ? (
        <>
          <progress
            className="loading-panel__progress"
            max={progress.bytesTotal}
            value={progress.bytesDone}
            aria-label="Loading progress"
          />
          <p className="loading-panel__detail">
            {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
            {progress.interactionsTotal !== null &&
              ` · ${progress.interactionsDone.toLocaleString('en-US')} of ${progress.interactionsTotal.toLocaleString('en-US')} interactions`}
          </p>
        </>
      ) : (
        <progress
          className="loading-panel__progress"
          max={STAGES.length}
          value={step + 1}
          aria-label="Loading progress"
        />
      )}
    </section>
  );
}
