/**
 * One table row per interaction: the few plain values the table shows, sorts and filters by,
 * computed once per interaction summary (core/summarize-exchange) so sorting 4,000 rows never
 * re-reads the model, and a load that reports its rows in batches computes each row once (issue 9).
 */
import { isLlmCall } from '../../core/llm-call';
import type { Anomaly } from '../../core/model/anomaly';
import type { ExchangeSummary } from '../../core/model/overview';
import { summarySearchText } from '../../core/search/summary-search-text';

export interface ExchangeRow {
  /** Position in the file, from 0. */
  index: number;
  method: string;
  host: string;
  /** Path and query. */
  path: string;
  status: number | null;
  apiLabel: string;
  /** A few words for the table column; `apiLabel` stays the tooltip and the sort key. */
  apiShort: string;
  model: string | null;
  /** An LLM API adapter read this call (core/llm-call.ts); other HTTP calls fold (exchange-rows-fold.ts). */
  llm: boolean;
  streamed: boolean;
  /** Stream events counted by the framing, or null when not streamed. */
  events: number | null;
  durationMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** HTTP error status, missing response, or a provider error in the body or stream. */
  failed: boolean;
  warningCount: number;
  /**
   * Stream doctor findings on this interaction (issue 7), for the marks on the row. `pending`
   * while a large file still loads: the doctor's findings come with the last run.
   */
  findings: { errors: number; warnings: number; messages: string[]; pending?: boolean };
  /** Lower-case facts the filter matches until the worker's text index answers (filter-rows.ts). */
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

/**
 * Adapter labels (core/providers/*: "OpenAI Chat Completions · OpenRouter (Together)", "AWS Bedrock
 * · Converse", "Anthropic · Messages (Vertex AI)") are written for the conversation header; in a
 * 130px column they all end in "…". These rules keep the part that tells rows apart: the API for
 * OpenAI-style gateways, the vendor otherwise. Unknown labels keep their first segment.
 */
const SHORT_LABEL_RULES: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^OpenAI Chat Completions · ([^(]+?)(?: \(.*\))?$/, (m) => `Chat · ${m[1]}`],
  [/^OpenAI Chat Completions$/, () => 'OpenAI Chat'],
  [/^OpenAI · Responses/, () => 'OpenAI Responses'],
  [/^OpenAI · Completions/, () => 'OpenAI Completions'],
  [/^Anthropic · Messages \(Vertex AI\)/, () => 'Anthropic (Vertex)'],
  [/^Anthropic · Messages/, () => 'Anthropic'],
  [/^Google · Gemini \(Vertex AI\)/, () => 'Gemini (Vertex)'],
  [/^Google · Gemini/, () => 'Gemini'],
  [/^AWS Bedrock · Converse/, () => 'Bedrock Converse'],
  [/^AWS Bedrock · InvokeModel/, () => 'Bedrock Invoke'],
  [/^Cohere · Chat (v\d)/, (m) => `Cohere ${m[1]}`],
  [/^Sourcegraph · Cody/, () => 'Cody'],
  [/^Ollama/, () => 'Ollama'],
];

export function shortApiLabel(label: string): string {
  for (const [pattern, shorten] of SHORT_LABEL_RULES) {
    const match = label.match(pattern);
    if (match) return shorten(match);
  }
  return label.split(' · ')[0] ?? label;
}

type RowBase = Omit<ExchangeRow, 'findings'>;

/** Rows depend only on their summary, which never changes once received. */
const rowCache = new WeakMap<ExchangeSummary, RowBase>();

function rowBase(summary: ExchangeSummary): RowBase {
  const cached = rowCache.get(summary);
  if (cached) return cached;
  const { host, path } = splitUrl(summary.url);
  const { index, method, status, apiLabel, model, usage } = summary;
  const row: RowBase = {
    index,
    method,
    host,
    path,
    status,
    apiLabel,
    apiShort: shortApiLabel(apiLabel),
    model,
    llm: isLlmCall(summary),
    streamed: summary.eventCount !== null,
    events: summary.eventCount,
    durationMs: summary.durationMs,
    inputTokens: usage?.inputTokens ?? null,
    outputTokens: usage?.outputTokens ?? null,
    failed: summary.failed,
    warningCount: summary.warningCount,
    searchText: summarySearchText(summary),
  };
  rowCache.set(summary, row);
  return row;
}

export function toExchangeRow(summary: ExchangeSummary): ExchangeRow {
  return { ...rowBase(summary), findings: { errors: 0, warnings: 0, messages: [] } };
}

/**
 * Rows for the table; `anomalies` (CassetteOverview.anomalies) become each row's finding counts.
 * Without them (a file still loading) the findings are marked pending, not "none".
 */
export function toExchangeRows(
  summaries: readonly ExchangeSummary[],
  anomalies?: readonly Anomaly[],
): ExchangeRow[] {
  const rows = summaries.map(toExchangeRow);
  if (!anomalies) {
    for (const row of rows) row.findings.pending = true;
    return rows;
  }
  for (const anomaly of anomalies) {
    const findings = rows[anomaly.exchangeIndex]?.findings;
    if (!findings) continue;
    // Information (a stop at the cap the request set) is no problem: not in the row's mark.
    if (anomaly.severity === 'info') continue;
    if (anomaly.severity === 'error') findings.errors += 1;
    else findings.warnings += 1;
    findings.messages.push(anomaly.message);
  }
  return rows;
}
