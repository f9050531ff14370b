/**
 * Which files of a folder go to a summary worker in one message (app/folder-summarizer.ts): a run
 * of consecutive files of a server that answers several at once (`BatchPart`, the CLI's), or one
 * file. A batch grows from a few files (the first rows come soon) to MAX_FILES, stays under
 * MAX_BYTES as listed, and shrinks at the end of the folder so that every worker gets a share of
 * the last files instead of one worker reading a long batch alone.
 */
import type { BatchPart, FolderEntry } from './folder-source';

const FIRST_FILES = 4;
export const MAX_FILES = 32;
export const MAX_BYTES = 2 * 1024 * 1024;

export function isBatchPart(source: FolderEntry['source']): source is BatchPart {
  return typeof source === 'object' && source !== null && !(source instanceof Blob);
}

/** The URL that answers a run of parts: `batch + 'A-B'`, B exclusive (src/cli/local-batch.ts). */
export function batchUrl(first: BatchPart, count: number): string {
  return `${first.batch}${first.index}-${first.index + count}`;
}

/**
 * How many files from `start` go in the next message: 1 unless `entries[start]` is a batch part;
 * then the run of parts that follow it (same batch, consecutive indexes) up to the limits.
 * `sent` is how many batches this run sent before; `share` the fair share of what is left (what
 * remains divided among the messages the workers hold at once).
 */
export function batchLength(
  entries: readonly FolderEntry[],
  start: number,
  sent: number,
  share: number,
): number {
  const first = entries[start]?.source;
  if (!isBatchPart(first)) return 1;
  const limit = Math.max(1, Math.min(MAX_FILES, FIRST_FILES * 2 ** Math.min(sent, 8), Math.ceil(share)));
  let bytes = entries[start]!.size;
  let length = 1;
  while (length < limit && start + length < entries.length) {
    const entry = entries[start + length]!;
    const source = entry.source;
    if (!isBatchPart(source) || source.batch !== first.batch || source.index !== first.index + length) break;
    if (bytes + entry.size > MAX_BYTES) break;
    bytes += entry.size;
    length += 1;
  }
  return length;
}
