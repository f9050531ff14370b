import { describe, expect, it } from 'vitest';
import { countJsonStrings, expandJsonStrings, parseJsonContainer } from './json-in-strings';

describe('JSON in strings', () => {
  it('expands strings that hold an object or an array, at any depth, and nothing else', () => {
    const value = {
      arguments: '{"a":2,"inner":"[1,{\\"b\\":true}]"}',
      number: '42',
      text: 'not {json',
      list: ['{"x":null}'],
    };
    expect(countJsonStrings(value)).toBe(3);
    expect(JSON.parse(JSON.stringify(expandJsonStrings(value)))).toEqual({
      arguments: { a: 2, inner: [1, { b: true }] },
      number: '42',
      text: 'not {json',
      list: [{ x: null }],
    });
  });

  it('keeps "__proto__" a plain key', () => {
    const expanded = expandJsonStrings({ s: '{"__proto__":{"polluted":1}}' }) as {
      s: Record<string, unknown>;
    };
    expect(Object.getPrototypeOf(expanded.s)).toBeNull();
    expect(Object.keys(expanded.s)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('leaves scalars and broken JSON alone', () => {
    expect(parseJsonContainer('true')).toBeUndefined();
    expect(parseJsonContainer('{"a":')).toBeUndefined();
    expect(expandJsonStrings('plain')).toBe('plain');
  });
});
