import { describe, expect, it } from 'vitest';
import type { AnalyzedCassette, AnalyzedExchange } from '../model/analysis';
import type { ContentPart, LlmExchange } from '../model/conversation';
import type { HttpExchange } from '../model/http';
import type { StreamEvent } from '../model/stream';
import type { Thread } from '../model/thread';
import { findAnomalies } from '../doctor/find-anomalies';
import { codePointLength, firstCodePoints } from './code-points';
import { baseName, toInspectReport } from './inspect-report';
import { formatInspectTable, singleLine } from './inspect-table';
import { httpExchange, noTiming } from '../../../tests/support/exchange-builders';

function http(index: number, overrides: Partial<HttpExchange> = {}): HttpExchange {
  const base = httpExchange({
    index,
    method: 'post',
    url: 'https://api.example.com/v1/chat/completions',
    statusText: 'OK',
  });
  return {
    ...base,
    timing: { ...noTiming(), durationMs: 12.5, durationSource: 'go-vcr-duration' },
    ...overrides,
  };
}

function llm(parts: ContentPart[] | null, overrides: Partial<LlmExchange> = {}): LlmExchange {
  return {
    api: 'openai.chat-completions',
    apiFamily: 'openai-chat',
    apiLabel: 'OpenAI · Chat Completions',
    request: { model: 'gpt-test', messages: [], tools: [], stream: false, params: {} },
    response: {
      model: 'gpt-test-2025',
      message: parts ? { role: 'assistant', parts } : null,
      finishReason: 'stop',
      usage: { inputTokens: 10, outputTokens: 3, raw: {} },
      error: null,
      providerTiming: null,
    },
    stream: null,
    deltas: [],
    notes: [],
    ...overrides,
  };
}

function cassette(exchanges: AnalyzedExchange[]): AnalyzedCassette {
  const thread: Thread = { items: [], tools: [], links: [], totalUsage: null };
  return {
    cassette: {
      fileName: 'x.yaml',
      format: 'go-vcr-v2',
      formatVariant: 'version 2',
      recorder: null,
      fileDecoding: [],
      exchanges: exchanges.map((e) => e.http),
      warnings: [{ severity: 'warning', message: 'odd indentation', line: 4, column: 2 }],
    },
    exchanges,
    thread,
    // What analyzeCassette attaches; built here from the same doctor so the report's wiring is tested.
    anomalies: findAnomalies({ exchanges, thread }),
  } as AnalyzedCassette;
}

const events = (n: number): StreamEvent[] =>
  Array.from({ length: n }, (_, index) => ({ index, event: null, id: null, data: '{}' }));

describe('code points', () => {
  it('counts a surrogate pair once and never cuts it in half', () => {
    const text = '😀'.repeat(3) + 'abc';
    expect(text.length).toBe(9);
    expect(codePointLength(text)).toBe(6);
    expect(firstCodePoints(text, 2)).toBe('😀😀');
    expect(firstCodePoints('a\ud800b', 2)).toBe('a\ud800');
    expect(codePointLength('a\ud800b')).toBe(3);
  });
});

