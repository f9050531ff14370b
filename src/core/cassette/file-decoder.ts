/**
 * Whole-file decoding before parsing: gzip (LangChain `.yaml.gz`), zlib (Ruby VCR's `:compressed`
 * serializer, `.zz`), a UTF-8 byte-order mark, then strict UTF-8. Detection reads magic bytes,
 * never the file name (issue 3: the same bytes under the name "unknown" give the same result).
 */
import { isGzip, isZlib } from '../../lib/bytes';
import { DecompressionError, gunzipCapped, unzlibCapped } from '../../lib/compression';
import { decodeUtf8Strict, hasUtf8Bom } from '../../lib/text';
import { MAX_FILE_BYTES } from './limits';

/** Cap for a whole compressed cassette once inflated: the same as for a file read as it is. */
const FILE_INFLATE_CAP = MAX_FILE_BYTES;

export type FileDecodeResult =
  | { ok: true; text: string; steps: string[] }
  | { ok: false; message: string; steps: string[]; offset?: number };

/** A zlib header is only two bytes, so also require the stream to start like deflate data of text. */
function isZlibCassette(bytes: Uint8Array): boolean {
  return isZlib(bytes) && bytes[0] === 0x78;
}

export type FileUnwrapResult =
  { ok: true; bytes: Uint8Array; steps: string[] } | { ok: false; message: string; steps: string[] };

/**
 * The file's text bytes: decompressed and without a BOM, not yet decoded. The split load (issue 9)
 * cuts these bytes and lets each worker decode its own pieces.
 */
export function unwrapFileBytes(input: Uint8Array): FileUnwrapResult {
  const steps: string[] = [];
  let bytes = input;
  // Nested compression (gzip of zlib) is not a thing recorders do; one layer, twice at most.
  for (let round = 0; round < 2; round++) {
    try {
      if (isGzip(bytes)) {
        bytes = gunzipCapped(bytes, FILE_INFLATE_CAP);
        steps.push('gzip');
        continue;
      }
      if (isZlibCassette(bytes)) {
        bytes = unzlibCapped(bytes, FILE_INFLATE_CAP);
        steps.push('zlib');
        continue;
      }
    } catch (error) {
      const message = error instanceof DecompressionError ? error.message : String(error);
      return {
        ok: false,
        message: `The file looks compressed but cannot be decompressed: ${message}.`,
        steps,
      };
    }
    break;
  }
  if (hasUtf8Bom(bytes)) {
    bytes = bytes.subarray(3);
    steps.push('UTF-8 BOM removed');
  }
  return { ok: true, bytes, steps };
}

export function decodeFileBytes(input: Uint8Array): FileDecodeResult {
  const unwrapped = unwrapFileBytes(input);
  if (!unwrapped.ok) return unwrapped;
  return decodeUnwrappedBytes(unwrapped.bytes, unwrapped.steps);
}

/** Strict UTF-8 decoding of bytes `unwrapFileBytes` returned; `steps` are its steps. */
export function decodeUnwrappedBytes(bytes: Uint8Array, steps: string[]): FileDecodeResult {
  const text = decodeUtf8Strict(bytes);
  if (text === null) {
    return {
      ok: false,
      message: 'The file is not UTF-8 text (it may be binary or in another encoding).',
      steps,
      offset: firstInvalidUtf8(bytes),
    };
  }
  return { ok: true, text, steps };
}

/** Byte offset of the first invalid UTF-8 sequence (RFC 3629 §4 well-formed sequences). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef)
      [need, min, max] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4)
      [need, min, max] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and column of a byte offset, counting line feeds in the valid prefix. */
export function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
