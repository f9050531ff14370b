import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../model/http';
import { openaiCompletionsAdapter as adapter } from './completions';
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

const chunk = (text: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'cmpl-1', object: 'text_completion', model: 'babbage-002', choices: [{ text, index: 0, finish_reason: finish }] })}\n\n`;

describe('OpenAI legacy Completions', () => {
  it('is detected on /v1/completions, never on /v1/chat/completions', () => {
    expect(
      adapter.detect(exchange('https://api.openai.com/v1/completions', { model: 'm', prompt: 'p' }, '{}')),
    ).toBeGreaterThan(0.9);
    expect(
      adapter.detect(
        exchange('https://api.openai.com/v1/chat/completions', { model: 'm', messages: [] }, '{}'),
      ),
    ).toBe(0);
    expect(
      adapter.detect(exchange('http://localhost:11434/api/generate', { model: 'm', prompt: 'p' }, '{}')),
    ).toBe(0);
  });

  it('reads the prompt and a streamed completion up to its finish reason', () => {
    const sse = chunk(' +') + chunk(' fib') + chunk('(n)', 'length') + 'data: [DONE]\n\n';
    const llm = adapter.read(
      exchange(
        'https://api.openai.com/v1/completions',
        { model: 'babbage-002', prompt: 'def f', stream: true, max_tokens: 5 },
        sse,
        'text/event-stream',
      ),
    );
    expect(llm.apiFamily).toBe('other');
    expect(llm.request).toMatchObject({
      model: 'babbage-002',
      stream: true,
      messages: [{ role: 'user', parts: [{ kind: 'text', text: 'def f' }] }],
    });
    expect(llm.request!.params.max_tokens).toBe(5);
    expect(llm.response).toMatchObject({
      finishReason: 'length',
      model: 'babbage-002',
      message: { parts: [{ kind: 'text', text: ' + fib(n)' }] },
    });
    expect(llm.stream!.events).toHaveLength(4);
  });

  it('reads a plain completion with usage, and an error body', () => {
    const plain = {
      id: 'c',
      object: 'text_completion',
      model: 'gpt-3.5-turbo-instruct',
      choices: [{ text: 'Hi', index: 0, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 },
    };
    const llm = adapter.read(
      exchange(
        'https://api.openai.com/v1/completions',
        { model: 'x', prompt: ['a', 'b'] },
        JSON.stringify(plain),
      ),
    );
    expect(llm.request!.messages[0]!.parts).toHaveLength(2);
    expect(llm.response).toMatchObject({
      finishReason: 'stop',
      usage: { inputTokens: 2, outputTokens: 1, totalTokens: 3 },
      message: { parts: [{ kind: 'text', text: 'Hi' }] },
    });
    const error = adapter.read(
      exchange(
        'https://api.openai.com/v1/completions',
        { prompt: 'x' },
        '{"error":{"message":"model not found","type":"invalid_request_error"}}',
        'application/json',
        404,
      ),
    );
    expect(error.response).toMatchObject({ message: null, error: { message: 'model not found' } });
  });
});
