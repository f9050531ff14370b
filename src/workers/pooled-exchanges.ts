/**
 * The full exchanges of a split load, held by the parse workers that read them (load-pool.ts).
 * `fetch(from, to)` asks every worker that holds part of the range, puts each answer back together
 * (exchange-transfer.ts) and merges them in file order, so the load worker can answer the page's
 * query as if it held them itself.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import { appendAll } from '../lib/arrays';
import { ExchangeCollector, type ExchangeAnswer } from './exchange-transfer';
import type { ToParseWorker } from './parse-protocol';
import type { SearchFieldsAnswer } from './search-protocol';

interface Member {
  postMessage(message: ToParseWorker): void;
}

interface Pending {
  waiting: number;
  parts: AnalyzedExchange[][];
  collectors: Map<number, ExchangeCollector>;
  resolve: (list: AnalyzedExchange[]) => void;
  reject: (error: Error) => void;
}

/** A `searchFields` request: the members still to answer and the texts so far. */
interface PendingFields {
  waiting: number;
  fields: Array<[number, string[]]>;
  resolve: (fields: string[][]) => void;
  reject: (error: Error) => void;
}

export class PooledExchanges {
  private readonly members: readonly Member[];
  private readonly owner: ArrayLike<number>;
  private readonly pending = new Map<number, Pending>();
  private readonly pendingFields = new Map<number, PendingFields>();
  private nextRequestId = 1;

  constructor(members: readonly Member[], owner: ArrayLike<number>) {
    this.members = members;
    this.owner = owner;
  }

  get count(): number {
    return this.owner.length;
  }

  /** The pool members holding interactions `start`..`end`. */
  private holders(start: number, end: number): Set<number> {
    const involved = new Set<number>();
    for (let index = start; index < end; index++) involved.add(this.owner[index]!);
    return involved;
  }

  fetch(from: number, to: number): Promise<AnalyzedExchange[]> {
    const start = Math.max(0, from);
    const end = Math.min(this.owner.length, to);
    const involved = this.holders(start, end);
    if (involved.size === 0) return Promise.resolve([]);
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const collectors = new Map([...involved].map((member) => [member, new ExchangeCollector()]));
      this.pending.set(requestId, { waiting: involved.size, parts: [], collectors, resolve, reject });
      for (const member of involved)
        this.members[member]!.postMessage({ kind: 'exchanges', requestId, from: start, to: end });
    });
  }

  /**
   * The search texts of interactions `from`..`to` (workers/search-runner.ts), in index order, each
   * computed by the parse worker that holds it: texts cross, not exchanges.
   */
  searchFields(from: number, to: number): Promise<string[][]> {
    const start = Math.max(0, from);
    const end = Math.min(this.owner.length, to);
    const involved = this.holders(start, end);
    if (involved.size === 0) return Promise.resolve([]);
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pendingFields.set(requestId, { waiting: involved.size, fields: [], resolve, reject });
      for (const member of involved)
        this.members[member]!.postMessage({ kind: 'search-fields', requestId, from: start, to: end });
    });
  }

  /** An answer from pool member `member`. */
  receive(member: number, answer: ExchangeAnswer | SearchFieldsAnswer): void {
    if (answer.kind === 'search-fields-result') {
      const request = this.pendingFields.get(answer.requestId);
      if (!request) return;
      appendAll(request.fields, answer.fields);
      if (--request.waiting > 0) return;
      this.pendingFields.delete(answer.requestId);
      request.resolve(request.fields.sort((a, b) => a[0] - b[0]).map(([, fields]) => fields));
      return;
    }
    const request = this.pending.get(answer.requestId);
    if (!request) return;
    if (answer.kind === 'exchange-error') {
      this.pending.delete(answer.requestId);
      request.reject(new Error(answer.message));
      return;
    }
    const done = request.collectors.get(member)?.add(answer);
    if (!done) return;
    request.parts.push(done);
    if (--request.waiting > 0) return;
    this.pending.delete(answer.requestId);
    request.resolve(request.parts.flat().sort((a, b) => a.http.index - b.http.index));
  }

  fail(message: string): void {
    for (const request of this.pending.values()) request.reject(new Error(message));
    for (const request of this.pendingFields.values()) request.reject(new Error(message));
    this.pending.clear();
    this.pendingFields.clear();
  }
}