describe('toInspectReport', () => {
  it('maps a streamed tool-calling exchange field by field, in the documented key order', () => {
    const parts: ContentPart[] = [
      { kind: 'reasoning', text: 'think ' },
      { kind: 'text', text: 'Hello ' },
      { kind: 'tool-call', id: 'c1', name: 'add', argumentsText: '{}' },
      { kind: 'tool-call', id: 's1', name: 'web_search', argumentsText: '{}', server: true },
      { kind: 'reasoning', text: 'more' },
      { kind: 'text', text: 'world' },
      { kind: 'tool-call', id: 'c2', name: 'multiply', argumentsText: '{}' },
    ];
    const exchange = {
      http: http(0),
      llm: llm(parts, {
        stream: { format: 'sse', events: events(7), commentCount: 1, issues: [], truncated: false },
      }),
    };
    const report = toInspectReport(cassette([exchange]), '/some/dir/file.yaml');
    expect(report.file).toBe('file.yaml');
    expect(report.interaction_count).toBe(1);
    expect(report.warnings).toEqual(['line 4, column 2: odd indentation']);
    const row = report.interactions[0]!;
    expect(Object.keys(row)).toEqual([
      'index',
      'method',
      'url',
      'status',
      'api_family',
      'api',
      'model',
      'is_sse',
      'stream_format',
      'stream_events',
      'tool_calls',
      'server_tool_calls',
      'text',
      'text_length',
      'reasoning_text',
      'audio_transcript',
      'images',
      'finish_reason',
      'usage',
      'duration_ms',
      'error',
      'anomalies',
      'anomaly_details',
    ]);
    expect(row).toMatchObject({
      method: 'POST',
      model: 'gpt-test',
      is_sse: true,
      stream_format: 'sse',
      stream_events: 7,
      tool_calls: ['add', 'multiply'],
      server_tool_calls: ['web_search'],
      text: 'Hello world',
      text_length: 11,
      reasoning_text: 'think more',
      usage: { input_tokens: 10, output_tokens: 3 },
      duration_ms: 12.5,
      error: null,
    });
    // The stream doctor's findings are filed under the interaction: this fake stream has no
    // terminal event.
    expect(row.anomalies).toEqual([expect.stringMatching(/terminal/)]);
    expect(row.anomaly_details).toEqual([
      {
        kind: 'no-terminal-event',
        severity: 'error',
        event_index: 6,
        message: 'stream stops after event 6 without its terminal event',
      },
    ]);
  });

  it('cuts text at 200 code points but reports the full length', () => {
    const long = '€'.repeat(150) + '😀'.repeat(100);
    const row = toInspectReport(cassette([{ http: http(0), llm: llm([{ kind: 'text', text: long }]) }]), 'a')
      .interactions[0]!;
    expect(codePointLength(row.text!)).toBe(200);
    expect(row.text!.endsWith('😀')).toBe(true);
    expect(row.text_length).toBe(250);
  });

  it('gives "" for an LLM error response and null text for non-LLM traffic', () => {
    const errorLlm = llm(null);
    errorLlm.response = {
      ...errorLlm.response!,
      finishReason: null,
      usage: null,
      error: { message: 'bad key' },
    };
    const other = llm(null, { api: 'fallback', apiFamily: 'other', request: null, response: null });
    const report = toInspectReport(
      cassette([
        { http: http(0), llm: errorLlm },
        { http: http(1, { response: null }), llm: other },
      ]),
      'b',
    );
    expect(report.interactions[0]).toMatchObject({
      text: '',
      text_length: 0,
      error: 'bad key',
      usage: null,
      reasoning_text: null,
    });
    expect(report.interactions[1]).toMatchObject({
      text: null,
      status: null,
      model: null,
      api_family: 'other',
      stream_events: null,
      is_sse: false,
    });
  });

  it('takes an in-stream error from the deltas when the response carries none', () => {
    const streamed = llm([{ kind: 'text', text: 'partial' }], {
      deltas: [{ kind: 'error', eventIndex: 3, error: { message: 'overloaded' } }],
    });
    expect(toInspectReport(cassette([{ http: http(0), llm: streamed }]), 'c').interactions[0]!.error).toBe(
      'overloaded',
    );
  });

  it('falls back to the response model when the request names none', () => {
    const noRequestModel = llm([], {
      request: { model: null, messages: [], tools: [], stream: false, params: {} },
    });
    expect(
      toInspectReport(cassette([{ http: http(0), llm: noRequestModel }]), 'd').interactions[0]!.model,
    ).toBe('gpt-test-2025');
  });
});

describe('formatInspectTable', () => {
  it('prints one row per interaction and escapes terminal control characters', () => {
    const parts: ContentPart[] = [{ kind: 'text', text: 'evil \u001b[31mred\u202e\nline' }];
    const report = toInspectReport(
      cassette([
        { http: http(0), llm: llm(parts) },
        { http: http(1), llm: llm([]) },
      ]),
      'e.yaml',
    );
    const table = formatInspectTable(report);
    expect(table).toContain('e.yaml  go-vcr-v2  2 interactions');
    expect(table).not.toContain('\u001b');
    expect(table).toContain('\\u{1b}[31mred\\u{202e}⏎line');
    expect(table.split('\n').filter((line) => line.includes('api.example.com'))).toHaveLength(2);
  });

  it('singleLine leaves ordinary text alone', () => {
    expect(singleLine('plain ü 😀')).toBe('plain ü 😀');
  });
});

describe('baseName', () => {
  it('handles POSIX and Windows paths', () => {
    expect(baseName('a/b/c.yaml')).toBe('c.yaml');
    expect(baseName('C:\\x\\y.har')).toBe('y.har');
    expect(baseName('plain')).toBe('plain');
  });
});
