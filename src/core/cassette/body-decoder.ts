/**
 * Turns a stored body (text, or bytes from base64 / `!!binary`) into an `HttpBody`.
 * - Content-Encoding (RFC 9110 §8.4) is undone in reverse order of application, but only when the
 *   bytes really are compressed (gzip/zlib/zstd magic numbers; brotli has none, so it is tried
 *   only on bytes that are not already readable text). go-vcr with `uncompressed: true`, httpx
 *   recordings, Ruby VCR `decode_compressed_response` and others keep the header on decoded bodies.
 * - Text is decoded in the declared charset (WHATWG Encoding), UTF-8 by default.
 * - Binary bodies (images, audio, AWS event-stream, anything that is not text) keep their bytes.
 * Never throws: problems become warnings; the body is then kept as it was stored.
 */
import type { Header, HttpBody } from '../model/http';
import { isGzip, isZlib, isZstd, sniffBinaryMimeType, utf8ByteLength } from '../../lib/bytes';
import {
  DecompressionError,
  DEFAULT_INFLATE_CAP,
  gunzipCapped,
  inflateRawCapped,
  unbrotliCapped,
  unzlibCapped,
  unzstdCapped,
} from '../../lib/compression';
import {
  decodeText,
  decodeUtf8Lenient,
  decodeUtf8Strict,
  isTextualMediaType,
  normalizeCharset,
  parseMediaType,
} from '../../lib/text';
import { headerValue, headerValues } from './headers';
import type { InflateBudget } from './limits';
import { BinaryValue } from './raw-values';

export interface StoredBody {
  /** The body as the file stored it. */
  value: string | Uint8Array | null | undefined;
  /** Steps already taken to get `value`, e.g. ["yaml !!binary"] or ["base64"]. */
  steps: string[];
  /** Headers of the same message (Content-Type, Content-Encoding). */
  headers: readonly Header[];
  /** Set when the recorder already removed the content encoding (go-vcr `uncompressed`). */
  alreadyDecoded?: boolean;
  /** Overrides the Content-Type header (HAR `mimeType`). */
  mimeType?: string | null;
}

export interface DecodeOptions {
  /** Cap for one body (64 MiB by default). */
  inflateCap?: number;
  /** What all bodies of the file may still inflate to (issue 14); exceeding it throws LimitExceeded. */
  inflateBudget?: InflateBudget;
}

/** Media types that are binary even though their bytes may happen to be valid UTF-8. */
function isBinaryMediaType(essence: string | null): boolean {
  if (essence === null) return false;
  return (
    essence.startsWith('image/') ||
    essence.startsWith('audio/') ||
    essence.startsWith('video/') ||
    essence.startsWith('font/') ||
    essence === 'application/vnd.amazon.eventstream' ||
    essence === 'application/octet-stream' ||
    essence === 'application/pdf' ||
    essence === 'application/zip' ||
    essence === 'application/gzip' ||
    essence.includes('protobuf') ||
    essence === 'application/grpc'
  );
}

/** Cheap check: do the first bytes look like text (no NUL or control bytes besides whitespace)? */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) return false;
  }
  return true;
}

/** Undoes one content coding when the bytes show it; returns null when it does not apply. */
function undoCoding(
  coding: string,
  bytes: Uint8Array,
  cap: number,
): { bytes: Uint8Array; step: string } | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return isGzip(bytes) ? { bytes: gunzipCapped(bytes, cap), step: 'gzip' } : null;
    case 'deflate':
      if (isZlib(bytes)) return { bytes: unzlibCapped(bytes, cap), step: 'deflate (zlib)' };
      if (looksLikeText(bytes) && decodeUtf8Strict(bytes.subarray(0, 1024)) !== null) return null;
      return { bytes: inflateRawCapped(bytes, cap), step: 'deflate (raw)' };
    case 'br':
      if (looksLikeText(bytes) && decodeUtf8Strict(bytes) !== null) return null;
      return { bytes: unbrotliCapped(bytes, cap), step: 'brotli' };
    case 'zstd':
      return isZstd(bytes) ? { bytes: unzstdCapped(bytes, cap), step: 'zstd' } : null;
    default:
      return null;
  }
}

/**
 * Decodes a stored body. Warnings are appended to `warnings` as plain messages.
 * Returns null when nothing was stored (absent, null or empty).
 */
