/**
 * Messages between the page and the load worker, and the job itself as a plain function so it can
 * be tested in Node without a Worker. Everything crossing the boundary is structured-cloneable
 * (https://html.spec.whatwg.org/multipage/structured-data.html#safe-passing-of-structured-data).
 */
import type { AnalyzedCassette, AnalyzedExchange } from '../core/model/analysis';
import type { LoadFailure } from '../core/model/errors';
import type { Cassette } from '../core/model/http';

export interface LoadRequest {
  jobId: number;
  fileName: string;
  /** Transferred, not copied: the page gives the buffer up. */
  bytes: Uint8Array;
}

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
 * `batch` messages carry the exchanges in file order, a few hundred at a time, so no single
 * structured clone (one main-thread task on the page) is huge. A `loaded` that follows batches has
 * `batched: true` and empty exchange lists; the page puts the batches back in. `restart` tells the
 * page to drop the batches so far (the split load fell back to a whole-file read).
 */
export type LoadResponse =
  | { jobId: number; kind: 'progress'; stage: LoadStage; progress?: LoadProgress }
  | { jobId: number; kind: 'batch'; exchanges: AnalyzedExchange[] }
  | { jobId: number; kind: 'restart' }
  | { jobId: number; kind: 'loaded'; analyzed: AnalyzedCassette; workerMs: number; batched?: boolean }
  | { jobId: number; kind: 'failed'; failure: LoadFailure };

/** Exchanges per `batch` message. */
export const BATCH_SIZE = 100;

/** Posts an analyzed cassette; large ones as batches followed by a `loaded` shell. */
export function postAnalyzed(
  jobId: number,
  analyzed: AnalyzedCassette,
  workerMs: number,
  post: (response: LoadResponse) => void,
): void {
  if (analyzed.exchanges.length <= BATCH_SIZE) {
    post({ jobId, kind: 'loaded', analyzed, workerMs });
    return;
  }
  for (let at = 0; at < analyzed.exchanges.length; at += BATCH_SIZE)
    post({ jobId, kind: 'batch', exchanges: analyzed.exchanges.slice(at, at + BATCH_SIZE) });
  const shell: AnalyzedCassette = {
    ...analyzed,
    cassette: { ...analyzed.cassette, exchanges: [] },
    exchanges: [],
  };
  post({ jobId, kind: 'loaded', analyzed: shell, workerMs, batched: true });
}

/** The page side of `postAnalyzed`: the cassette with its batched exchanges put back. */
export function withBatches(analyzed: AnalyzedCassette, batches: AnalyzedExchange[][]): AnalyzedCassette {
  const exchanges = batches.flat();
  return {
    ...analyzed,
    exchanges,
    cassette: { ...analyzed.cassette, exchanges: exchanges.map((e) => e.http) },
  };
}

/** The two core steps, injected so the job can be tested with the real core or a failing one. */
export interface LoadSteps {
  loadCassette(bytes: Uint8Array, fileName: string): Cassette;
  analyzeCassette(cassette: Cassette): AnalyzedCassette;
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

/** Runs one load job, reporting progress; never throws. */
export function runLoadJob(
  request: LoadRequest,
  steps: LoadSteps,
  post: (response: LoadResponse) => void,
  now: () => number = () => performance.now(),
): void {
  const { jobId, fileName, bytes } = request;
  const started = now();
  let stage: LoadStage = 'parsing';
  try {
    post({ jobId, kind: 'progress', stage });
    const cassette = steps.loadCassette(bytes, fileName);
    stage = 'analyzing';
    post({ jobId, kind: 'progress', stage });
    const analyzed = steps.analyzeCassette(cassette);
    postAnalyzed(jobId, analyzed, now() - started, post);
  } catch (error) {
    post({ jobId, kind: 'failed', failure: toLoadFailure(error, fileName, stage) });
  }
}
