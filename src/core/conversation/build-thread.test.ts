import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../cassette';
import type { AnalyzedExchange } from '../model/analysis';
import type { ContentPart, LlmExchange, Message } from '../model/conversation';
import type { HttpExchange } from '../model/http';
import { readExchange } from '../providers';
import { buildThread } from './build-thread';
import { noTiming } from '../../../tests/support/exchange-builders';

const corpus = join(__dirname, '../../../tests/fixtures/corpus');

function analyze(file: string): AnalyzedExchange[] {
  const cassette = loadCassette(new Uint8Array(readFileSync(join(corpus, file))), file);
  return cassette.exchanges.map((http) => ({ http, llm: readExchange(http) }));
}

function textOf(message: Message): string {
  return message.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('');
}

function partAt(thread: ReturnType<typeof buildThread>, ref: { item: number; part: number }): ContentPart {
  const item = thread.items[ref.item];
  if (item?.kind !== 'message') throw new Error(`item ${ref.item} is not a message`);
  return item.message.parts[ref.part]!;
}

describe('buildThread on the seed cassette', () => {
  const exchanges = analyze('seed/multi_tool_streaming_kimi-k2_together.yaml');
  const thread = buildThread(exchanges);
  const kinds = thread.items.map((i) =>
    i.kind === 'message' ? `${i.kind}:${i.source}:${i.message.role}` : i.kind,
  );

  it('shows each message once, folding the repeated history', () => {
    expect(kinds).toEqual([
      'boundary',
      'message:request:system',
      'message:request:user',
      'message:response:assistant',
      'boundary',
      'history',
      'message:request:tool',
      'message:request:tool',
      'message:response:assistant',
    ]);
    const history = thread.items[5];
    // The fold names its messages; they stay with the exchange (the view reads them on opening).
    expect(history?.kind === 'history' ? [history.count, history.roles] : []).toEqual([
      3,
      ['system', 'user', 'assistant'],
    ]);
  });

  it('links the results 5 and 6 to the add and multiply calls', () => {
    expect(thread.links.map((l) => [l.ordinal, l.name])).toEqual([
      [1, 'add'],
      [2, 'multiply'],
    ]);
    const results = thread.links.map((link) => {
      expect(link.result).not.toBeNull();
      const result = partAt(thread, link.result!);
      const call = partAt(thread, link.call);
      expect(call.kind === 'tool-call' && call.arguments).toEqual({ a: 2, b: 3 });
      return result.kind === 'tool-result'
        ? result.content.map((c) => (c.kind === 'text' ? c.text : '')).join('')
        : null;
    });
    expect(results).toEqual(['5', '6']);
  });

  it('lists each tool once with its call count and sums usage', () => {
    expect(thread.tools.map((t) => [t.definition.name, t.callCount, t.firstExchangeIndex])).toEqual([
      ['add', 1, 0],
      ['multiply', 1, 0],
    ]);
    expect(thread.totalUsage?.inputTokens).toBe(218 + 392);
    expect(thread.totalUsage?.outputTokens).toBe(55 + 30);
    expect(thread.totalUsage?.costUsd).toBeGreaterThan(0);
  });

  it('keeps the boundaries of each call', () => {
    const boundaries = thread.items.flatMap((i) => (i.kind === 'boundary' ? [i.boundary] : []));
    expect(boundaries.map((b) => [b.status, b.durationMs, b.finishReason, b.streamed])).toEqual([
      [200, 1004.536333, 'tool_calls', true],
      [200, 966.797458, 'stop', true],
    ]);
    const last = thread.items[thread.items.length - 1];
    expect(last?.kind === 'message' ? textOf(last.message) : '').toMatch(/^[-*] /m);
  });
});

function fakeExchange(index: number, llm: Partial<LlmExchange>, status = 200): AnalyzedExchange {
  const http: HttpExchange = {
    index,
    request: { method: 'POST', url: 'https://example.test/v1/x', headers: [], body: null, protocol: null },
    response: {
      status,
      statusText: status === 500 ? 'Internal Server Error' : 'OK',
      headers: [],
      body: null,
      protocol: null,
    },
    timing: noTiming(),
    warnings: [],
  };
  return {
    http,
    llm: {
      api: 'x',
      apiFamily: 'gemini',
      apiLabel: 'X',
      request: null,
      response: null,
      stream: null,
      deltas: [],
      notes: [],
      ...llm,
    },
  };
}

