/**
 * Messages between the folder overview's summarizer (app/folder-summarizer.ts) and its workers,
 * and the job itself as a plain function so Node tests run it without a Worker. A summary worker
 * reads one file after another, the same way a file's load worker reads it (core/cassette
 * loadCassette, core/load readWholeCassette), sends back one FolderRowFacts, and keeps nothing: a
 * folder of 2,000 files never holds 2,000 models (issue 19).
 */
import { readWholeCassette } from '../core/load/overview-builder';
import { folderRowFacts, type FolderRowFacts } from '../core/folder/folder-row';
import type { LoadFailure } from '../core/model/errors';
import type { Cassette } from '../core/model/http';
import { toLoadFailure } from './load-protocol';

export interface SummaryRequest {
  id: number;
  path: string;
  /** Transferred, not copied. */
  bytes: Uint8Array;
}

export type SummaryResponse =
  { id: number; ok: true; facts: FolderRowFacts } | { id: number; ok: false; failure: LoadFailure };

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
