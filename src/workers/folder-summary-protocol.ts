/**
 * Messages between the folder overview's summarizer (app/folder-summarizer.ts) and its workers,
 * and the job itself as a plain function so Node tests run it without a Worker. A summary worker
 * reads one file after another, the same way a file's load worker reads it (core/cassette
 * loadCassette, core/load readWholeCassette), sends back one FolderRowFacts, and keeps nothing: a
 * folder of 2,000 files never holds 2,000 models (issue 19).
 */
import { readWholeCassette } from '../core/load/overview-builder';
import { folderRowFacts, unreadable, type FolderRowFacts } from '../core/folder/folder-row';
import type { LoadFailure } from '../core/model/errors';
import type { Cassette } from '../core/model/http';
import { toLoadFailure } from './load-protocol';

export interface SummaryRequest {
  id: number;
  path: string;
  /** Transferred, not copied. */
  bytes: Uint8Array;
}

/**
 * A file the worker reads itself (app/folder-source.ts `FolderEntry.source`): a File, or a
 * same-origin URL of the CLI's server. Reading here keeps 2,000 fetches and their bytes off the
 * page's thread, which had become the folder overview's bottleneck (issue 19).
 */
export interface SourceRequest {
  id: number;
  path: string;
  source: Blob | string;
}

/**
 * Consecutive files of the CLI's server in one fetch (src/cli/local-batch.ts): `url` answers
 * them all; each part gets its own response, by its id, as soon as it is read.
 */
export interface BatchRequest {
  url: string;
  parts: Array<{ id: number; path: string }>;
}

export type SummaryJob = SummaryRequest | SourceRequest | BatchRequest;

export type SummaryResponse =
  { id: number; ok: true; facts: FolderRowFacts } | { id: number; ok: false; failure: LoadFailure };

/**
 * The bytes of a source. A URL is fetched as the page fetches the CLI's files
 * (features/local-server): no cache, so a file edited on disk is read again, and no credentials;
 * a refusal carries the server's reason (local-server.ts answers 410 with it).
 */
export async function readSource(source: Blob | string, fetchUrl: typeof fetch = fetch): Promise<Uint8Array> {
  if (typeof source !== 'string') return new Uint8Array(await source.arrayBuffer());
  let response: Response;
  try {
    response = await fetchUrl(source, { cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new Error(
      'the cassette-viewer command that served this page is not answering (it stops with Ctrl+C); run it again',
    );
  }
  if (!response.ok) {
    const reason = (await response.text().catch(() => '')).trim().slice(0, 300);
    throw new Error(
      `the cassette-viewer server answered HTTP ${response.status}${reason ? `: ${reason}` : ''}`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Splits a batch answer (src/cli/local-batch.ts: the header's length, a newline, the JSON
 * header, then the bytes of each file read) into one outcome per file; throws when it is not one.
 */
export function splitBatch(bytes: Uint8Array, count: number): Array<Uint8Array | Error> {
  const newline = bytes.indexOf(10);
  const length =
    newline > 0 && newline < 12 ? Number(new TextDecoder().decode(bytes.subarray(0, newline))) : NaN;
  if (!Number.isSafeInteger(length) || newline + 1 + length > bytes.byteLength)
    throw new Error('the cassette-viewer server sent an answer this page does not understand');
  const header: unknown = JSON.parse(
    new TextDecoder().decode(bytes.subarray(newline + 1, newline + 1 + length)),
  );
  if (!Array.isArray(header) || header.length !== count)
    throw new Error('the cassette-viewer server sent an answer this page does not understand');
  let offset = newline + 1 + length;
  return header.map((entry: unknown) => {
    const { size, error } = (entry ?? {}) as { size?: unknown; error?: unknown };
    if (
      typeof size === 'number' &&
      Number.isSafeInteger(size) &&
      size >= 0 &&
      offset + size <= bytes.byteLength
    ) {
      const part = bytes.subarray(offset, offset + size);
      offset += size;
      return part;
    }
    return new Error(typeof error === 'string' ? error.slice(0, 500) : 'the server sent no bytes for it');
  });
}

/**
 * Reads a batch and summarizes its files one after another, handing each response to `post` as
 * soon as it is made; a batch that cannot be fetched fails each of its files with the reason.
 */
export async function runBatchJob(
  job: BatchRequest,
  loadCassette: (bytes: Uint8Array, fileName: string) => Cassette,
  post: (response: SummaryResponse) => void,
  fetchUrl: typeof fetch = fetch,
): Promise<void> {
  let outcomes: Array<Uint8Array | Error>;
  try {
    outcomes = splitBatch(await readSource(job.url, fetchUrl), job.parts.length);
  } catch (error) {
    outcomes = job.parts.map(() => (error instanceof Error ? error : new Error(String(error))));
  }
  job.parts.forEach(({ id, path }, i) => {
    const outcome = outcomes[i]!;
    post(
      outcome instanceof Error
        ? { id, ok: false, failure: unreadable(path, outcome) }
        : summarizeFile({ id, path, bytes: outcome }, loadCassette),
    );
  });
}

/** Reads a job's bytes (when it names a source) and summarizes them; never throws. */
export async function runSummaryJob(
  job: SummaryRequest | SourceRequest,
  loadCassette: (bytes: Uint8Array, fileName: string) => Cassette,
  fetchUrl: typeof fetch = fetch,
): Promise<SummaryResponse> {
  if ('bytes' in job) return summarizeFile(job, loadCassette);
  let bytes: Uint8Array;
  try {
    bytes = await readSource(job.source, fetchUrl);
  } catch (error) {
    return { id: job.id, ok: false, failure: unreadable(job.path, error) };
  }
  return summarizeFile({ id: job.id, path: job.path, bytes }, loadCassette);
}

/** Reads one file into its row; never throws (a failure names the file and the reason). */
export function summarizeFile(
  request: SummaryRequest,
  loadCassette: (bytes: Uint8Array, fileName: string) => Cassette,
): SummaryResponse {
  const { id, path, bytes } = request;
  let stage: 'parsing' | 'analyzing' = 'parsing';
  try {
    const cassette = loadCassette(bytes, path);
    stage = 'analyzing';
    const { builder, facts } = readWholeCassette(cassette);
    const overview = builder.finish(facts);
    return { id, ok: true, facts: folderRowFacts(cassette, overview) };
  } catch (error) {
    return { id, ok: false, failure: toLoadFailure(error, path, stage) };
  }
}
