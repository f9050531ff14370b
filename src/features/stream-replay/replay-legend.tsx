/** What the scrubber's colours mean, and the latency band's label (recorded, estimated, unknown). */
import { memo } from 'react';
import type { ReplayEventKind, TimingLabel } from '../../core/replay';

const KINDS: Array<[ReplayEventKind, string]> = [
  ['text', 'text'],
  ['tool', 'tool arguments'],
  ['reasoning', 'reasoning'],
  ['usage', 'usage'],
  ['error', 'error'],
  ['other', 'other'],
];

export interface ReplayLegendProps {
  latencyLabel: TimingLabel;
  /** Kinds present in this stream; the others are left out of the legend. */
  present: ReadonlySet<ReplayEventKind>;
}

export const ReplayLegend = memo(function ReplayLegend({ latencyLabel, present }: ReplayLegendProps) {
  return (
    <ul className="rp-legend" aria-label="Scrubber legend">
      <li>
        <span className="rp-legend-latency" aria-hidden="true" /> latency ({latencyLabel})
      </li>
      {KINDS.filter(([kind]) => present.has(kind)).map(([kind, label]) => (
        <li key={kind}>
          <span className={`rp-kind-dot rp-kind-${kind}`} aria-hidden="true" /> {label}
        </li>
      ))}
    </ul>
  );
});
