import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeUtf8Strict, isTextualMediaType, parseMediaType, stripBom } from './text';
import { sniffBinaryMimeType, utf8ByteLength } from './bytes';

describe('text helpers', () => {
  it('parses media types and charsets', () => {
    expect(parseMediaType('Text/HTML; Charset="ISO-8859-1"')).toEqual({
      essence: 'text/html',
      charset: 'ISO-8859-1',
    });
    expect(parseMediaType(null)).toEqual({ essence: null, charset: null });
    expect(isTextualMediaType('application/problem+json')).toBe(true);
    expect(isTextualMediaType('image/png')).toBe(false);
  });

  it('decodes declared charsets and rejects invalid UTF-8', () => {
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'iso-8859-1')).toBe('café');
    expect(decodeText(new Uint8Array([0x63, 0xe9]), 'utf-8')).toBeNull();
    expect(decodeText(new Uint8Array([0x61]), 'no-such-charset')).toBeNull();
    expect(decodeUtf8Strict(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]))).toBe('😀');
    expect(stripBom('\uFEFFabc')).toBe('abc');
  });

  it('counts UTF-8 bytes like TextEncoder', () => {
    // Mixed: an ASCII run before the first wide character (the fast path counts that run natively).
    for (const s of [
      '',
      'abc',
      'é',
      '😀',
      'a\uD800b',
      '\uD800',
      '\uD800\uD800\uDC00',
      '\uDC00\uD800',
      '日本語',
      'data: {"a":1}\n\nx😀y\uDC00',
      '\x7f\x80',
      'ascii é ascii 😀😀 ascii ߿ࠀ',
    ]) {
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
    // Any UTF-16 units, lone surrogates included (TextEncoder writes U+FFFD for those).
    const units = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff })));
    fc.assert(
      fc.property(units, (codes) => {
        const s = codes.map((code) => String.fromCharCode(code)).join('');
        return utf8ByteLength(s) === new TextEncoder().encode(s).length;
      }),
    );
  });

  it('sniffs common binary signatures', () => {
    expect(sniffBinaryMimeType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffBinaryMimeType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffBinaryMimeType(new TextEncoder().encode('{"a":1}'))).toBeNull();
  });
});
