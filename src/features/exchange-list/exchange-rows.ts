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
  /** A few words for the table column; `apiLabel` stays the tooltip and the sort key. */
  apiShort: string;
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
    apiShort: shortApiLabel(llm.apiLabel),
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