export function decodeBody(
  stored: StoredBody,
  warnings: string[],
  options: DecodeOptions = {},
): HttpBody | null {
  const { value } = stored;
  if (value === null || value === undefined) return null;
  if (value.length === 0) return null;
  const contentType = stored.mimeType ?? headerValue(stored.headers, 'content-type');
  const { essence, charset } = parseMediaType(contentType);
  const steps = [...stored.steps];

  if (typeof value === 'string') {
    steps.push('text');
    return { text: value, bytes: null, mimeType: essence, sizeBytes: utf8ByteLength(value), decoding: steps };
  }

  let bytes = value;
  const codings = stored.alreadyDecoded
    ? []
    : (headerValues(stored.headers, 'content-encoding') ?? '')
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter((c) => c !== '' && c !== 'identity');
  const budget = options.inflateBudget;
  for (const coding of codings.reverse()) {
    const bodyCap = options.inflateCap ?? DEFAULT_INFLATE_CAP;
    // The file's remaining budget caps this body too, so a bomb stops at whichever comes first.
    const fileCapped = budget !== undefined && budget.remaining < bodyCap;
    try {
      const undone = undoCoding(coding, bytes, fileCapped ? budget.remaining : bodyCap);
      if (undone) {
        budget?.spend(undone.bytes.length);
        bytes = undone.bytes;
        steps.push(undone.step);
      } else {
        steps.push(`${coding} header, body stored decoded`);
      }
    } catch (error) {
      if (fileCapped && error instanceof DecompressionError && error.capped) throw budget.exceeded();
      const message = error instanceof DecompressionError ? error.message : String(error);
      warnings.push(`body not decompressed: ${message}; kept as stored`);
      steps.push(`${coding} not undone`);
      break;
    }
  }

  const mimeType = essence ?? sniffBinaryMimeType(bytes);
  if (isBinaryMediaType(mimeType) || (essence === null && mimeType !== null)) {
    steps.push('binary');
    return { text: null, bytes, mimeType, sizeBytes: bytes.length, decoding: steps };
  }
  const label = charset ?? 'utf-8';
  const text = decodeText(bytes, label);
  if (text !== null) {
    steps.push(charset ? (normalizeCharset(charset) ?? charset).toUpperCase() : 'UTF-8');
    return { text, bytes: null, mimeType, sizeBytes: bytes.length, decoding: steps };
  }
  if (isTextualMediaType(essence) || looksLikeText(bytes)) {
    warnings.push(`body is not valid ${charset ?? 'UTF-8'}; invalid bytes shown as U+FFFD`);
    steps.push(`${charset ?? 'UTF-8'} (lossy)`);
    return { text: decodeUtf8Lenient(bytes), bytes, mimeType, sizeBytes: bytes.length, decoding: steps };
  }
  steps.push('binary');
  return {
    text: null,
    bytes,
    mimeType: mimeType ?? 'application/octet-stream',
    sizeBytes: bytes.length,
    decoding: steps,
  };
}

/**
 * Renders structured data (pydantic-ai `parsed_body`, HAR `textJSON`/params) as JSON text; never
 * throws. Data too deep to stringify (JSON.stringify recurses) is not kept as `structured` either,
 * since structured clone to the UI would recurse the same way; a warning says so.
 */
export function structuredBody(
  value: unknown,
  steps: string[],
  headers: readonly Header[],
  warnings?: string[],
): HttpBody {
  const { essence } = parseMediaType(headerValue(headers, 'content-type'));
  let text: string;
  try {
    text =
      JSON.stringify(
        value,
        (_key, v: unknown) => (v instanceof BinaryValue ? `<${v.bytes.length} bytes>` : v),
        2,
      ) ?? 'null';
  } catch (error) {
    const reason = error instanceof RangeError ? 'nested too deeply' : String(error);
    warnings?.push(`structured body not shown: ${reason}`);
    text = `(structured body not shown: ${reason})`;
    return {
      text,
      bytes: null,
      mimeType: essence ?? 'application/json',
      sizeBytes: 0,
      decoding: [...steps, 'not rendered'],
    };
  }
  return {
    text,
    bytes: null,
    mimeType: essence ?? 'application/json',
    sizeBytes: utf8ByteLength(text),
    decoding: steps,
    structured: value,
  };
}
