/**
 * Everything a split load needs before its first run goes out (issue 9): the file's text bytes
 * (decompressed, no BOM; still undecoded), a scan that has found the first interaction, where the
 * list probably ends (read from the file's end) and the format plan made from the root without
 * the list. Null when the file is not for a split load; the caller then reads it whole.
 */
import { unwrapFileBytes } from '../cassette/file-decoder';
import {
  guessListEnd,
  InteractionListScanner,
  type ItemSpan,
  type ScanState,
} from '../cassette/split/split-interaction-list';
import { planSplitLoad, type SplitLoadPlan } from '../cassette/split/split-load';
import { taskSize } from './split-tasks';

/** The scan in progress (InteractionListScanner). */
export interface ListScan {
  readonly items: readonly ItemSpan[];
  readonly finishedCount: number;
  readonly listEnd: number;
  scan(maxLines: number): ScanState;
}

export interface SplitJob {
  jobId: number;
  fileName: string;
  /** The file's text bytes (decompressed, no BOM), which the scan cuts. */
  bytes: Uint8Array;
  bytesTotal: number;
  fileDecoding: string[];
  /** Started; the pool scans the rest. */
  scan: ListScan;
  /** The plan made with the root read from the first item and `listEndGuess` on. */
  plan: SplitLoadPlan;
  listEndGuess: number;
}

export function prepareSplitJob(jobId: number, fileName: string, fileBytes: Uint8Array): SplitJob | null {
  const unwrapped = unwrapFileBytes(fileBytes);
  if (!unwrapped.ok) return null;
  const { bytes } = unwrapped;
  const scan = InteractionListScanner.start(bytes);
  if (!scan) return null;
  // Enough for the first run (an item is final once the next starts): a few hundred lines.
  let state: ScanState = 'more';
  while (state === 'more' && scan.finishedCount < taskSize(0)) state = scan.scan(256);
  const first = scan.items[0];
  if (state === 'not-splittable' || !first || scan.finishedCount === 0) return null;
  // The root's keys after the list (Ruby VCR's `recorded_with`) are read from the file's end; the
  // scan checks the guess when it gets there.
  const listEndGuess = guessListEnd(bytes, scan.indent, first.end);
  const plan = planSplitLoad(bytes, { key: scan.key, listEnd: listEndGuess, items: [first] });
  if (!plan) return null;
  return {
    jobId,
    fileName,
    bytes,
    bytesTotal: fileBytes.byteLength,
    fileDecoding: unwrapped.steps,
    scan,
    plan,
    listEndGuess,
  };
}
