/**
 * The few tags of Erlang's external term format that ExVCR writes for a binary body
 * (`:erlang.term_to_binary(body)`, base64 in the cassette). Specification:
 * https://www.erlang.org/doc/apps/erts/erl_ext_dist.html
 *
 * - 131 (VERSION_MAGIC) starts every term.
 * - 109 BINARY_EXT: a 4-byte big-endian length, then that many bytes.
 * - 107 STRING_EXT: a 2-byte length, then that many bytes (a list of small integers).
 * - 80 (compressed term): a 4-byte uncompressed size, then zlib data holding the term without
 *   its 131 (`term_to_binary(T, [compressed])`).
 *
 * Anything else is reported by tag, not guessed at; the caller then shows the body raw.
 */
import { DecompressionError, DEFAULT_INFLATE_CAP, unzlibCapped } from '../../lib/compression';

export type ErlangTermResult =
  { ok: true; bytes: Uint8Array; steps: string[] } | { ok: false; message: string };

const VERSION_MAGIC = 131;
const COMPRESSED = 80;
const BINARY_EXT = 109;
const STRING_EXT = 107;

function uint32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

/** The bytes a term holds (a binary or a byte string), from its first tag on. */
function readBytesTerm(bytes: Uint8Array, at: number, steps: string[]): ErlangTermResult {
  const tag = bytes[at];
  if (tag === BINARY_EXT) {
    if (bytes.length < at + 5) return { ok: false, message: 'BINARY_EXT is cut before its length' };
    const length = uint32(bytes, at + 1);
    if (bytes.length < at + 5 + length)
      return { ok: false, message: `BINARY_EXT says ${length} bytes, ${bytes.length - at - 5} are there` };
    return { ok: true, bytes: bytes.subarray(at + 5, at + 5 + length), steps: [...steps, 'BINARY_EXT'] };
  }
  if (tag === STRING_EXT) {
    if (bytes.length < at + 3) return { ok: false, message: 'STRING_EXT is cut before its length' };
    const length = (bytes[at + 1]! << 8) | bytes[at + 2]!;
    if (bytes.length < at + 3 + length)
      return { ok: false, message: `STRING_EXT says ${length} bytes, ${bytes.length - at - 3} are there` };
    return { ok: true, bytes: bytes.subarray(at + 3, at + 3 + length), steps: [...steps, 'STRING_EXT'] };
  }
  return {
    ok: false,
    message:
      tag === undefined
        ? 'the term is empty'
        : `tag ${tag} is not a binary (only BINARY_EXT 109, STRING_EXT 107 and compressed 80 are read)`,
  };
}

/** Decodes `term_to_binary` output that holds a binary. Never throws. */
export function decodeErlangBinaryTerm(bytes: Uint8Array, inflateCap?: number): ErlangTermResult {
  if (bytes[0] !== VERSION_MAGIC)
    return {
      ok: false,
      message: `not an Erlang external term (first byte ${bytes[0] ?? 'missing'}, not 131)`,
    };
  if (bytes[1] !== COMPRESSED) return readBytesTerm(bytes, 1, ['Erlang term']);
  if (bytes.length < 6) return { ok: false, message: 'compressed term is cut before its size' };
  const size = uint32(bytes, 2);
  let inflated: Uint8Array;
  try {
    inflated = unzlibCapped(bytes.subarray(6), Math.min(size, inflateCap ?? DEFAULT_INFLATE_CAP));
  } catch (error) {
    const reason = error instanceof DecompressionError ? error.message : String(error);
    return { ok: false, message: `compressed term cannot be inflated: ${reason}` };
  }
  if (inflated.length !== size)
    return {
      ok: false,
      message: `compressed term inflates to ${inflated.length} bytes, not the ${size} it says`,
    };
  return readBytesTerm(inflated, 0, ['Erlang term', 'compressed (zlib)']);
}
