/**
 * What the file recorded about time (src/core/model/http.ts `RecordedTiming`): nothing is
 * invented, so a format that records nothing says so.
 */
import type { RecordedTiming } from '../../core/model/http';

const DURATION_SOURCES: Record<NonNullable<RecordedTiming['durationSource']>, string> = {
  'go-vcr-duration': 'go-vcr duration, time to response headers',
  'har-time': 'HAR entry time',
};

export function RecordedTimingList({ timing }: { timing: RecordedTiming }) {
  const rows: [string, string][] = [];
  if (timing.durationMs !== null) {
    rows.push([
      'Duration',
      `${timing.durationMs} ms${timing.durationSource ? ` (${DURATION_SOURCES[timing.durationSource]})` : ''}`,
    ]);
  }
  if (timing.waitMs !== null) rows.push(['Wait (time to first byte)', `${timing.waitMs} ms`]);
  if (timing.receiveMs !== null) rows.push(['Receive', `${timing.receiveMs} ms`]);
  if (timing.startedAt) rows.push(['Started at', timing.startedAt]);
  if (timing.recordedAt) rows.push(['Recorded at', timing.recordedAt]);
  if (rows.length === 0) return <p className="ri-muted">This format records no timing.</p>;
  return (
    <dl className="ri-timing">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
