/**
 * Pool member of the load worker (issue 9): parses and reads runs of interactions in parallel,
 * keeps the full exchanges it read, and answers the coordinator's queries for them until the file
 * is closed (the coordinator then ends with it). Started by load-pool.ts as a nested dedicated
 * worker (https://html.spec.whatwg.org/multipage/workers.html#dedicated-workers-and-the-worker-interface).
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import { answerQuery } from './exchange-transfer';
import type { FromParseWorker, ToParseWorker } from './parse-protocol';
import { runParseTask } from './parse-task';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const held = new Map<number, AnalyzedExchange>();
const post = (message: FromParseWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ToParseWorker>) => {
  const message = event.data;
  if (message.kind === 'parse') {
    post(runParseTask(message, (index, exchange) => held.set(index, exchange)));
    return;
  }
  // The exchanges of the range this worker holds, in index order.
  const list: AnalyzedExchange[] = [];
  for (let index = message.from; index < message.to; index++) {
    const exchange = held.get(index);
    if (exchange) list.push(exchange);
  }
  answerQuery(list, { ...message, from: 0, to: list.length }, post);
};
