/**
 * One table row per interaction: the few plain values the table shows, sorts and filters by,
 * computed once per cassette so sorting 4,000 rows never re-reads the model (issue 9).
 */
import type { AnalyzedExchange } from '../../core/model/analysis';
import type { Anomaly } from '../../core/model/anomaly';

export interface ExchangeRow {
  /** Position in the file, from 0. */
  index: number;
  method: string;
  host: string;
  /** Path and query. */
  path: string;
  status: number | null;
  apiLabel: string;
  model: string | null;
  streamed: boolean;
  /** Stream events counted by the framing, or null when not streamed. */
  events: number | null;
  durationMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** HTTP error status, missing response, or a provider error in the body or stream. */
  failed: boolean;
  warningCount: number;
  /** Stream doctor findings on this interaction (issue 7), for the marks on the row. */
  findings: { errors: number; warnings: number; messages: string[] };
  /** Lower-case text the filter box searches. */
  searchText: string;
}

function splitUrl(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: `${parsed.pathname}${parsed.search}` };
  } catch {
    // Placeholders such as `<OLLAMA_API_BASE>/api/chat` are not URLs; show them as recorded.
    return { host: '', path: url };
  }
}

export function isFailedExchange(exchange: AnalyzedExchange): boolean {
  const status = exchange.http.response?.status ?? null;
  if (exchange.http.response === null) return true;
  if (status !== null && status >= 400) return true;
  return Boolean(exchange.llm.response?.error);
}

export function toExchangeRow(exchange: AnalyzedExchange, index: number): ExchangeRow {
  const { http, llm } = exchange;
  const { host, path } = splitUrl(http.request.url);
  const usage = llm.response?.usage ?? null;
  const model = llm.response?.model ?? llm.request?.model ?? null;
  const status = http.response?.status ?? null;
  const streamed = llm.stream !== null;
  return {
    index,
    method: http.request.method,
    host,
    path,
    status,
    apiLabel: llm.apiLabel,
    model,
    streamed,
    events: streamed ? (llm.stream?.events.length ?? 0) : null,
    durationMs: http.timing.durationMs,
    inputTokens: usage?.inputTokens ?? null,
    outputTokens: usage?.outputTokens ?? null,
    failed: isFailedExchange(exchange),
    warningCount: http.warnings.length + llm.notes.length,
    findings: { errors: 0, warnings: 0, messages: [] },
    searchText: [index + 1, http.request.method, http.request.url, status ?? '', llm.apiLabel, model ?? '']
      .join(' ')
      .toLowerCase(),
  };
}

/** Rows for the table; `anomalies` (AnalyzedCassette.anomalies) become each row's finding counts. */
export function toExchangeRows(
  exchanges: AnalyzedExchange[],
  anomalies: readonly Anomaly[] = [],
): ExchangeRow[] {
  const rows = exchanges.map(toExchangeRow);
  for (const anomaly of anomalies) {
    const findings = rows[anomaly.exchangeIndex]?.findings;
    if (!findings) continue;
    if (anomaly.severity === 'error') findings.errors += 1;
    else findings.warnings += 1;
    findings.messages.push(anomaly.message);
  }
  return rows;
}
