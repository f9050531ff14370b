/**
 * The page side of loading: each file gets its own worker, at most one loading per CPU core at a
 * time. A worker per file isolates failures: if core runs out of memory or a worker dies, only that
 * file fails, with a message (issue 8). After the load the worker keeps the file's full exchanges
 * and answers for them through the file's ExchangeStore; closing the file terminates it and returns
 * its memory.
 */
import type { LoadFailure } from '../core/model/errors';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type { ThreadItem } from '../core/model/thread';
import {
  withBatches,
  type LoadProgress,
  type PageLoadRequest,
  type PageToLoadWorker,
  type LoadStage,
  type LoadWorkerMessage,
} from '../workers/load-protocol';
import { ExchangeStore } from './exchange-store';

export type LoadOutcome =
  | { ok: true; overview: CassetteOverview; exchanges: ExchangeStore; loadMs: number }
  | { ok: false; failure: LoadFailure };

interface Job {
  fileName: string;
  input: Uint8Array | Blob;
  onStage: (stage: LoadStage, progress?: LoadProgress) => void;
  onBatch?: (summariesSoFar: ExchangeSummary[]) => void;
  resolve: (outcome: LoadOutcome) => void;
}

/**
 * Partial results reach the page at most this often. Each report re-renders the table over every
 * interaction so far, so reporting every 64-interaction batch of a 4,000-interaction file would
 * cost 60 renders; the first batch goes out at once (first rows early), later ones are coalesced.
 */
export const BATCH_REPORT_INTERVAL_MS = 250;
/** Added to the gap per row already shown: 4,000 rows wait 250 + 500 ms for the next report. */
const GAP_PER_ROW_MS = 0.125;

/**
 * Collects the summary batches of one load in a single array (appended, never rebuilt) and reports
 * the summaries so far to `onBatch`: the first batch at once, later ones at most every
 * `intervalMs`. `complete` puts them into the `loaded` shell (withBatches in
 * workers/load-protocol.ts).
 */
export function batchReporter(
  onBatch: ((summariesSoFar: ExchangeSummary[]) => void) | undefined,
  intervalMs = BATCH_REPORT_INTERVAL_MS,
  now: () => number = () => performance.now(),
) {
  let received: ExchangeSummary[] = [];
  let threadItems: ThreadItem[] = [];
  let reported = 0;
  let lastReportAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const report = () => {
    timer = null;
    if (!onBatch || received.length === reported) return;
    reported = received.length;
    lastReportAt = now();
    // A fresh array each report: React compares props by identity, and the copy is a few thousand
    // references (microseconds), far less than the render it triggers.
    onBatch(received.slice());
  };
  return {
    add(summaries: ExchangeSummary[], items: ThreadItem[] = []) {
      for (const summary of summaries) received.push(summary);
      for (const item of items) threadItems.push(item);
      if (!onBatch || timer !== null) return;
      // Each report renders the table over every row so far, so the gap grows with the rows
      // shown: the renders of a whole load then cost a few times its rows, not rows² / batch.
      const wait = lastReportAt + intervalMs + Math.round(reported * GAP_PER_ROW_MS) - now();
      if (wait <= 0) report();
      else timer = setTimeout(report, wait);
    },
    restart() {
      cancel();
      received = [];
      threadItems = [];
      if (onBatch && reported > 0) onBatch([]);
      reported = 0;
    },
    complete(shell: CassetteOverview): CassetteOverview {
      cancel();
      const overview = withBatches(shell, received, threadItems);
      received = [];
      threadItems = [];
      return overview;
    },
    cancel,
  };
}

/**
 * Progress reaches the page at most every `intervalMs` too: the split load reports after every
 * run (60 runs for 4,000 interactions) and each report re-renders the app shell, on the same two
 * cores the parse workers need. A change of stage goes out at once; the latest value wins.
 */
export function progressReporter(
  onStage: (stage: LoadStage, progress?: LoadProgress) => void,
  intervalMs = BATCH_REPORT_INTERVAL_MS,
  now: () => number = () => performance.now(),
) {
  let lastStage: LoadStage | null = null;
  let lastReportAt = -Infinity;
  let pending: LoadProgress | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  let pendingStage: LoadStage | null = null;
  const send = (stage: LoadStage, progress?: LoadProgress) => {
    cancel();
    pendingStage = null;
    lastStage = stage;
    lastReportAt = now();
    onStage(stage, progress);
  };
  return {
    report(stage: LoadStage, progress?: LoadProgress) {
      const wait = lastReportAt + intervalMs - now();
      if (stage !== lastStage || wait <= 0) return send(stage, progress);
      pending = progress;
      pendingStage = stage;
      timer ??= setTimeout(() => send(stage, pending), wait);
    },
    /** Keeps a value for the next `flush` without a timer (it goes out with the next rows). */
    hold(stage: LoadStage, progress?: LoadProgress) {
      cancel();
      pending = progress;
      pendingStage = stage;
    },
    /** Sends a held-back value now (with a batch of rows, so both show the same count). */
    flush() {
      if (pendingStage !== null) send(pendingStage, pending);
    },
    cancel,
  };
}

const MAX_PARALLEL = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

let nextJobId = 1;
let running = 0;
const queue: Job[] = [];

function createWorker(): Worker {
  return new Worker(new URL('../workers/load-worker.ts', import.meta.url), {
    type: 'module',
    name: 'cassette-load',
  });
}

