import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../model/http';
import { ollamaNativeAdapter as adapter } from './native';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  url: string,
  request: unknown,
  response: string,
  mimeType = 'application/json',
  status = 200,
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType, contentTypeHeader: false });
}

describe('Ollama native API', () => {
  it('is detected on /api/chat and /api/generate but not on the OpenAI-compatible path', () => {
    expect(adapter.detect(exchange('http://localhost:11434/api/chat', {}, '{}'))).toBeGreaterThan(0.9);
    expect(
      adapter.detect(
        exchange(
          'https://gw.example/ollama/api/generate',
          {},
          '{"model":"m","created_at":"2025-01-01T00:00:00Z","response":"","done":true}',
        ),
      ),
    ).toBeGreaterThan(0.7);
    // A web app's own /api/chat route (Vercel AI SDK UI messages) is not Ollama.
    expect(
      adapter.detect(
        exchange(
          'https://myapp.example/api/chat',
          { messages: [{ role: 'user', parts: [] }] },
          'data: {"type":"start"}\n\n',
        ),
      ),
    ).toBe(0);
    expect(adapter.detect(exchange('http://localhost:11434/v1/chat/completions', {}, '{}'))).toBe(0);
  });

  it('reads a non-streamed chat reply with thinking, object arguments, counts and durations', () => {
    const request = {
      model: 'gpt-oss:120b',
      stream: false,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather?', images: ['iVBORw0KGgo='] },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'weather', arguments: { city: 'Rome' } } }],
        },
        { role: 'tool', content: '40 C', tool_name: 'weather' },
      ],
      tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }],
      options: { temperature: 0 },
    };
    const reply = {
      model: 'gpt-oss:120b',
      message: {
        role: 'assistant',
        content: '',
        thinking: 'Use the tool.',
        tool_calls: [{ id: 'call_1', function: { index: 0, name: 'weather', arguments: { city: 'Rome' } } }],
      },
      done: true,
      done_reason: 'stop',
      total_duration: 802_000_000,
      prompt_eval_duration: 2_000_000,
      eval_duration: 500_000_000,
      prompt_eval_count: 142,
      eval_count: 61,
    };
    const llm = adapter.read(exchange('https://ollama.com/api/chat', request, JSON.stringify(reply)));
    expect(llm.request!.stream).toBe(false);
    expect(llm.request!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(llm.request!.messages[1]!.parts[1]).toMatchObject({
      kind: 'image',
      source: { mimeType: 'image/png' },
    });
    expect(llm.request!.messages[3]!.parts[0]).toMatchObject({ kind: 'tool-result', name: 'weather' });
    expect(llm.request!.params).toMatchObject({ options: { temperature: 0 } });
    const parts = llm.response!.message!.parts;
    expect(parts[0]).toEqual({ kind: 'reasoning', text: 'Use the tool.' });
    expect(parts[1]).toMatchObject({
      kind: 'tool-call',
      id: 'call_1',
      name: 'weather',
      argumentsText: '{"city":"Rome"}',
      arguments: { city: 'Rome' },
    });
    expect(llm.response).toMatchObject({
      finishReason: 'stop',
      usage: { inputTokens: 142, outputTokens: 61 },
      providerTiming: { generationMs: 500, totalMs: 802 },
    });
    expect(llm.deltas).toEqual([]);
  });

  it('folds an NDJSON stream, from /api/generate too', () => {
    const lines = [
      { model: 'qwen3', response: '', thinking: 'Hm', done: false },
      { model: 'qwen3', response: 'Hel', done: false },
      { model: 'qwen3', response: 'lo', done: false },
      {
        model: 'qwen3',
        response: '',
        done: true,
        done_reason: 'length',
        prompt_eval_count: 3,
        eval_count: 2,
        eval_duration: 1_000_000,
      },
    ];
    const ndjson = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const llm = adapter.read(
      exchange(
        'http://localhost:11434/api/generate',
        { model: 'qwen3', prompt: 'Hi', system: 'S' },
        ndjson,
        'application/x-ndjson',
      ),
    );
    expect(llm.apiLabel).toBe('Ollama · generate');
    expect(llm.request!.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(llm.request!.stream).toBe(true);
    expect(llm.stream!.format).toBe('ndjson');
    expect(llm.response!.message!.parts).toEqual([
      { kind: 'reasoning', text: 'Hm' },
      { kind: 'text', text: 'Hello' },
    ]);
    expect(llm.response).toMatchObject({
      finishReason: 'length',
      usage: { inputTokens: 3, outputTokens: 2 },
      model: 'qwen3',
      providerTiming: { generationMs: 1 },
    });
  });

  it('reports errors in the body and inside the stream', () => {
    const http = adapter.read(
      exchange(
        'http://localhost:11434/api/chat',
        {},
        '{"error":"model \\"x\\" not found"}',
        'application/json',
        404,
      ),
    );
    expect(http.response!.error!.message).toBe('model "x" not found');
    const inStream = adapter.read(
      exchange(
        'http://localhost:11434/api/chat',
        {},
        '{"message":{"content":"a"},"done":false}\n{"error":"out of memory"}\n',
        'application/x-ndjson',
      ),
    );
    expect(inStream.response!.error).toMatchObject({ message: 'out of memory', eventIndex: 1 });
    expect(inStream.response!.finishReason).toBeNull();
  });
});
