import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../model/http';
import { sourcegraphCompletionsAdapter as adapter } from './completions';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  url: string,
  request: unknown,
  response: string,
  mimeType = 'text/event-stream',
  status = 200,
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType, contentTypeHeader: false });
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

describe('Sourcegraph completions', () => {
  it('is detected on /.api/completions/stream and /code', () => {
    expect(
      adapter.detect(exchange('https://sourcegraph.com/.api/completions/stream?api-version=8', null, '')),
    ).toBeGreaterThan(0.9);
    expect(
      adapter.detect(exchange('https://sourcegraph.com/.api/completions/code', null, '')),
    ).toBeGreaterThan(0.9);
    expect(adapter.detect(exchange('https://api.openai.com/v1/completions', { prompt: 'x' }, ''))).toBe(0);
  });

  it('reads speakers and deltaText events', () => {
    const request = {
      model: 'anthropic/claude-2.0',
      messages: [
        { speaker: 'human', text: 'Hi' },
        { speaker: 'assistant', text: 'Ok.' },
      ],
      maxTokensToSample: 10,
    };
    const sse =
      event('completion', { deltaText: 'Hel', stopReason: '' }) +
      event('completion', { deltaText: 'lo', stopReason: 'end_turn' }) +
      event('done', {});
    const llm = adapter.read(exchange('https://sourcegraph.com/.api/completions/stream', request, sse));
    expect(llm.request!.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(llm.request!.params.maxTokensToSample).toBe(10);
    expect(llm.response).toMatchObject({
      finishReason: 'end_turn',
      message: { parts: [{ kind: 'text', text: 'Hello' }] },
    });
  });

  it('turns cumulative `completion` events into increments, and reads error events', () => {
    const sse =
      event('completion', { completion: ' Hel', stopReason: '' }) +
      event('completion', { completion: ' Hello', stopReason: '' }) +
      event('completion', { completion: ' Hello', stopReason: 'stop_sequence' }) +
      event('done', {});
    const llm = adapter.read(exchange('https://sourcegraph.com/.api/completions/code', null, sse));
    expect(llm.deltas.filter((d) => d.kind === 'text').map((d) => (d as { text: string }).text)).toEqual([
      ' Hel',
      'lo',
    ]);
    expect(llm.response).toMatchObject({
      finishReason: 'stop_sequence',
      message: { parts: [{ kind: 'text', text: ' Hello' }] },
    });
    const failed = adapter.read(
      exchange(
        'https://sourcegraph.com/.api/completions/stream',
        null,
        event('error', { error: 'rate limited' }) + event('done', {}),
      ),
    );
    expect(failed.response!.error).toMatchObject({ message: 'rate limited', eventIndex: 0 });
  });
});
