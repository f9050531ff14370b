/**
 * Web Worker entry: one per open file. It reads the bytes off the main thread (issues 2, 9), sends
 * the page a CassetteOverview, and keeps the full exchanges (itself, or in its parse workers after
 * a split load) until the page closes the file (terminates the worker, and with it its nested
 * workers), answering the page's queries for them (exchange-transfer.ts). Created by
 * the page with `new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' })`
 * (https://vite.dev/guide/features#web-workers).
 *
 * Large block-YAML cassettes take the split path (load-pool.ts): a pool of parse workers sized to
 * `navigator.hardwareConcurrency` reads runs of interactions in parallel and the page gets their
 * summaries as they come. Anything the split cannot promise to read exactly as a whole-file load
 * goes the old way (runLoadJob).
 */
import { loadCassette } from '../core/cassette';
import { unwrapFileBytes } from '../core/cassette/file-decoder';
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

/** Where the full exchanges of this worker's file are, once loaded. */
interface HeldExchanges {
  fetch(from: number, to: number): Promise<AnalyzedExchange[]>;
}

function inMemory(exchanges: AnalyzedExchange[]): HeldExchanges {
  return { fetch: (from, to) => Promise.resolve(exchanges.slice(Math.max(0, from), Math.max(0, to))) };
}

let held: HeldExchanges | null = null;
/** Queries that arrive while the file still loads wait for it. */
let waiting: Array<() => void> | null = [];

async function trySplitLoad(request: LoadRequest): Promise<HeldExchanges | null> {
  const { jobId, fileName, bytes } = request;
  if (bytes.byteLength < SPLIT_MIN_CHARS) return null;
  // Start the pool now: its workers load their module while this one splits the bytes
  // (tens of ms on a 43 MB file), so the first run of interactions finds them ready.
  const started: PoolWorker[] = [];
  for (let i = 0; i < POOL_SIZE; i++) started.push(createParseWorker());
  const unused = () => started.splice(0).forEach((worker) => worker.terminate());
  post({
    jobId,
    kind: 'progress',
    stage: 'parsing',
    progress: { bytesDone: 0, bytesTotal: bytes.byteLength, interactionsDone: 0, interactionsTotal: null },
  });
  // Cut the bytes, not a decoded copy of the text: each parse worker decodes its own runs, so this
  // worker's share before the first run goes out is one scan for line feeds.
  const unwrapped = unwrapFileBytes(bytes);
  const split = unwrapped.ok ? splitInteractionList(unwrapped.bytes) : null;
  const plan = unwrapped.ok && split && planSplitLoad(unwrapped.bytes, split);
  if (!unwrapped.ok || !split || !plan) {
    unused();
    return null;
  }
  const job = {
    jobId,
    fileName,
    bytes: unwrapped.bytes,
    bytesTotal: bytes.byteLength,
    fileDecoding: unwrapped.steps,
    split,
    plan,
  };
  const take = () => started.shift() ?? createParseWorker();
  const outcome = await runSplitLoad(job, take, POOL_SIZE, post);
  unused();
  if (outcome !== 'fallback') return outcome;
  post({ jobId, kind: 'restart' });
  return null;
}

async function load(request: LoadRequest): Promise<void> {
  held = await trySplitLoad(request).catch(() => {
    post({ jobId: request.jobId, kind: 'restart' });
    return null;
  });
  if (!held) {
    const analyzed = runLoadJob(request, { loadCassette, analyzeCassette }, post);
    held = analyzed && inMemory(analyzed.exchanges);
  }
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
  const answer = () => {
    if (!held) return answerQuery(null, message, post);
    held.fetch(message.from, message.to).then(
      (list) => answerQuery(list, { ...message, from: 0, to: list.length }, post),
      (error: unknown) =>
        post({ kind: 'exchange-error', requestId: message.requestId, message: String(error) }),
    );
  };
  if (waiting) waiting.push(answer);
  else answer();
};
