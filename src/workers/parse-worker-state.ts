/**
 * A parse worker's state and message handling, as a class so the pool's tests run the same code in
 * Node (parse-worker.ts only wires it to the worker scope): parse tasks are run and their
 * exchanges kept, only their HTTP part (held-exchange.ts); queries are answered from what is kept,
 * read again.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import { answerQuery } from './exchange-transfer';
import { asRead, hold, type HeldExchange } from './held-exchange';
import type { FromParseWorker, ToParseWorker } from './parse-protocol';
import { runParseTask } from '../core/load/parse-task';
import { InflateBudget } from '../core/cassette/limits';
import { searchFieldsOf } from '../core/search/exchange-search-fields';

export class ParseWorkerState {
  private readonly held = new Map<number, HeldExchange>();
  /** One file's bodies, across every task this worker reads (issue 14; core/cassette/limits.ts). */
  private readonly inflateBudget = new InflateBudget();
  private readonly post: (message: FromParseWorker) => void;

  constructor(post: (message: FromParseWorker) => void) {
    this.post = post;
  }

  receive(message: ToParseWorker): void {
    if (message.kind === 'parse') {
      this.post(
        runParseTask(message, (index, exchange) => this.held.set(index, hold(exchange)), {
          inflateBudget: this.inflateBudget,
        }),
      );
      return;
    }
    if (message.kind === 'search-fields') {
      // Texts for the load worker's search index (search-runner.ts), from each kept exchange read again.
      const fields: Array<[number, string[]]> = [];
      for (let index = message.from; index < message.to; index++) {
        const held = this.held.get(index);
        if (held) fields.push([index, searchFieldsOf(asRead(held), index)]);
      }
      this.post({ kind: 'search-fields-result', requestId: message.requestId, fields });
      return;
    }
    // The exchanges of the range this worker holds, in index order.
    const list: AnalyzedExchange[] = [];
    for (let index = message.from; index < message.to; index++) {
      const exchange = this.held.get(index);
      if (exchange) list.push(asRead(exchange));
    }
    answerQuery(list, { ...message, from: 0, to: list.length }, this.post);
  }
}
