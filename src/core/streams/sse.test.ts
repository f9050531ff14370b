import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeSse, parseSse, parseSseByLine, parseSseChunks, readSseWhole } from './sse';

const encoder = new TextEncoder();

describe('parseSse', () => {
  it('follows the WHATWG rules: comments, multi-line data, event, id, CRLF and CR', () => {
    const body =
      ': keep-alive\r\nevent: delta\r\nid: 7\r\ndata: {"a":\r\ndata: 1}\r\n\r\n: OPENROUTER PROCESSING\r\rdata: [DONE]\r\r';
    const trace = parseSse(body);
    expect(trace.commentCount).toBe(2);
    expect(trace.events.map((e) => [e.index, e.event, e.id, e.data])).toEqual([
      [0, 'delta', '7', '{"a":\n1}'],
      [1, null, null, '[DONE]'],
    ]);
    expect(trace.events[0]?.json).toEqual({ a: 1 });
    expect(trace.events[1]?.json).toBeUndefined();
    expect(trace.events[1]?.jsonError).toBeUndefined();
    expect(trace.truncated).toBe(false);
    expect(trace.events.map((e) => e.line)).toEqual([2, 9]);
  });

  it('counts only blocks with a data field', () => {
    const trace = parseSse('event: ping\n\ndata: 1\n\nid: 3\n\ndata:\n\n');
    expect(trace.events.map((e) => e.data)).toEqual(['1', '']);
  });

  it('reports lines that break the grammar with their line number, and bad JSON', () => {
    const trace = parseSse('data: {"ok":true}\n\n{"not":"sse"}\ndata: {broken\n\n');
    expect(trace.issues).toHaveLength(1);
    expect(trace.issues[0]?.line).toBe(3);
    expect(trace.issues[0]?.text).toBe('{"not":"sse"}');
    expect(trace.events[1]?.jsonError).toBeTruthy();
    expect(trace.events[1]?.line).toBe(3);
  });

  it('ties a bad line to the event its block became, and to none when the block had no data', () => {
    const trace = parseSse('data: {"a":\n1}\n\nstray\n\ndata: 2\n\n');
    expect(trace.issues.map((i) => [i.line, i.eventIndex])).toEqual([
      [2, 0],
      [4, undefined],
    ]);
    expect(trace.events.map((e) => e.data)).toEqual(['{"a":', '2']);
  });

  it('keeps an event the body cut short and marks the trace truncated', () => {
    const trace = parseSse('data: {"a":1}\n\ndata: {"b":');
    expect(trace.truncated).toBe(true);
    expect(trace.events.map((e) => e.data)).toEqual(['{"a":1}', '{"b":']);
    expect(parseSse('data: 1\n').truncated).toBe(true);
    expect(parseSse('data: 1\n\n').truncated).toBe(false);
  });

  it('ignores a leading BOM', () => {
    expect(parseSse('\uFEFFdata: x\n\n').events[0]?.data).toBe('x');
  });

  it('recognises SSE bodies without a content type', () => {
    expect(looksLikeSse(': hi\n\ndata: {}\n\n')).toBe(true);
    expect(looksLikeSse('event: message_start\ndata: {}\n\n')).toBe(true);
    expect(looksLikeSse('{"data": 1}')).toBe(false);
    expect(looksLikeSse('<html>')).toBe(false);
  });

  it('frames 100,000 events (its time bound: sse.perf.test.ts)', () => {
    const chunk = 'data: {"choices":[{"index":0,"delta":{"content":"tok"}}]}\n\n';
    const body = chunk.repeat(100_000) + 'data: [DONE]\n\n';
    const trace = parseSse(body);
    expect(trace.events).toHaveLength(100_001);
    expect(trace.events[99_999]?.json).toEqual({ choices: [{ index: 0, delta: { content: 'tok' } }] });
  });

  it('yields the same events however the bytes are split (property)', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => `data: ${s.replace(/[\r\n]/g, '')}`),
      fc.constantFrom(
        'event: delta',
        'id: 42',
        ': comment',
        'data: [DONE]',
        'data: {"k":"é✓😀"}',
        'retry: 10',
        'oops',
        '',
      ),
    );
    const terminator = fc.constantFrom('\n', '\r\n', '\r');
    const body = fc
      .array(fc.tuple(line, terminator), { maxLength: 30 })
      .map((lines) => lines.map(([l, t]) => l + t).join(''));
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = encoder.encode(text);
        const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % (bytes.length + 1))))].sort(
          (a, b) => a - b,
        );
        const chunks: Uint8Array[] = [];
        let previous = 0;
        for (const point of [...points, bytes.length]) {
          chunks.push(bytes.subarray(previous, point));
          previous = point;
        }
        const whole = parseSse(text);
        const split = parseSseChunks(chunks);
        expect(split).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('frames a whole body in one feed exactly as line by line, when it does (property)', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => `data: ${s.replace(/[\r\n]/g, '')}`),
      fc.constantFrom(
        'data: {"choices":[{"delta":{"content":"hi"}}]}',
        'data',
        'data:',
        'data:x',
        'dataX: y',
        'event: delta',
        'id: 42',
        ': comment',
        'data: [DONE]',
        'retry: 10',
        'retry: x',
        'oops',
        '\uFEFFdata: x',
        '',
        '',
      ),
    );
    const body = fc
      .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('', '\n', '\n\n', '\n\n', '\n\n'))
      .map(([lines, end]) => lines.join('\n') + end);
    let whole = 0;
    const runs = 500;
    fc.assert(
      fc.property(body, (text) => {
        if (readSseWhole(text) !== null) whole++;
        expect(parseSse(text)).toEqual(parseSseByLine(text));
      }),
      { numRuns: runs },
    );
    // Not a property that passes by declining: a good share of these bodies is read in one feed.
    expect(whole).toBeGreaterThan(runs / 5);
  });
});
