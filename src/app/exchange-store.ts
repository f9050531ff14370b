/**
 * The page's handle on the full exchanges of one open file (issues 8, 9). They stay in the file's
 * load worker; a view asks for one (Raw, Replay) or all of them (Compare) and gets it a moment
 * later. The few most recently used stay on the page, so switching tabs does not ask again.
 * `close()` ends the worker and with it the file's memory.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import { ExchangeCollector, type ExchangeAnswer, type ExchangeQuery } from '../workers/exchange-transfer';
import type { SearchAnswer, SearchQuery } from '../workers/search-protocol';

/** What a load worker needs to be for the store (a fake one answers in tests). */
export interface QueryPort {
  postMessage(query: ExchangeQuery | SearchQuery): void;
  terminate(): void;
}

/** Full exchanges kept on the page at once; each can hold a whole streamed body. */
const KEPT = 8;

export class ExchangeStore {
  readonly count: number;
  private readonly port: QueryPort;
  private readonly kept = new Map<number, AnalyzedExchange>();
  private readonly asked = new Map<number, Promise<AnalyzedExchange>>();
  private readonly pending = new Map<
    number,
    {
      collector: ExchangeCollector;
      resolve: (list: AnalyzedExchange[]) => void;
      reject: (error: Error) => void;
    }
  >();
  private readonly searches = new Map<
    number,
    { resolve: (matches: number[]) => void; reject: (error: Error) => void }
  >();
  private nextRequestId = 1;
  private closed = false;

  constructor(port: QueryPort, count: number) {
    this.port = port;
    this.count = count;
  }

  /** The worker's answers, forwarded by the loader (file-loader.ts). */
  receive(answer: ExchangeAnswer | SearchAnswer): void {
    const search = this.searches.get(answer.requestId);
    if (search && (answer.kind === 'search-result' || answer.kind === 'exchange-error')) {
      this.searches.delete(answer.requestId);
      if (answer.kind === 'search-result') search.resolve(answer.matches);
      else search.reject(new Error(answer.message));
      return;
    }
    if (answer.kind === 'search-result') return;
    const request = this.pending.get(answer.requestId);
    if (!request) return;
    if (answer.kind === 'exchange-error') {
      this.pending.delete(answer.requestId);
      request.reject(new Error(answer.message));
      return;
    }
    const done = request.collector.add(answer);
    if (done) {
      this.pending.delete(answer.requestId);
      request.resolve(done);
    }
  }

  /** The exchange, if it is on the page already. */
  peek(index: number): AnalyzedExchange | undefined {
    return this.kept.get(index);
  }

  get(index: number): Promise<AnalyzedExchange> {
    const kept = this.kept.get(index);
    if (kept) return Promise.resolve(kept);
    const asked = this.asked.get(index);
    if (asked) return asked;
    const promise = this.query(index, index + 1).then((list) => {
      const exchange = list[0];
      if (!exchange) throw new Error(`Interaction ${index + 1} is not in this file.`);
      this.keep(index, exchange);
      return exchange;
    });
    this.asked.set(index, promise);
    const forget = () => this.asked.delete(index);
    promise.then(forget, forget);
    return promise;
  }

  /** Every exchange, in file order (for Compare); not kept. */
  all(): Promise<AnalyzedExchange[]> {
    return this.query(0, this.count);
  }

  /**
   * The interactions holding every term of `query` (core/search/query-terms.ts), in file order,
   * from the worker's text index (issue 17). The worker builds the index on the first search; an
   * empty query only starts that build (the search box does so when it gets focus).
   */
  search(query: string): Promise<number[]> {
    if (this.closed) return Promise.reject(new Error('The file was closed.'));
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.searches.set(requestId, { resolve, reject });
      this.port.postMessage({ kind: 'search', requestId, query });
    });
  }

  /** Fails what is still asked and ends the worker. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const request of this.pending.values()) request.reject(new Error('The file was closed.'));
    for (const request of this.searches.values()) request.reject(new Error('The file was closed.'));
    this.pending.clear();
    this.searches.clear();
    this.kept.clear();
    this.port.terminate();
  }

  /** Called by the owner when the worker died. */
  fail(message: string): void {
    for (const request of this.pending.values()) request.reject(new Error(message));
    for (const request of this.searches.values()) request.reject(new Error(message));
    this.pending.clear();
    this.searches.clear();
  }

  private keep(index: number, exchange: AnalyzedExchange): void {
    this.kept.delete(index);
    this.kept.set(index, exchange);
    // Map keeps insertion order: the first key is the least recently used.
    while (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
  }

  private query(from: number, to: number): Promise<AnalyzedExchange[]> {
    if (this.closed) return Promise.reject(new Error('The file was closed.'));
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { collector: new ExchangeCollector(), resolve, reject });
      this.port.postMessage({ kind: 'exchanges', requestId, from, to });
    });
  }
}
