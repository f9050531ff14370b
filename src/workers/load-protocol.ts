/**
 * Messages between the page and its load worker, and the load job itself as a plain function so
 * it can be tested in Node without a Worker. Everything crossing the boundary is
 * structured-cloneable
 * (https://html.spec.whatwg.org/multipage/structured-data.html#safe-passing-of-structured-data).
 *
 * A load worker lives as long as its file is open (issues 8, 9): it reads the file, sends the page
 * a CassetteOverview (facts, one summary per interaction, thread, findings), and keeps the full
 * exchanges. Views that need one (Raw, Replay, Compare) ask for it by index (exchange-transfer.ts).
 */
import { readWholeCassette, type OverviewBuilder, type readInteraction } from '../core/load/overview-builder';
import type { AnalyzedExchange } from '../core/model/analysis';
import type { Anomaly } from '../core/model/anomaly';
import type { LoadFailure } from '../core/model/errors';
import type { Cassette } from '../core/model/http';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type { ThreadItem } from '../core/model/thread';
import type { ExchangeAnswer, ExchangeQuery } from './exchange-transfer';
import type { SearchAnswer, SearchQuery } from './search-protocol';

export interface LoadRequest {
  kind: 'load';
  jobId: number;
  fileName: string;
  /**
   * Parse workers for a split load; 0 reads the runs on the load worker's own thread (one worker,
   * no pool). The page decides (app/file-loader.ts), so the bench can compare the two.
   */
  parseWorkers: number;
  /** Transferred, not copied: the page gives the buffer up. */
  bytes: Uint8Array;
}

/**
 * A picked or dropped file goes to the worker as the File itself (a handle, not a copy) and the
 * worker reads it, so the page's main thread neither waits for the read nor copies the bytes
 * (https://w3c.github.io/FileAPI/#dfn-arrayBuffer).
 */
export type PageLoadRequest = Omit<LoadRequest, 'bytes'> & ({ bytes: Uint8Array } | { file: Blob });

/**
 * What the page sends its load worker: the file once, then queries for full exchanges. A spare
 * worker, started before any file, first gets `prewarm`: start the parse pool now, at idle.
 */
export type PageToLoadWorker =
  PageLoadRequest | ExchangeQuery | SearchQuery | { kind: 'prewarm'; parseWorkers: number };

export type LoadStage = 'parsing' | 'analyzing';

/** How far a load is, for the progress bar (issue 9: bytes and interactions). */
export interface LoadProgress {
  bytesDone: number;
  bytesTotal: number;
  interactionsDone: number;
  /** Known once the interaction list is split; null before or when read whole. */
  interactionsTotal: number | null;
}

/**
 * `batch` messages carry interaction summaries in file order while a large file still loads (the
 * split load), so the table fills early, and the thread items of those interactions, so the
 * thread crosses to the page in pieces rather than as one clone of many MB on the main thread
 * when the load ends. A `loaded` that follows batches has `batched: true`, an empty summary list
 * and a thread without items; the page puts the batches back in. `restart` tells the page to drop the
 * batches so far (the split load fell back to a whole-file read).
 */
export type LoadResponse =
  | { jobId: number; kind: 'progress'; stage: LoadStage; progress?: LoadProgress }
  | { jobId: number; kind: 'batch'; summaries: ExchangeSummary[]; threadItems: ThreadItem[] }
  | { jobId: number; kind: 'restart' }
  | { jobId: number; kind: 'loaded'; overview: CassetteOverview; workerMs: number; batched?: boolean }
  /** The stream doctor's findings, after a `loaded` whose overview has `doctorChecking`. */
  | { jobId: number; kind: 'doctor'; anomalies: Anomaly[] }
  /**
   * After the load of a picked File: a copy of its bytes as a Blob, made here rather than on the
   * page (a 43 MB copy there was a 200 ms task and 43 MB more of the page's heap to collect). The
   * page keeps it for Share in place of the File, which can no longer be read once it changes on
   * disk (https://w3c.github.io/FileAPI/#file-section, "snapshot state"). A Blob crosses as a
   * handle; its bytes stay out of both JS heaps.
   */
  | { jobId: number; kind: 'snapshot'; source: Blob }
  | { jobId: number; kind: 'failed'; failure: LoadFailure };

