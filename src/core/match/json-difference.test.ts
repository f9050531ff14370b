import { describe, expect, it } from 'vitest';
import { firstJsonDifference, parseJsonBody, showJson } from './json-difference';

describe('firstJsonDifference', () => {
  it('is null for equal documents', () => {
    expect(firstJsonDifference({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, true)).toBeNull();
  });

  it('names the first differing path in document order, with both values', () => {
    const recorded = { messages: [{ role: 'system' }, { content: 'Add 2 and 3' }], model: 'a' };
    const incoming = { messages: [{ role: 'system' }, { content: 'Add 2 and 4' }], model: 'b' };
    expect(firstJsonDifference(recorded, incoming, false)).toEqual({
      path: '$.messages[1].content',
      recorded: '"Add 2 and 3"',
      incoming: '"Add 2 and 4"',
    });
  });

  it('says (absent) for a missing array item or key, and quotes odd keys', () => {
    expect(firstJsonDifference([1], [1, 2], false)).toEqual({
      path: '$[1]',
      recorded: '(absent)',
      incoming: '2',
    });
    expect(firstJsonDifference({ 'a b': 1 }, {}, false)).toEqual({
      path: '$["a b"]',
      recorded: '1',
      incoming: '(absent)',
    });
  });

  it('reports key order only when it matters and nothing else differs', () => {
    const recorded = { a: 1, b: 2 };
    const incoming = { b: 2, a: 1 };
    expect(firstJsonDifference(recorded, incoming, false)).toBeNull();
    expect(firstJsonDifference(recorded, incoming, true)).toMatchObject({ path: '$', keyOrderOnly: true });
    expect(firstJsonDifference({ a: 1, b: 2 }, { b: 3, a: 1 }, true)).toMatchObject({ path: '$.b' });
  });

  it('tells a number from a string and an object from an array', () => {
    expect(firstJsonDifference({ n: 1 }, { n: '1' }, false)?.path).toBe('$.n');
    expect(firstJsonDifference({ v: {} }, { v: [] }, false)?.path).toBe('$.v');
  });

  it('walks very deep documents without overflowing the stack', () => {
    let a: unknown = 'end-a';
    let b: unknown = 'end-b';
    for (let depth = 0; depth < 20000; depth++) {
      a = [a];
      b = [b];
    }
    expect(firstJsonDifference(a, b, false)?.path.endsWith('[0]')).toBe(true);
  });
});

describe('parseJsonBody and showJson', () => {
  it('parses JSON bodies and leaves other text alone', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(parseJsonBody('a=1&b=2')).toBeUndefined();
    expect(parseJsonBody('{broken')).toBeUndefined();
    expect(parseJsonBody(null)).toBeUndefined();
  });
  it('cuts long values to 80 code points', () => {
    expect(Array.from(showJson('x'.repeat(200)))).toHaveLength(80);
  });
});
