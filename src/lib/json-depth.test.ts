import { describe, expect, it } from 'vitest';
import {
  jsonNestsDeeperThan,
  JsonTooDeepError,
  MAX_JSON_DEPTH,
  parseJsonBounded,
  valueNestsDeeperThan,
} from './json-depth';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('bounded JSON nesting (issue 14)', () => {
  it('measures nesting of arrays and objects, not brackets inside strings', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonNestsDeeperThan(`{"a":${nested(3)}}`, 3)).toBe(true);
    const quoted = JSON.stringify({ text: '['.repeat(1000), escaped: 'a \\" [[[[ \\\\', n: [1] });
    expect(jsonNestsDeeperThan(quoted, 2)).toBe(false);
    expect(jsonNestsDeeperThan(`"${'\\"['.repeat(500)}"`, 2)).toBe(false);
  });

  it('refuses text nested 100,000 deep with a SyntaxError that names the limit, and parses the rest', () => {
    expect(() => parseJsonBounded(nested(100_000))).toThrow(JsonTooDeepError);
    expect(() => parseJsonBounded(nested(100_000))).toThrow(/nested deeper than 256 levels \(the limit\)/);
    expect(parseJsonBounded('{"a":[1,{"b":"]]]"}]}')).toEqual({ a: [1, { b: ']]]' }] });
    expect(() => parseJsonBounded('{')).toThrow(SyntaxError);
  });

  it('measures a parsed value iteratively, however deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(valueNestsDeeperThan(deep)).toBe(true);
    expect(valueNestsDeeperThan({ a: [[1]] }, 3)).toBe(false);
    expect(valueNestsDeeperThan({ a: [[1]] }, 2)).toBe(true);
  });
});
