/**
 * Web Worker entry: one per open file. It reads the bytes off the main thread (issues 2, 9), sends
 * the page a CassetteOverview, and keeps the full exchanges until the page closes the file
 * (terminates the worker), answering the page's queries for them (exchange-transfer.ts). Created by
 * the page with `new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' })`
 * (https://vite.dev/guide/features#web-workers).
 *
 * Large block-YAML cassettes take the split path (load-pool.ts): a pool of parse workers sized to
 * `navigator.hardwareConcurrency` reads runs of interactions in parallel and the page gets their
 * summaries as they come. Anything the split cannot promise to read exactly as a whole-file load
 * goes the old way (runLoadJob).
 */
import { loadCassette } from '../core/cassette';
import { decodeFileBytes } from '../core/cassette/file-decoder';
import { splitInteractionList } from '../core/cassette/split/split-interaction-list';
import { planSplitLoad } from '../core/cassette/split/split-load';
import { analyzeCassette } from '../core/analyze';
import type { AnalyzedExchange } from '../core/model/analysis';
import { answerQuery } from './exchange-transfer';
import { runLoadJob, type LoadRequest, type LoadWorkerMessage, type PageToLoadWorker } from './load-protocol';
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

const post = (message: LoadWorkerMessage) => scope.postMessage(message);

/** The exchanges of this worker's file, once loaded. */
let held: AnalyzedExchange[] | null = null;
/** Queries that arrive while the file still loads wait for it. */
let waiting: Array<() => void> | null = [];

async function trySplitLoad(request: LoadRequest): Promise<AnalyzedExchange[] | null> {
  const { jobId, fileName, bytes } = request;
  if (bytes.byteLength < SPLIT_MIN_CHARS) return null;
  post({
    jobId,
    kind: 'progress',
    stage: 'parsing',
    progress: { bytesDone: 0, bytesTotal: bytes.byteLength, interactionsDone: 0, interactionsTotal: null },
  });
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return null;
  const split = splitInteractionList(decoded.text);
  const plan = split && planSplitLoad(decoded.text, split);
  if (!split || !plan) return null;
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
  if (outcome !== 'fallback') return outcome;
  post({ jobId, kind: 'restart' });
  return null;
}

async function load(request: LoadRequest): Promise<void> {
  let exchanges = await trySplitLoad(request).catch(() => {
    post({ jobId: request.jobId, kind: 'restart' });
    return null;
  });
  exchanges ??= runLoadJob(request, { loadCassette, analyzeCassette }, post)?.exchanges ?? null;
  held = exchanges;
  const queued = waiting ?? [];
  waiting = null;
  for (const answer of queued) answer();
}

scope.onmessage = (event: MessageEvent<PageToLoadWorker>) => {
  const message = event.data;
  if (message.kind === 'load') {
    void load(message);
    return;
  }
  const answer = () => answerQuery(held, message, post);
  if (waiting) waiting.push(answer);
  else answer();
};
