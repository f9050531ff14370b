/**
 * Pure helpers for the stream doctor views: findings grouped by interaction (the list above the
 * conversation) and per-interaction counts (the marks in the interactions table). The findings
 * themselves come from core/doctor via `CassetteOverview.anomalies`; nothing here re-diagnoses.
 */
import type { Anomaly, AnomalyKind } from '../../core/model/anomaly';
import { formatCount } from '../../ui/format';

/** The findings of one interaction, errors first, then by event index. */
export interface FindingGroup {
  exchangeIndex: number;
  findings: Anomaly[];
  errors: number;
  warnings: number;
  /** Informational findings: shown, never counted as problems (issue 16). */
  notes: number;
}

/** Short human names for the kinds (the `kind` strings are spelled for `inspect --json`). */
export const KIND_LABELS: Record<AnomalyKind, string> = {
  'http-error': 'HTTP error',
  'stream-error': 'Error in stream',
  'no-terminal-event': 'Stream cut short',
  'invalid-json': 'Invalid JSON',
  'invalid-sse-line': 'Invalid SSE line',
  'invalid-framing': 'Broken stream framing',
  'invalid-tool-arguments': 'Invalid tool arguments',
  'stopped-early': 'Stopped early',
  'stopped-at-cap': 'Stopped at the requested cap',
  'unreadable-body': 'Body not readable',
  'empty-completion': 'Empty completion',
  'missing-usage': 'Missing usage',
  'sequence-order': 'Sequence out of order',
  'unknown-tool-result': 'Unknown tool result',
  retry: 'Retry',
};

function severityRank(anomaly: Anomaly): number {
  return anomaly.severity === 'error' ? 0 : anomaly.severity === 'warning' ? 1 : 2;
}

/** Groups findings by interaction, in interaction order. */
export function groupFindings(anomalies: readonly Anomaly[]): FindingGroup[] {
  const byExchange = new Map<number, Anomaly[]>();
  for (const anomaly of anomalies) {
    const list = byExchange.get(anomaly.exchangeIndex);
    if (list) list.push(anomaly);
    else byExchange.set(anomaly.exchangeIndex, [anomaly]);
  }
  return [...byExchange.entries()]
    .sort(([a], [b]) => a - b)
    .map(([exchangeIndex, findings]) => {
      const sorted = [...findings].sort(
        (a, b) => severityRank(a) - severityRank(b) || (a.eventIndex ?? -1) - (b.eventIndex ?? -1),
      );
      const errors = sorted.filter((finding) => finding.severity === 'error').length;
      const notes = sorted.filter((finding) => finding.severity === 'info').length;
      return { exchangeIndex, findings: sorted, errors, warnings: sorted.length - errors - notes, notes };
    });
}

/** "1 error, 2 warnings" — used in headings and accessible names. */
export function countText(errors: number, warnings: number): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${formatCount(errors)} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${formatCount(warnings)} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

/** Where a finding points, for the list: "event 7" or null when it names no event. */
export function eventLabel(anomaly: Anomaly): string | null {
  return anomaly.eventIndex === undefined ? null : `event ${anomaly.eventIndex}`;
}
