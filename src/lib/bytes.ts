/**
 * Byte helpers shared by core and UI: magic-number sniffing and concatenation.
 * Magic numbers: gzip RFC 1952 §2.3.1 (1f 8b), zlib RFC 1950 §2.2 (CMF/FLG check), zstd RFC 8878
 * §3.1.1 (28 b5 2f fd), PNG/JPEG/GIF/WebP/PDF per their specs.
 */

/** Concatenates byte arrays into one new array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** gzip member header: ID1 ID2 = 1f 8b, CM = 8 (deflate). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 10 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;
}

/** zlib header: CM = 8, CINFO ≤ 7, and (CMF*256 + FLG) divisible by 31 (RFC 1950 §2.2). */
export function isZlib(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const cmf = bytes[0]!;
  const flg = bytes[1]!;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

/** zstd frame magic 0xFD2FB528, little endian. */
export function isZstd(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Media type guessed from well-known binary signatures, or null. */
export function sniffBinaryMimeType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x41, 0x56, 0x45], 8))
    return 'audio/wav';
  if (startsWith(bytes, [0x49, 0x44, 0x33]) || startsWith(bytes, [0xff, 0xfb])) return 'audio/mpeg';
  if (startsWith(bytes, [0x4f, 0x67, 0x67, 0x53])) return 'audio/ogg';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  // ZIP local file header, empty archive and spanned archive (PKWARE APPNOTE.TXT §4.3.7, §4.3.16).
  if ([0x03, 0x05, 0x07].some((third) => startsWith(bytes, [0x50, 0x4b, third, third + 1])))
    return 'application/zip';
  // WebAssembly binary module: "\0asm" (WebAssembly Core Specification §5.5.16).
  if (startsWith(bytes, [0x00, 0x61, 0x73, 0x6d])) return 'application/wasm';
  if (isGzip(bytes)) return 'application/gzip';
  if (isZstd(bytes)) return 'application/zstd';
  return null;
}

/** Runs of characters outside ASCII (sticky-free, global: exec walks them in order). */
const WIDE_RUNS = /[\u0080-\uffff]+/g;

/** Number of bytes `text` takes in UTF-8, without allocating. Lone surrogates count as U+FFFD (3). */
export function utf8ByteLength(text: string): number {
  // Bodies are mostly ASCII (JSON, SSE) with a few wide characters: a native regex search skips
  // each ASCII run (one byte per character) and only the wide runs are counted in JS. Counting
  // every character after the first wide one cost ~90 ms on the bench file's bodies (issue 15).
  let length = text.length;
  WIDE_RUNS.lastIndex = 0;
  for (let run = WIDE_RUNS.exec(text); run !== null; run = WIDE_RUNS.exec(text)) {
    const end = run.index + run[0].length;
    for (let i = run.index; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x800) length += 1;
      else {
        length += 2;
        // A surrogate pair is two UTF-16 units and four bytes: its second unit adds nothing.
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
          const next = text.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) i++;
        }
      }
    }
  }
  return length;
}

/** Hex text (an even number of 0-9a-f digits, either case) to bytes, or null when it is not hex. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
