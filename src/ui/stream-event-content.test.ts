import { describe, expect, it } from 'vitest';
import { describeEventContent } from './stream-event-content';

describe('describeEventContent', () => {
  it('says what each event added, joining several deltas of one event', () => {
    const lines = describeEventContent([
      { kind: 'text', eventIndex: 0, text: "I'll" },
      { kind: 'tool-call-start', eventIndex: 1, key: '0', id: 'c', name: 'add' },
      { kind: 'tool-call-args', eventIndex: 1, key: '0', fragment: '{"a":2,' },
      { kind: 'finish', eventIndex: 2, reason: 'tool_calls' },
      { kind: 'usage', eventIndex: 3, usage: { inputTokens: 218, outputTokens: 55, raw: null } },
    ]);
    expect(lines.get(0)).toBe('"I\'ll"');
    expect(lines.get(1)).toBe('call add · args {"a":2,');
    expect(lines.get(2)).toBe('finish tool_calls');
    expect(lines.get(3)).toBe('usage 218 in / 55 out');
    expect(lines.has(4)).toBe(false);
  });

  it('cuts long text so a row stays one line', () => {
    const line = describeEventContent([{ kind: 'text', eventIndex: 0, text: 'x'.repeat(500) }]).get(0)!;
    expect(line.length).toBeLessThan(130);
  });
});
