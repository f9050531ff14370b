/**
 * The page side of loading, made once by the composition root (main.tsx) and shared by every open
 * file (open-file.ts). Each load gets its own worker, at most one loading per CPU core at a time. A
 * worker per file isolates failures: if core runs out of memory or a worker dies, only that file
 * fails, with a message (issue 8). After the load the worker keeps the file's full exchanges and
 * answers for them through the file's ExchangeStore; closing the file terminates it and returns its
 * memory.
 */
import type { Anomaly } from '../core/model/anomaly';
import type { LoadFailure } from '../core/model/errors';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type {
  LoadProgress,
  LoadStage,
  LoadWorkerMessage,
  PageLoadRequest,
  PageToLoadWorker,
} from '../workers/load-protocol';
import { ExchangeStore } from './exchange-store';
import { batchReporter, progressReporter } from './load-reporters';

export type LoadOutcome =
  | {
      ok: true;
      overview: CassetteOverview;
      exchanges: ExchangeStore;
      loadMs: number;
      /**
       * The stream doctor's findings when `overview.doctorChecking` (they come after the status:
       * issue 15, decision 2); never settles if the file is closed first.
       */
      doctor: Promise<Anomaly[]>;
    }
  | { ok: false; failure: LoadFailure };

/** What a load tells its file while it runs. */
export interface LoadListener {
  onStage(stage: LoadStage, progress?: LoadProgress): void;
  /**
   * The interaction summaries received so far while a large file still loads (in file order,
   * without thread or findings), so the page can show the first rows early; an empty list means
   * the loader started over.
   */
  onBatch?(summariesSoFar: ExchangeSummary[]): void;
  /** After the load of a picked File: a copy of its bytes (load-protocol.ts 'snapshot'). */
  onSnapshot?(source: Blob): void;
}

/** One load, queued or running. */
export interface LoadJob {
  /** Never rejects. A successful outcome's `exchanges` answers for the full exchanges until closed. */
  readonly outcome: Promise<LoadOutcome>;
  /** Stops the load (its worker ends, its slot goes to the next file); the outcome says so. */
  cancel(): void;
}

/** What the loader needs of a Worker (a fake one runs the worker's code in tests). */
export type LoadWorkerPort = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<LoadWorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
};

interface Queued {
  fileName: string;
  input: Uint8Array | Blob;
  listener: LoadListener;
  resolve: (outcome: LoadOutcome) => void;
  /** Set once started: ends the running load. */
  stop?: () => void;
}

function createLoadWorker(): LoadWorkerPort {
  return new Worker(new URL('../workers/load-worker.ts', import.meta.url), {
    type: 'module',
    name: 'cassette-load',
  });
}

const CANCELLED = 'The load was cancelled.';

/**
 * Parse workers for a large file's split load (docs/architecture.md, "The pool of parse workers").
 * With two cores or fewer, none: the page's main thread needs one core and the load worker the
 * other, and on the 2-core bench machine a pool of two made the 43 MB load about 2× slower than
 * the load worker alone (more threads than cores, and every light copy cloned once more). With
 * more cores, one per core beside the page's, at most 8.
 */
export function defaultParseWorkers(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return cores <= 2 ? 0 : Math.min(8, cores - 1);
}

export class FileLoader {
  private readonly createWorker: () => LoadWorkerPort;
  private readonly maxParallel: number;
  private readonly parseWorkers: number;
  private readonly queue: Queued[] = [];
  private running = 0;
  private nextJobId = 1;
  /**
   * One load worker started ahead of need: fetching and evaluating the worker's module takes tens
   * of milliseconds, which would otherwise come first on every file opened. Made when the page is
   * idle and again after each load ends (not at its start, where it would take a core from that
   * load). It is asked to start its parse pool too (`prewarm`), so a large file's first run finds
   * parse workers that are ready (their start-up was ~150 ms of the first rows' time on the bench
   * file).
   */
  private spare: LoadWorkerPort | null = null;