/**
 * One load worker started ahead of need: fetching and evaluating the worker's module takes tens of
 * milliseconds, which would otherwise come first on every file opened. Made when the page is idle
 * and again after each load ends (not at its start, where it would take a core from that load).
 * It is asked to start its parse pool too (`prewarm`), so a large file's first run finds parse
 * workers that are ready (their start-up was ~150 ms of the first rows' time on the bench file).
 */
let spare: Worker | null = null;

function prepareSpare(): void {
  if (spare || typeof Worker === 'undefined') return;
  const make = () => {
    if (spare) return;
    try {
      const worker = createWorker();
      // A spare that failed to start is dropped, so no file is sent to a worker that will never answer.
      worker.onerror = (event) => {
        event.preventDefault();
        if (spare === worker) spare = null;
        worker.terminate();
      };
      const prewarm: PageToLoadWorker = { kind: 'prewarm' };
      worker.postMessage(prewarm);
      spare = worker;
    } catch {
      // Leave it: startWorker creates one when needed and reports the error there.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(make, { timeout: 1000 });
  else setTimeout(make, 200);
}

function startWorker(): Worker {
  const worker = spare ?? createWorker();
  spare = null;
  worker.onerror = null;
  return worker;
}

prepareSpare();

function runNext(): void {
  if (running >= MAX_PARALLEL) return;
  const job = queue.shift();
  if (!job) return;
  running += 1;
  const jobId = nextJobId++;
  const started = performance.now();
  let loading = true;
  let worker: Worker | null = null;
  let store: ExchangeStore | null = null;
  const progress = progressReporter(job.onStage);
  // The progress line and the table then agree on how many interactions are in.
  const onBatch = job.onBatch;
  const reporter = batchReporter(
    onBatch &&
      ((summaries: ExchangeSummary[]) => {
        progress.flush();
        onBatch(summaries);
      }),
  );
  /** The load is over (either way): the next file may start loading. */
  const done = () => {
    if (!loading) return false;
    loading = false;
    reporter.cancel();
    progress.cancel();
    running -= 1;
    runNext();
    if (running === 0) prepareSpare();
    return true;
  };
  const fail = (message: string) => {
    if (!done()) {
      // The worker died after its load: the file stays, its detail queries fail with the reason.
      store?.fail(message);
      return;
    }
    worker?.terminate();
    job.resolve({ ok: false, failure: { fileName: job.fileName, message, attempts: [] } });
  };
  try {
    worker = startWorker();
  } catch (error) {
    fail(`Could not start the loader (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  const owned = worker;
  owned.onmessage = (event: MessageEvent<LoadWorkerMessage>) => {
    const message = event.data;
    if ('requestId' in message) {
      store?.receive(message);
      return;
    }
    if (message.jobId !== jobId || !loading) return;
    if (message.kind === 'progress') {
      // Progress that counts rows goes out with those rows (the worker posts it just before them).
      if (onBatch && (message.progress?.interactionsDone ?? 0) > 0)
        progress.hold(message.stage, message.progress);
      else progress.report(message.stage, message.progress);
    } else if (message.kind === 'batch') reporter.add(message.summaries, message.threadItems);
    else if (message.kind === 'restart') reporter.restart();
    else if (message.kind === 'loaded') {
      const overview = message.batched ? reporter.complete(message.overview) : message.overview;
      store = new ExchangeStore(owned, overview.exchanges.length);
      done();
      job.resolve({ ok: true, overview, exchanges: store, loadMs: performance.now() - started });
    } else {
      done();
      owned.terminate();
      job.resolve({ ok: false, failure: message.failure });
    }
  };
  // An uncaught error or a failed module load inside the worker (https://html.spec.whatwg.org/multipage/workers.html#runtime-script-errors).
  owned.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    fail(
      `The loader stopped unexpectedly${event.message ? ` (${event.message})` : ''}. The file may be too large for this tab.`,
    );
  };
  owned.onmessageerror = () => fail('The loaded cassette could not be passed back to the page.');
  const { input } = job;
  if (input instanceof Uint8Array) {
    const request: PageLoadRequest = { kind: 'load', jobId, fileName: job.fileName, bytes: input };
    owned.postMessage(request, [input.buffer]);
  } else {
    const request: PageLoadRequest = { kind: 'load', jobId, fileName: job.fileName, file: input };
    owned.postMessage(request);
  }
}

/**
 * Loads one file off the main thread. Never rejects. `onBatch`, when given, hears the interaction
 * summaries received so far while a large file is still loading (in file order, without thread or
 * findings), so the page can show the first rows early; an empty list means the loader started
 * over. A successful outcome's `exchanges` answers for the full exchanges until it is closed.
 */
export function loadInWorker(
  fileName: string,
  bytes: Uint8Array | Blob,
  onStage: (stage: LoadStage, progress?: LoadProgress) => void,
  onBatch?: (summariesSoFar: ExchangeSummary[]) => void,
): Promise<LoadOutcome> {
  return new Promise((resolve) => {
    // Transfer needs the bytes to own their whole buffer; copy a view that does not. A Blob (a
    // picked File) goes as it is and the worker reads it.
    const input =
      !(bytes instanceof Uint8Array) ||
      (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
        ? bytes
        : bytes.slice();
    queue.push({ fileName, input, onStage, onBatch, resolve });
    runNext();
  });
}
