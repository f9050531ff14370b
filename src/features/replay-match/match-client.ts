/**
 * Runs one match in a short-lived worker (as share-client.ts does), so a crash or an
 * out-of-memory fails only that run, with a message.
 */
import type { MatchWorkerRequest, MatchWorkerResponse } from './match-protocol';

export function matchInWorker(request: MatchWorkerRequest): Promise<MatchWorkerResponse> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./match-worker.ts', import.meta.url), {
        type: 'module',
        name: 'cassette-match',
      });
    } catch (error) {
      resolve({ kind: 'error', message: `Could not start the matching worker (${String(error)}).` });
      return;
    }
    const done = (response: MatchWorkerResponse) => {
      worker.terminate();
      resolve(response);
    };
    worker.onmessage = (event: MessageEvent<MatchWorkerResponse>) => done(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      done({ kind: 'error', message: `The matching worker stopped (${event.message || 'out of memory?'}).` });
    };
    worker.postMessage(request);
  });
}
