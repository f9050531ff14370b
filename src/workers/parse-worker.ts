/**
 * Pool member of the load worker (issue 9): parses and reads runs of interactions in parallel.
 * Started by load-pool.ts as a nested dedicated worker
 * (https://html.spec.whatwg.org/multipage/workers.html#dedicated-workers-and-the-worker-interface).
 */
import type { ParseTask } from './parse-protocol';
import { runParseTask } from './parse-task';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ParseTask>) => {
  scope.postMessage(runParseTask(event.data));
};
