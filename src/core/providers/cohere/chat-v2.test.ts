import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../model/http';
import { cohereChatV2Adapter as adapter } from './chat-v2';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  request: unknown,
  response: string,
  status = 200,
  mimeType = 'application/json',
  url = 'https://api.cohere.com/v2/chat',
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType, contentTypeHeader: false });
}

const sse = (events: Array<Record<string, unknown>>) =>
  events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join('') + 'data: [DONE]\n\n';

describe('Cohere v2 chat', () => {
  it('is detected by path, not on other APIs', () => {
    expect(adapter.detect(exchange({}, '{}'))).toBeGreaterThan(0.9);
    expect(
      adapter.detect(
        exchange({}, '{}', 200, 'application/json', 'https://api.openai.com/v1/chat/completions'),
      ),
    ).toBe(0);
  });

  it('reads messages with thinking, tool calls and tool results, and a plain response', () => {
    const request = {
      model: 'command-a-reasoning',
      messages: [
        { role: 'system', content: 'Be safe.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
        {
          role: 'assistant',
          tool_plan: 'I will call weather.',
          tool_calls: [
            { id: 'w1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'w1', content: [{ type: 'document', document: { data: '{"t":3}' } }] },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'weather', description: 'Get weather', parameters: { type: 'object' } },
        },
      ],
      temperature: 0.3,
    };
    const response = {
      id: 'abc',
      finish_reason: 'COMPLETE',
      message: {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Cold.' },
          { type: 'text', text: 'It is 3 C.' },
        ],
      },
      usage: {
        billed_units: { input_tokens: 5, output_tokens: 6 },
        tokens: { input_tokens: 50, output_tokens: 7 },
        cached_tokens: 40,
      },
    };
    const llm = adapter.read(exchange(request, JSON.stringify(response)));
    expect(llm.apiFamily).toBe('other');
    expect(llm.request!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(llm.request!.messages[2]!.parts).toEqual([
      { kind: 'reasoning', text: 'I will call weather.' },
      expect.objectContaining({ kind: 'tool-call', id: 'w1', name: 'weather', arguments: { city: 'Oslo' } }),
    ]);
    expect(llm.request!.messages[3]!.parts[0]).toMatchObject({ kind: 'tool-result', callId: 'w1' });
    expect(llm.request!.tools[0]).toMatchObject({ name: 'weather', description: 'Get weather' });
    expect(llm.response!.message!.parts).toEqual([
      { kind: 'reasoning', text: 'Cold.' },
      { kind: 'text', text: 'It is 3 C.' },
    ]);
    expect(llm.response).toMatchObject({
      finishReason: 'COMPLETE',
      usage: { inputTokens: 50, outputTokens: 7, cacheReadTokens: 40 },
    });
  });

  it('assembles a streamed answer with thinking, a tool plan and a fragmented tool call', () => {
    const events = [
      { type: 'message-start', id: 'm1', delta: { message: { role: 'assistant' } } },
      {
        type: 'content-start',
        index: 0,
        delta: { message: { content: { type: 'thinking', thinking: '' } } },
      },
      { type: 'content-delta', index: 0, delta: { message: { content: { thinking: 'Hmm' } } } },
      { type: 'tool-plan-delta', delta: { message: { tool_plan: ' plan' } } },
      {
        type: 'tool-call-start',
        index: 0,
        delta: {
          message: { tool_calls: { id: 'c1', type: 'function', function: { name: 'add', arguments: '' } } },
        },
      },
      {
        type: 'tool-call-delta',
        index: 0,
        delta: { message: { tool_calls: { function: { arguments: '{"a":' } } } },
      },
      {
        type: 'tool-call-delta',
        index: 0,
        delta: { message: { tool_calls: { function: { arguments: '1}' } } } },
      },
      { type: 'tool-call-end', index: 0 },
      { type: 'content-delta', index: 1, delta: { message: { content: { text: 'Done' } } } },
      {
        type: 'citation-start',
        index: 0,
        delta: {
          message: { citations: { start: 0, end: 4, text: 'Done', sources: [{ type: 'tool', id: 'c1:0' }] } },
        },
      },
      { type: 'citation-end', index: 0 },
      {
        type: 'message-end',
        delta: { finish_reason: 'TOOL_CALL', usage: { tokens: { input_tokens: 9, output_tokens: 4 } } },
      },
    ];
    const llm = adapter.read(exchange({ stream: true, messages: [] }, sse(events), 200, 'text/event-stream'));
    const parts = llm.response!.message!.parts;
    expect(parts[0]).toEqual({ kind: 'reasoning', text: 'Hmm plan' });
    expect(parts[1]).toMatchObject({ kind: 'tool-call', id: 'c1', name: 'add', arguments: { a: 1 } });
    expect(parts[2]).toEqual({
      kind: 'text',
      text: 'Done',
      citations: [{ start: 0, end: 4, text: 'Done', sources: [{ type: 'tool', id: 'c1:0' }] }],
    });
    expect(llm.response).toMatchObject({
      finishReason: 'TOOL_CALL',
      usage: { inputTokens: 9, outputTokens: 4 },
      id: 'm1',
    });
    expect(llm.stream!.events).toHaveLength(events.length + 1);
  });

  it('reports an HTTP error with the provider message', () => {
    const llm = adapter.read(exchange({}, '{"id":"x","message":"invalid api token"}', 401));
    expect(llm.response).toMatchObject({ message: null, error: { message: 'invalid api token' } });
  });
});
