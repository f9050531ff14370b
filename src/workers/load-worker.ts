/**
 * Web Worker entry: bytes in, AnalyzedCassette or LoadFailure out, so parsing a large cassette
 * never blocks the page (issue 2, 9). Created by the page with
 * `new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' })`
 * (https://vite.dev/guide/features#web-workers).
 *
 * Large block-YAML cassettes take the split path (load-pool.ts): a pool of parse workers sized to
 * `navigator.hardwareConcurrency` reads runs of interactions in parallel and the page gets them as
 * they come. Anything the split cannot promise to read exactly as a whole-file load goes the old
 * way (runLoadJob).
 */
import { loadCassette } from '../core/cassette';
import { decodeFileBytes } from '../core/cassette/file-decoder';
import { splitInteractionList } from '../core/cassette/split/split-interaction-list';
import { planSplitLoad } from '../core/cassette/split/split-load';
import { analyzeCassette } from '../core/analyze';
import { runLoadJob, type LoadRequest, type LoadResponse } from './load-protocol';
import { runSplitLoad, type PoolWorker } from './load-pool';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Below this, one whole-file parse is already quick and a pool only adds worker start-up. */
const SPLIT_MIN_CHARS = 512 * 1024;
const POOL_SIZE = Math.max(1, Math.min(8, scope.navigator?.hardwareConcurrency ?? 2));

function createParseWorker(): PoolWorker {
  return new Worker(new URL('./parse-worker.ts', import.meta.url), {
    type: 'module',
    name: 'cassette-parse',
  }) as unknown as PoolWorker;
}

const post = (response: LoadResponse) => scope.postMessage(response);

async function trySplitLoad(request: LoadRequest): Promise<boolean> {
  const { jobId, fileName, bytes } = request;
  if (bytes.byteLength < SPLIT_MIN_CHARS) return false;
  post({
    jobId,
    kind: 'progress',
    stage: 'parsing',
    progress: { bytesDone: 0, bytesTotal: bytes.byteLength, interactionsDone: 0, interactionsTotal: null },
  });
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return false;
  const split = splitInteractionList(decoded.text);
  const plan = split && planSplitLoad(decoded.text, split);
  if (!split || !plan) return false;
  const job = {
    jobId,
    fileName,
    text: decoded.text,
    bytesTotal: bytes.byteLength,
    fileDecoding: decoded.steps,
    split,
    plan,
  };
  const outcome = await runSplitLoad(job, createParseWorker, POOL_SIZE, post);
  if (outcome === 'done') return true;
  post({ jobId, kind: 'restart' });
  return false;
}

scope.onmessage = (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  trySplitLoad(request)
    .catch(() => {
      post({ jobId: request.jobId, kind: 'restart' });
      return false;
    })
    .then((done) => {
      if (!done) runLoadJob(request, { loadCassette, analyzeCassette }, post);
    });
};
