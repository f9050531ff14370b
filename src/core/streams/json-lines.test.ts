import { describe, expect, it } from 'vitest';
import { parseJsonArrayStream, parseNdjson } from './json-lines';

describe('parseJsonArrayStream', () => {
  it('makes one event per array item, keeping its text and line', () => {
    const body =
      '[{"candidates":[{"content":{"parts":[{"text":"a]}"}]}}]}\r\n,\r\n{"b":[1,2,{"c":"\\"]"}]}\r\n]';
    const trace = parseJsonArrayStream(body);
    expect(trace.events.map((e) => e.json)).toEqual([
      { candidates: [{ content: { parts: [{ text: 'a]}' }] } }] },
      { b: [1, 2, { c: '"]' }] },
    ]);
    expect(trace.events.map((e) => e.line)).toEqual([1, 3]);
    expect(trace.truncated).toBe(false);
  });

  it('marks an array that never closes as truncated and drops a cut item', () => {
    const trace = parseJsonArrayStream('[{"a":1},\n{"b":');
    expect(trace.events.map((e) => e.data)).toEqual(['{"a":1}']);
    expect(trace.truncated).toBe(true);
  });

  it('handles scalars, empty arrays and deep nesting without recursion', () => {
    expect(parseJsonArrayStream('[1, "x", null]').events.map((e) => e.json)).toEqual([1, 'x', null]);
    expect(parseJsonArrayStream('[]').events).toEqual([]);
    const deep = '[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']';
    expect(parseJsonArrayStream(deep).events).toHaveLength(1);
    expect(parseJsonArrayStream('{"not":"array"}').issues).toHaveLength(1);
  });

  it('steps over a stray "}" instead of looping forever (found by tests/fuzz)', () => {
    const trace = parseJsonArrayStream('[~}sw}G');
    expect(trace.events.map((event) => event.data)).toEqual(['~', 'sw', 'G']);
    expect(trace.issues.filter((issue) => issue.message === 'unexpected "}"')).toHaveLength(2);
  });
});

describe('parseNdjson', () => {
  it('makes one event per non-empty line', () => {
    const trace = parseNdjson('{"message":{"content":"Hi"},"done":false}\n\n{"done":true}\n');
    expect(trace.events.map((e) => [e.line, e.json])).toEqual([
      [1, { message: { content: 'Hi' }, done: false }],
      [3, { done: true }],
    ]);
    expect(trace.truncated).toBe(false);
  });

  it('flags a cut last line', () => {
    const trace = parseNdjson('{"a":1}\n{"b":');
    expect(trace.truncated).toBe(true);
    expect(trace.issues).toHaveLength(1);
  });
});
