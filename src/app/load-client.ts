/**
 * The page side of loading: each file gets its own short-lived worker, at most one per CPU core at
 * a time. A worker per job costs a few milliseconds but isolates failures: if core runs out of
 * memory or a worker dies, only that file fails, with a message (issue 8), and the worker's memory
 * is returned when it is terminated.
 */
import type { AnalyzedCassette, AnalyzedExchange } from '../core/model/analysis';
import type { LoadFailure } from '../core/model/errors';
import {
  withBatches,
  type LoadProgress,
  type LoadRequest,
  type LoadResponse,
  type LoadStage,
} from '../workers/load-protocol';

export type LoadOutcome =
  { ok: true; analyzed: AnalyzedCassette; loadMs: number } | { ok: false; failure: LoadFailure };

interface Job {
  fileName: string;
  bytes: Uint8Array;
  onStage: (stage: LoadStage, progress?: LoadProgress) => void;
  onBatch?: (exchangesSoFar: AnalyzedExchange[]) => void;
  resolve: (outcome: LoadOutcome) => void;
}

/**
 * Partial results reach the page at most this often. Each report re-renders the table over every
 * exchange so far, so reporting every 100-exchange batch of a 4,000-interaction file would cost 40
 * renders; the first batch goes out at once (first rows early), later ones are coalesced.
 */
export const BATCH_REPORT_INTERVAL_MS = 250;

/**
 * Collects the batches of one load in a single array (appended, never rebuilt) and reports the
 * exchanges so far to `onBatch`: the first batch at once, later ones at most every
 * `intervalMs`. `complete` puts the exchanges into the `loaded` shell (postAnalyzed and
 * withBatches in workers/load-protocol.ts).
 */
export function batchReporter(
  onBatch: ((exchangesSoFar: AnalyzedExchange[]) => void) | undefined,
  intervalMs = BATCH_REPORT_INTERVAL_MS,
  now: () => number = () => performance.now(),
) {
  let received: AnalyzedExchange[] = [];
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
    add(exchanges: AnalyzedExchange[]) {
      for (const exchange of exchanges) received.push(exchange);
      if (!onBatch || timer !== null) return;
      const wait = lastReportAt + intervalMs - now();
      if (wait <= 0) report();
      else timer = setTimeout(report, wait);
    },
    restart() {
      cancel();
      received = [];
      if (onBatch && reported > 0) onBatch([]);
      reported = 0;
    },
    complete(shell: AnalyzedCassette): AnalyzedCassette {
      cancel();
      const analyzed = withBatches(shell, [received]);
      received = [];
      return analyzed;
    },
    cancel,
  };
}

const MAX_PARALLEL = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

let nextJobId = 1;
let running = 0;
const queue: Job[] = [];

function startWorker(): Worker {
  return new Worker(new URL('../workers/load-worker.ts', import.meta.url), {
    type: 'module',
    name: 'cassette-load',
  });
}

function runNext(): void {
  if (running >= MAX_PARALLEL) return;
  const job = queue.shift();
  if (!job) return;
  running += 1;
  const jobId = nextJobId++;
  const started = performance.now();
  let settled = false;
  let worker: Worker | null = null;
  const reporter = batchReporter(job.onBatch);
  const finish = (outcome: LoadOutcome) => {
    if (settled) return;
    settled = true;
    reporter.cancel();
    worker?.terminate();
    running -= 1;
    job.resolve(outcome);
    runNext();
  };
  const fail = (message: string) =>
    finish({ ok: false, failure: { fileName: job.fileName, message, attempts: [] } });
  try {
    worker = startWorker();
  } catch (error) {
    fail(`Could not start the loader (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  worker.onmessage = (event: MessageEvent<LoadResponse>) => {
    const response = event.data;
    if (response.jobId !== jobId) return;
    if (response.kind === 'progress') job.onStage(response.stage, response.progress);
    else if (response.kind === 'batch') reporter.add(response.exchanges);
    else if (response.kind === 'restart') reporter.restart();
    else if (response.kind === 'loaded') {
      const analyzed = response.batched ? reporter.complete(response.analyzed) : response.analyzed;
      finish({ ok: true, analyzed, loadMs: performance.now() - started });
    } else finish({ ok: false, failure: response.failure });
  };
  // An uncaught error or a failed module load inside the worker (https://html.spec.whatwg.org/multipage/workers.html#runtime-script-errors).
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    fail(
      `The loader stopped unexpectedly${event.message ? ` (${event.message})` : ''}. The file may be too large for this tab.`,
    );
  };
  worker.onmessageerror = () => fail('The loaded cassette could not be passed back to the page.');
  const request: LoadRequest = { jobId, fileName: job.fileName, bytes: job.bytes };
  worker.postMessage(request, [job.bytes.buffer]);
}

/**
 * Loads one file off the main thread. Never rejects. `onBatch`, when given, hears the exchanges
 * received so far while a large file is still loading (in file order, without thread or findings),
 * so the page can show the first rows early; an empty list means the loader started over.
 */
export function loadInWorker(
  fileName: string,
  bytes: Uint8Array,
  onStage: (stage: LoadStage, progress?: LoadProgress) => void,
  onBatch?: (exchangesSoFar: AnalyzedExchange[]) => void,
): Promise<LoadOutcome> {
  return new Promise((resolve) => {
    // Transfer needs the bytes to own their whole buffer; copy a view that does not.
    const owned =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    queue.push({ fileName, bytes: owned, onStage, onBatch, resolve });
    runNext();
  });
}