describe('buildThread edge cases', () => {
  it('matches Gemini results without ids by name and order', () => {
    const call = (name: string, n: number): ContentPart => ({
      kind: 'tool-call',
      id: null,
      name,
      argumentsText: `{"n":${n}}`,
      arguments: { n },
    });
    const result = (name: string, text: string): ContentPart => ({
      kind: 'tool-result',
      callId: null,
      name,
      content: [{ kind: 'text', text }],
    });
    const user: Message = { role: 'user', parts: [{ kind: 'text', text: 'go' }] };
    const reply: Message = { role: 'assistant', parts: [call('f', 1), call('g', 2), call('f', 3)] };
    const response = { model: null, finishReason: null, usage: null, error: null, providerTiming: null };
    const thread = buildThread([
      fakeExchange(0, {
        request: { model: 'm', messages: [user], tools: [], stream: false, params: {} },
        response: { ...response, message: reply },
      }),
      fakeExchange(1, {
        request: {
          model: 'm',
          messages: [
            user,
            { ...reply, parts: [...reply.parts] },
            { role: 'user', parts: [result('f', 'one'), result('g', 'two'), result('f', 'three')] },
          ],
          tools: [],
          stream: false,
          params: {},
        },
        response: { ...response, message: { role: 'assistant', parts: [{ kind: 'text', text: 'done' }] } },
      }),
    ]);
    const answers = thread.links.map((l) => {
      const part = l.result ? partAt(thread, l.result) : null;
      return part?.kind === 'tool-result' && part.content[0]?.kind === 'text' ? part.content[0].text : null;
    });
    expect(answers).toEqual(['one', 'two', 'three']);
  });

  it('shows an error item for an HTTP error without a body and a raw item for unknown traffic', () => {
    const thread = buildThread([
      fakeExchange(0, { apiFamily: 'other' }),
      fakeExchange(1, { request: { model: 'm', messages: [], tools: [], stream: false, params: {} } }, 500),
    ]);
    expect(thread.items.map((i) => i.kind)).toEqual(['boundary', 'raw', 'boundary', 'error']);
    const error = thread.items[3];
    expect(error?.kind === 'error' ? error.error.message : '').toBe('HTTP 500 Internal Server Error');
    expect(thread.totalUsage).toBeNull();
  });

  it('links results to calls whose ids the client renamed in the history it sent back', () => {
    const response = { model: null, finishReason: null, usage: null, error: null, providerTiming: null };
    const user: Message = { role: 'user', parts: [{ kind: 'text', text: 'roll' }] };
    const shownCall: ContentPart = {
      kind: 'tool-call',
      id: 'call_1',
      name: 'dice',
      argumentsText: '{}',
      arguments: {},
    };
    const resentCall: ContentPart = {
      kind: 'tool-call',
      id: 'fc_1',
      name: 'dice',
      argumentsText: '{ }',
      arguments: {},
    };
    const thread = buildThread([
      fakeExchange(0, {
        request: { model: 'm', messages: [user], tools: [], stream: false, params: {} },
        response: { ...response, message: { role: 'assistant', parts: [shownCall] } },
      }),
      fakeExchange(1, {
        request: {
          model: 'm',
          messages: [
            user,
            { role: 'assistant', parts: [resentCall] },
            {
              role: 'tool',
              parts: [{ kind: 'tool-result', callId: 'fc_1', content: [{ kind: 'text', text: '4' }] }],
            },
          ],
          tools: [],
          stream: false,
          params: {},
        },
        response: {
          ...response,
          message: { role: 'assistant', parts: [{ kind: 'text', text: 'You rolled 4' }] },
        },
      }),
    ]);
    expect(thread.items.map((i) => i.kind)).toEqual([
      'boundary',
      'message',
      'message',
      'boundary',
      'history',
      'message',
      'message',
    ]);
    expect(thread.links).toHaveLength(1);
    expect(thread.links[0]?.result).toEqual({ item: 5, part: 0 });
  });

  it('shows raw traffic that failed with its error', () => {
    const error = { message: 'Invalid access token.', type: null };
    const response = {
      model: null,
      message: null,
      finishReason: null,
      usage: null,
      error,
      providerTiming: null,
    };
    const thread = buildThread([fakeExchange(0, { apiFamily: 'other', response }, 401)]);
    expect(thread.items.map((i) => i.kind)).toEqual(['boundary', 'raw', 'error']);
  });
});
