/**
 * The one error loading may throw: the file cannot be read as any cassette. Everything softer is a
 * Diagnostic warning. It is plain data (`toLoadFailure`) so it can cross the worker boundary.
 */
import type { FormatAttempt } from './http';

/** A serializable description of why a file could not be loaded. */
export interface LoadFailure {
  fileName: string;
  /** One sentence the user can act on. */
  message: string;
  /** 1-based position of a syntax error, when known. */
  line?: number;
  column?: number;
  /** A few lines of the file around the error, with the error line marked. */
  snippet?: string;
  /** Which formats were tried and why each rejected the document. */
  attempts: FormatAttempt[];
}

/** Thrown by loadCassette when no format can read the file. */
export class CassetteLoadError extends Error {
  readonly failure: LoadFailure;
  constructor(failure: LoadFailure) {
    super(failure.message);
    this.name = 'CassetteLoadError';
    this.failure = failure;
  }
}
