import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/support/property-runs';
import { decodeBase64 } from './base64';
import {
  DecompressionError,
  gunzipCapped,
  inflateRawCapped,
  unbrotliCapped,
  unzlibCapped,
  unzstdCapped,
} from './compression';

const text = 'data: {"hello":"world"}\n\n'.repeat(200);
const bytes = new TextEncoder().encode(text);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('capped decompression', () => {
  it('inflates gzip, zlib, raw deflate and brotli made by Node zlib', () => {
    expect(decode(gunzipCapped(gzipSync(bytes)))).toBe(text);
    expect(decode(unzlibCapped(deflateSync(bytes)))).toBe(text);
    expect(decode(inflateRawCapped(deflateRawSync(bytes)))).toBe(text);
    expect(decode(unbrotliCapped(brotliCompressSync(bytes)))).toBe(text);
  });

  it('inflates zstd made by the zstd CLI', () => {
    // printf '{"hello":"zstd"}' | zstd -c | base64
    expect(decode(unzstdCapped(decodeBase64('KLUv/QRYgQAAeyJoZWxsbyI6InpzdGQifcZFDo4=')))).toBe(
      '{"hello":"zstd"}',
    );
  });

  it('stops at the cap instead of inflating a bomb', () => {
    const zeros = new Uint8Array(2_000_000);
    const cap = 100_000;
    for (const attempt of [
      () => gunzipCapped(gzipSync(zeros), cap),
      () => unzlibCapped(deflateSync(zeros), cap),
      () => unbrotliCapped(brotliCompressSync(zeros), cap),
      // head -c 1000000 /dev/zero | zstd -19 -c | base64
      () =>
        unzstdCapped(
          decodeBase64('KLUv/QRoTAAACAABAPz/ORACAgAQAAIAEAACABAAAgAQAAIAEAACABAAAxIKAMyuyjk='),
          cap,
        ),
    ]) {
      expect(attempt).toThrow(DecompressionError);
      try {
        attempt();
      } catch (error) {
        expect((error as DecompressionError).capped).toBe(true);
      }
    }
  });

  it('reports corrupt and truncated data as DecompressionError', () => {
    const gz = gzipSync(bytes);
    expect(() => gunzipCapped(gz.subarray(0, gz.length >> 1))).toThrow(DecompressionError);
    expect(() => unbrotliCapped(new TextEncoder().encode('definitely not brotli'))).toThrow(
      DecompressionError,
    );
    expect(() => unzstdCapped(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xff, 0xff]))).toThrow(
      DecompressionError,
    );
  });
});

describe('decoders on arbitrary bytes', () => {
  it('either decode or throw DecompressionError, never anything else', async () => {
    const fc = (await import('fast-check')).default;
    const decoders = [gunzipCapped, unzlibCapped, inflateRawCapped, unbrotliCapped, unzstdCapped];
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 0, max: decoders.length - 1 }),
        (bytes, which) => {
          try {
            decoders[which]!(bytes, 1_000_000);
          } catch (error) {
            expect(error).toBeInstanceOf(DecompressionError);
          }
        },
      ),
      { numRuns: propertyRuns(5000) },
    );
  });
});
