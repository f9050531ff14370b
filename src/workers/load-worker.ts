/**
 * Web Worker entry: one per open file. It reads the bytes off the main thread (issues 2, 9), sends
 * the page a CassetteOverview, and keeps the full exchanges (itself, or in its parse workers after
 * a split load) until the page closes the file (terminates the worker, and with it its nested
 * workers), answering the page's queries for them (exchange-transfer.ts). Created by
 * the page with `new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' })`
 * (https://vite.dev/guide/features#web-workers).
 *
 * Large block-YAML cassettes take the split path (load-pool.ts): runs of interactions are read by a
 * pool of parse workers, or on this worker's own thread when the page asks for none
 * (app/file-loader.ts defaultParseWorkers), and the page gets their summaries as they come. Anything the split cannot promise to read exactly as a whole-file load
 * goes the old way (runLoadJob).
 */
import { loadCassette } from '../core/cassette';
import { prepareSplitJob } from '../core/load/split-job';
import type { AnalyzedExchange } from '../core/model/analysis';
import { answerQuery } from './exchange-transfer';
import { asRead, hold } from './held-exchange';
import {
  runLoadJob,
  type LoadRequest,
  type LoadWorkerMessage,
  type PageLoadRequest,
  type PageToLoadWorker,
} from './load-protocol';
import { inThreadParser } from './in-thread-parser';
import { runSplitLoad, type PoolWorker } from './load-pool';
import { searchFieldsOf } from '../core/search/exchange-search-fields';
import { SearchRunner } from './search-runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Below this, one whole-file parse is already quick and a pool only adds worker start-up. */
const SPLIT_MIN_CHARS = 512 * 1024;

function createParseWorker(): PoolWorker {
  return new Worker(new URL('./parse-worker.ts', import.meta.url), {
    type: 'module',
    name: 'cassette-parse',
  }) as unknown as PoolWorker;
}

const post = (message: LoadWorkerMessage) => scope.postMessage(message);

/** Where the full exchanges of this worker's file are, once loaded. */
interface HeldExchanges {
  readonly count: number;
  fetch(from: number, to: number): Promise<AnalyzedExchange[]>;
  /** Each interaction's search texts (issue 17), computed where it is held. */
  searchFields(from: number, to: number): Promise<string[][]>;
}

/** A whole-file load's exchanges, of which only the HTTP part is kept (held-exchange.ts). */
function inMemory(exchanges: AnalyzedExchange[]): HeldExchanges {
  const kept = exchanges.map(hold);
  const range = (from: number, to: number) => kept.slice(Math.max(0, from), Math.max(0, to));
  return {
    count: kept.length,
    fetch: (from, to) => Promise.resolve(range(from, to).map(asRead)),
    searchFields: (from, to) =>
      Promise.resolve(range(from, to).map((held, offset) => searchFieldsOf(asRead(held), from + offset))),
  };
}

/** Parse workers started before the file came (`prewarm`), still loading or ready. */
const warmPool: PoolWorker[] = [];

let held: HeldExchanges | null = null;
/** The text index, built on the first search (search-runner.ts). */
let search: SearchRunner | null = null;
/** Queries that arrive while the file still loads wait for it. */
let waiting: Array<() => void> | null = [];

async function trySplitLoad(request: LoadRequest): Promise<HeldExchanges | null> {
  const { jobId, fileName, bytes, parseWorkers } = request;
  const started = warmPool.splice(0);
  if (bytes.byteLength < SPLIT_MIN_CHARS) {
    started.forEach((worker) => worker.terminate());
    return null;
  }
  // Start the rest of the pool now (when not prewarmed): its workers load their module while this
  // one finds the first interaction.
  while (started.length < parseWorkers) started.push(createParseWorker());
  const unused = () => started.splice(0).forEach((worker) => worker.terminate());
  post({
    jobId,
    kind: 'progress',
    stage: 'parsing',
    progress: { bytesDone: 0, bytesTotal: bytes.byteLength, interactionsDone: 0, interactionsTotal: null },
  });
  // Cut the bytes, not a decoded copy of the text: each parse worker decodes its own runs. Only
  // the first interaction is found here; the pool sends the first runs out and scans the rest
  // between the parse workers' answers, so the first rows do not wait for a scan of the whole file.
  const job = prepareSplitJob(jobId, fileName, bytes);
  if (!job) {
    unused();
    return null;
  }
  const take = () => started.shift() ?? (parseWorkers > 0 ? createParseWorker() : inThreadParser());
  const outcome = await runSplitLoad(job, take, Math.max(1, parseWorkers), post);
  unused();
  if (outcome !== 'fallback') return outcome;
  post({ jobId, kind: 'restart' });
  return null;
}

/** The request with the file's bytes, read here when the page sent the File; null if unreadable. */
async function read(request: PageLoadRequest): Promise<LoadRequest | null> {
  if ('bytes' in request) return request;
  const { jobId, fileName, parseWorkers } = request;
  try {
    const bytes = new Uint8Array(await request.file.arrayBuffer());
    return { kind: 'load', jobId, fileName, parseWorkers, bytes };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    post({
      jobId,
      kind: 'failed',
      failure: { fileName, message: `Could not read the file: ${reason}`, attempts: [] },
    });
    return null;
  }
}

/** Answers the queries that waited for the load (as for a failed load when there is none). */
function answerWaiting(): void {
  const queued = waiting ?? [];
  waiting = null;
  for (const answer of queued) answer();
}

/** `fromFile`: the page sent a File, and wants a copy of its bytes back once loaded ('snapshot'). */
async function load(request: LoadRequest, fromFile: boolean): Promise<void> {
  held = await trySplitLoad(request).catch(() => {
    post({ jobId: request.jobId, kind: 'restart' });
    return null;
  });
  if (!held) {
    const exchanges = runLoadJob(request, { loadCassette }, post);
    held = exchanges && inMemory(exchanges);
  }
  answerWaiting();
  // After the status and the doctor: the copy takes a moment of this thread, not of the load's.
  if (held && fromFile)
    post({
      jobId: request.jobId,
      kind: 'snapshot',
      source: new Blob([request.bytes as Uint8Array<ArrayBuffer>]),
    });
}

scope.onmessage = (event: MessageEvent<PageToLoadWorker>) => {
  const message = event.data;
  if (message.kind === 'prewarm') {
    while (warmPool.length < message.parseWorkers) warmPool.push(createParseWorker());
    return;
  }
  if (message.kind === 'load') {
    void read(message).then((request) => (request ? load(request, 'file' in message) : answerWaiting()));
    return;
  }
  if (message.kind === 'search') {
    const { requestId, query } = message;
    const answerSearch = () => {
      if (!held)
        return post({ kind: 'exchange-error', requestId, message: 'This file is not loaded (any more).' });
      const { count } = held;
      search ??= new SearchRunner(count, (from, to) => held!.searchFields(from, to));
      search.search(query).then(
        (matches) => post({ kind: 'search-result', requestId, query, matches }),
        (error: unknown) => post({ kind: 'exchange-error', requestId, message: String(error) }),
      );
    };
    if (waiting) waiting.push(answerSearch);
    else answerSearch();
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
