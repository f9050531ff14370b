/**
 * The page side of loading: each file gets its own short-lived worker, at most one per CPU core at
 * a time. A worker per job costs a few milliseconds but isolates failures: if core runs out of
 * memory or a worker dies, only that file fails, with a message (issue 8), and the worker's memory
 * is returned when it is terminated.
 */
import type { AnalyzedCassette, AnalyzedExchange } from '../core/model/analysis';
import type { LoadFailure } from '../core/model/errors';
import { withBatches, type LoadProgress, type LoadRequest, type LoadResponse, type LoadStage } from '../workers/load-protocol';

export type LoadOutcome =
  { ok: true; analyzed: AnalyzedCassette; loadMs: number } | { ok: false; failure: LoadFailure };

interface Job {
  fileName: string;
  bytes: Uint8Array;
  onStage: (stage: LoadStage, progress?: LoadProgress) => void;
  resolve: (outcome: LoadOutcome) => void;
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
  const finish = (outcome: LoadOutcome) => {
    if (settled) return;
    settled = true;
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
  // Large cassettes arrive as batches of exchanges (issue 9), each a small structured clone.
  let batches: AnalyzedExchange[][] = [];
  worker.onmessage = (event: MessageEvent<LoadResponse>) => {
    const response = event.data;
    if (response.jobId !== jobId) return;
    if (response.kind === 'progress') job.onStage(response.stage, response.progress);
    else if (response.kind === 'batch') batches.push(response.exchanges);
    else if (response.kind === 'restart') batches = [];
    else if (response.kind === 'loaded') {
      const analyzed = response.batched ? withBatches(response.analyzed, batches) : response.analyzed;
      batches = [];
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

/** Loads one file off the main thread. Never rejects. */
export function loadInWorker(
  fileName: string,
  bytes: Uint8Array,
  onStage: (stage: LoadStage, progress?: LoadProgress) => void,
): Promise<LoadOutcome> {
  return new Promise((resolve) => {
    // Transfer needs the bytes to own their whole buffer; copy a view that does not.
    const owned =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    queue.push({ fileName, bytes: owned, onStage, resolve });
    runNext();
  });
}
