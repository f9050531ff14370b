/**
 * Everything a split load needs before its first run goes out (issue 9): the file's text bytes
 * (decompressed, no BOM; still undecoded), a scan that has found the first interaction, where the
 * list probably ends (read from the file's end) and the format plan made from the root without
 * the list. Null when the file is not for a split load; the caller then reads it whole.
 */
import { isCompressedFile, unwrapFileBytes } from '../cassette/file-decoder';
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
  /** The last scan stopped where the bytes in place end (the file is still being read). */
  readonly waiting: boolean;
  /** The first `count` bytes are in place now. */
  arrived(count: number): void;
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
  /**
   * For a file still being read: settles once the rest is in place and the scan told
   * (ArrivingFile in workers/); a failed read rejects it. Absent when all bytes were there.
   */
  rest?: Promise<void>;
}

/**
 * Where a file being read stands (workers/arriving-file.ts): its first `present` bytes are in
 * place, and so is everything from `tailFrom` on.
 */
export interface ArrivedSoFar {
  present: number;
  tailFrom: number;
}

/**
 * `arrived`: the file is still being read, and only its front and its tail are in place. Null
 * then also when the front is too short to start on, or the file is compressed (it is unwrapped
 * whole): the caller tries again once the whole file is there.
 */
export function prepareSplitJob(
  jobId: number,
  fileName: string,
  fileBytes: Uint8Array,
  arrived?: ArrivedSoFar,
): SplitJob | null {
  const partial = arrived !== undefined && arrived.present < fileBytes.length;
  if (partial && isCompressedFile(fileBytes)) return null;
  const unwrapped = unwrapFileBytes(fileBytes);
  if (!unwrapped.ok) return null;
  const { bytes } = unwrapped;
  // A BOM removed moves every offset by its length.
  const shift = fileBytes.length - bytes.length;
  const scan = InteractionListScanner.start(bytes, partial ? arrived.present - shift : bytes.length);
  if (!scan) return null;
  // Enough for the first run (an item is final once the next starts): a few hundred lines.
  let state: ScanState = 'more';
  while (state === 'more' && !scan.waiting && scan.finishedCount < taskSize(0)) state = scan.scan(256);
  const first = scan.items[0];
  if (state === 'not-splittable' || !first || scan.finishedCount === 0) return null;
  // The root's keys after the list (Ruby VCR's `recorded_with`) are read from the file's end; the
  // scan checks the guess when it gets there (a guess cut short at the tail's start is only wrong,
  // and the whole-file load then reads the file).
  const notBefore = partial ? Math.max(first.end, arrived.tailFrom - shift) : first.end;
  const listEndGuess = guessListEnd(bytes, scan.indent, notBefore);
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
