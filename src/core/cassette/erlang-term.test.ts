import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeErlangBinaryTerm } from './erlang-term';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** `term_to_binary(<<"…">>)`: 131, BINARY_EXT 109, a 4-byte length, the bytes. */
function binaryTerm(payload: string): Uint8Array {
  const bytes = new TextEncoder().encode(payload);
  const out = new Uint8Array(6 + bytes.length);
  out.set([131, 109]);
  new DataView(out.buffer).setUint32(2, bytes.length);
  out.set(bytes, 6);
  return out;
}

describe('decodeErlangBinaryTerm', () => {
  it('reads BINARY_EXT', () => {
    const result = decodeErlangBinaryTerm(binaryTerm('{"ok":true}'));
    expect(result.ok && text(result.bytes)).toBe('{"ok":true}');
    expect(result.ok && result.steps).toEqual(['Erlang term', 'BINARY_EXT']);
  });

  it('reads STRING_EXT', () => {
    const result = decodeErlangBinaryTerm(new Uint8Array([131, 107, 0, 2, 104, 105]));
    expect(result.ok && text(result.bytes)).toBe('hi');
  });

  it('inflates a compressed term (tag 80: size, then zlib of the term without 131)', () => {
    const inner = binaryTerm('compressed body').subarray(1);
    const zlib = deflateSync(inner);
    const term = new Uint8Array(6 + zlib.length);
    term.set([131, 80]);
    new DataView(term.buffer).setUint32(2, inner.length);
    term.set(zlib, 6);
    const result = decodeErlangBinaryTerm(term);
    expect(result.ok && text(result.bytes)).toBe('compressed body');
    expect(result.ok && result.steps).toEqual(['Erlang term', 'compressed (zlib)', 'BINARY_EXT']);
  });

  it('names what it cannot read instead of guessing', () => {
    expect(decodeErlangBinaryTerm(new Uint8Array([131, 104, 2]))).toEqual({
      ok: false,
      message: expect.stringContaining('tag 104 is not a binary') as string,
    });
    expect(decodeErlangBinaryTerm(new Uint8Array([1, 2]))).toMatchObject({ ok: false });
    const cut = binaryTerm('abcdef').subarray(0, 8);
    expect(decodeErlangBinaryTerm(cut)).toMatchObject({
      ok: false,
      message: expect.stringContaining('says 6 bytes'),
    });
  });

  it('refuses a compressed term that inflates to another size than it says', () => {
    const inner = binaryTerm('x').subarray(1);
    const zlib = deflateSync(inner);
    const term = new Uint8Array(6 + zlib.length);
    term.set([131, 80]);
    new DataView(term.buffer).setUint32(2, inner.length + 100);
    term.set(zlib, 6);
    expect(decodeErlangBinaryTerm(term)).toMatchObject({ ok: false });
  });
});
