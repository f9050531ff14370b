/**
 * Replay of what the corpus lacks, through the real pipeline: an Ollama native NDJSON stream
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion: one JSON
 * object a line, durations in nanoseconds on the last), a response that was not streamed, and a
 * stream with zero events. The cassettes are vcrpy YAML written as JSON (YAML 1.2 reads JSON).
 */
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassette } from '../cassette';
import type { AnalyzedExchange } from '../model/analysis';
import { EMPTY_STREAM_ORIGIN, eventsAt, MessageAtEvent, planExchangeReplay, summarizeTiming } from './index';

function vcrpyCassette(uri: string, request: unknown, body: string, contentType: string): AnalyzedExchange {
  const cassette = {
    interactions: [
      {
        request: { body: JSON.stringify(request), headers: {}, method: 'POST', uri },
        response: {
          body: { string: body },
          headers: { 'Content-Type': [contentType] },
          status: { code: 200, message: 'OK' },
        },
      },
    ],
    version: 1,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(cassette));
  const exchange = analyzeCassette(loadCassette(bytes, 'synthetic.yaml')).exchanges[0];
  if (!exchange) throw new Error('no interaction');
  return exchange;
}

const OLLAMA_LINES = [
  {
    model: 'qwen3',
    created_at: '2025-01-01T00:00:00Z',
    message: { role: 'assistant', content: 'The' },
    done: false,
  },
  {
    model: 'qwen3',
    created_at: '2025-01-01T00:00:00Z',
    message: { role: 'assistant', content: ' sky' },
    done: false,
  },
  {
    model: 'qwen3',
    created_at: '2025-01-01T00:00:00Z',
    message: { role: 'assistant', content: ' is blue.' },
    done: false,
  },
  {
    model: 'qwen3',
    created_at: '2025-01-01T00:00:01Z',
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: 'stop',
    total_duration: 900_000_000,
    load_duration: 100_000_000,
    prompt_eval_duration: 50_000_000,
    prompt_eval_count: 12,
    eval_duration: 640_000_000,
    eval_count: 5,
  },
];

describe('replay of an Ollama native NDJSON stream', () => {
  const exchange = vcrpyCassette(
    'http://localhost:11434/api/chat',
    { model: 'qwen3', stream: true, messages: [{ role: 'user', content: 'Sky?' }] },
    OLLAMA_LINES.map((line) => JSON.stringify(line)).join('\n') + '\n',
    'application/x-ndjson',
  );

  it('is framed as NDJSON, one schedule entry per line, paced by eval_duration', () => {
    expect(exchange.llm.stream?.format).toBe('ndjson');
    const schedule = planExchangeReplay(exchange);
    expect(schedule.events).toHaveLength(4);
    expect(schedule.pacing).toBe('provider-timing');
    expect(schedule.generationLabel).toBe('reported');
    expect(schedule.pacingOrigin).toMatch(/eval_duration/);
    expect(schedule.generationMs).toBeCloseTo(640, 6);
    expect(schedule.outputTokens).toBe(5);
    expect(schedule.events[0]!.atMs).toBe(schedule.latencyMs);
    expect(schedule.events.at(-1)!.atMs).toBeCloseTo(schedule.latencyMs + 640, 6);
    const final = new MessageAtEvent(exchange.llm.deltas).at(schedule.events.at(-1)!.eventIndex);
    expect(final.message.parts).toEqual(exchange.llm.response?.message?.parts);
    expect(final.message.parts[0]).toEqual({ kind: 'text', text: 'The sky is blue.' });
    expect(summarizeTiming(schedule).tokensPerSecond).toBeCloseTo(5 / 0.64, 6);
  });
});

describe('replay of a response that was not streamed', () => {
  const exchange = vcrpyCassette(
    'https://api.openai.com/v1/chat/completions',
    { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] },
    JSON.stringify({
      id: 'x',
      object: 'chat.completion',
      model: 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    }),
    'application/json',
  );

  it('has no events: the latency, then the whole body, labelled as such', () => {
    const schedule = planExchangeReplay(exchange);
    expect(exchange.llm.stream).toBeNull();
    expect(schedule.events).toHaveLength(0);
    expect(schedule.pacing).toBe('not-streamed');
    expect(schedule.pacingOrigin).toBe('whole body');
    expect(schedule.endMs).toBe(schedule.latencyMs);
    expect(eventsAt(schedule, Number.POSITIVE_INFINITY)).toHaveLength(0);
  });
});

describe('replay of a stream with zero events', () => {
  const exchange = vcrpyCassette(
    'https://api.openai.com/v1/chat/completions',
    { model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Hi' }] },
    // Only an SSE comment (a keep-alive): framed as a stream, but no event reached the client.
    ': keep-alive\n\n',
    'text/event-stream',
  );

  it('plans an empty schedule without throwing, and does not call it a whole body', () => {
    expect(exchange.llm.stream?.events).toEqual([]);
    const schedule = planExchangeReplay(exchange);
    expect(schedule.events).toHaveLength(0);
    expect(schedule.endMs).toBeGreaterThanOrEqual(0);
    expect(schedule.pacingOrigin).toBe(EMPTY_STREAM_ORIGIN);
    expect(summarizeTiming(schedule).eventCount).toBe(0);
    expect(summarizeTiming(schedule).tokensPerSecond).toBeNull();
  });
});
