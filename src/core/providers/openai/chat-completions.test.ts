import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../cassette';
import type { ContentPart, LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { openAiChatCompletionsAdapter as adapter } from './chat-completions';

function body(text: string, mimeType: string | null = 'application/json') {
  return { text, bytes: null, mimeType, sizeBytes: text.length, decoding: [] };
}

function exchange(
  url: string,
  request: unknown,
  response: string,
  status = 200,
  contentType = 'application/json',
): HttpExchange {
  return {
    index: 0,
    request: { method: 'POST', url, headers: [], body: body(JSON.stringify(request)), protocol: null },
    response: {
      status,
      statusText: null,
      headers: [{ name: 'Content-Type', value: contentType }],
      body: body(response, contentType),
      protocol: null,
    },
    timing: {
      durationMs: null,
      durationSource: null,
      waitMs: null,
      receiveMs: null,
      startedAt: null,
      recordedAt: null,
    },
    warnings: [],
  };
}

const sse = (...chunks: unknown[]) =>
  chunks.map((c) => `data: ${typeof c === 'string' ? c : JSON.stringify(c)}\n\n`).join('');
const chunk = (delta: unknown, extra: Record<string, unknown> = {}) => ({
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta, finish_reason: null }],
  ...extra,
});
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

describe('OpenAI chat completions: responses', () => {
  const url = 'https://api.groq.com/openai/v1/chat/completions';
  const req = { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true };

  it('merges tool-call fragments by index, reads reasoning fields and Groq x_groq timing', () => {
    const body = sse(
      chunk({ role: 'assistant', reasoning: 'Let me ' }),
      chunk({ reasoning: 'think.' }),
      chunk({
        tool_calls: [
          { index: 0, id: 'a', function: { name: 'f', arguments: '' } },
          { index: 1, id: 'b', function: { name: 'g', arguments: '{"y"' } },
        ],
      }),
      chunk({
        tool_calls: [
          { index: 0, function: { arguments: '{"x":1}' } },
          { index: 1, function: { arguments: ':2}' } },
        ],
      }),
      {
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
        x_groq: {
          usage: {
            prompt_tokens: 7,
            completion_tokens: 3,
            queue_time: 0.01,
            prompt_time: 0.002,
            completion_time: 0.5,
            total_time: 0.6,
          },
        },
      },
      '[DONE]',
    );
    const llm = adapter.read(exchange(url, req, body, 200, 'text/event-stream'));
    const parts = llm.response?.message?.parts ?? [];
    expect(parts[0]).toEqual({ kind: 'reasoning', text: 'Let me think.' });
    expect(calls(parts).map((c) => c.kind === 'tool-call' && [c.id, c.name, c.arguments])).toEqual([
      ['a', 'f', { x: 1 }],
      ['b', 'g', { y: 2 }],
    ]);
    expect(llm.response?.finishReason).toBe('tool_calls');
    expect([llm.response?.usage?.inputTokens, llm.response?.usage?.outputTokens]).toEqual([7, 3]);
    expect(llm.response?.providerTiming).toMatchObject({
      source: 'groq x_groq.usage',
      generationMs: 500,
      queueMs: 10,
    });
    expect(llm.apiLabel).toBe('OpenAI Chat Completions · Groq');
    expect(llm.deltas.every((d, i, all) => i === 0 || d.eventIndex >= all[i - 1]!.eventIndex)).toBe(true);
  });

  it('reports an OpenRouter error in the middle of a stream with its event index', () => {
    const body = sse(chunk({ content: 'Hel' }), {
      error: { message: 'Provider disconnected', code: 502 },
      choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
    });
    const llm = adapter.read(
      exchange('https://openrouter.ai/api/v1/chat/completions', req, body, 200, 'text/event-stream'),
    );
    expect(texts(llm)).toBe('Hel');
    expect(llm.response?.error).toEqual({
      message: 'Provider disconnected',
      type: null,
      code: 502,
      eventIndex: 1,
    });
    expect(llm.response?.finishReason).toBe('error');
  });

  it('reads an HTTP error body', () => {
    const body = JSON.stringify({
      error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
    });
    const llm = adapter.read(exchange(url, req, body, 429));
    expect(llm.response?.error).toEqual({
      message: 'Rate limit reached',
      type: 'requests',
      code: 'rate_limit_exceeded',
    });
    expect(llm.response?.message).toBeNull();
  });

  it('reads a plain response with reasoning, refusal, citations, Cerebras timing and cost', () => {
    const body = JSON.stringify({
      id: 'x',
      model: 'qwen',
      object: 'chat.completion',
      citations: ['https://a.test'],
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: 'Answer', reasoning_content: 'why', refusal: 'no' },
        },
      ],
      usage: {
        prompt_tokens: 5,
        completion_tokens: 2,
        cost: 0.01,
        prompt_tokens_details: { cached_tokens: 4 },
        completion_tokens_details: { reasoning_tokens: 1 },
      },
      time_info: { queue_time: 0.001, prompt_time: 0.01, completion_time: 0.2, total_time: 0.3 },
    });
    const llm = adapter.read(
      exchange('https://api.cerebras.ai/v1/chat/completions', { ...req, stream: false }, body),
    );
    expect(llm.stream).toBeNull();
    expect(llm.response?.message?.parts).toEqual([
      { kind: 'reasoning', text: 'why' },
      { kind: 'text', text: 'Answer', citations: ['https://a.test'] },
      { kind: 'refusal', text: 'no' },
    ]);
    expect(llm.response?.usage).toMatchObject({
      inputTokens: 5,
      outputTokens: 2,
      costUsd: 0.01,
      cacheReadTokens: 4,
      reasoningTokens: 1,
    });
    expect(llm.response?.providerTiming).toMatchObject({ source: 'cerebras time_info', generationMs: 200 });
  });
});

describe('OpenAI chat completions: detection and robustness', () => {
  it('detects by path on any host and by body shape', () => {
    const azure = 'https://r.openai.azure.com/openai/deployments/gpt/chat/completions?api-version=2024-02-01';
    expect(adapter.detect(exchange(azure, {}, '{}'))).toBeGreaterThan(0.5);
    expect(
      adapter.detect(exchange('https://gw.test/proxy', { model: 'm', messages: [] }, '{}')),
    ).toBeGreaterThan(0);
    expect(
      adapter.detect(exchange('https://gw.test/proxy', { foo: 1 }, '{"object":"chat.completion"}')),
    ).toBeGreaterThan(0.5);
    expect(adapter.detect(exchange('https://gw.test/proxy', { foo: 1 }, '{"x":1}'))).toBe(0);
  });

  it('never throws on arbitrary JSON requests and responses (property)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        (request, response, events) => {
          const url = 'https://api.openai.com/v1/chat/completions';
          expect(() => adapter.read(exchange(url, request, JSON.stringify(response)))).not.toThrow();
          expect(() =>
            adapter.read(
              exchange(url, request, sse(...events.map((e) => JSON.stringify(e))), 200, 'text/event-stream'),
            ),
          ).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });
});
