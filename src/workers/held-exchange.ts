/**
 * What a worker keeps of each exchange once a file has loaded (issue 9, memory). Every stream
 * event's parsed JSON is a function of its `data` text (core/streams `attachJson` is the only code
 * that sets `json` or `jsonError`), and nothing reads it again after the load: the summaries, the
 * thread and the doctor's findings are made before the exchange is kept. So the kept exchange
 * drops it, and an answer to the page parses it again, one exchange at a time. On the bench file
 * that is 108,000 parsed chunks, about a fifth of what the parse workers held.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import type { StreamEvent } from '../core/model/stream';
import { attachJson } from '../core/streams';

/**
 * Drops the parsed JSON of the exchange's stream events, in place, and returns the exchange. The
 * property stays (set to undefined) so no event object changes shape (V8 would turn a `delete`d
 * object into a slower dictionary; https://v8.dev/blog/fast-properties).
 */
export function holdCompact(exchange: AnalyzedExchange): AnalyzedExchange {
  for (const event of exchange.llm.stream?.events ?? []) if (event.json !== undefined) event.json = undefined;
  return exchange;
}

/** A kept event as it was read: its JSON parsed again from `data`, on a copy. */
function reparsed(event: StreamEvent): StreamEvent {
  if (event.jsonError !== undefined || !('json' in event)) return event;
  const { json: _dropped, ...rest } = event;
  return attachJson(rest);
}

/** The kept exchange as it was read (for an answer to the page); the kept one stays compact. */
export function asRead(exchange: AnalyzedExchange): AnalyzedExchange {
  const stream = exchange.llm.stream;
  if (!stream) return exchange;
  return {
    ...exchange,
    llm: { ...exchange.llm, stream: { ...stream, events: stream.events.map(reparsed) } },
  };
}
