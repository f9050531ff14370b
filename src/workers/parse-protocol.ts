/**
 * Messages between the load worker (coordinator) and its pool of parse workers (issue 9). A task is
 * a contiguous run of interactions (core/load/parse-task.ts): one byte slice and where each
 * interaction sits in it. A parse worker keeps the full exchanges it read and sends back only what
 * the coordinator needs for the overview. Later the coordinator asks it for full exchanges
 * (ExchangeQuery), which it answers as the load worker answers the page (exchange-transfer.ts).
 */
import type { ParseResult, ParseTask } from '../core/load/parse-task';
import type { ExchangeAnswer, ExchangeQuery } from './exchange-transfer';
import type { SearchFieldsAnswer, SearchFieldsQuery } from './search-protocol';

/** What a parse worker is sent. */
export type ToParseWorker = ParseTask | ExchangeQuery | SearchFieldsQuery;

/** What a parse worker posts. */
export type FromParseWorker = ParseResult | ExchangeAnswer | SearchFieldsAnswer;
