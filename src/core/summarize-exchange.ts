/**
 * The page's view of an analyzed cassette (core/model/overview.ts): one small summary per
 * interaction, computed where the exchanges are (the load worker), so the page never needs the
 * bodies or the stream events to list, count or sort them.
 */
import type { AnalyzedCassette, AnalyzedExchange } from './model/analysis';
import type { CassetteOverview, ExchangeSummary } from './model/overview';
import { usageCounts } from './providers/shared/usage';

/** HTTP error status, no response at all, or a provider error in the body or the stream. */
export function isFailedExchange({ http, llm }: AnalyzedExchange): boolean {
  if (http.response === null) return true;
  const status = http.response.status;
  if (status !== null && status >= 400) return true;
  return Boolean(llm.response?.error);
}

/** `index` is the interaction's position in the cassette (the exchange's own by default). */
export function summarizeExchange(exchange: AnalyzedExchange, index = exchange.http.index): ExchangeSummary {
  const { http, llm } = exchange;
  return {
    index,
    method: http.request.method,
    url: http.request.url,
    status: http.response?.status ?? null,
    hasResponse: http.response !== null,
    apiLabel: llm.apiLabel,
    apiFamily: llm.apiFamily,
    model: llm.response?.model ?? llm.request?.model ?? null,
    eventCount: llm.stream ? llm.stream.events.length : null,
    durationMs: http.timing.durationMs,
    usage: usageCounts(llm.response?.usage),
    finishReason: llm.response?.finishReason ?? null,
    failed: isFailedExchange(exchange),
    warningCount: http.warnings.length + llm.notes.length,
  };
}

/** The overview of a whole analyzed cassette (what the page receives after a load). */
export function toCassetteOverview(analyzed: AnalyzedCassette): CassetteOverview {
  const { exchanges: _exchanges, ...facts } = analyzed.cassette;
  return {
    cassette: facts,
    exchanges: analyzed.exchanges.map((exchange, index) => summarizeExchange(exchange, index)),
    thread: analyzed.thread,
    anomalies: analyzed.anomalies,
  };
}

/**
 * The exchange without its bulk: the response body, the stream's events and issues, and the
 * deltas. buildThread and findCassetteAnomalies never read those, so a parse worker sends this
 * much to be threaded and keeps the full exchange for the page to ask for (issue 9).
 */
export function withoutBulk({ http, llm }: AnalyzedExchange): AnalyzedExchange {
  return {
    http: { ...http, response: http.response && { ...http.response, body: null } },
    llm: { ...llm, stream: llm.stream && { ...llm.stream, events: [], issues: [] }, deltas: [] },
  };
}
