/**
 * The figures of the summary header and the status line (issue 7 "a summary of the whole cassette",
 * issue 9 "a status line"): counts, total tokens and cost, total recorded time. Pure, so the
 * cassette list and the CLI-like status text share one definition.
 */
import type { CassetteOverview } from '../../core/model/overview';
import { plural } from '../../ui/format';

export interface CassetteSummary {
  interactions: number;
  /**
   * The stream doctor's errors and warnings (CassetteOverview.anomalies by severity), counted as
   * its findings list counts them, so the header, the status line and the doctor agree (issue 18).
   * Informational findings are not problems and are counted in neither.
   */
  errors: number;
  warnings: number;
  /** What the reader noted: file-level warnings plus each interaction's warnings and adapter notes. */
  notes: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  /** Sum of recorded durations; null when the format records none (vcrpy). */
  recordedMs: number | null;
  /** How many interactions had a recorded duration. */
  timedInteractions: number;
  streamed: number;
  /** Requests repeated after a 429 or 5xx, as the stream doctor found them (issue 7). */
  retries: number;
}

function addNullable(total: number | null, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return total;
  return (total ?? 0) + value;
}

/**
 * One summary per overview object. An overview is never changed once made (a load, the doctor's
 * findings and a reload each give a new one), and the app asks for the same one from the file list
 * and the summary header on every render of either: on the 43 MB bench file each pass is a few ms
 * inside the render that shows the status.
 */
const summaries = new WeakMap<CassetteOverview, CassetteSummary>();

export function summarizeCassette(overview: CassetteOverview): CassetteSummary {
  let summary = summaries.get(overview);
  if (!summary) {
    summary = computeSummary(overview);
    summaries.set(overview, summary);
  }
  return summary;
}

function computeSummary(overview: CassetteOverview): CassetteSummary {
  let notes = overview.cassette.warnings.length;
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  let costUsd: number | null = null;
  let recordedMs: number | null = null;
  let timedInteractions = 0;
  let streamed = 0;
  for (const exchange of overview.exchanges) {
    notes += exchange.warningCount;
    const { usage, durationMs } = exchange;
    inputTokens = addNullable(inputTokens, usage?.inputTokens);
    outputTokens = addNullable(outputTokens, usage?.outputTokens);
    costUsd = addNullable(costUsd, usage?.costUsd);
    if (durationMs !== null) timedInteractions += 1;
    recordedMs = addNullable(recordedMs, durationMs);
    if (exchange.eventCount !== null) streamed += 1;
  }
  const problems = overview.anomalies.filter(
    (anomaly) => anomaly.severity === 'error' || anomaly.severity === 'warning',
  );
  const errors = problems.filter((anomaly) => anomaly.severity === 'error').length;
  return {
    interactions: overview.exchanges.length,
    errors,
    warnings: problems.length - errors,
    notes,
    inputTokens,
    outputTokens,
    costUsd,
    recordedMs,
    timedInteractions,
    streamed,
    retries: overview.anomalies.filter((anomaly) => anomaly.kind === 'retry').length,
  };
}

/** "4,000 interactions", "2 interactions, 1 error, 3 warnings, 1 reader note". */
export function statusText(
  summary: Pick<CassetteSummary, 'interactions' | 'errors' | 'warnings' | 'notes'>,
): string {
  const parts = [plural(summary.interactions, 'interaction')];
  if (summary.errors > 0) parts.push(plural(summary.errors, 'error'));
  if (summary.warnings > 0) parts.push(plural(summary.warnings, 'warning'));
  if (summary.notes > 0) parts.push(plural(summary.notes, 'reader note'));
  return parts.join(', ');
}
