import { describe, expect, it } from 'vitest';
import type { AnalyzedExchange } from '../../core/model/analysis';
import { summarizeExchange } from '../../core/summarize-exchange';
import { shortApiLabel, toExchangeRow, toExchangeRows } from './exchange-rows';

function exchange(overrides: {
  url?: string;
  status?: number | null;
  noResponse?: boolean;
  streamed?: boolean;
  error?: boolean;
}): AnalyzedExchange {
  const events = overrides.streamed
    ? [
        { index: 0, event: null, id: null, data: '{}' },
        { index: 1, event: null, id: null, data: '[DONE]' },
      ]
    : [];
  return {
    http: {
      index: 0,
      request: {
        method: 'POST',
        url: overrides.url ?? 'https://openrouter.ai/api/v1/chat/completions?x=1',
        headers: [],
        body: null,
        protocol: null,
      },
      response: overrides.noResponse
        ? null
        : { status: overrides.status ?? 200, statusText: null, headers: [], body: null, protocol: null },
      timing: {
        durationMs: 1004.5,
        durationSource: 'go-vcr-duration',
        waitMs: null,
        receiveMs: null,
        startedAt: null,
        recordedAt: null,
      },
      warnings: [{ severity: 'warning', message: 'odd' }],
    },
    llm: {
      api: 'openai.chat-completions',
      apiFamily: 'openai-chat',
      apiLabel: 'OpenAI · Chat Completions',
      request: {
        model: 'kimi-req',
        messages: [],
        tools: [],
        stream: Boolean(overrides.streamed),
        params: {},
      },
      response: {
        model: 'kimi-resp',
        message: null,
        finishReason: 'stop',
        usage: { inputTokens: 218, outputTokens: 55, raw: null },
        error: overrides.error ? { message: 'rate limited' } : null,
        providerTiming: null,
      },
      stream: overrides.streamed
        ? { format: 'sse', events, commentCount: 0, issues: [], truncated: false }
        : null,
      deltas: [],
      notes: ['note'],
    },
  };
}

describe('toExchangeRow', () => {
  it('splits the URL and reads usage, model and events', () => {
    const row = toExchangeRow(summarizeExchange(exchange({ streamed: true }), 3));
    expect(row).toMatchObject({
      index: 3,
      host: 'openrouter.ai',
      path: '/api/v1/chat/completions?x=1',
      model: 'kimi-resp',
      streamed: true,
      events: 2,
      durationMs: 1004.5,
      inputTokens: 218,
      outputTokens: 55,
      failed: false,
      warningCount: 2,
    });
    expect(row.searchText).toContain('openrouter.ai');
    expect(row.searchText).toContain('kimi-resp');
  });

  it('keeps a placeholder URL as the path', () => {
    const row = toExchangeRow(summarizeExchange(exchange({ url: '<OLLAMA_API_BASE>/api/chat' })));
    expect(row.host).toBe('');
    expect(row.path).toBe('<OLLAMA_API_BASE>/api/chat');
    expect(row.events).toBeNull();
  });

  it.each([
    [{ status: 429 }, true],
    [{ noResponse: true }, true],
    [{ error: true }, true],
    [{ status: 200 }, false],
  ])('marks %o as failed=%s', (overrides, failed) => {
    expect(toExchangeRow(summarizeExchange(exchange(overrides))).failed).toBe(failed);
  });
});

describe('toExchangeRows', () => {
  it('marks findings pending while the file still loads, and none when the doctor found none', () => {
    const summaries = [exchange({})].map((e, i) => summarizeExchange(e, i));
    expect(toExchangeRows(summaries)[0]?.findings.pending).toBe(true);
    expect(toExchangeRows(summaries, [])[0]?.findings).toEqual({ errors: 0, warnings: 0, messages: [] });
  });

  it('counts stream doctor findings on their rows', () => {
    const rows = toExchangeRows(
      [exchange({}), exchange({ streamed: true })].map((e, i) => summarizeExchange(e, i)),
      [
        {
          kind: 'invalid-json',
          severity: 'error',
          exchangeIndex: 1,
          eventIndex: 3,
          message: 'invalid JSON in event 3',
        },
        { kind: 'stopped-early', severity: 'warning', exchangeIndex: 1, message: 'finish reason length' },
        { kind: 'retry', severity: 'warning', exchangeIndex: 9, message: 'out of range is ignored' },
      ],
    );
    expect(rows[0]?.findings).toEqual({ errors: 0, warnings: 0, messages: [] });
    expect(rows[1]?.findings).toEqual({
      errors: 1,
      warnings: 1,
      messages: ['invalid JSON in event 3', 'finish reason length'],
    });
  });
});

describe('shortApiLabel', () => {
  it.each([
    ['OpenAI Chat Completions', 'OpenAI Chat'],
    ['OpenAI Chat Completions · OpenRouter (Together)', 'Chat · OpenRouter'],
    ['OpenAI Chat Completions · Groq', 'Chat · Groq'],
    ['OpenAI · Responses', 'OpenAI Responses'],
    ['Anthropic · Messages', 'Anthropic'],
    ['Anthropic · Messages (Vertex AI)', 'Anthropic (Vertex)'],
    ['Google · Gemini (Vertex AI)', 'Gemini (Vertex)'],
    ['AWS Bedrock · InvokeModel (Anthropic Claude)', 'Bedrock Invoke'],
    ['AWS Bedrock · Converse', 'Bedrock Converse'],
    ['Cohere · Chat v2', 'Cohere v2'],
    ['HTTP', 'HTTP'],
    ['Brand New · Thing', 'Brand New'],
  ])('%s → %s', (label, short) => {
    expect(shortApiLabel(label)).toBe(short);
  });

  it('is what a row shows, while the full label stays for the tooltip', () => {
    const row = toExchangeRow(summarizeExchange(exchange({})));
    expect(row.apiShort).toBe(shortApiLabel(row.apiLabel));
  });
});
