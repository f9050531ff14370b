/**
 * A pool member that is not a worker: the parse worker's own code (ParseWorkerState) run on the
 * load worker's thread, each message a task of its own so the scan and the page's queries still
 * interleave. A split load with no parse workers ("one worker, no pool") uses one, so it keeps the
 * split load's early rows and batches without any nested worker (issue 15: the bench compares it
 * with the pool).
 */
import type { PoolWorker } from './load-pool';
import type { FromParseWorker, ToParseWorker } from './parse-protocol';
import { ParseWorkerState } from './parse-worker-state';
import { nextTask } from './next-task';

export function inThreadParser(): PoolWorker {
  let ended = false;
  const member: PoolWorker = {
    inThread: true,
    onmessage: null,
    onerror: null,
    postMessage(message: ToParseWorker) {
      nextTask(() => {
        if (!ended) state.receive(message);
      });
    },
    terminate() {
      ended = true;
    },
  };
  const state = new ParseWorkerState((data: FromParseWorker) => {
    if (!ended) member.onmessage?.({ data });
  });
  return member;
}
