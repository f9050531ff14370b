/**
 * Messages between the page and the load worker, and the job itself as a plain function so it can
 * be tested in Node without a Worker. Everything crossing the boundary is structured-cloneable
 * (https://html.spec.whatwg.org/multipage/structured-data.html#safe-passing-of-structured-data).
 */
import type { AnalyzedCassette } from '../core/model/analysis';
import type { LoadFailure } from '../core/model/errors';
import type { Cassette } from '../core/model/http';

export interface LoadRequest {
  jobId: number;
  fileName: string;
  /** Transferred, not copied: the page gives the buffer up. */
  bytes: Uint8Array;
}

export type LoadStage = 'parsing' | 'analyzing';

export type LoadResponse =
  | { jobId: number; kind: 'progress'; stage: LoadStage }
  | { jobId: number; kind: 'loaded'; analyzed: AnalyzedCassette; workerMs: number }
  | { jobId: number; kind: 'failed'; failure: LoadFailure };

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
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'unknown error';
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
    post({ jobId, kind: 'loaded', analyzed, workerMs: now() - started });
  } catch (error) {
    post({ jobId, kind: 'failed', failure: toLoadFailure(error, fileName, stage) });
  }
}
