import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, messageKey } from './message-key';

describe('canonicalJson', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('answers for arguments nested 100,000 deep instead of overflowing the stack (issue 14)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const key = canonicalJson(deep);
    expect(key).toContain('<nested deeper than 256 levels>');
    expect(key.startsWith('[[[')).toBe(true);
    // Values within the bound keep their full text.
    let shallow: unknown = 1;
    for (let i = 0; i < 100; i++) shallow = { k: shallow };
    expect(canonicalJson(shallow)).toBe(JSON.stringify(shallow));
  });

  it('keys texts equal up to white space runs alike, as the regex alone would (property)', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', 'x y');
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    const key = (t: string) => messageKey({ role: 'user', parts: [{ kind: 'text', text: t }] });
    const reference = (t: string) => t.replace(/\s+/g, ' ').trim();
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(key(a) === key(b)).toBe(reference(a) === reference(b));
      }),
    );
  });
});
