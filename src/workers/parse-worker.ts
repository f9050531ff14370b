/**
 * Pool member of the load worker (issue 9): parses and reads runs of interactions in parallel,
 * keeps the full exchanges it read (without their events' parsed JSON: held-exchange.ts), and
 * answers the coordinator's queries for them until the file is closed (the coordinator then ends
 * with it). Started by load-pool.ts as a nested dedicated worker
 * (https://html.spec.whatwg.org/multipage/workers.html#dedicated-workers-and-the-worker-interface).
 */
import type { FromParseWorker, ToParseWorker } from './parse-protocol';
import { ParseWorkerState } from './parse-worker-state';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const state = new ParseWorkerState((message: FromParseWorker) => scope.postMessage(message));

scope.onmessage = (event: MessageEvent<ToParseWorker>) => state.receive(event.data);
