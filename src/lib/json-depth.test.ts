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

  it('refuses exactly the texts the text scan finds too deep, valid or not (issue 15: it parses first)', () => {
    const mixed = (depth: number) => {
      let text = '1';
      for (let i = 0; i < depth; i++) text = i % 2 ? `[0,${text},{}]` : `{"k${i}":${text},"e":[]}`;
      return text;
    };
    for (const depth of [2, 3, 255, 256, 257, 300]) {
      for (const text of [nested(depth), mixed(depth), `{"a":${nested(depth - 1)},"b":"[[["}`]) {
        const deep = jsonNestsDeeperThan(text);
        if (deep) expect(() => parseJsonBounded(text), `${depth}`).toThrow(JsonTooDeepError);
        else expect(parseJsonBounded(text)).toEqual(JSON.parse(text));
        // Broken text says it is too deep when it is, and a plain SyntaxError otherwise.
        const broken = `${text.slice(0, -1)},`;
        expect(() => parseJsonBounded(broken)).toThrow(deep ? JsonTooDeepError : SyntaxError);
        if (!deep) expect(() => parseJsonBounded(broken)).not.toThrow(JsonTooDeepError);
      }
    }
    expect(parseJsonBounded('{"__proto__":{"a":1}}')).toEqual(JSON.parse('{"__proto__":{"a":1}}'));
  });

  it('measures a parsed value iteratively, however deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(valueNestsDeeperThan(deep)).toBe(true);
    expect(valueNestsDeeperThan({ a: [[1]] }, 3)).toBe(false);
    expect(valueNestsDeeperThan({ a: [[1]] }, 2)).toBe(true);
  });
});
