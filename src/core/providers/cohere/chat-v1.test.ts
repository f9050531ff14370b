import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../model/http';
import { cohereChatV1Adapter as adapter } from './chat-v1';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  request: unknown,
  response: string,
  mimeType = 'application/json',
  status = 200,
  url = 'https://api.cohere.ai/v1/chat',
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType, contentTypeHeader: false });
}

describe('Cohere v1 chat', () => {
  it('is detected on Cohere hosts, and elsewhere only with the v1 body', () => {
    expect(adapter.detect(exchange({ message: 'hi' }, '{}'))).toBeGreaterThan(0.9);
    expect(
      adapter.detect(
        exchange({ message: 'hi' }, '{}', 'application/json', 200, 'https://gw.example/v1/chat'),
      ),
    ).toBeGreaterThan(0.5);
    expect(
      adapter.detect(exchange({ messages: [] }, '{}', 'application/json', 200, 'https://gw.example/v1/chat')),
    ).toBe(0);
    expect(
      adapter.detect(
        exchange({ messages: [] }, '{}', 'application/json', 200, 'https://api.cohere.com/v2/chat'),
      ),
    ).toBe(0);
  });

  it('reads preamble, history, tool results and a plain reply with tool calls', () => {
    const request = {
      model: 'command-r',
      preamble: 'Be brief.',
      chat_history: [
        { role: 'USER', message: 'Hi' },
        {
          role: 'CHATBOT',
          message: 'Hello',
          tool_calls: [{ name: 'weather', parameters: { city: 'Oslo' } }],
        },
      ],
      tool_results: [{ call: { name: 'weather', parameters: { city: 'Oslo' } }, outputs: [{ temp: 3 }] }],
      message: 'And tomorrow?',
      tools: [{ name: 'weather', description: 'Weather', parameter_definitions: { city: { type: 'str' } } }],
    };
    const reply = {
      text: 'Cold.',
      generation_id: 'g1',
      finish_reason: 'COMPLETE',
      tool_calls: [{ name: 'weather', parameters: { day: 2 } }],
      meta: { tokens: { input_tokens: 20, output_tokens: 4 } },
    };
    const llm = adapter.read(exchange(request, JSON.stringify(reply)));
    expect(llm.request!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'user']);
    expect(llm.request!.messages[3]!.parts[0]).toMatchObject({
      kind: 'tool-result',
      callId: null,
      name: 'weather',
    });
    expect(llm.request!.tools[0]).toMatchObject({ name: 'weather', parameters: { city: { type: 'str' } } });
    expect(llm.response!.message!.parts).toEqual([
      { kind: 'text', text: 'Cold.' },
      expect.objectContaining({ kind: 'tool-call', id: null, name: 'weather', arguments: { day: 2 } }),
    ]);
    expect(llm.response).toMatchObject({
      finishReason: 'COMPLETE',
      usage: { inputTokens: 20, outputTokens: 4 },
      id: 'g1',
    });
  });

  it('folds the NDJSON stream', () => {
    const lines = [
      { is_finished: false, event_type: 'stream-start', generation_id: 'g' },
      { is_finished: false, event_type: 'text-generation', text: 'Hel' },
      { is_finished: false, event_type: 'text-generation', text: 'lo' },
      {
        is_finished: true,
        event_type: 'stream-end',
        finish_reason: 'MAX_TOKENS',
        response: { text: 'Hello', meta: { billed_units: { input_tokens: 5, output_tokens: 2 } } },
      },
    ];
    const llm = adapter.read(
      exchange(
        { message: 'x', stream: true },
        lines.map((l) => JSON.stringify(l)).join('\n'),
        'application/stream+json',
      ),
    );
    expect(llm.stream!.format).toBe('ndjson');
    expect(llm.response).toMatchObject({
      finishReason: 'MAX_TOKENS',
      usage: { inputTokens: 5, outputTokens: 2 },
      message: { parts: [{ kind: 'text', text: 'Hello' }] },
    });
  });
});
