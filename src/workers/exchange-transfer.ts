/**
 * Full exchanges on demand (issues 8, 9): the page asks its load worker for interactions
 * `from`..`to`, and the worker answers in messages small enough that deserializing any one of them
 * on the main thread stays a short task. A structured clone is deserialized in one go
 * (https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize), so a stream
 * of 100,000 events is sent as its exchange with empty event and delta lists, then as parts of at
 * most PART_ITEMS events and deltas that the page appends in order. Messages from one worker
 * arrive in the order they were posted (https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports).
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import type { StreamDelta } from '../core/model/conversation';
import type { StreamEvent } from '../core/model/stream';

export interface ExchangeQuery {
  kind: 'exchanges';
  requestId: number;
  /** First index wanted, and one past the last. */
  from: number;
  to: number;
}

export type ExchangeAnswer =
  | { kind: 'exchange-batch'; requestId: number; exchanges: AnalyzedExchange[] }
  /** More events and deltas of the last exchange sent. */
  | { kind: 'exchange-part'; requestId: number; events: StreamEvent[]; deltas: StreamDelta[] }
  | { kind: 'exchange-end'; requestId: number }
  | { kind: 'exchange-error'; requestId: number; message: string };

/** Stream events plus deltas per message: about 10–30 ms to deserialize on a slow machine. */
export const PART_ITEMS = 5_000;

function weight(exchange: AnalyzedExchange): number {
  return 1 + (exchange.llm.stream?.events.length ?? 0) + exchange.llm.deltas.length;
}

/** The exchange without its events and deltas, which follow as parts. */
function hollow(exchange: AnalyzedExchange): AnalyzedExchange {
  const { llm } = exchange;
  return {
    http: exchange.http,
    llm: { ...llm, stream: llm.stream && { ...llm.stream, events: [] }, deltas: [] },
  };
}

/** Answers one query from the exchanges the worker holds; never throws. */
export function answerQuery(
  held: readonly AnalyzedExchange[] | null,
  query: ExchangeQuery,
  post: (answer: ExchangeAnswer) => void,
): void {
  const { requestId } = query;
  if (!held) {
    post({ kind: 'exchange-error', requestId, message: 'This file is not loaded (any more).' });
    return;
  }
  const from = Math.max(0, Math.floor(query.from));
  const to = Math.min(held.length, Math.floor(query.to));
  let batch: AnalyzedExchange[] = [];
  let batchWeight = 0;
  const flush = () => {
    if (batch.length > 0) post({ kind: 'exchange-batch', requestId, exchanges: batch });
    batch = [];
    batchWeight = 0;
  };
  for (let index = from; index < to; index++) {
    const exchange = held[index]!;
    const items = weight(exchange);
    if (items <= PART_ITEMS) {
      if (batchWeight + items > PART_ITEMS) flush();
      batch.push(exchange);
      batchWeight += items;
      continue;
    }
    flush();
    post({ kind: 'exchange-batch', requestId, exchanges: [hollow(exchange)] });
    const events = exchange.llm.stream?.events ?? [];
    const deltas = exchange.llm.deltas;
    const half = PART_ITEMS / 2;
    for (let e = 0, d = 0; e < events.length || d < deltas.length; e += half, d += half)
      post({
        kind: 'exchange-part',
        requestId,
        events: events.slice(e, e + half),
        deltas: deltas.slice(d, d + half),
      });
  }
  flush();
  post({ kind: 'exchange-end', requestId });
}

/** The page side: puts the answer to one query back together. */
export class ExchangeCollector {
  private readonly exchanges: AnalyzedExchange[] = [];

  /** Takes one answer; returns the exchanges once the answer is complete, else null. */
  add(answer: ExchangeAnswer): AnalyzedExchange[] | null {
    if (answer.kind === 'exchange-batch') {
      for (const exchange of answer.exchanges) this.exchanges.push(exchange);
    } else if (answer.kind === 'exchange-part') {
      const last = this.exchanges.at(-1);
      if (last) {
        const events = last.llm.stream?.events;
        if (events) for (const event of answer.events) events.push(event);
        for (const delta of answer.deltas) last.llm.deltas.push(delta);
      }
    } else if (answer.kind === 'exchange-end') return this.exchanges;
    return null;
  }
}
