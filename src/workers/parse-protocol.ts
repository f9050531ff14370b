/**
 * Messages between the load worker (coordinator) and its pool of parse workers (issue 9). A task is
 * a contiguous run of interactions: one text slice and where each interaction sits in it, so one
 * structured clone of one string carries many interactions. A parse worker keeps the full
 * exchanges it read and sends back only what the coordinator needs: each interaction's summary,
 * its findings, and the exchange without its bulk (for the thread). Later the coordinator asks it
 * for full exchanges (ExchangeQuery), which it answers as the load worker answers the page
 * (exchange-transfer.ts).
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import type { Anomaly } from '../core/model/anomaly';
import type { CassetteFormat } from '../core/model/http';
import type { ExchangeSummary } from '../core/model/overview';
import type { ExchangeAnswer, ExchangeQuery } from './exchange-transfer';

export interface ParseTask {
  kind: 'parse';
  taskId: number;
  format: CassetteFormat;
  bytes: Uint8Array;
  /** Per interaction: start and end in `bytes`, its 1-based line in the file, its index. */
  items: Array<{ start: number; end: number; line: number; index: number }>;
}

/** What a parse worker is sent. */
export type ToParseWorker = ParseTask | ExchangeQuery;

/** One interaction as a parse worker reports it. */
export interface ParsedItem {
  summary: ExchangeSummary;
  /** findExchangeAnomalies of the full exchange. */
  findings: Anomaly[];
  /** withoutBulk of the full exchange: what buildThread and findCassetteAnomalies read. */
  light: AnalyzedExchange;
}

export type ParseResult =
  | { taskId: number; kind: 'parsed'; items: ParsedItem[] }
  /** A piece could not stand for its place in the whole file: read the whole file instead. */
  | { taskId: number; kind: 'fallback' }
  | { taskId: number; kind: 'error'; message: string };

/** What a parse worker posts. */
export type FromParseWorker = ParseResult | ExchangeAnswer;
