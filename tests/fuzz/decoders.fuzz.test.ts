/**
 * Fuzzing the body decoders and the stream framings (issue 8): `decodeBody` with every content
 * coding on random, truncated and bit-flipped compressed bytes; the WHATWG SSE parser on arbitrary
 * text and chunkings; AWS event-stream frames (Bedrock) on arbitrary and corrupted bytes; NDJSON and
 * streamed JSON arrays; `frameStream` on whole exchanges. No call may throw.
 * fast-check: https://fast-check.dev/docs/core-blocks/runners/#assert
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/core/cassette/body-decoder';
import {
  encodeAwsEventFrame,
  frameStream,
  parseAwsEventStream,
  parseJsonArrayStream,
  parseNdjson,
  parseSse,
  parseSseChunks,
} from '../../src/core/streams';
import { pollutionFound } from '../hostile/catalog';
import { bodyText, CONTENT_TYPES, EVENT_NAMES, makeExchange, RUNS, textBody } from './arbitraries';

const encoder = new TextEncoder();
const CODINGS = [
  'gzip',
  'x-gzip',
  'deflate',
  'br',
  'zstd',
  'identity',
  'gzip, br',
  'br, gzip',
  'compress',
  '',
];
/** Small cap so a lucky random stream cannot inflate far; the cap path itself gets exercised. */
const CAP = 64 * 1024;

/** Valid compressed data of the right kind, then maybe cut or bit-flipped. */
const compressedBytes = fc
  .tuple(
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom('gzip', 'deflate', 'deflate-raw', 'br', 'none'),
    fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))),
    fc.option(fc.nat()),
  )
  .map(([plain, kind, flip, cut]) => {
    let bytes: Uint8Array =
      kind === 'gzip'
        ? gzipSync(plain)
        : kind === 'deflate'
          ? deflateSync(plain)
          : kind === 'deflate-raw'
            ? deflateRawSync(plain)
            : kind === 'br'
              ? brotliCompressSync(plain)
              : plain;
    bytes = new Uint8Array(bytes);
    if (flip !== null && bytes.length > 0) bytes[flip[0] % bytes.length]! ^= flip[1];
    if (cut !== null) bytes = bytes.subarray(0, cut % (bytes.length + 1));
    return bytes;
  });

/** AWS event-stream frames (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTSelectObjectAppendix.html), then corrupted. */
const awsFrames = fc
  .tuple(
    fc.array(
      fc.tuple(fc.constantFrom(...EVENT_NAMES), bodyText, fc.constantFrom('event', 'exception', 'error')),
      {
        maxLength: 4,
      },
    ),
    fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 }))),
    fc.option(fc.nat()),
  )
  .map(([frames, flip, cut]) => {
    const parts = frames.map(([event, payload, type]) => encodeAwsEventFrame(event, payload, type));
    let bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    if (flip !== null && bytes.length > 0) bytes[flip[0] % bytes.length]! ^= flip[1];
    if (cut !== null) bytes = bytes.subarray(0, cut % (bytes.length + 1));
    return bytes;
  });

describe('fuzz: body decoders and stream parsers (issue 8)', () => {
  it(`decodeBody on random, compressed, cut and flipped bytes (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), compressedBytes),
        fc.constantFrom(...CODINGS),
        fc.constantFrom(
          ...CONTENT_TYPES,
          'application/json; charset=shift_jis',
          'text/plain; charset=bogus',
          'image/png',
        ),
        (bytes, coding, contentType) => {
          const warnings: string[] = [];
          const headers = [
            { name: 'Content-Type', value: contentType },
            { name: 'Content-Encoding', value: coding },
          ];
          const body = decodeBody({ value: bytes, steps: ['fuzz'], headers }, warnings, { inflateCap: CAP });
          if (body !== null) expect(body.sizeBytes).toBeLessThanOrEqual(Math.max(CAP, bytes.length) * 4);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`parseSse on arbitrary text, and the same bytes in arbitrary chunks (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(bodyText, fc.string({ unit: 'binary', maxLength: 200 })),
        fc.array(fc.nat(), { maxLength: 4 }),
        (text, cuts) => {
          const whole = parseSse(text);
          const bytes = encoder.encode(text);
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let last = 0;
          for (const point of points) {
            chunks.push(bytes.subarray(last, point));
            last = point;
          }
          chunks.push(bytes.subarray(last));
          const chunked = parseSseChunks(chunks);
          expect(chunked.events.length).toBe(whole.events.length);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`parseAwsEventStream on arbitrary and corrupted frames (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), awsFrames), (bytes) => {
        parseAwsEventStream(bytes);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`parseNdjson and parseJsonArrayStream on arbitrary text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc
          .oneof(bodyText, fc.string({ maxLength: 100 }))
          .map((text) => (text.startsWith('[') ? text : `[${text}`)),
        (text) => {
          parseNdjson(text);
          parseJsonArrayStream(text);
          parseJsonArrayStream(text.slice(1));
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`frameStream on exchanges with every content type (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          bodyText.map((t) => encoder.encode(t)),
          awsFrames,
        ),
        fc.constantFrom(...CONTENT_TYPES),
        fc.boolean(),
        (bytes, contentType, asText) => {
          const body = asText
            ? textBody(new TextDecoder().decode(bytes), contentType)
            : { text: null, bytes, mimeType: contentType, sizeBytes: bytes.length, decoding: ['binary'] };
          frameStream(makeExchange('https://example.test/', null, body, 200, contentType));
        },
      ),
      { numRuns: RUNS },
    );
    expect(pollutionFound()).toEqual([]);
  }, 120_000);
});
