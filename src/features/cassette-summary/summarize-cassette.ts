/**
 * The figures of the summary header and the status line (issue 7 "a summary of the whole cassette",
 * issue 9 "a status line"): counts, total tokens and cost, total recorded time. Pure, so the
 * cassette list and the CLI-like status text share one definition.
 */
import type { AnalyzedCassette, AnalyzedExchange } from '../../core/model/analysis';
import { plural } from '../../ui/format';

export interface CassetteSummary {
  interactions: number;
  /** Interactions with an HTTP error status, no response, or a provider error. */
  errors: number;
  /** File-level warnings plus each interaction's warnings and adapter notes. */
  warnings: number;
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
  /** Stream doctor findings (AnalyzedCassette.anomalies), all severities. */
  findings: number;
}

function isError(exchange: AnalyzedExchange): boolean {
  const response = exchange.http.response;
  if (response === null) return true;
  if (response.status !== null && response.status >= 400) return true;
  return Boolean(exchange.llm.response?.error);
}

function addNullable(total: number | null, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return total;
  return (total ?? 0) + value;
}

export function summarizeCassette(analyzed: AnalyzedCassette): CassetteSummary {
  let errors = 0;
  let warnings = analyzed.cassette.warnings.length;
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  let costUsd: number | null = null;
  let recordedMs: number | null = null;
  let timedInteractions = 0;
  let streamed = 0;
  for (const exchange of analyzed.exchanges) {
    if (isError(exchange)) errors += 1;
    warnings += exchange.http.warnings.length + exchange.llm.notes.length;
    const usage = exchange.llm.response?.usage;
    inputTokens = addNullable(inputTokens, usage?.inputTokens);
    outputTokens = addNullable(outputTokens, usage?.outputTokens);
    costUsd = addNullable(costUsd, usage?.costUsd);
    const duration = exchange.http.timing.durationMs;
    if (duration !== null) timedInteractions += 1;
    recordedMs = addNullable(recordedMs, duration);
    if (exchange.llm.stream !== null) streamed += 1;
  }
  return {
    interactions: analyzed.exchanges.length,
    errors,
    warnings,
    inputTokens,
    outputTokens,
    costUsd,
    recordedMs,
    timedInteractions,
    streamed,
    retries: (analyzed.anomalies ?? []).filter((anomaly) => anomaly.kind === 'retry').length,
    findings: (analyzed.anomalies ?? []).length,
  };
}

/** "4,000 interactions", "2 interactions, 1 error, 3 warnings". */
export function statusText(summary: Pick<CassetteSummary, 'interactions' | 'errors' | 'warnings'>): string {
  const parts = [plural(summary.interactions, 'interaction')];
  if (summary.errors > 0) parts.push(plural(summary.errors, 'error'));
  if (summary.warnings > 0) parts.push(plural(summary.warnings, 'warning'));
  return parts.join(', ');
}
