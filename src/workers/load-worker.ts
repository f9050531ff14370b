/**
 * Web Worker entry: bytes in, AnalyzedCassette or LoadFailure out, so parsing a large cassette
 * never blocks the page (issue 2, 9). Created by the page with
 * `new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' })`
 * (https://vite.dev/guide/features#web-workers).
 */
import { loadCassette } from '../core/cassette';
import { analyzeCassette } from '../core/analyze';
import { runLoadJob, type LoadRequest, type LoadResponse } from './load-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LoadRequest>) => {
  runLoadJob(event.data, { loadCassette, analyzeCassette }, (response: LoadResponse) =>
    scope.postMessage(response),
  );
};
