import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Base64Error, decodeBase64, encodeBase64, looksLikeBase64 } from './base64';

describe('base64', () => {
  it('round-trips arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('matches Node Buffer encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('skips whitespace and accepts missing padding and the URL-safe alphabet', () => {
    expect(new TextDecoder().decode(decodeBase64('aGVs\n  bG8='))).toBe('hello');
    expect(new TextDecoder().decode(decodeBase64('aGVsbG8'))).toBe('hello');
    expect(decodeBase64('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
  });

  it('rejects characters outside the alphabet and data after padding', () => {
    expect(() => decodeBase64('aGV*')).toThrow(Base64Error);
    expect(() => decodeBase64('aG==aG')).toThrow(Base64Error);
    expect(() => decodeBase64('a')).toThrow(Base64Error);
    expect(looksLikeBase64('not base64!')).toBe(false);
    expect(looksLikeBase64('H4sIAAAA')).toBe(true);
  });
});
