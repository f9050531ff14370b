/**
 * Several of the named files in one answer, for the folder overview (issue 19):
 * `GET /local/TOKEN/files/A-B` gives files A to B-1. Each file costs the page a fetch (Blink's
 * loader, a notice to the page's thread) and this server an HTTP exchange; for 2,000 small
 * cassettes that was more than reading them. The answer is
 *
 *   <length of the header in bytes, decimal>\n<header: JSON array, one entry per file>
 *   <the bytes of each file read, in order>
 *
 * where an entry is `{ "size": N }` (N bytes follow, in the order of the entries) or
 * `{ "error": "Cannot read PATH: reason" }`, the same words `/file/N` answers with 410. The page
 * reads it in workers/folder-summary-protocol.ts (readBatch).
 */

/** At most this many files in one answer (the page asks for far fewer). */
export const MAX_BATCH_FILES = 256;
/** Files read at once, so a batch never holds hundreds of open descriptors. */
const READ_AT_ONCE = 8;
/** Past this many bytes in one answer, the rest are refused (the page sizes its batches from the list). */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/** `A-B` as file indexes, or null when it is not a range of at most MAX_BATCH_FILES named files. */
export function parseBatchRange(text: string, count: number): { from: number; to: number } | null {
  const match = /^(0|[1-9]\d{0,8})-([1-9]\d{0,8})$/.exec(text);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from < to && to <= count && to - from <= MAX_BATCH_FILES ? { from, to } : null;
}

type Entry = { size: number } | { error: string };

/** Reads the files of `range` (each through `readNamed`: its checks and its size cap) into one answer. */
export async function readBatch(
  range: { from: number; to: number },
  readNamed: (index: number) => Promise<Uint8Array>,
  shown: (index: number) => string,
): Promise<Uint8Array> {
  const entries: Entry[] = [];
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let start = range.from; start < range.to; start += READ_AT_ONCE) {
    const indexes: number[] = [];
    for (let n = start; n < Math.min(range.to, start + READ_AT_ONCE); n++) indexes.push(n);
    const read = await Promise.allSettled(indexes.map((n) => readNamed(n)));
    read.forEach((outcome, i) => {
      const name = shown(indexes[i]!);
      if (outcome.status === 'rejected') {
        const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
        entries.push({ error: `Cannot read ${name}: ${reason}` });
      } else if (total + outcome.value.byteLength > MAX_BATCH_BYTES) {
        entries.push({ error: `Cannot read ${name}: too large to send with other files; open it alone` });
      } else {
        entries.push({ size: outcome.value.byteLength });
        parts.push(outcome.value);
        total += outcome.value.byteLength;
      }
    });
  }
  const header = new TextEncoder().encode(JSON.stringify(entries));
  const prefix = new TextEncoder().encode(`${header.byteLength}\n`);
  const out = new Uint8Array(prefix.byteLength + header.byteLength + total);
  out.set(prefix, 0);
  out.set(header, prefix.byteLength);
  let offset = prefix.byteLength + header.byteLength;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
