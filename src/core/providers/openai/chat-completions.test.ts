import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../cassette';
import type { ContentPart, LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { openAiChatCompletionsAdapter as adapter } from './chat-completions';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  url: string,
  request: unknown,
  response: string,
  status = 200,
  contentType = 'application/json',
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType: contentType });
}

const texts = (llm: LlmExchange) =>
  (llm.response?.message?.parts ?? []).flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('');
const calls = (parts: ContentPart[] | undefined) => (parts ?? []).filter((p) => p.kind === 'tool-call');

describe('OpenAI chat completions on the seed cassette', () => {
  const file = join(
    __dirname,
    '../../../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml',
  );
  const cassette = loadCassette(new Uint8Array(readFileSync(file)), 'seed.yaml');
  const [first, second] = cassette.exchanges.map((e) => adapter.read(e));

  it('reads interaction 0: text, two tool calls with parsed arguments, finish and usage', () => {
    expect(adapter.detect(cassette.exchanges[0]!)).toBeGreaterThan(0.5);
    expect(first!.stream?.events).toHaveLength(24);
    expect(texts(first!)).toBe("I'll add and multiply the numbers 2 and 3 for you.");
    expect(
      calls(first!.response?.message?.parts).map(
        (c) => c.kind === 'tool-call' && [c.name, c.arguments, c.id?.startsWith('call_')],
      ),
    ).toEqual([
      ['add', { a: 2, b: 3 }, true],
      ['multiply', { a: 2, b: 3 }, true],
    ]);
    expect(first!.response?.finishReason).toBe('tool_calls');
    expect([first!.response?.usage?.inputTokens, first!.response?.usage?.outputTokens]).toEqual([218, 55]);
    expect(first!.response?.usage?.costUsd).toBeCloseTo(0.000383);
    expect(first!.apiLabel).toBe('OpenAI Chat Completions · OpenRouter (Together)');
  });

  it('reads interaction 1: the request history with tool results and a markdown list', () => {
    const roles = second!.request?.messages.map((m) => m.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'tool', 'tool']);
    const results = second!.request!.messages.slice(3).map((m) => m.parts[0]);
    expect(results.map((r) => r?.kind === 'tool-result' && r.content)).toEqual([
      [{ kind: 'text', text: '5' }],
      [{ kind: 'text', text: '6' }],
    ]);
    expect(second!.stream?.events).toHaveLength(32);
    expect(second!.response?.finishReason).toBe('stop');
    expect([second!.response?.usage?.inputTokens, second!.response?.usage?.outputTokens]).toEqual([392, 30]);
    expect(texts(second!)).toMatch(/^\s*[-*] .+\n[-*] /m);
    expect(second!.request?.tools.map((t) => [t.type, t.name])).toEqual([
      ['function', 'add'],
      ['function', 'multiply'],
    ]);
  });
});

describe('OpenAI chat completions: request', () => {
  it('reads roles, content parts, names and tools', () => {
    const request = {
      model: 'gpt-4o',
      temperature: 0.2,
      messages: [
        { role: 'developer', content: 'be brief' },
        {
          role: 'user',
          name: 'ann',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
            { type: 'image_url', image_url: { url: 'https://example.test/cat.png' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            { type: 'mystery', x: 1 },
          ],
        },
        {
          role: 'assistant',
          content: null,
          reasoning_content: 'hmm',
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"x":' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'ok' },
      ],
      tools: [
        { type: 'function', function: { name: 'f', description: 'does f', parameters: { type: 'object' } } },
        { type: 'web_search_preview' },
      ],
    };
    const llm = adapter.read(
      exchange('https://api.openai.com/v1/chat/completions', request, '{"choices":[]}'),
    );
    const [dev, user, assistant, tool] = llm.request!.messages;
    expect(dev).toEqual({ role: 'developer', parts: [{ kind: 'text', text: 'be brief' }] });
    expect(user?.name).toBe('ann');
    expect(user?.parts.map((p) => p.kind)).toEqual(['text', 'image', 'image', 'audio', 'unknown']);
    expect(user?.parts[1]).toEqual({
      kind: 'image',
      source: { kind: 'inline', mimeType: 'image/png', base64: 'iVBORw0KGgo=' },
      detail: 'low',
    });
    expect(user?.parts[2]).toEqual({
      kind: 'image',
      source: { kind: 'url', url: 'https://example.test/cat.png' },
    });
    expect(assistant?.parts[0]).toEqual({ kind: 'reasoning', text: 'hmm' });
    expect(assistant?.parts[1]).toMatchObject({ kind: 'tool-call', id: 'c1', argumentsText: '{"x":' });
    expect(assistant?.parts[1]).toHaveProperty('argumentsError');
    expect(tool).toEqual({
      role: 'tool',
      parts: [{ kind: 'tool-result', callId: 'c1', content: [{ kind: 'text', text: 'ok' }] }],
    });
    expect(llm.request?.tools.map((t) => [t.type, t.name, t.description])).toEqual([
      ['function', 'f', 'does f'],
      ['web_search_preview', 'web_search_preview', undefined],
    ]);
    expect(llm.request?.params).toMatchObject({ temperature: 0.2 });
    expect(llm.request?.stream).toBe(false);
  });
});
