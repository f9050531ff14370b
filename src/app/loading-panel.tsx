/**
 * What the selected file shows while the worker reads it: its name, size and the current stage.
 * The page stays usable meanwhile (other files can be opened or switched to).
 */
import type { LoadStage } from '../workers/load-protocol';
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
}

const STAGES: Array<LoadStage | 'reading'> = ['reading', 'parsing', 'analyzing'];

export function LoadingPanel({ name, sizeBytes, stage }: LoadingPanelProps) {
  const step = STAGES.indexOf(stage);
  return (
    <section className="loading-panel" aria-busy="true" aria-label={`Loading ${name}`}>
      <div className="spinner spinner--large" aria-hidden="true" />
      <h2 className="loading-panel__name">{name}</h2>
      <p className="loading-panel__detail">
        {STAGE_LABELS[stage]}…{sizeBytes > 0 && ` (${formatBytes(sizeBytes)})`}
      </p>
      <progress
        className="loading-panel__progress"
        max={STAGES.length}
        value={step + 1}
        aria-label="Loading progress"
      />
    </section>
  );
}
