/**
 * "Stream doctor: N findings" above the conversation (issue 7): the selected cassette's findings
 * grouped by interaction, each with its message and the event it names. Activating a finding
 * selects the interaction and opens the event in the Raw view; "Replay" seeks the player to the
 * moment that event arrived. A native <details> keeps it collapsible and keyboard accessible; it
 * starts closed, as a badge line.
 */
import { useMemo } from 'react';
import type { Anomaly } from '../../core/model/anomaly';
import type { ExchangeSummary } from '../../core/model/overview';
import { countText, eventLabel, groupFindings, KIND_LABELS } from './group-findings';
import './doctor.css';
import { formatCount } from '../../ui/format';

/** Where a click on a finding should take the user. */
export interface FindingJump {
  exchangeIndex: number;
  eventIndex: number | null;
  /** For `replay`, the shell seeks to the event's recorded time (replay-position.ts). */
  view: 'raw' | 'replay';
}

export interface FindingsListProps {
  anomalies: readonly Anomaly[];
  exchanges: readonly ExchangeSummary[];
  selectedExchange: number | null;
  onJump: (jump: FindingJump) => void;
  /** The doctor is still checking (the status came first: issue 15); `anomalies` is then empty. */
  checking?: boolean;
}

function callLabel(exchange: ExchangeSummary | undefined, index: number): string {
  if (!exchange) return `Call ${index + 1}`;
  const { method, url } = exchange;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Placeholder hosts (`<BASE>/v1/chat`) are not URLs; show them as recorded.
  }
  return `Call ${index + 1} · ${method} ${path}`;
}

const SEVERITY_LABELS: Record<Anomaly['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

export function FindingsList({
  anomalies,
  exchanges,
  selectedExchange,
  onJump,
  checking = false,
}: FindingsListProps) {
  const groups = useMemo(() => groupFindings(anomalies), [anomalies]);
  const errors = groups.reduce((sum, group) => sum + group.errors, 0);
  const notes = groups.reduce((sum, group) => sum + group.notes, 0);
  // Information (a stop at the cap the request set) is listed but never counted as a problem.
  const problems = anomalies.length - notes;
  const warnings = problems - errors;
  const problemGroups = groups.filter((group) => group.errors + group.warnings > 0).length;
  const notesText = notes > 0 ? `${notes} ${notes === 1 ? 'note' : 'notes'}` : '';

  if (checking)
    return (
      <p className="doctor doctor--checking" aria-label="Stream doctor" data-doctor-checking="">
        Stream doctor: checking {formatCount(exchanges.length)}{' '}
        {exchanges.length === 1 ? 'interaction' : 'interactions'}…{' '}
        <progress className="doctor__progress" aria-label="Stream doctor checking" />
      </p>
    );
  if (anomalies.length === 0) {
    return (
      <p className="doctor doctor--clean" aria-label="Stream doctor">
        <span className="doctor__ok" aria-hidden="true">
          ✓
        </span>{' '}
        Stream doctor: no findings
      </p>
    );
  }

  const jump = (finding: Anomaly, view: 'raw' | 'replay') =>
    onJump({ exchangeIndex: finding.exchangeIndex, eventIndex: finding.eventIndex ?? null, view });

  return (
    // Closed by default: one badge line that leaves the height to the reading (issue 17); the
    // table's marks and the counts say where to look, and a click opens the list.
    <details className="doctor" aria-label="Stream doctor">
      <summary className="doctor__summary">
        <span className="doctor__title">
          Stream doctor:{' '}
          {problems > 0
            ? `${formatCount(problems)} ${problems === 1 ? 'finding' : 'findings'}`
            : 'no problems'}
          {notesText && problems > 0 ? `, ${notesText}` : ''}
        </span>
        <span className={`doctor__counts${errors > 0 ? ' doctor__counts--error' : ''}`}>
          {problems > 0
            ? `${countText(errors, warnings)} in ${formatCount(problemGroups)} ${problemGroups === 1 ? 'interaction' : 'interactions'}`
            : notesText}
        </span>
        <span className="doctor__toggle" aria-hidden="true" />
      </summary>
      <ol className="doctor__groups">
        {groups.map((group) => {
          const exchange = exchanges[group.exchangeIndex];
          const streamed = exchange !== undefined && exchange.eventCount !== null;
          return (
            <li
              key={group.exchangeIndex}
              className={`doctor__group${group.exchangeIndex === selectedExchange ? ' doctor__group--selected' : ''}`}
            >
              <h3 className="doctor__call">{callLabel(exchange, group.exchangeIndex)}</h3>
              <ul className="doctor__findings">
                {group.findings.map((finding, position) => {
                  const where = eventLabel(finding);
                  return (
                    <li key={position} className={`doctor__finding doctor__finding--${finding.severity}`}>
                      <button
                        type="button"
                        className="doctor__jump"
                        onClick={() => jump(finding, 'raw')}
                        title={`Show ${where ?? 'this interaction'} in the Raw view`}
                      >
                        <span className={`doctor__severity doctor__severity--${finding.severity}`}>
                          {SEVERITY_LABELS[finding.severity]}
                        </span>
                        <span className="doctor__kind">{KIND_LABELS[finding.kind] ?? finding.kind}</span>
                        <span className="doctor__message">{finding.message}</span>
                        {where && <span className="doctor__event">{where}</span>}
                      </button>
                      {streamed && finding.eventIndex !== undefined && (
                        <button
                          type="button"
                          className="doctor__replay"
                          onClick={() => jump(finding, 'replay')}
                          aria-label={`Replay call ${group.exchangeIndex + 1} at ${where ?? 'the start'}`}
                        >
                          ▶ Replay
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
