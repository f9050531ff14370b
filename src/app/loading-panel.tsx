/**
 * What the selected file shows while the worker reads it: its name, size and the current stage.
 * The page stays usable meanwhile (other files can be opened or switched to).
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
}

const STAGES: Array<LoadStage | 'reading'> = ['reading', 'parsing', 'analyzing'];

export function LoadingPanel({ name, sizeBytes, stage, progress }: LoadingPanelProps) {
  const step = STAGES.indexOf(stage);
  return (
    <section className="loading-panel" aria-busy="true" aria-label={`Loading ${name}`}>
      <div className="spinner spinner--large" aria-hidden="true" />
      <h2 className="loading-panel__name">{name}</h2>
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