/** Everything a load worker posts to the page. */
export type LoadWorkerMessage = LoadResponse | ExchangeAnswer | SearchAnswer;

/** The page side of a batched load: the overview with its batched summaries and items put back. */
export function withBatches(
  overview: CassetteOverview,
  summaries: ExchangeSummary[],
  threadItems: ThreadItem[],
): CassetteOverview {
  return { ...overview, exchanges: summaries, thread: { ...overview.thread, items: threadItems } };
}

/** The two core steps, injected so the job can be tested with the real core or a failing one. */
export interface LoadSteps {
  loadCassette(bytes: Uint8Array, fileName: string): Cassette;
  /** core/load/overview-builder `readInteraction` unless a test fails it on purpose. */
  readInteraction?: typeof readInteraction;
}

/** A LoadFailure as thrown by loadCassette (CassetteLoadError carries `failure`). */
function carriedFailure(error: unknown): LoadFailure | null {
  if (typeof error !== 'object' || error === null || !('failure' in error)) return null;
  const failure = (error as { failure: unknown }).failure;
  if (typeof failure !== 'object' || failure === null) return null;
  const candidate = failure as Partial<LoadFailure>;
  if (typeof candidate.message !== 'string' || !Array.isArray(candidate.attempts)) return null;
  return candidate as LoadFailure;
}

/**
 * Turns anything thrown into a LoadFailure the page can show: a bug in core must still end in a
 * visible message naming the file, never a blank page or a console-only error (issue 8).
 */
export function toLoadFailure(error: unknown, fileName: string, stage: LoadStage): LoadFailure {
  const carried = carriedFailure(error);
  if (carried) return { ...carried, fileName: carried.fileName || fileName };
  const detail =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : typeof error === 'string'
        ? error
        : 'unknown error';
  const what = stage === 'parsing' ? 'reading the file' : 'reading the interactions';
  return {
    fileName,
    message: `Unexpected error while ${what} (${detail.slice(0, 500)}). This is a bug in Cassette Viewer; other files are unaffected.`,
    attempts: [],
  };
}

/**
 * Posts the stream doctor's findings. Always posts, so the page never shows "checking…" for good: a
 * doctor that throws (a bug) leaves the file with no findings rather than none reported at all.
 */
export function postDoctor(
  jobId: number,
  builder: Pick<OverviewBuilder, 'findings'>,
  post: (response: LoadResponse) => void,
): void {
  let anomalies: Anomaly[] = [];
  try {
    anomalies = builder.findings();
  } catch {
    // Kept empty: see above.
  }
  post({ jobId, kind: 'doctor', anomalies });
}

/**
 * Runs one whole-file load job, reporting progress; never throws. The overview is built as the
 * split load builds it (core/load/overview-builder). Returns the full exchanges (which the worker
 * keeps for later queries), or null when the load failed.
 */
export function runLoadJob(
  request: LoadRequest,
  steps: LoadSteps,
  post: (response: LoadResponse) => void,
  now: () => number = () => performance.now(),
): AnalyzedExchange[] | null {
  const { jobId, fileName, bytes } = request;
  const started = now();
  let stage: LoadStage = 'parsing';
  try {
    post({ jobId, kind: 'progress', stage });
    const cassette = steps.loadCassette(bytes, fileName);
    stage = 'analyzing';
    post({ jobId, kind: 'progress', stage });
    const { builder, facts, exchanges } = readWholeCassette(cassette, steps.readInteraction);
    // The status first, then the stream doctor's last step (issue 15, decision 2).
    post({ jobId, kind: 'loaded', overview: builder.finishReading(facts), workerMs: now() - started });
    postDoctor(jobId, builder, post);
    return exchanges;
  } catch (error) {
    post({ jobId, kind: 'failed', failure: toLoadFailure(error, fileName, stage) });
    return null;
  }
}
