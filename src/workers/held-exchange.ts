/**
 * What a worker keeps of each exchange once a file has loaded (issues 9 and 15, memory): its HTTP
 * exchange only, as the cassette reader made it. The LLM reading of it (adapter: messages, stream
 * events with their parsed JSON, deltas) is a pure function of the HTTP exchange
 * (core/load/overview-builder `readInteraction` is `{ http, llm: readExchange(http) }`), and
 * nothing after the load reads the kept one: the summaries, the thread and the doctor's findings
 * are made before it is kept. So an answer to the page reads it again, one exchange at a time
 * (a few ms each on the bench file). On the bench file (4,000 interactions, 43 MB) that keeps 98
 * MB of JS heap instead of 172 MB in Node; the stream events alone (each event's text beside the
 * body it was cut from) were 53 MB.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import type { HttpExchange } from '../core/model/http';
import { readExchange } from '../core/providers';

/** What is kept of one exchange. */
export type HeldExchange = HttpExchange;

/** The part of a read exchange a worker keeps. */
export function hold(exchange: AnalyzedExchange): HeldExchange {
  return exchange.http;
}

/** The kept exchange as it was read (for an answer to the page or the search index). */
export function asRead(held: HeldExchange): AnalyzedExchange {
  return { http: held, llm: readExchange(held) };
}
