/**
 * Runs one copy in a short-lived worker (as share-client.ts and match-client.ts do), so the
 * masking code stays out of the page's first bundle and a failure is a message, not a crash.
 * Only what a copy reads crosses over: the request and the response's headers, not its body.
 */
import type { HttpExchange } from '../../core/model/http';
import type { ExchangeCopies } from '../../core/share/exchange-copies';
import type { CopyWorkerRequest, CopyWorkerResponse } from './copy-worker';

export function copiesInWorker(exchange: HttpExchange, masked: boolean): Promise<ExchangeCopies> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./copy-worker.ts', import.meta.url), {
        type: 'module',
        name: 'cassette-copy',
      });
    } catch (error) {
      reject(new Error(`could not start the copy worker (${String(error)})`));
      return;
    }
    worker.onmessage = (event: MessageEvent<CopyWorkerResponse>) => {
      worker.terminate();
      if (event.data.kind === 'copies') resolve(event.data.copies);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(`the copy worker stopped (${event.message || 'out of memory?'})`));
    };
    const response = exchange.response && { ...exchange.response, body: null };
    const request: CopyWorkerRequest = { exchange: { ...exchange, response }, masked };
    worker.postMessage(request);
  });
}
