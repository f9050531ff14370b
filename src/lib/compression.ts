/**
 * Capped decompression for untrusted data, in browsers, workers and Node alike.
 * - gzip / zlib / raw deflate: fflate streaming classes (https://github.com/101arrowz/fflate#usage),
 *   so output is counted chunk by chunk and a bomb stops at the cap instead of filling memory.
 * - zstd: fzstd's streaming `Decompress` (https://github.com/101arrowz/fzstd#usage), same idea.
 * - brotli: `brotli` (devongovett/brotli.js, pure JS, no WASM, no Node built-ins). Its public
 *   `decompress(buf, size)` grows its output per meta-block without any limit, so we call the
 *   decoder's `BrotliDecompress(input, output)` with our own output sink that counts bytes and
 *   stops at the cap (see node_modules/brotli/dec/decode.js: the only uses of `output` are
 *   `output.write(ringbuffer, n)` and the `output.buffer.length` growth check).
 * Every function throws `DecompressionError`; callers turn that into a warning.
 */
import { Gunzip, Inflate, Unzlib } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
// The package's exports map hides the streaming decoder; import the file itself (same package).
// @ts-expect-error -- brotli ships no types for its internal decoder modules.
import { BrotliDecompress } from '../../node_modules/brotli/dec/decode.js';
// @ts-expect-error -- see above.
import { BrotliInput } from '../../node_modules/brotli/dec/streams.js';
import { concatBytes } from './bytes';

/** Default cap on inflated size: 64 MiB (issue 8). */
export const DEFAULT_INFLATE_CAP = 64 * 1024 * 1024;

export class DecompressionError extends Error {
  /** True when the data was fine but inflated past the cap. */
  readonly capped: boolean;
  constructor(message: string, capped = false) {
    super(message);
    this.name = 'DecompressionError';
    this.capped = capped;
  }
}

interface FflateStream {
  ondata: (data: Uint8Array, final: boolean) => void;
  push(chunk: Uint8Array, final?: boolean): void;
}

function capMessage(cap: number): string {
  return `inflates past the ${Math.round(cap / 1024 / 1024)} MiB cap`;
}

function runStream(stream: FflateStream, input: Uint8Array, cap: number, label: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  stream.ondata = (data, final) => {
    total += data.length;
    if (total > cap) throw new DecompressionError(`${label} ${capMessage(cap)}`, true);
    chunks.push(data);
    if (final) ended = true;
  };
  try {
    // Feed in slices so the cap check runs before a huge output is produced in one go.
    const step = 64 * 1024;
    for (let offset = 0; offset < input.length; offset += step) {
      stream.push(
        input.subarray(offset, Math.min(input.length, offset + step)),
        offset + step >= input.length,
      );
    }
    if (input.length === 0) stream.push(input, true);
  } catch (error) {
    if (error instanceof DecompressionError) throw error;
    throw new DecompressionError(
      `${label} data is corrupt (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!ended) throw new DecompressionError(`${label} data is truncated`);
  return concatBytes(chunks);
}

/** gzip (RFC 1952). Only the first member is read, as browsers do for `Content-Encoding: gzip`. */
export function gunzipCapped(input: Uint8Array, cap = DEFAULT_INFLATE_CAP): Uint8Array {
  return runStream(new Gunzip() as unknown as FflateStream, input, cap, 'gzip');
}

/** zlib (RFC 1950), which HTTP calls `deflate` and Ruby VCR uses for `.zz` cassettes. */
export function unzlibCapped(input: Uint8Array, cap = DEFAULT_INFLATE_CAP): Uint8Array {
  return runStream(new Unzlib() as unknown as FflateStream, input, cap, 'zlib');
}

/** Raw deflate (RFC 1951), which some servers send for `Content-Encoding: deflate`. */
export function inflateRawCapped(input: Uint8Array, cap = DEFAULT_INFLATE_CAP): Uint8Array {
  return runStream(new Inflate() as unknown as FflateStream, input, cap, 'deflate');
}

/** zstd (RFC 8878). */
export function unzstdCapped(input: Uint8Array, cap = DEFAULT_INFLATE_CAP): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new ZstdDecompress((data) => {
    total += data.length;
    if (total > cap) throw new DecompressionError(`zstd ${capMessage(cap)}`, true);
    chunks.push(data);
  });
  try {
    stream.push(input, true);
  } catch (error) {
    if (error instanceof DecompressionError) throw error;
    throw new DecompressionError(
      `zstd data is corrupt (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return concatBytes(chunks);
}

type BrotliDecompressFn = (input: unknown, output: unknown) => void;
type BrotliInputCtor = new (buffer: Uint8Array) => unknown;

/** brotli (RFC 7932). Brotli has no magic number, so a failure here may just mean "not brotli". */
export function unbrotliCapped(input: Uint8Array, cap = DEFAULT_INFLATE_CAP): Uint8Array {
  if (input.length === 0) throw new DecompressionError('brotli data is empty');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const sink = {
    // Reported as unbounded so the decoder never grows (allocates) a buffer of its own.
    buffer: { length: Number.POSITIVE_INFINITY },
    write(ring: Uint8Array, count: number): number {
      total += count;
      if (total > cap) throw new DecompressionError(`brotli ${capMessage(cap)}`, true);
      chunks.push(ring.slice(0, count));
      return count;
    },
  };
  try {
    (BrotliDecompress as BrotliDecompressFn)(new (BrotliInput as BrotliInputCtor)(input), sink);
  } catch (error) {
    if (error instanceof DecompressionError) throw error;
    throw new DecompressionError(
      `brotli data is corrupt (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return concatBytes(chunks);
}
