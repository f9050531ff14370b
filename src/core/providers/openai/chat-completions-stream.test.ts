/** Chat completions responses: streamed and plain, errors, timing, detection, robustness. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
