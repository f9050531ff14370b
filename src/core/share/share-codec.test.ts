import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import {
  MAX_SHARED_BYTES,
  decodeSharePayload,
  encodeSharePayload,
  fromBase64Url,
  toBase64Url,
} from './share-codec';

describe('share codec', () => {
  it('round-trips any text and file name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (fileName, text) => {
        const decoded = decodeSharePayload(encodeSharePayload({ fileName: fileName || 'x', text }));
        expect(decoded.text).toBe(text);
        expect(decoded.fileName).toBe((fileName || 'x').replace(/[\r\n]/g, ' '));
      }),
    );
  });

  it('writes a versioned, URL-safe payload', () => {
    const payload = encodeSharePayload({ fileName: 'a.yaml', text: 'interactions: []\n'.repeat(50) });
    expect(payload).toMatch(/^d1:[A-Za-z0-9_-]+$/);
  });

  it('base64url round-trips bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect([...fromBase64Url(toBase64Url(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('refuses unknown codecs, cut links and damaged data with a message', () => {
    expect(() => decodeSharePayload('zz:abc')).toThrow(/share format "zz"/);
    expect(() => decodeSharePayload('abc')).toThrow(/cut short/);
    const good = encodeSharePayload({ fileName: 'a.yaml', text: 'x'.repeat(5000) + Math.random() });
    expect(() => decodeSharePayload(good.slice(0, good.length - 5))).toThrow(/cut short|damaged/);
    expect(() => decodeSharePayload('d1:!!!')).toThrow(/base64url/);
  });

  it('stops a deflate bomb at the cap', () => {
    const bomb = deflateSync(new Uint8Array(MAX_SHARED_BYTES + 1024 * 1024), { level: 9 });
    expect(() => decodeSharePayload(`d1:${toBase64Url(bomb)}`)).toThrow(/MiB/);
  });
});
