import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamDelta } from '../model/conversation';
import { assembleMessage, parsePartialJson, StreamAssembler } from './assemble-stream';

const deltas: StreamDelta[] = [
  { kind: 'reasoning', eventIndex: 0, text: 'Think' },
  { kind: 'reasoning', eventIndex: 1, text: 'ing', signature: 'sig' },
  { kind: 'text', eventIndex: 2, text: "I'll" },
  { kind: 'text', eventIndex: 3, text: ' add.' },
  { kind: 'tool-call-start', eventIndex: 4, key: '0', id: 'call_1', name: 'add' },
  { kind: 'tool-call-args', eventIndex: 5, key: '0', fragment: '{"a":2,' },
  { kind: 'tool-call-start', eventIndex: 6, key: '1', id: 'call_2', name: 'multiply' },
  { kind: 'tool-call-args', eventIndex: 7, key: '0', fragment: '"b":3}' },
  { kind: 'tool-call-args', eventIndex: 8, key: '1', fragment: '{"a":2,"b":3}' },
  { kind: 'finish', eventIndex: 9, reason: 'tool_calls' },
  { kind: 'usage', eventIndex: 10, usage: { inputTokens: 10, outputTokens: null, raw: null } },
  { kind: 'usage', eventIndex: 11, usage: { inputTokens: null, outputTokens: 5, raw: null } },
];

describe('assembleMessage', () => {
  it('folds text, reasoning, tool calls by key, finish and usage', () => {
    const result = assembleMessage(deltas);
    expect(result.message.role).toBe('assistant');
    expect(result.message.parts).toEqual([
      { kind: 'reasoning', text: 'Thinking', signature: 'sig' },
      { kind: 'text', text: "I'll add." },
      {
        kind: 'tool-call',
        id: 'call_1',
        name: 'add',
        argumentsText: '{"a":2,"b":3}',
        arguments: { a: 2, b: 3 },
      },
      {
        kind: 'tool-call',
        id: 'call_2',
        name: 'multiply',
        argumentsText: '{"a":2,"b":3}',
        arguments: { a: 2, b: 3 },
      },
    ]);
    expect(result.finishReason).toBe('tool_calls');
    expect([result.usage?.inputTokens, result.usage?.outputTokens]).toEqual([10, 5]);
    expect(result.error).toBeNull();
  });

  it('shows the message as it stood at any event, with incomplete arguments flagged', () => {
    const at5 = assembleMessage(deltas, 5);
    const call = at5.message.parts.find((p) => p.kind === 'tool-call');
    expect(call?.kind === 'tool-call' && call.argumentsText).toBe('{"a":2,');
    expect(call?.kind === 'tool-call' && call.argumentsError).toBeTruthy();
    expect(at5.finishReason).toBeNull();
    expect(assembleMessage(deltas, -1).message.parts).toEqual([]);
  });

  it('merges a repeated start and keeps the first error', () => {
    const result = assembleMessage([
      { kind: 'tool-call-start', eventIndex: 0, key: 'k', id: null, name: 'f' },
      { kind: 'tool-call-start', eventIndex: 1, key: 'k', id: 'id-1', name: 'f', argumentsText: '{}' },
      { kind: 'error', eventIndex: 2, error: { message: 'first' } },
      { kind: 'error', eventIndex: 3, error: { message: 'second' } },
      { kind: 'server-tool-result', eventIndex: 4, key: 'nope', result: { x: 1 } },
    ]);
    expect(result.message.parts[0]).toMatchObject({
      kind: 'tool-call',
      id: 'id-1',
      name: 'f',
      arguments: {},
    });
    expect(result.message.parts[1]).toMatchObject({ kind: 'unknown', raw: { x: 1 } });
    expect(result.error?.message).toBe('first');
  });

  it('gives the same result incrementally as in one fold (property)', () => {
    const delta = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), eventIndex: fc.nat(50), text: fc.string() }),
      fc.record({
        kind: fc.constant('tool-call-args' as const),
        eventIndex: fc.nat(50),
        key: fc.constantFrom('a', 'b'),
        fragment: fc.string(),
      }),
      fc.record({
        kind: fc.constant('tool-call-start' as const),
        eventIndex: fc.nat(50),
        key: fc.constantFrom('a', 'b'),
        id: fc.option(fc.string()),
        name: fc.string(),
      }),
    );
    fc.assert(
      fc.property(fc.array(delta, { maxLength: 40 }), (list) => {
        const assembler = new StreamAssembler();
        for (const d of list) assembler.push(d);
        expect(assembler.snapshot()).toEqual(assembleMessage(list));
      }),
    );
  });
});

describe('parsePartialJson', () => {
  it('closes what is open', () => {
    expect(parsePartialJson('{"a":2,')).toEqual({ a: 2 });
    expect(parsePartialJson('{"city":"Par')).toEqual({ city: 'Par' });
    expect(parsePartialJson('{"list":[1,2')).toEqual({ list: [1, 2] });
    expect(parsePartialJson('{"a":{"b":')).toEqual({ a: {} });
    expect(parsePartialJson('{"a":1}')).toEqual({ a: 1 });
  });
});
