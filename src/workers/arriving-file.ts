/**
 * A large File read front first (issue 15): its head and its tail, then the middle while the
 * head's interactions are already being read. Reading all 43 MB of the bench file before anything
 * else took 45–95 ms of waiting in Chromium, and a 4 MB head takes a tenth of that; the split load
 * (core/load/split-job.ts) starts on the head, its scan waits at the head's end until the rest is
 * in place, and the root keys after the list (Ruby VCR's `recorded_with`) are in the tail.
 *
 * Each part is `Blob.slice(…).arrayBuffer()` (https://w3c.github.io/FileAPI/#dfn-slice): slices of
 * a File read the same snapshot of it, so a file changed on disk fails every read alike
 * (NotReadableError), as one whole read would.
 */
import type { ArrivedSoFar } from '../core/load/split-job';

/** Front first only above this size; smaller files are read in one go. */
const HEAD_BYTES = 4 * 1024 * 1024;
const TAIL_BYTES = 64 * 1024;

export interface ArrivingFile {
  /** The whole file's length; the middle is zeros until `rest` settles. */
  bytes: Uint8Array;
  /** What is in place when the promise of this object settles. */
  arrived: ArrivedSoFar;
  /** Every byte is in place; rejects when the rest could not be read. */
  rest: Promise<void>;
}

/** A file that is all there: `rest` has settled. */
export function arrivedWhole(bytes: Uint8Array): ArrivingFile {
  return { bytes, arrived: { present: bytes.length, tailFrom: bytes.length }, rest: Promise.resolve() };
}

export async function readArriving(
  file: Blob,
  headBytes = HEAD_BYTES,
  tailBytes = TAIL_BYTES,
): Promise<ArrivingFile> {
  const size = file.size;
  if (size <= headBytes + tailBytes) return arrivedWhole(new Uint8Array(await file.arrayBuffer()));
  const bytes = new Uint8Array(size);
  const tailFrom = size - tailBytes;
  const place = (buffer: ArrayBuffer, at: number, length: number) => {
    if (buffer.byteLength !== length)
      throw new Error(`read ${buffer.byteLength} bytes where ${length} were expected`);
    bytes.set(new Uint8Array(buffer), at);
  };
  const [head, tail] = await Promise.all([
    file.slice(0, headBytes).arrayBuffer(),
    file.slice(tailFrom).arrayBuffer(),
  ]);
  place(head, 0, headBytes);
  place(tail, tailFrom, tailBytes);
  const rest = file
    .slice(headBytes, tailFrom)
    .arrayBuffer()
    .then((middle) => place(middle, headBytes, tailFrom - headBytes));
  // Whoever waits for the rest sees a failure; none goes unhandled in between.
  rest.catch(() => {});
  return { bytes, arrived: { present: headBytes, tailFrom }, rest };
}