  constructor(
    createWorker: () => LoadWorkerPort = createLoadWorker,
    maxParallel = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2)),
    /** Parse workers of a large file's split load; 0: its load worker reads it alone (the bench's "one worker"). */
    parseWorkers = defaultParseWorkers(),
  ) {
    this.createWorker = createWorker;
    this.maxParallel = maxParallel;
    this.parseWorkers = parseWorkers;
  }

  /** Starts the spare worker when the page is next idle. */
  prepare(): void {
    if (this.spare || typeof Worker === 'undefined') return;
    const make = () => {
      if (this.spare) return;
      try {
        const worker = this.createWorker();
        // A spare that failed to start is dropped, so no file is sent to a worker that will never answer.
        worker.onerror = (event) => {
          event.preventDefault();
          if (this.spare === worker) this.spare = null;
          worker.terminate();
        };
        const prewarm: PageToLoadWorker = { kind: 'prewarm', parseWorkers: this.parseWorkers };
        worker.postMessage(prewarm);
        this.spare = worker;
      } catch {
        // Leave it: the load creates one when needed and reports the error there.
      }
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(make, { timeout: 1000 });
    else setTimeout(make, 200);
  }

  /** Loads one file off the main thread, after the loads ahead of it. */
  load(fileName: string, bytes: Uint8Array | Blob, listener: LoadListener): LoadJob {
    // Transfer needs the bytes to own their whole buffer; copy a view that does not. A Blob (a
    // picked File) goes as it is and the worker reads it.
    const input =
      !(bytes instanceof Uint8Array) ||
      (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
        ? bytes
        : bytes.slice();
    let queued!: Queued;
    const outcome = new Promise<LoadOutcome>((resolve) => {
      queued = { fileName, input, listener, resolve };
    });
    this.queue.push(queued);
    this.runNext();
    return {
      outcome,
      cancel: () => {
        const waiting = this.queue.indexOf(queued);
        if (waiting >= 0) this.queue.splice(waiting, 1);
        if (queued.stop) queued.stop();
        else queued.resolve({ ok: false, failure: { fileName, message: CANCELLED, attempts: [] } });
      },
    };
  }

  private takeWorker(): LoadWorkerPort {
    const worker = this.spare ?? this.createWorker();
    this.spare = null;
    worker.onerror = null;
    return worker;
  }

  private runNext(): void {
    if (this.running >= this.maxParallel) return;
    const job = this.queue.shift();
    if (job) this.run(job);
  }

  private run(job: Queued): void {
    this.running += 1;
    const jobId = this.nextJobId++;
    const started = performance.now();
    let loading = true;
    let worker: LoadWorkerPort | null = null;
    let store: ExchangeStore | null = null;
    let doctorDone: (anomalies: Anomaly[]) => void = () => {};
    const doctor = new Promise<Anomaly[]>((resolve) => (doctorDone = resolve));
    const progress = progressReporter((stage, value) => job.listener.onStage(stage, value));
    // The progress line and the table then agree on how many interactions are in.
    const onBatch = job.listener.onBatch?.bind(job.listener);
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
      this.running -= 1;
      this.runNext();
      if (this.running === 0) this.prepare();
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
    job.stop = () => fail(CANCELLED);
    try {
      worker = this.takeWorker();
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
      if (message.kind === 'doctor') {
        if (message.jobId === jobId) doctorDone(message.anomalies);
        return;
      }
      if (message.kind === 'snapshot') {
        if (message.jobId === jobId) job.listener.onSnapshot?.(message.source);
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
        // User Timing (https://w3c.github.io/user-timing/): `npm run bench` splits the status time
        // into the worker's read and the page's render after it.
        performance.mark?.('cassette-viewer:loaded', { detail: { workerMs: message.workerMs } });
        const overview = message.batched ? reporter.complete(message.overview) : message.overview;
        store = new ExchangeStore(owned, overview.exchanges.length);
        done();
        const loadMs = performance.now() - started;
        job.resolve({ ok: true, overview, exchanges: store, loadMs, doctor });
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
    const { input, fileName } = job;
    const { parseWorkers } = this;
    if (input instanceof Uint8Array) {
      const request: PageLoadRequest = { kind: 'load', jobId, fileName, parseWorkers, bytes: input };
      owned.postMessage(request, [input.buffer]);
    } else {
      const request: PageLoadRequest = { kind: 'load', jobId, fileName, parseWorkers, file: input };
      owned.postMessage(request);
    }
  }
}
